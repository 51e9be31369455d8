import type { Server } from 'node:http';
import type { Express } from 'express';

export interface RunningHttpServer {
  server: Server;
  port: number;
  url: string;
  /** Stops taking connections, lets in-flight requests finish, then cuts what is left at the deadline. */
  close(timeoutMs: number): Promise<void>;
}

export function startHttpServer(app: Express, port: number, host = '127.0.0.1'): Promise<RunningHttpServer> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host);
    server.once('error', reject);
    server.once('listening', () => {
      const address = server.address();
      const bound = typeof address === 'object' && address ? address.port : port;
      resolve({
        server,
        port: bound,
        url: `http://${host}:${bound}`,
        close: (timeoutMs) => closeGracefully(server, timeoutMs),
      });
    });
  });
}

function closeGracefully(server: Server, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const deadline = setTimeout(() => server.closeAllConnections(), timeoutMs);
    server.close(() => {
      clearTimeout(deadline);
      resolve();
    });
    server.closeIdleConnections();
  });
}
