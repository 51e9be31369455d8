// CPU time of the whole local platform as one figure: the services' Node processes plus the
// broker's and the database server's JVMs, all children of the bench, from /proc on Linux. The
// bench's own process is the load generator (its fetch calls and JSON parsing): reported beside the
// figure, not in it, since a real platform does not run its clients.
import { readdirSync, readFileSync } from 'node:fs';

const TICK_MS = 10; // USER_HZ is 100 on Linux

type Kind = 'services' | 'db' | 'broker';
/** The services' main threads alone (JavaScript, HTTP, drivers), apart from V8's helpers and libuv's pool. */
type Part = Kind | 'servicesMain';

const kindOf = (cmdline: string): Kind =>
  cmdline.includes('kafka') ? 'broker' : cmdline.includes('MongoLauncher') ? 'db' : 'services';

/** utime + stime in ms from a /proc stat line. */
function statCpuMs(path: string): { ppid: number; ms: number } {
  const fields = readFileSync(path, 'utf8').split(') ')[1]!.split(' ');
  // After "pid (comm) ": state ppid ... utime is field 14, stime 15 (1-based), i.e. index 11, 12 here.
  return { ppid: Number(fields[1]), ms: (Number(fields[11]) + Number(fields[12])) * TICK_MS };
}

/** utime + stime of the children of this process, in ms, by kind (none without /proc). */
function childrenCpuMs(): Record<Part, number> {
  const total = { services: 0, db: 0, broker: 0, servicesMain: 0 };
  let entries: string[] = [];
  try {
    entries = readdirSync('/proc').filter((e) => /^\d+$/.test(e));
  } catch {
    return total;
  }
  for (const pid of entries) {
    try {
      const { ppid, ms } = statCpuMs(`/proc/${pid}/stat`);
      if (ppid !== process.pid) continue;
      const kind = kindOf(readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
      total[kind] += ms;
      if (kind === 'services') total.servicesMain += statCpuMs(`/proc/${pid}/task/${pid}/stat`).ms;
    } catch {
      // the process ended between the listing and the read
    }
  }
  return total;
}

/** Milliseconds of CPU used so far by the platform's processes and by the bench's client; take two and subtract. */
export function platformCpuMs(): Record<Part | 'client', number> {
  const own = process.cpuUsage();
  return { client: (own.user + own.system) / 1000, ...childrenCpuMs() };
}

/**
 * CPU per unit of work since a reading: "x.xx ms (services a [main thread m] + db b + broker c;
 * client d, not counted)".
 */
export function cpuPer(before: ReturnType<typeof platformCpuMs>, count: number): string {
  const after = platformCpuMs();
  const [services, main, db, broker, client] = (
    ['services', 'servicesMain', 'db', 'broker', 'client'] as const
  ).map((k) => (after[k] - before[k]) / count);
  return (
    `${(services! + db! + broker!).toFixed(2)} ms (services ${services!.toFixed(2)} [main thread ${main!.toFixed(2)}]` +
    ` + db ${db!.toFixed(2)} + broker ${broker!.toFixed(2)}; client ${client!.toFixed(2)}, not counted)`
  );
}

/**
 * Waits until the platform is quiet (under `maxShare` of one core over half a second, services, db
 * and broker together), so work left over from a previous step (consumers still applying what was
 * seeded) is not counted in the next figure. Returns how long it waited; gives up after `timeoutMs`.
 */
export async function platformSettled(maxShare = 0.1, timeoutMs = 60_000): Promise<number> {
  const started = Date.now();
  for (;;) {
    const before = platformCpuMs();
    await new Promise((resolve) => setTimeout(resolve, 500));
    const after = platformCpuMs();
    const used = after.services + after.db + after.broker - (before.services + before.db + before.broker);
    if (used < 500 * maxShare || Date.now() - started > timeoutMs) return Date.now() - started;
  }
}
