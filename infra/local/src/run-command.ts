import { spawn } from 'node:child_process';

/** Runs a command to completion; on failure the error carries the tail of its output. */
export function runCommand(cmd: string, args: string[]) {
  return new Promise<void>((done, fail) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-16_000));
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', fail);
    child.on('close', (code) =>
      code === 0
        ? done()
        : fail(new Error(`${cmd} ${args.join(' ')} exited with ${code}:\n${lastLines(output)}`)),
    );
  });
}

export const lastLines = (text: string, n = 30) => text.trimEnd().split('\n').slice(-n).join('\n');
