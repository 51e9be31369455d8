// Preloaded into a service process a bench starts (`node --expose-gc --import <this>`): on SIGUSR2 it
// collects garbage, then writes the process's memory in use to BENCH_MEMORY_FILE, so the bench reads
// a settled figure of the service alone rather than one full of garbage.
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
