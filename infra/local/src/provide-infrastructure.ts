import { startLocalInfra } from './local-infra';

export interface Infrastructure {
  kind: 'configured' | 'containers' | 'local-jvm';
  kafkaBrokers: string;
  mongoUrl: string;
  stop(): Promise<void>;
}

/**
 * Finds Kafka and MongoDB in this order: `KAFKA_BROKERS` + `MONGO_URL` when both are set; else,
 * unless durable, containers (testcontainers: mongo:7 as a single-node replica set, Kafka in KRaft
 * mode) when a container runtime answers; else a broker and a MongoDB-wire server run from Maven
 * Central jars.
 */
export async function provideInfrastructure(options: {
  dataDir: string;
  /** For the local JVM servers: keep data across stops and crashes (see startLocalInfra). */
  durable: boolean;
  /** For the local JVM servers: wipe the data folder first. */
  reset?: boolean;
  /** Who uses the data folder, named to a second user. */
  what?: string;
  /** For the local JVM servers: the MongoDB-wire server's -Xmx (default 512m). */
  mongoHeap?: string;
  env?: Record<string, string | undefined>;
  log?: (message: string) => void;
}): Promise<Infrastructure> {
  const env = options.env ?? process.env;
  const log = options.log ?? (() => undefined);
  if (env.KAFKA_BROKERS && env.MONGO_URL) {
    return {
      kind: 'configured',
      kafkaBrokers: env.KAFKA_BROKERS,
      mongoUrl: env.MONGO_URL,
      stop: async () => undefined,
    };
  }
  const { dataDir, durable, reset, what, mongoHeap } = options;
  // Containers from testcontainers are removed when they stop: fine for tests, never for data
  // that must be kept, so a durable request goes straight to the local JVM servers.
  if (!durable && env.LABSHARE_NO_CONTAINERS !== 'true' && (await containerRuntimeAnswers())) {
    log('container runtime found: starting mongo:7 and Kafka with testcontainers');
    return startContainers();
  }
  log(
    durable
      ? `starting Kafka and mongo-java-server from Maven Central jars, data kept in ${dataDir}`
      : 'no container runtime: starting Kafka and mongo-java-server from Maven Central jars',
  );
  const local = await startLocalInfra({ dataDir, durable, reset, what, mongoHeap, log });
  return { kind: 'local-jvm', ...local };
}

async function containerRuntimeAnswers(): Promise<boolean> {
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await getContainerRuntimeClient();
    return true;
  } catch {
    return false;
  }
}

async function startContainers(): Promise<Infrastructure> {
  const [{ MongoDBContainer }, { KafkaContainer }] = await Promise.all([
    import('@testcontainers/mongodb'),
    import('@testcontainers/kafka'),
  ]);
  const [mongo, kafka] = await Promise.all([
    new MongoDBContainer('mongo:7').start(),
    new KafkaContainer('confluentinc/cp-kafka:7.9.0').withKraft().start(),
  ]);
  return {
    kind: 'containers',
    kafkaBrokers: `${kafka.getHost()}:${kafka.getMappedPort(9093)}`,
    mongoUrl: `${mongo.getConnectionString()}?directConnection=true`,
    stop: async () => {
      await Promise.allSettled([kafka.stop(), mongo.stop()]);
    },
  };
}
