import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { runUntilStopped, type WatchedProcess } from './run-until-stopped';

function watched(stop: () => Promise<void> = async () => undefined) {
  const proc = new EventEmitter();
  const clock = { ms: 0 };
  const exits: number[] = [];
  const fatal: { err: unknown; message: string }[] = [];
  const stops: number[] = [];
  let exited: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (exited = resolve));
  runUntilStopped(
    async () => {
      stops.push(Date.now());
      await stop();
    },
    {
      timeoutMs: 1000,
      process: proc as unknown as WatchedProcess,
      exit: (code) => {
        exits.push(code);
        exited();
      },
      logger: { info: () => undefined, fatal: (fields, message) => void fatal.push({ ...fields, message }) },
      now: () => clock.ms,
    },
  );
  return { proc, exits, fatal, stops, done, clock };
}

describe('runUntilStopped', () => {
  it('when SIGTERM arrives, then the process stops gracefully and exits 0', async () => {
    const w = watched();
    w.proc.emit('SIGTERM', 'SIGTERM');
    await w.done;
    expect([w.stops.length, w.exits]).toEqual([1, [0]]);
  });

  it.each(['unhandledRejection', 'uncaughtException'])(
    'when the process sees an %s, then it is logged as fatal, the process stops and exits 1',
    async (event) => {
      const w = watched();
      const error = new Error('boom');
      w.proc.emit(event, error);
      await w.done;
      expect(w.fatal).toEqual([expect.objectContaining({ err: error })]);
      expect([w.stops.length, w.exits]).toEqual([1, [1]]);
    },
  );

  it('when a second signal comes a second or more into stopping, then it exits at once with 1', async () => {
    const w = watched(() => new Promise(() => undefined));
    w.proc.emit('SIGTERM', 'SIGTERM');
    w.clock.ms = 1000;
    w.proc.emit('SIGINT', 'SIGINT');
    expect(w.exits).toEqual([1]); // at once: not after the stop's 1 s timeout
  });

  it('when the same Ctrl-C arrives twice within a second (from the terminal and from npm), then the stop goes on', async () => {
    let finish: () => void = () => undefined;
    const w = watched(() => new Promise<void>((resolve) => (finish = resolve)));
    w.proc.emit('SIGINT', 'SIGINT');
    w.clock.ms = 30;
    w.proc.emit('SIGINT', 'SIGINT');
    w.clock.ms = 999;
    w.proc.emit('SIGINT', 'SIGINT');
    expect(w.exits).toEqual([]);
    finish();
    await w.done;
    expect([w.stops.length, w.exits]).toEqual([1, [0]]);
  });

  it('when stopping fails, then the failure is logged and the exit code is 1', async () => {
    const w = watched(async () => {
      throw new Error('disconnect failed');
    });
    w.proc.emit('SIGTERM', 'SIGTERM');
    await w.done;
    expect(w.exits).toEqual([1]);
    expect(w.fatal.map((f) => f.message)).toEqual(['stop failed']);
  });
});
