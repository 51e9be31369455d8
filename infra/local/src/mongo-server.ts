// mongo-java-server (MongoDB wire protocol) on 127.0.0.1, run by MongoLauncher.java.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MongoClient } from 'mongodb';
import { ensureJars, INFRA_ROOT } from './jars';
import { launchJvm, type LocalServer } from './jvm-process';
import { defaultLog, type Log } from './log';
import { freePorts } from './ports';

/** Starts mongo-java-server with an in-memory backend: its data is lost when it stops. */
export async function startMongo(
  opts: { port?: number; dataDir?: string; log?: Log } = {},
): Promise<LocalServer> {
  const log = opts.log ?? defaultLog;
  const { mongoClasspath } = await ensureJars({ log });
  const dataDir = resolve(opts.dataDir ?? join(INFRA_ROOT, 'data'));
  mkdirSync(dataDir, { recursive: true });
  const [port] = await freePorts(opts.port);
  const url = `mongodb://127.0.0.1:${port}`;
  const jvm = await launchJvm({
    name: 'mongo',
    classpath: mongoClasspath,
    main: ['MongoLauncher', String(port)],
    dataDir,
    log,
    probe: () => ping(url),
  });
  return { url, port, ...jvm };
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
