// Starts its own broker and Mongo (not the shared ones from the global setup) because it stops
// and restarts the broker.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKafka, startMongo, type KafkaServer, type LocalServer } from './index';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('local infra', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'local-infra-test-'));
  let kafka: KafkaServer;
  let mongo: LocalServer;
  const client = () => new Kafka({ brokers: [kafka.url], logLevel: logLevel.NOTHING });

  /** Reads the first message of `topic` with a fresh consumer group. */
  async function firstMessage(topic: string) {
    const consumer = client().consumer({ groupId: `g-${Date.now()}` });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const value = await new Promise<string | undefined>((done) => {
      void consumer.run({ eachMessage: async ({ message }) => done(message.value?.toString()) });
    });
    await consumer.disconnect();
    return value;
  }

  beforeAll(async () => {
    [kafka, mongo] = await Promise.all([startKafka({ dataDir }), startMongo({ dataDir })]);
  }, 300_000); // a cold run fetches the jars first

  afterAll(async () => {
    await Promise.all([kafka?.stop(), mongo?.stop()]);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs a broker that creates topics and delivers messages', async () => {
    const admin = client().admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: 'greetings' }], waitForLeaders: true });
    await admin.disconnect();
    const producer = client().producer();
    await producer.connect();
    await producer.send({ topic: 'greetings', messages: [{ value: 'hello' }] });
    await producer.disconnect();
    expect(await firstMessage('greetings')).toBe('hello');
  });

  it('runs a MongoDB-wire server', async () => {
    const mongoClient = new MongoClient(mongo.url);
    try {
      const things = mongoClient.db('test').collection<{ name: string }>('things');
      await things.insertOne({ name: 'microscope' });
      expect(await things.find({}, { projection: { _id: 0 } }).toArray()).toEqual([{ name: 'microscope' }]);
    } finally {
      await mongoClient.close();
    }
  });

  it('restarts the broker on the same port and data dir, keeping topics and messages', async () => {
    const { port, controllerPort, pid } = kafka;
    await kafka.stop();
    expect(alive(pid)).toBe(false);
    kafka = await startKafka({ dataDir, port, controllerPort });
    expect(kafka.url).toBe(`127.0.0.1:${port}`);
    const admin = client().admin();
    await admin.connect();
    expect(await admin.listTopics()).toContain('greetings');
    await admin.disconnect();
    expect(await firstMessage('greetings')).toBe('hello');
  }, 120_000);

  it('stops both servers without leaving processes behind', async () => {
    const pids = [kafka.pid, mongo.pid];
    await Promise.all([kafka.stop(), mongo.stop()]);
    expect(pids.filter(alive)).toEqual([]);
  });
});
