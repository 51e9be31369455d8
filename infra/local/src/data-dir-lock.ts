import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export interface LockHolder {
  pid: number;
  /** What holds it, for the message a second user gets: "npm start", "backup", "a Kafka broker". */
  what: string;
  since: string;
  /** Child processes (the JVMs) that use the folder too and outlive a killed owner for a moment. */
  children: number[];
}

export interface FileLock {
  /** Records a child process (a JVM) as a user of the locked folder. */
  addChild(pid: number): void;
  /** Released once only: by then the lock may be someone else's. */
  release(): void;
}

export class LockedError extends Error {
  override name = 'LockedError';
}

/** How long a start waits for the JVMs of a process that died to finish exiting on their own. */
const ORPHAN_WAIT_MS = 30_000;

/**
 * Takes the lock file `path` for this process, or throws a LockedError naming who holds it. A lock
 * whose processes are all gone is stale and taken over: the JVMs exit on their own when the
 * process that started them dies (ExitWithParent), so a killed platform's lock frees itself.
 */
export async function lockFile(path: string, what: string): Promise<FileLock> {
  const deadline = Date.now() + ORPHAN_WAIT_MS;
  for (;;) {
    const holder: LockHolder = { pid: process.pid, what, since: new Date().toISOString(), children: [] };
    try {
      writeFileSync(path, JSON.stringify(holder), { flag: 'wx' });
      return heldLock(path, holder);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const content = readText(path);
    const owner = readHolder(content);
    if (owner && (owner.pid === process.pid || isAlive(owner.pid))) {
      throw new LockedError(
        `${dirname(path)} is in use by ${owner.what} (process ${owner.pid}, since ${owner.since}; ` +
          `lock file ${path}): stop that first, or use another folder`,
      );
    }
    const orphans = owner?.children.filter(isAlive) ?? [];
    if (orphans.length > 0 && Date.now() < deadline) {
      await sleep(250); // the JVMs of a killed owner, still shutting down
      continue;
    }
    if (orphans.length > 0) {
      throw new LockedError(
        `${path}: processes ${orphans.join(', ')} of ${owner?.what} (process ${owner?.pid}, gone) still run`,
      );
    }
    // Removed only if unchanged: another starter may have taken it over since it was read.
    if (readText(path) === content) rmSync(path, { force: true });
  }
}

function readText(path: string) {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

function heldLock(path: string, holder: LockHolder): FileLock {
  let held = true;
  return {
    addChild(pid) {
      holder.children.push(pid);
      if (held) writeFileSync(path, JSON.stringify(holder));
    },
    release() {
      if (held) rmSync(path, { force: true });
      held = false;
    },
  };
}

/** The holder, or undefined for an unreadable lock (one torn by a crash while being written). */
function readHolder(content: string): LockHolder | undefined {
  try {
    const holder = JSON.parse(content) as Partial<LockHolder>;
    if (typeof holder.pid !== 'number') return undefined;
    return { what: 'another process', since: '?', children: [], ...holder } as LockHolder;
  } catch {
    return undefined;
  }
}

/** Whether `pid` runs: exists, and on Linux is not a zombie (a killed orphan not reaped yet). */
export function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    // /proc/<pid>/stat: "pid (comm) state ..."; comm may hold spaces, the state follows its ')'.
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z';
  } catch {
    return true; // no /proc (macOS): kill(pid, 0) is all there is
  }
}
