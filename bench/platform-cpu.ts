// CPU time of the whole local platform as one figure: this Node process (client, services, relay)
// plus its child processes (the broker's and the database server's JVMs), from /proc on Linux.
import { readdirSync, readFileSync } from 'node:fs';

const TICK_MS = 10; // USER_HZ is 100 on Linux

/** utime + stime of the children of this process, in ms (0 where /proc is absent). */
function childrenCpuMs(): number {
  let total = 0;
  let entries: string[] = [];
  try {
    entries = readdirSync('/proc').filter((e) => /^\d+$/.test(e));
  } catch {
    return 0;
  }
  for (const pid of entries) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      // After "pid (comm) ": state ppid ... utime is field 14, stime 15 (1-based), i.e. index 11, 12 here.
      if (Number(fields[1]) !== process.pid) continue;
      total += (Number(fields[11]) + Number(fields[12])) * TICK_MS;
    } catch {
      // the process ended between the listing and the read
    }
  }
  return total;
}

/** Milliseconds of CPU the platform has used so far; take two and subtract. */
export function platformCpuMs(): { node: number; children: number } {
  const own = process.cpuUsage();
  return { node: (own.user + own.system) / 1000, children: childrenCpuMs() };
}

/** CPU per unit of work between two readings, as "x.x ms (node a.a + servers b.b)". */
export function cpuPer(before: ReturnType<typeof platformCpuMs>, count: number): string {
  const after = platformCpuMs();
  const node = (after.node - before.node) / count;
  const servers = (after.children - before.children) / count;
  return `${(node + servers).toFixed(2)} ms (node ${node.toFixed(2)} + db/broker ${servers.toFixed(2)})`;
}
