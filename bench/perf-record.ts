// An on-CPU profile of one process with Linux `perf`, for a stretch of a bench (one load level):
// unlike a V8 CPU profile, it counts only time the process is on a CPU, so a thread descheduled in a
// socket write (the database server woken on the same two cores) is not charged to that write. The
// service must run with `--perf-basic-prof` (bench/service-process.ts adds it when BENCH_PERF_DIR is
// set) for its JIT-compiled functions to have names. Summarise with bench/perf-summary.ts.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { exited, waitFor } from '@labshare/testkit';

/** Starts recording `pid` into `<BENCH_PERF_DIR>/<name>.perf.data`; the returned stop ends it. */
export async function recordPerf(pid: number, name: string): Promise<() => Promise<void>> {
  const dir = process.env.BENCH_PERF_DIR;
  if (!dir) return async () => undefined;
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.perf.data`);
  rmSync(file, { force: true });
  const perf = spawn(
    'perf',
    ['record', '-e', 'cpu-clock', '-F', '999', '-g', '-p', String(pid), '-o', file],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let said = '';
  perf.stderr.on('data', (chunk: Buffer) => (said += chunk.toString()));
  let recording = false;
  const gone = exited(perf).then((code) => {
    if (!recording) throw new Error(`perf record exited (${code}) before recording: ${said.trim()}`);
  });
  // perf has attached once it has written its output file's header: the samples follow at once.
  await Promise.race([gone, waitFor(() => existsSync(file), { what: 'perf record' })]);
  recording = true;
  return async () => {
    perf.kill('SIGINT');
    await exited(perf);
    console.log(`  (on-CPU profile: node --import tsx bench/perf-summary.ts ${file})`);
  };
}
