import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Python tools the tests drive, pinned: an API fuzzer nobody here wrote checks our OpenAPI documents. */
export const PYTHON_TOOLS = ['schemathesis==4.32.5'];

/** Where the virtualenv lives (git-ignored), so installing never touches the system's Python. */
export const VENV_DIR = path.join(repoRoot, '.data', 'python-tools');

/**
 * Creates the virtualenv and installs the pinned tools once (a marker holds what was installed, so
 * changing a pin reinstalls). Returns the path of a tool's executable. Needs python3 with venv and
 * pip, and PyPI (or a mirror pip is configured for).
 */
export function ensurePythonTools(log: (message: string) => void = console.log): {
  bin: (tool: string) => string;
} {
  const marker = path.join(VENV_DIR, '.installed');
  const wanted = PYTHON_TOOLS.join('\n');
  if (!existsSync(marker) || readFileSync(marker, 'utf8') !== wanted) {
    const started = Date.now();
    log(`[python-tools] installing ${PYTHON_TOOLS.join(', ')} into ${VENV_DIR} (first run only)...`);
    execFileSync('python3', ['-m', 'venv', VENV_DIR], { stdio: 'inherit' });
    execFileSync(
      path.join(VENV_DIR, 'bin', 'pip'),
      ['install', '--quiet', '--disable-pip-version-check', ...PYTHON_TOOLS],
      {
        stdio: 'inherit',
      },
    );
    writeFileSync(marker, wanted);
    log(`[python-tools] ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  return { bin: (tool) => path.join(VENV_DIR, 'bin', tool) };
}
