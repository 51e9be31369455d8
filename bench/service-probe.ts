// Preloaded into a service process a bench starts (`node --expose-gc --import <this>`, with an IPC
// channel to the bench):
// - on SIGUSR2 it collects garbage, then writes the process's memory in use to BENCH_MEMORY_FILE,
//   so the bench reads a settled figure of the service alone rather than one full of garbage;
// - when the channel closes (the bench is gone, even killed), it stops the service as SIGTERM
//   would, so no service outlives its bench.
import { renameSync, writeFileSync } from 'node:fs';

const file = process.env.BENCH_MEMORY_FILE;
if (file) {
  process.on('SIGUSR2', () => {
    (globalThis as { gc?: () => void }).gc?.();
    const { rss, heapUsed } = process.memoryUsage();
    writeFileSync(`${file}.tmp`, JSON.stringify({ rss, heapUsed }));
    renameSync(`${file}.tmp`, file); // whole or absent: the bench never reads half of it
  });
}
process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
process.channel?.unref(); // the channel alone does not keep the service running
