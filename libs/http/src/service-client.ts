import type { z } from 'zod';
import { errors } from '@labshare/errors';
import { CORRELATION_HEADER, correlation, type Logger } from '@labshare/logging';
import { requestScope } from './request-scope';

export interface ServiceClientOptions {
  /** The service asked, for errors and logs. */
  service: string;
  baseUrl: string;
  /** Per attempt. */
  timeoutMs: number;
  /** Further attempts after a network failure, a 5xx or a 429 (reads only). */
  retries?: number;
  logger: Logger;
}

/**
 * The one way a service asks another service's API. Every call carries the caller's own identity
 * (the bearer token of the request being served, so the other service applies its own access rules
 * to the real caller) and the correlation id, has a timeout per attempt, and retries a read that
 * failed for reasons that pass. A 404 is an answer (`undefined`); anything else unexpected is a 503
 * `unavailable` naming the service, which callers may turn into a degraded answer.
 */
export class ServiceClient {
  constructor(private readonly options: ServiceClientOptions) {}

  async get<S extends z.ZodTypeAny>(
    path: string,
    query: Record<string, string>,
    schema: S,
  ): Promise<z.output<S> | undefined> {
    const url = new URL(path, this.options.baseUrl);
    url.search = new URLSearchParams(query).toString();
    const retries = this.options.retries ?? 2;
    for (let attempt = 0; ; attempt++) {
      const outcome = await this.attempt(url);
      if (outcome.kind === 'answer') {
        if (outcome.response.status === 404) return undefined;
        return schema.parse(await outcome.response.json());
      }
      if (!outcome.retryable || attempt >= retries) throw outcome.error;
      this.options.logger.debug({ err: outcome.error, url: url.pathname, attempt }, 'retrying service call');
      await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
    }
  }

  private async attempt(url: URL) {
    const { service, timeoutMs } = this.options;
    const authorization = requestScope.authorization();
    const correlationId = correlation.currentId();
    let response: Response;
    try {
      response = await fetch(url, {
        headers: {
          accept: 'application/json',
          ...(authorization ? { authorization } : {}),
          ...(correlationId ? { [CORRELATION_HEADER]: correlationId } : {}),
        },
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (cause) {
      const error = errors.unavailable(`The ${service} service did not answer.`, { cause });
      return { kind: 'failure' as const, retryable: true, error };
    }
    if (response.ok || response.status === 404) return { kind: 'answer' as const, response };
    await response.body?.cancel();
    const error = errors.unavailable(`The ${service} service answered ${response.status}.`);
    return { kind: 'failure' as const, retryable: response.status >= 500 || response.status === 429, error };
  }
}
