import http from 'node:http';
import type { AddressInfo } from 'node:net';

type Answer = { status: number; body: unknown } | 'hang-up';

/**
 * Plays the booking service's `GET /v1/bookings` for the blackout conflict check: answers what the
 * test says, records what it was asked. Only this HTTP call is stubbed; Kafka and MongoDB are real.
 */
export async function bookingStub() {
  const requests: { url: URL; authorization: string | undefined }[] = [];
  let answer: (url: URL) => Answer = () => ({ status: 200, body: { items: [], nextCursor: null } });
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://booking.stub');
    requests.push({ url, authorization: req.headers.authorization });
    const reply = answer(url);
    if (reply === 'hang-up') return void req.socket.destroy();
    res.writeHead(reply.status, { 'content-type': 'application/json' }).end(JSON.stringify(reply.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    answer(next: (url: URL) => Answer) {
      answer = next;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
