import { OpenApiContract } from './openapi-contract';

/** The contract of each base URL, fetched once: `undefined` where no /openapi.json is served (the gateway). */
const contracts = new Map<string, Promise<OpenApiContract | undefined>>();

function contractOf(baseUrl: string): Promise<OpenApiContract | undefined> {
  let contract = contracts.get(baseUrl);
  if (!contract) {
    contract = fetch(new URL('/openapi.json', baseUrl))
      .then(async (r) =>
        r.ok
          ? new OpenApiContract((await r.json()) as ConstructorParameters<typeof OpenApiContract>[0])
          : undefined,
      )
      .catch(() => undefined);
    contracts.set(baseUrl, contract);
  }
  return contract;
}

/**
 * A tiny JSON client for tests that go through the real HTTP API. An object body is sent as JSON; a
 * string body is sent as it is (CSV, or deliberately broken JSON), with whatever content type the
 * caller's headers name. Every exchange is checked against the service's own OpenAPI document:
 * an undocumented status or an answer off its schema fails the test that caused it (benchmarks
 * turn the check off, `checkContract: false`, so it does not weigh on their figures).
 */
export function apiClient(baseUrl: string, options: { checkContract?: boolean } = {}) {
  const contract = options.checkContract === false ? Promise.resolve(undefined) : undefined;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests assert on bodies rather than type them
  return async function call<T = any>(
    method: string,
    path: string,
    options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<{ status: number; body: T; headers: Headers }> {
    const isJson = options.body !== undefined && typeof options.body !== 'string';
    const headers: Record<string, string> = {
      ...(isJson ? { 'content-type': 'application/json' } : {}),
      ...(options.token ? { authorization: options.token } : {}),
      ...options.headers,
    };
    const sent =
      options.body === undefined ? undefined : isJson ? JSON.stringify(options.body) : String(options.body);
    const response = await fetch(new URL(path, baseUrl), {
      method,
      headers,
      ...(sent !== undefined ? { body: sent } : {}),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON (iCalendar, CSV): keep the text
    }
    const problems = (await (contract ?? contractOf(baseUrl)))?.check({
      method,
      path,
      requestBody: isJson && sent !== undefined ? JSON.parse(sent) : undefined,
      requestContentType: headers['content-type'],
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      responseBody: body,
    });
    if (problems?.length)
      throw new Error(`The exchange breaks the OpenAPI document:\n  ${problems.join('\n  ')}`);
    return { status: response.status, body: body as T, headers: response.headers };
  };
}
