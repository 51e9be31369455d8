// CPU time of the whole local platform as one figure: this Node process (client, services, relay)
// plus its child processes (the broker's and the database server's JVMs), from /proc on Linux.
import { readdirSync, readFileSync } from 'node:fs';

const TICK_MS = 10; // USER_HZ is 100 on Linux

/** utime + stime of the children of this process, in ms, by kind (db, broker; none without /proc). */
function childrenCpuMs(): { db: number; broker: number } {
  const total = { db: 0, broker: 0 };
  let entries: string[] = [];
  try {
    entries = readdirSync('/proc').filter((e) => /^\d+$/.test(e));
  } catch {
    return total;
  }
  for (const pid of entries) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      // After "pid (comm) ": state ppid ... utime is field 14, stime 15 (1-based), i.e. index 11, 12 here.
      if (Number(fields[1]) !== process.pid) continue;
      const kind = readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('kafka') ? 'broker' : 'db';
      total[kind] += (Number(fields[11]) + Number(fields[12])) * TICK_MS;
    } catch {
      // the process ended between the listing and the read
    }
  }
  return total;
}

/** Milliseconds of CPU the platform has used so far; take two and subtract. */
export function platformCpuMs(): { node: number; db: number; broker: number } {
  const own = process.cpuUsage();
  return { node: (own.user + own.system) / 1000, ...childrenCpuMs() };
}

/** CPU per unit of work since a reading, as "x.xx ms (node a.aa + db b.bb + broker c.cc)". */
export function cpuPer(before: ReturnType<typeof platformCpuMs>, count: number): string {
  const after = platformCpuMs();
  const [node, db, broker] = (['node', 'db', 'broker'] as const).map((k) => (after[k] - before[k]) / count);
  return `${(node! + db! + broker!).toFixed(2)} ms (node ${node!.toFixed(2)} + db ${db!.toFixed(2)} + broker ${broker!.toFixed(2)})`;
}
