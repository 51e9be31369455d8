import { createServer, type AddressInfo } from 'node:net';

/** Returns the given ports, replacing missing ones by distinct free loopback ports. */
export async function freePorts<T extends (number | undefined)[]>(...wanted: T) {
  // All probe sockets stay open until every port is known, so no port is handed out twice.
  const servers = await Promise.all(
    wanted.map(async (port) => {
      if (port !== undefined) return port;
      const server = createServer();
      await new Promise<void>((done, fail) => server.once('error', fail).listen(0, '127.0.0.1', done));
      return server;
    }),
  );
  const ports = servers.map((s) => (typeof s === 'number' ? s : (s.address() as AddressInfo).port));
  await Promise.all(servers.map((s) => (typeof s === 'number' ? undefined : new Promise((d) => s.close(d)))));
  return ports as { [K in keyof T]: number };
}
