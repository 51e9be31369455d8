// A single-node Kafka 3.9 broker (KRaft: broker and controller in one JVM) on 127.0.0.1.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { lockFile } from './data-dir-lock';
import { ensureJars, javaTool } from './jars';
import { launchJvm, type LocalServer } from './jvm-process';
import { defaultLog, type Log } from './log';
import { freePorts } from './ports';
import { runCommand } from './run-command';

export interface KafkaServer extends LocalServer {
  /** Give it back to startKafka (with the same dataDir and port) to restart the same broker. */
  controllerPort: number;
}

/** Starts (or restarts, given the same dataDir and ports) a single-node KRaft broker. */
export async function startKafka(opts: {
  dataDir: string;
  /** fsync each append before it is acknowledged (a produced message or a committed offset). */
  durable?: boolean;
  port?: number;
  controllerPort?: number;
  log?: Log;
  onSpawn?: (pid: number) => void;
}): Promise<KafkaServer> {
  const log = opts.log ?? defaultLog;
  const { kafkaClasspath } = await ensureJars({ log });
  const dataDir = resolve(opts.dataDir);
  const logDirs = join(dataDir, 'kafka-logs');
  mkdirSync(dataDir, { recursive: true });
  // One broker per data dir. Kafka locks its log dir only after it has opened the metadata log,
  // so a second broker on the same dir (say, two test runs at once) can corrupt that log first.
  const lock = await lockFile(join(dataDir, 'kafka.lock'), 'a Kafka broker');
  try {
    const [port, controllerPort] = await freePorts(opts.port, opts.controllerPort);
    const url = `127.0.0.1:${port}`;
    const config = join(dataDir, 'kafka.properties');
    writeFileSync(config, brokerProperties({ url, controllerPort, logDirs, durable: opts.durable ?? false }));
    // KRaft storage is formatted once; meta.properties (holding the cluster id) marks it done, so
    // a restart on the same dataDir keeps its topics and offsets.
    if (!existsSync(join(logDirs, 'meta.properties'))) {
      await runCommand(javaTool('java'), [
        ...['-cp', kafkaClasspath, 'kafka.tools.StorageTool', 'format'],
        ...['-t', newClusterId(), '-c', config, '--ignore-formatted'],
      ]);
    }
    const jvm = await launchJvm({
      name: 'kafka',
      classpath: kafkaClasspath,
      main: ['kafka.Kafka', config],
      dataDir,
      log,
      probe: () => describeCluster(url),
      onSpawn: (pid) => {
        lock.addChild(pid);
        opts.onSpawn?.(pid);
      },
      onExit: () => lock.release(),
    });
    return { url, port, controllerPort, ...jvm };
  } catch (err) {
    lock.release();
    throw err;
  }
}

function brokerProperties(opts: { url: string; controllerPort: number; logDirs: string; durable: boolean }) {
  return Object.entries({
    // Kafka's default leaves flushing to the OS (safety comes from replicas, and there is one
    // broker here): 1 makes the partition's append fsync the segment before the produce or
    // offset-commit answer goes out (UnifiedLog.append: unflushedMessages >= flushInterval).
    ...(opts.durable ? { 'log.flush.interval.messages': 1 } : {}),
    'process.roles': 'broker,controller',
    'node.id': 1,
    'controller.quorum.voters': `1@127.0.0.1:${opts.controllerPort}`,
    listeners: `PLAINTEXT://${opts.url},CONTROLLER://127.0.0.1:${opts.controllerPort}`,
    'advertised.listeners': `PLAINTEXT://${opts.url}`,
    'controller.listener.names': 'CONTROLLER',
    'inter.broker.listener.name': 'PLAINTEXT',
    'listener.security.protocol.map': 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
    'log.dirs': opts.logDirs,
    'offsets.topic.replication.factor': 1,
    'offsets.topic.num.partitions': 1,
    'transaction.state.log.replication.factor': 1,
    'transaction.state.log.min.isr': 1,
    'group.initial.rebalance.delay.ms': 0,
    'num.partitions': 3,
    // The controller appends a no-op record to the metadata log after this long without one, so
    // brokers can tell the log is current (default 500 ms). With the controller and the only broker
    // in one process there is no one to tell: every 5 s takes a third off the idle broker's CPU.
    'metadata.max.idle.interval.ms': 5000,
  })
    .map(([key, value]) => `${key}=${value}\n`)
    .join('');
}

/** Ready = a kafkajs admin can describe the cluster. */
async function describeCluster(url: string) {
  const admin = new Kafka({
    brokers: [url],
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1_000,
    retry: { retries: 0 },
  }).admin();
  try {
    await admin.connect();
    await admin.describeCluster();
  } finally {
    await admin.disconnect();
  }
}

/**
 * 22 base64url characters, like `kafka-storage random-uuid`. One starting with `-` would be read by
 * StorageTool's argument parser as an option (one id in 32), so those are drawn again.
 */
function newClusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (/^[A-Za-z0-9]/.test(id)) return id;
  }
}
