// The least a booking can cost on this stack: the throughput levels' second baseline. An express
// app with `express.json` whose one route stores the booking with one insert under a unique index
// of (resource, start), the cheapest write that refuses a second booking of the same slot, and
// publishes one event acknowledged by all in-sync replicas before it answers 201, sends grouped as
// the relay's are. No token, no validation, no policy, no read model, no outbox: a booking service
// on this stack (Express, the MongoDB driver, kafkajs) does at least this, so its rate is about what
// a booking can reach on this machine. Started by bench/booking.bench.ts as a service process of its own.
import { randomUUID } from 'node:crypto';
import express from 'express';
import { Kafka, logLevel } from 'kafkajs';
import { MongoClient } from 'mongodb';
import { WriteBatcher } from '@labshare/mongo';

const TOPIC = 'bench.floor';

const mongo = await MongoClient.connect(process.env.MONGO_URL!);
const bookings = mongo.db('bench_floor').collection<{ _id: string }>(`bookings_${randomUUID().slice(0, 8)}`);
await bookings.createIndex({ resourceId: 1, start: 1 }, { unique: true });
const kafka = new Kafka({ brokers: process.env.KAFKA_BROKERS!.split(','), logLevel: logLevel.NOTHING });
const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
await producer.connect();

// Events arriving while a send is in flight go together in the next, as the relay's do.
const sends = new WriteBatcher<{ key: string; value: string }>(async (messages) => {
  await producer.send({ topic: TOPIC, acks: -1, messages });
});

const app = express();
app.use(express.json());
app.get('/readyz', (_req, res) => void res.json({ status: 'ready' }));
app.post('/v1/bookings', async (req, res) => {
  const { resourceId, start, end } = req.body as { resourceId: string; start: string; end: string };
  const booking = {
    _id: randomUUID(),
    resourceId,
    start: new Date(start),
    end: new Date(end),
    createdAt: new Date(),
  };
  try {
    await bookings.insertOne(booking);
    await sends.add({ key: resourceId, value: JSON.stringify({ type: 'booking.created', data: booking }) });
    res.status(201).json(booking);
  } catch (error) {
    res.status(500).json({ error: String(error) });
  }
});
app.listen(Number(process.env.FLOOR_PORT), '127.0.0.1');
