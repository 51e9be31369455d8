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

/** Small fetch wrapper: `http.as(token).post(path, body)`. A string body is sent as is. */
export function httpClient(baseUrl: string) {
  async function send(method: string, path: string, options: RequestOptions = {}): Promise<Reply> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = options.token;
    let body: string | undefined;
    if (typeof options.body === 'string') body = options.body;
    else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(new URL(path, baseUrl), { method, headers, body });
    const text = await response.text();
    return {
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      body: text ? JSON.parse(text) : undefined,
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
