// Bundles the server's TypeScript into one ES module (dist/server/cli.mjs), packages left to
// node_modules, so that starting the server loads plain JavaScript instead of compiling every
// file through a loader. bin/estatedesk.mjs runs the bundle while it is newer than every source
// file, and the TypeScript directly otherwise.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function buildServer() {
  await build({
    entryPoints: [path.join(root, 'src/cli.ts')],
    outfile: path.join(root, 'dist/server/cli.mjs'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await buildServer();
