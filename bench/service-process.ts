// A service started as its own Node process, as `npm start` runs it: its CPU is then read from
// /proc apart from the bench's client (the fetch calls, the JSON parsing), which is not the platform.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { exited, freePort, waitFor } from '@labshare/testkit';

export interface ServiceProcess {
  url: string;
  pid: number;
  /** Resident set and V8 heap in use, in MB, right after a garbage collection in the process. */
  memoryMb(): Promise<{ rss: number; heap: number }>;
  stop(): Promise<void>;
}

/**
 * Runs `services/<name>/src/start.ts` (or `script`) on a free port, given as `<NAME>_PORT`, with
 * `env`; resolves once /readyz says 200.
 */
export async function startServiceProcess(
  name: string,
  env: Record<string, string>,
  script = path.resolve('services', name, 'src', 'start.ts'),
): Promise<ServiceProcess> {
  const port = await freePort();
  const memoryFile = path.join(tmpdir(), `bench-memory-${process.pid}-${port}.json`);
  const profile = process.env.BENCH_CPU_PROF_DIR; // a V8 CPU profile of the service, written when it stops
  const perf = process.env.BENCH_PERF_DIR;
  if (perf) mkdirSync(perf, { recursive: true });
  const args = [
    '--expose-gc',
    ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []),
    // Names for JIT-compiled functions in an on-CPU profile (bench/perf-record.ts); V8's own log,
    // which the flag turns on, goes beside the profile.
    ...(perf
      ? ['--perf-basic-prof', '--no-logfile-per-isolate', `--logfile=${path.join(perf, `${name}-v8.log`)}`]
      : []),
    '--import',
    'tsx',
    '--import',
    path.resolve('bench', 'service-probe.ts'),
  ];
  const child = spawn(process.execPath, [...args, script], {
    env: {
      ...process.env,
      ...env,
      [`${name.toUpperCase()}_PORT`]: String(port),
      BENCH_MEMORY_FILE: memoryFile,
      KAFKAJS_NO_PARTITIONER_WARNING: '1',
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const url = `http://127.0.0.1:${port}`;
  const gone = exited(child).then((code) => {
    throw new Error(`${name} exited with ${code} before it was ready`);
  });
  await Promise.race([
    gone,
    waitFor(async () => (await fetch(`${url}/readyz`)).ok, { timeoutMs: 60_000, what: `${name} ready` }),
  ]);
  return {
    url,
    pid: child.pid!,
    memoryMb: async () => {
      rmSync(memoryFile, { force: true });
      child.kill('SIGUSR2');
      await waitFor(() => existsSync(memoryFile), { what: `${name}'s memory figure` });
      const { rss, heapUsed } = JSON.parse(readFileSync(memoryFile, 'utf8')) as Record<string, number>;
      return { rss: Math.round(rss! / 2 ** 20), heap: Math.round(heapUsed! / 2 ** 20) };
    },
    stop: async () => {
      child.kill('SIGTERM');
      await exited(child);
      rmSync(memoryFile, { force: true });
    },
  };
}
