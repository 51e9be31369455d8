import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * Starts a TypeScript file as its own Node process and resolves once it printed `readyLine`. Node
 * runs the file itself (`--import tsx`, no wrapper process), so a signal sent to the child reaches
 * the program under test: a SIGKILL really kills it.
 */
export async function startChild(
  file: string,
  env: Record<string, string>,
  readyLine: string,
  timeoutMs = 60_000,
): Promise<ChildProcess> {
  const ready = (output: string) => output.includes(readyLine) || undefined;
  return (await startChildUntil(file, env, ready, timeoutMs)).child;
}

/**
 * `startChild` for a process that says something the caller needs once it is ready (the port it
 * bound, say): resolves with the first defined value `ready` finds in everything it printed so far.
 */
export async function startChildUntil<T>(
  file: string,
  env: Record<string, string>,
  ready: (output: string) => T | undefined,
  timeoutMs = 60_000,
): Promise<{ child: ChildProcess; found: T }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, file)], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const found = await new Promise<T>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${file} not ready in ${timeoutMs} ms:\n${output}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const value = ready(output);
      if (value !== undefined) {
        clearTimeout(timer);
        resolve(value);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${file} exited with ${code} before it was ready:\n${output}`));
    });
  });
  return { child, found };
}

/** Resolves when the process has exited (immediately if it already has). */
export function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}
