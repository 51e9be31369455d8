// The benches' load generator: JSON over node:http with kept-alive connections. The load shares the
// platform's two cores here, so whatever the client spends is taken from the platform's figures.
// `fetch` (undici's WHATWG layer, what the tests' `apiClient` uses) cost 265–395 µs of client CPU
// per request; this costs 80–107 µs (a trivial JSON server, 16 clients, 20,000 requests, three
// alternations in one process; docs/benchmarks.md, thirteenth round).
import http from 'node:http';

export interface BenchAnswer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- benches read a field or two of an answer
  body: any;
}

export type BenchApi = (
  method: string,
  path: string,
  options?: { token?: string; body?: unknown },
) => Promise<BenchAnswer>;

/** Calls to `baseUrl` with an object body sent as JSON; a JSON answer is parsed, any other kept as text. */
export function benchClient(baseUrl: string): BenchApi {
  const agent = new http.Agent({ keepAlive: true });
  return (method, path, options = {}) =>
    new Promise<BenchAnswer>((resolve, reject) => {
      const sent = options.body === undefined ? undefined : JSON.stringify(options.body);
      const headers: http.OutgoingHttpHeaders = {
        ...(sent !== undefined
          ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(sent) }
          : {}),
        ...(options.token ? { authorization: options.token } : {}),
      };
      const request = http.request(new URL(path, baseUrl), { method, headers, agent }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          const json = response.headers['content-type']?.includes('json') && text !== '';
          resolve({ status: response.statusCode ?? 0, body: json ? JSON.parse(text) : text });
        });
      });
      request.on('error', reject);
      request.end(sent);
    });
}
