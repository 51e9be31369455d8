import { apiClient } from '@labshare/testkit';

export interface Reply {
  status: number;
  contentType: string;
  // Tests read deep into JSON answers; typing every one would only restate the contract.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

interface RequestOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** `http.as(token).post(path, body)` over the shared test client, answering with the content type. */
export function httpClient(baseUrl: string) {
  const call = apiClient(baseUrl);
  async function send(method: string, path: string, options: RequestOptions = {}): Promise<Reply> {
    const answer = await call(method, path, options);
    return {
      status: answer.status,
      contentType: answer.headers.get('content-type') ?? '',
      body: answer.body,
    };
  }
  const as = (token?: string, headers?: Record<string, string>) => ({
    get: (path: string) => send('GET', path, { token, headers }),
    post: (path: string, body?: unknown, extra?: Record<string, string>) =>
      send('POST', path, { token, body, headers: { ...headers, ...extra } }),
    patch: (path: string, body?: unknown) => send('PATCH', path, { token, body, headers }),
    delete: (path: string) => send('DELETE', path, { token, headers }),
  });
  return { send, as, anonymous: as() };
}

export type HttpClient = ReturnType<typeof httpClient>;
