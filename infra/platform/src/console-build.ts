import { execFile } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';

const consoleRoot = path.resolve(import.meta.dirname, '../../../web/console');
export const consoleDist = path.join(consoleRoot, 'dist');

/**
 * Builds the web console (`vite build`) when `web/console/dist` is missing or older than any of its
 * sources, so a fresh clone's `npm start` serves it with no extra step. It builds into a folder of
 * its own and swaps it in, so a platform starting alongside never serves half a build. Vite runs in
 * a child process: in-process it would set this process's NODE_ENV to `production`.
 */
export async function ensureConsoleBuilt(log: (message: string) => void): Promise<void> {
  const built = existsSync(path.join(consoleDist, 'index.html'))
    ? statSync(path.join(consoleDist, 'index.html')).mtimeMs
    : 0;
  if (built > newestSource()) return;
  const started = Date.now();
  const outDir = `${consoleDist}-${process.pid}`;
  const vite = path.join(
    path.dirname(createRequire(import.meta.url).resolve('vite/package.json')),
    'bin/vite.js',
  );
  await promisify(execFile)(
    process.execPath,
    [vite, 'build', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir'],
    // Always the production bundle: an inherited NODE_ENV (`test` under vitest) would make React's dev build.
    { cwd: consoleRoot, env: { ...process.env, NODE_ENV: 'production' } },
  );
  rmSync(consoleDist, { recursive: true, force: true });
  try {
    renameSync(outDir, consoleDist);
  } catch {
    rmSync(outDir, { recursive: true, force: true }); // another platform swapped its build in first
  }
  log(`web console built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** The newest modification time among the console's sources. */
function newestSource(): number {
  const roots = ['src', 'index.html', 'vite.config.ts', 'package.json'].map((p) => path.join(consoleRoot, p));
  return Math.max(...roots.map(newestUnder));
}

function newestUnder(file: string): number {
  if (!existsSync(file)) return 0;
  const stat = statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(file).map((name) => newestUnder(path.join(file, name))));
}
