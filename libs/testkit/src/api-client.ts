/**
 * A tiny JSON client for tests that go through the real HTTP API. An object body is sent as JSON; a
 * string body is sent as it is (CSV, or deliberately broken JSON), with whatever content type the
 * caller's headers name.
 */
export function apiClient(baseUrl: string) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests assert on bodies rather than type them
  return async function call<T = any>(
    method: string,
    path: string,
    options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<{ status: number; body: T; headers: Headers }> {
    const isJson = options.body !== undefined && typeof options.body !== 'string';
    const response = await fetch(new URL(path, baseUrl), {
      method,
      headers: {
        ...(isJson ? { 'content-type': 'application/json' } : {}),
        ...(options.token ? { authorization: options.token } : {}),
        ...options.headers,
      },
      ...(options.body !== undefined
        ? { body: isJson ? JSON.stringify(options.body) : String(options.body) }
        : {}),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON (iCalendar, CSV): keep the text
    }
    return { status: response.status, body: body as T, headers: response.headers };
  };
}
