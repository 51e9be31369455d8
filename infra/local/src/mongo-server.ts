// mongo-java-server (MongoDB wire protocol) on 127.0.0.1, run by MongoLauncher.java.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MongoClient } from 'mongodb';
import { ensureJars, INFRA_ROOT } from './jars';
import { launchJvm, type LocalServer } from './jvm-process';
import { defaultLog, type Log } from './log';
import { freePorts } from './ports';

/**
 * Starts mongo-java-server. Durable: its H2 backend in <dataDir>/mongo, each write committed and
 * fsynced before its reply (DurableH2Backend.java). Otherwise in memory: data lost when it stops.
 */
export async function startMongo(
  opts: {
    port?: number;
    dataDir?: string;
    durable?: boolean;
    log?: Log;
    onSpawn?: (pid: number) => void;
    /** The JVM's -Xmx (default 512m): in memory, every document lives on its heap. */
    maxHeap?: string;
  } = {},
): Promise<LocalServer> {
  const log = opts.log ?? defaultLog;
  const { mongoClasspath } = await ensureJars({ log });
  const dataDir = resolve(opts.dataDir ?? join(INFRA_ROOT, 'data'));
  mkdirSync(dataDir, { recursive: true });
  const [port] = await freePorts(opts.port);
  const url = `mongodb://127.0.0.1:${port}`;
  const backend = opts.durable ? ['h2', storeFile(dataDir)] : ['memory'];
  const jvm = await launchJvm({
    name: 'mongo',
    classpath: mongoClasspath,
    main: ['MongoLauncher', String(port), ...backend],
    dataDir,
    log,
    probe: () => ping(url),
    onSpawn: opts.onSpawn,
    maxHeap: opts.maxHeap,
  });
  return { url, port, ...jvm };
}

function storeFile(dataDir: string) {
  mkdirSync(join(dataDir, 'mongo'), { recursive: true });
  return join(dataDir, 'mongo', 'labshare.mv.db');
}

/** Ready = the driver can `ping`. */
async function ping(url: string) {
  const client = new MongoClient(url, { serverSelectionTimeoutMS: 1_000, connectTimeoutMS: 1_000 });
  try {
    await client.db('admin').command({ ping: 1 });
  } finally {
    await client.close();
  }
}
