// Bundles the server's TypeScript and the packages it loads at start into one ES module
// (dist/server/cli.mjs), so that starting the server reads and compiles one file instead of
// compiling every source through a loader and resolving hundreds of package files (a restart
// in about 1 s of CPU instead of 1.6 s bundled without packages, or 5 s through the loader).
// bin/estatedesk.mjs runs the bundle while it is newer than every source file, and the
// TypeScript directly otherwise.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { newestSource } from '../bin/sources.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outfile = path.join(root, 'dist/server/cli.mjs');

/**
 * Packages left in node_modules: native code, packages that read their own files at run time
 * (fonts, dictionaries, the API reference's assets), and large ones loaded on first use.
 */
const EXTERNAL = ['better-sqlite3', '@node-rs/argon2', 'pg-native', 'pdfkit', 'exceljs', 'opencc-js', '@fastify/swagger-ui', 'tsx'];

/**
 * Writes the bundle beside its place and renames it there, so that a process starting the
 * server meanwhile reads the old bundle or the new one, never half of one.
 */
export async function buildServer() {
  const result = await build({
    entryPoints: [path.join(root, 'src/cli.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: EXTERNAL,
    // Bundled CommonJS packages call require() for Node's own modules.
    banner: {
      js: "import { createRequire as createRequireOfBundle } from 'node:module'; const require = createRequireOfBundle(import.meta.url);",
    },
    sourcemap: true,
    logLevel: 'warning',
    write: false,
  });
  fs.mkdirSync(path.dirname(outfile), { recursive: true });
  for (const file of result.outputFiles) {
    const temporary = `${file.path}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, file.contents);
    fs.renameSync(temporary, file.path);
  }
}

/** Builds the bundle unless it is newer than every source file already. */
export async function ensureServerBuild() {
  const built = fs.existsSync(outfile) ? fs.statSync(outfile).mtimeMs : 0;
  if (built < newestSource(path.join(root, 'src'))) await buildServer();
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await buildServer();
