// GETs whose answers are read to their last byte and counted, not kept: the client for an
// answer-time line of large answers. One kept-alive socket, read into one buffer reused for every
// chunk (`onread`), so the client allocates nothing per answer. Through node:http (bench-client.ts),
// each 475 KB availability answer arrived as new Buffers and, parsed, as a string of that size in the
// old generation: the bench's process then ran a full collection every 100–200 ms, with marking
// steps of up to 8 ms, and its pauses were counted as the service's (fifteenth round in
// docs/benchmarks.md). wrk and k6 time answers the same way: to the last byte, unparsed.
import net from 'node:net';

export interface CountedAnswer {
  status: number;
  bytes: number;
}

export interface CountingClient {
  get(path: string): Promise<CountedAnswer>;
  close(): void;
}

const HEAD_END = '\r\n\r\n';
const MAX_HEAD = 16 * 1024;

/** One GET at a time to `baseUrl` with `headers`; answers must carry a Content-Length. */
export async function countingClient(
  baseUrl: string,
  headers: Record<string, string>,
): Promise<CountingClient> {
  const url = new URL(baseUrl);
  const fields = Object.entries({ host: url.host, ...headers })
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  let waiting:
    | {
        resolve: (answer: CountedAnswer) => void;
        reject: (error: Error) => void;
        head: string;
        status?: number;
        left?: number;
        bytes: number;
      }
    | undefined;
  const fail = (error: Error) => {
    waiting?.reject(error);
    waiting = undefined;
  };
  const received = (chunk: Buffer) => {
    const answer = waiting;
    if (!answer) return fail(new Error('bytes with no request waiting'));
    let body = chunk;
    if (answer.left === undefined) {
      // The head is gathered whole first, so its end is found even when it straddles two chunks; only
      // its first MAX_HEAD bytes are turned into a string, not the body behind it.
      const before = answer.head.length;
      answer.head += chunk.toString('latin1', 0, Math.min(chunk.length, MAX_HEAD - before));
      const end = answer.head.indexOf(HEAD_END);
      if (end === -1 && answer.head.length >= MAX_HEAD)
        return fail(new Error(`an answer's head longer than ${MAX_HEAD} bytes`));
      if (end === -1) return;
      const length = /\r\ncontent-length: *(\d+)/i.exec(answer.head.slice(0, end));
      if (!length) return fail(new Error(`an answer without Content-Length: ${answer.head.slice(0, 200)}`));
      answer.status = Number(answer.head.slice(9, 12));
      answer.left = Number(length[1]);
      body = chunk.subarray(end + HEAD_END.length - before);
    }
    answer.left -= body.length;
    answer.bytes += body.length;
    if (answer.left <= 0) {
      waiting = undefined;
      answer.resolve({ status: answer.status!, bytes: answer.bytes });
    }
  };
  const buffer = Buffer.alloc(256 * 1024);
  const socket = net.connect({
    host: url.hostname,
    port: Number(url.port),
    onread: {
      buffer,
      callback: (size) => {
        received(buffer.subarray(0, size));
        return true;
      },
    },
  });

  socket.on('error', fail);
  socket.on('close', () => fail(new Error('the server closed the connection')));
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  return {
    get: (path) =>
      new Promise<CountedAnswer>((resolve, reject) => {
        if (waiting) return reject(new Error('one request at a time'));
        waiting = { resolve, reject, head: '', bytes: 0 };
        socket.write(`GET ${path} HTTP/1.1\r\n${fields}\r\n`);
      }),
    close: () => socket.destroy(),
  };
}
