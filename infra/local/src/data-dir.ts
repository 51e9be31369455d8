// The data folder of the local infrastructure: one user at a time (a lock), a format marker so a
// folder another version wrote is named rather than misread, and a reset that says what it deletes.
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { lockFile, type FileLock } from './data-dir-lock';
import type { Log } from './log';

/** Bumped whenever a folder written by this version can no longer be read by an older one, or back. */
export const DATA_FORMAT = 1;
export const MARKER_FILE = 'labshare-data.json';
export const LOCK_FILE = 'labshare.lock';

export interface DataDirMarker {
  format: number;
  /** true: Kafka flushes each append and Mongo is the H2 file; false: tests' throwaway folders. */
  durable: boolean;
  createdAt: string;
}

export class IncompatibleDataDirError extends Error {
  override name = 'IncompatibleDataDirError';
}

export interface OpenDataDir {
  path: string;
  lock: FileLock;
}

/**
 * Locks `dir` for `what` (refusing if another process uses it), wipes it first when `reset` is set
 * (after logging every entry it deletes), and checks its format marker: a folder without one that
 * is not empty, or with another format or durability, is refused by name and left as it is.
 */
export async function openDataDir(opts: {
  dir: string;
  durable: boolean;
  reset?: boolean;
  what: string;
  log: Log;
}): Promise<OpenDataDir> {
  const path = resolve(opts.dir);
  mkdirSync(path, { recursive: true });
  const lock = await lockFile(join(path, LOCK_FILE), opts.what);
  try {
    if (opts.reset) wipe(path, opts.log);
    const marker = readMarker(path);
    if (marker) checkCompatible(path, marker, opts.durable);
    else if (contents(path).length > 0) throw unversioned(path);
    else writeMarker(path, opts.durable);
    return { path, lock };
  } catch (err) {
    lock.release();
    throw err;
  }
}

/** The folder's entries apart from its lock, with their sizes in bytes. */
export function contents(path: string) {
  return readdirSync(path)
    .filter((name) => name !== LOCK_FILE)
    .map((name) => ({ name, bytes: sizeOf(join(path, name)) }));
}

export function readMarker(path: string): DataDirMarker | undefined {
  const file = join(path, MARKER_FILE);
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as DataDirMarker;
  } catch {
    throw new IncompatibleDataDirError(`${file} is not readable JSON: ${path} was not written by LabShare`);
  }
}

export function checkCompatible(path: string, marker: DataDirMarker, durable: boolean) {
  if (marker.format !== DATA_FORMAT) {
    throw new IncompatibleDataDirError(
      `${path} holds LabShare data of format ${marker.format} (written ${marker.createdAt}); this version ` +
        `reads format ${DATA_FORMAT}. It was left as it is: run the LabShare version that wrote it, ` +
        `or point LABSHARE_DATA_DIR elsewhere, or wipe it on purpose with --reset.`,
    );
  }
  if (marker.durable !== durable) {
    throw new IncompatibleDataDirError(
      `${path} was written by a ${marker.durable ? 'durable' : 'throwaway (in-memory MongoDB)'} local ` +
        `infrastructure and is asked for by a ${durable ? 'durable' : 'throwaway'} one: use another folder.`,
    );
  }
}

function unversioned(path: string) {
  const names = contents(path)
    .map((entry) => entry.name)
    .join(', ');
  return new IncompatibleDataDirError(
    `${path} has no ${MARKER_FILE} but is not empty (${names}): it was written by a LabShare before ` +
      `0.2 (whose local platform kept no data: MongoDB lived in memory) or by something else. It was ` +
      `left as it is: wipe it on purpose with \`npm start -- --reset\` (or LABSHARE_RESET=true), or ` +
      `point LABSHARE_DATA_DIR elsewhere.`,
  );
}

function writeMarker(path: string, durable: boolean) {
  const marker: DataDirMarker = { format: DATA_FORMAT, durable, createdAt: new Date().toISOString() };
  // Written aside and renamed: a crash leaves either no marker or a whole one.
  writeFileSync(join(path, `${MARKER_FILE}.tmp`), `${JSON.stringify(marker, null, 2)}\n`);
  renameSync(join(path, `${MARKER_FILE}.tmp`), join(path, MARKER_FILE));
}

function wipe(path: string, log: Log) {
  const entries = contents(path);
  if (entries.length === 0) return log(`reset: ${path} is empty already`);
  const total = entries.reduce((sum, entry) => sum + entry.bytes, 0);
  log(`reset: deleting everything in ${path} (${megabytes(total)}):`);
  for (const entry of entries) log(`  ${entry.name} (${megabytes(entry.bytes)})`);
  for (const entry of entries) rmSync(join(path, entry.name), { recursive: true, force: true });
  log('reset: done');
}

function sizeOf(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.blocks * 512; // on disk: Kafka's index files are sparse
  return readdirSync(path).reduce((sum, name) => sum + sizeOf(join(path, name)), 0);
}

export const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
