// Supervises the child JVMs: spawns one with its output appended to a log file, waits until it
// answers, and stops it (or makes sure it dies with this process).
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { javaTool } from './jars';
import type { Log } from './log';
import { lastLines } from './run-command';

export interface JvmProcess {
  pid: number;
  /** SIGTERM, then SIGKILL if the JVM has not exited after 10 s. Safe to call more than once. */
  stop(): Promise<void>;
}

/** A server run as a child JVM. */
export interface LocalServer extends JvmProcess {
  /** "127.0.0.1:<port>" for Kafka, "mongodb://127.0.0.1:<port>" for Mongo. */
  url: string;
  port: number;
}

const DEFAULT_MAX_HEAP = '512m';
const JVM_FLAGS = [
  '-Xms128m',
  // Serial GC + C1 only: the broker is ready ~0.7 s sooner with ~70 MB less RSS (measured); a
  // local server never runs long enough to profit from C2.
  ...['-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1'],
  ...['-Dorg.slf4j.simpleLogger.showDateTime=true', '-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS'],
];
const READY_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 10_000;

const children = new Set<ChildProcess>();
// Backstop for a parent that exits without stop(): only synchronous work is possible here, hence
// SIGKILL. If Node dies without even running 'exit' handlers, ExitWithParent ends the JVMs.
process.on('exit', () => children.forEach((child) => child.kill('SIGKILL')));

/**
 * Spawns a JVM running `main` (class and args) with its output appended to <dataDir>/<name>.log,
 * and polls `probe` until it resolves. Rejects (and kills the JVM) if it exits first or is not
 * ready in time.
 */
export async function launchJvm(opts: {
  name: string;
  classpath: string;
  main: string[];
  dataDir: string;
  log: Log;
  probe: () => Promise<unknown>; // rejects while not ready
  /** Called with the JVM's pid as soon as it is spawned (a data folder lock records it). */
  onSpawn?: (pid: number) => void;
  onExit?: () => void;
  /** -Xmx: 512m unless a caller needs more (the in-memory MongoDB-wire server holding a big bench). */
  maxHeap?: string;
}): Promise<JvmProcess> {
  const { name, log, probe } = opts;
  const logFile = join(opts.dataDir, `${name}.log`);
  // ExitWithParent stops the JVM when its stdin pipe closes, i.e. when this process is gone.
  const args = [
    `-Xmx${opts.maxHeap ?? DEFAULT_MAX_HEAP}`,
    ...JVM_FLAGS,
    '-cp',
    opts.classpath,
    'ExitWithParent',
    ...opts.main,
  ];
  writeFileSync(logFile, `\n==== ${new Date().toISOString()} java ${args.join(' ')}\n`, { flag: 'a' });
  const logStart = statSync(logFile).size;
  const fd = openSync(logFile, 'a');
  // A process group of its own: a Ctrl-C reaches only this process, which stops the JVM after the
  // services that drain into it (npm start), not at the same moment as they are draining.
  const child = spawn(javaTool('java'), args, { stdio: ['pipe', fd, fd], detached: true });
  closeSync(fd); // the child has its own copy
  children.add(child);
  if (child.pid !== undefined) opts.onSpawn?.(child.pid);
  let state: 'starting' | 'ready' | 'stopping' = 'starting';
  let spawnError: Error | undefined; // e.g. no java on PATH; then 'exit' may never come
  const exited = new Promise<void>((done) => {
    child.on('exit', (code, signal) => {
      children.delete(child);
      opts.onExit?.();
      if (state === 'ready') log(`${name} exited unexpectedly (${signal ?? code}), see ${logFile}`);
      done();
    });
    child.on('error', (err) => {
      spawnError = err;
      children.delete(child);
      done();
    });
  });
  const stop = async () => {
    state = 'stopping';
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(killer);
    }
  };

  const started = Date.now();
  const failure = (what: string) => {
    // The cause drowns in INFO lines (Kafka logs ~300 while shutting down), config dumps and stack
    // frames; all of these are indented or INFO.
    const output = readFileSync(logFile).subarray(logStart).toString();
    const telling = output.split('\n').filter((line) => !/ (INFO|DEBUG|TRACE) |^(\s|$)/.test(line));
    return new Error(
      `${name} ${what}; ${logFile} says (INFO and indented lines left out):\n${lastLines(telling.join('\n'))}`,
    );
  };
  const waitReady = async () => {
    while (state === 'starting') {
      try {
        return await probe();
      } catch {
        if (Date.now() - started > READY_TIMEOUT_MS)
          throw failure(`not ready after ${READY_TIMEOUT_MS / 1000} s`);
        await sleep(250);
      }
    }
  };
  try {
    await Promise.race([
      waitReady(),
      exited.then(() => Promise.reject(spawnError ?? failure('exited before it was ready'))),
    ]);
  } catch (err) {
    await stop();
    throw err;
  }
  state = 'ready';
  log(`${name} ready in ${((Date.now() - started) / 1000).toFixed(1)} s (pid ${child.pid}), log: ${logFile}`);
  return { pid: child.pid!, stop };
}
