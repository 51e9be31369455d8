import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * One broker per data dir. Kafka locks its log dir only after it has opened the metadata log,
 * so a second broker on the same dir (say, two test runs at once) can corrupt that log before it
 * fails. Returns the release function. A lock whose process is gone is stale: the JVMs die with
 * the process that started them.
 */
export function lockDataDir(dataDir: string) {
  const lock = join(dataDir, 'kafka.lock');
  for (;;) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
      let held = true; // released once only: by then the lock may be someone else's
      return () => {
        if (held) rmSync(lock, { force: true });
        held = false;
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const owner = Number(readFileSync(lock, 'utf8'));
    if (owner === process.pid || isAlive(owner)) {
      throw new Error(`${dataDir} is in use by a Kafka broker of process ${owner} (${lock})`);
    }
    rmSync(lock, { force: true });
  }
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
