import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const builtIndex = path.join(repoRoot, 'dist', 'web', 'index.html');

/** The newest modification time of any file under `dir`. */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const mtime = entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs;
    if (mtime > newest) newest = mtime;
  }
  return newest;
}

/**
 * Builds the web app when dist/web is missing or older than its sources, so the browser
 * tests never run against a stale bundle. The server only serves dist/web if it exists when
 * the server starts, so this must run first.
 */
export function ensureWebBuild(): void {
  const sources = Math.max(newestMtime(path.join(repoRoot, 'src', 'web')), fs.statSync(path.join(repoRoot, 'vite.config.ts')).mtimeMs);
  const built = fs.existsSync(builtIndex) ? fs.statSync(builtIndex).mtimeMs : 0;
  if (built >= sources) return;
  // The production build, as `npm run build` makes it: under the test runner NODE_ENV is
  // "test", and Vite would bundle React's development build (several times slower, and not
  // what an office runs).
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
    cwd: repoRoot,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

export default function setup(): void {
  ensureWebBuild();
}
