import mongoose, { type Connection } from 'mongoose';
import type { Logger } from '@labshare/logging';

export interface MongoConnection {
  connection: Connection;
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens a connection of the service's own (one database per service: data ownership), retrying
 * with backoff while the server comes up. `serverApi` is deliberately not set: the MongoDB-wire
 * server used without Docker answers `isMaster` but not `hello`.
 */
export async function connectMongo(options: {
  url: string;
  dbName: string;
  logger: Logger;
  attempts?: number;
}): Promise<MongoConnection> {
  const attempts = options.attempts ?? 10;
  for (let attempt = 1; ; attempt++) {
    const connection = mongoose.createConnection(options.url, {
      dbName: options.dbName,
      serverSelectionTimeoutMS: 5000,
      autoIndex: false,
    });
    try {
      await connection.asPromise();
      return {
        connection,
        ping: async () => {
          if (connection.readyState !== 1 || !connection.db) throw new Error('MongoDB is not connected');
          await connection.db.command({ ping: 1 }, { timeoutMS: 3000 });
        },
        close: () => connection.close(),
      };
    } catch (error) {
      await connection.close().catch(() => undefined);
      if (attempt >= attempts) throw error;
      const delay = Math.min(250 * 2 ** attempt, 5000);
      options.logger.warn({ err: error, attempt, delay }, 'MongoDB not reachable yet; retrying');
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
