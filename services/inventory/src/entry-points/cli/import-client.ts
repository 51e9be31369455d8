import type { ImportReport } from '@labshare/contracts';

export interface ApiReply {
  status: number;
  body: { id?: string; code?: string; detail?: string } & Partial<ImportReport>;
}

const ATTEMPTS = 8;

/**
 * Calls the inventory API with the bearer token, retrying what may pass on its own: the network,
 * 5xx, and a row whose Idempotency-Key is still claimed by a run that crashed (freed after a minute).
 */
export function importClient(options: {
  baseUrl: string;
  token: string;
  sleep?: (ms: number) => Promise<void>;
}) {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  async function send(path: string, body: string, headers: Record<string, string>): Promise<ApiReply> {
    for (let attempt = 1; ; attempt++) {
      const reply = await fetch(new URL(path, options.baseUrl), {
        method: 'POST',
        headers: { authorization: `Bearer ${options.token}`, ...headers },
        body,
      }).then(
        async (response) =>
          ({ status: response.status, body: await response.json().catch(() => ({})) }) as ApiReply,
        (error: unknown) => ({ status: 0, body: { detail: String(error) } }) as ApiReply,
      );
      const passing =
        reply.status === 0 || reply.status >= 500 || reply.body.code === 'idempotency_in_progress';
      if (!passing || attempt >= ATTEMPTS) return reply;
      await sleep(Math.min(500 * 2 ** (attempt - 1), 10_000));
    }
  }
  return {
    validate: (csv: string, skipInvalid: boolean) =>
      send(`/v1/resources/import?dryRun=true&skipInvalid=${skipInvalid}`, csv, {
        'content-type': 'text/csv',
      }),
    create: (body: unknown, idempotencyKey: string) =>
      send('/v1/resources', JSON.stringify(body), {
        'content-type': 'application/json',
        'idempotency-key': idempotencyKey,
      }),
  };
}
