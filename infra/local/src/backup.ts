// Offline backup and restore of a durable data folder: a gzipped tar of everything but its locks
// and logs, taken under the folder's lock, so never while the platform runs and never half-written.
import { spawn, type ChildProcess } from 'node:child_process';
import { createReadStream, createWriteStream, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { lockFile } from './data-dir-lock';
import {
  checkCompatible,
  contents,
  IncompatibleDataDirError,
  LOCK_FILE,
  megabytes,
  readMarker,
} from './data-dir';
import type { Log } from './log';

/** Not state: the locks and the JVMs' logs (Kafka's own segment files live under kafka-logs/). */
const notState = (name: string) => name === LOCK_FILE || name === 'kafka.lock' || name.endsWith('.log');

/** Writes `file` (a .tar.gz) from the data folder `dir`; refuses while anything else uses it. */
export async function backupDataDir(opts: { dir: string; file: string; log: Log }) {
  const path = resolve(opts.dir);
  const marker = readMarker(path);
  if (!marker) throw new IncompatibleDataDirError(`${path} holds no LabShare data: nothing to back up`);
  const lock = await lockFile(join(path, LOCK_FILE), 'a backup');
  const partial = `${opts.file}.partial`;
  try {
    checkCompatible(path, marker, true);
    const entries = contents(path).filter((entry) => !notState(entry.name));
    const total = entries.reduce((sum, entry) => sum + entry.bytes, 0);
    opts.log(`backup: ${path} (${megabytes(total)}) → ${opts.file}`);
    const tar = spawn('tar', ['-cf', '-', '-C', path, ...entries.map((e) => e.name)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    await Promise.all([
      pipeline(tar.stdout, progress('backup', total, opts.log), createGzip(), createWriteStream(partial)),
      succeeded(tar),
    ]);
    renameSync(partial, opts.file); // a backup file is whole or absent
    opts.log(`backup: done, ${opts.file} is ${megabytes(statSync(opts.file).size)}`);
  } finally {
    rmSync(partial, { force: true });
    lock.release();
  }
}

/**
 * Restores `file` into the data folder `dir`. What the folder held is moved aside to
 * `<dir>.before-restore-<time>`, never deleted. Refuses while anything else uses the folder.
 */
export async function restoreDataDir(opts: { dir: string; file: string; log: Log }) {
  const path = resolve(opts.dir);
  mkdirSync(path, { recursive: true });
  const lock = await lockFile(join(path, LOCK_FILE), 'a restore');
  const staging = `${path}.restoring-${process.pid}`;
  try {
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging);
    opts.log(`restore: ${opts.file} → ${path}`);
    const tar = spawn('tar', ['-xf', '-', '-C', staging], { stdio: ['pipe', 'ignore', 'pipe'] });
    const [piped, extracted] = await Promise.allSettled([
      pipeline(
        createReadStream(opts.file),
        progress('restore', statSync(opts.file).size, opts.log),
        createGunzip(),
        tar.stdin,
      ),
      succeeded(tar),
    ]);
    if (extracted.status === 'rejected') throw extracted.reason;
    if (piped.status === 'rejected' && !closedByTar(piped.reason)) throw piped.reason;
    const marker = readMarker(staging);
    if (!marker) throw new IncompatibleDataDirError(`${opts.file} is not a LabShare backup`);
    checkCompatible(staging, marker, true);
    moveAside(path, opts.log);
    for (const entry of contents(staging)) renameSync(join(staging, entry.name), join(path, entry.name));
    opts.log(`restore: done, ${path} holds the backup of format ${marker.format}`);
  } finally {
    rmSync(staging, { recursive: true, force: true });
    lock.release();
  }
}

function moveAside(path: string, log: Log) {
  const current = contents(path);
  if (current.length === 0) return;
  const aside = `${path}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  mkdirSync(aside);
  for (const entry of current) renameSync(join(path, entry.name), join(aside, entry.name));
  log(`restore: ${path} was not empty; its contents were moved to ${aside}`);
}

/** Passes bytes through, logging how far it got at most once a second. */
function progress(what: string, total: number, log: Log) {
  let done = 0;
  let lastReport = Date.now();
  return new Transform({
    transform(chunk: Buffer, _encoding, next) {
      done += chunk.length;
      if (Date.now() - lastReport >= 1000) {
        lastReport = Date.now();
        const percent = total > 0 ? Math.min(99, Math.floor((done / total) * 100)) : 0;
        log(`${what}: ${percent}% (${megabytes(done)} of ${megabytes(total)})`);
      }
      next(null, chunk);
    },
  });
}

/** Resolves when `child` exits with 0; else rejects with what it wrote on stderr. */
/**
 * tar stops reading at the archive's end-of-archive blocks and may close its input while gunzip is
 * still writing the zero padding after them: the pipe then ends early (premature close, EPIPE). tar's
 * own exit status, checked first, says whether the archive was read whole (a truncated one fails).
 */
function closedByTar(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === 'ERR_STREAM_PREMATURE_CLOSE' || code === 'EPIPE';
}

function succeeded(child: ChildProcess) {
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise<void>((done, fail) =>
    child.on('close', (code) =>
      code === 0 ? done() : fail(new Error(`tar exited with ${code}: ${stderr.trim()}`)),
    ),
  );
}
