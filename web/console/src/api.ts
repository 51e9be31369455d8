import { currentSession, signOut } from './session';

/** A problem+json answer (or a network failure) as an Error the pages can show. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

/**
 * The public API on the console's own origin (the gateway), with the signed-in user's bearer token.
 * A 401 means the token expired or was refused: the session ends and the sign-in page shows.
 */
export async function api<T>(method: string, path: string, body?: unknown, token?: string): Promise<T> {
  const bearer = token ?? currentSession()?.token;
  const answer = await fetch(path, {
    method,
    headers: {
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (answer.status === 401 && !token) signOut();
  if (!answer.ok) {
    const problem = (await answer.json().catch(() => ({}))) as {
      detail?: string;
      title?: string;
      code?: string;
    };
    throw new ApiError(answer.status, problem.detail ?? problem.title ?? answer.statusText, problem.code);
  }
  return (answer.status === 204 ? undefined : await answer.json()) as T;
}

/** Fetches a CSV with the bearer token and hands it to the browser as a download named `filename`. */
export async function downloadCsv(path: string, filename: string): Promise<void> {
  const answer = await fetch(path, { headers: { authorization: `Bearer ${currentSession()?.token ?? ''}` } });
  if (!answer.ok) throw new ApiError(answer.status, answer.statusText);
  const url = URL.createObjectURL(await answer.blob());
  const link = Object.assign(document.createElement('a'), { href: url, download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000); // once the browser has taken the file
}

export function query(params: Record<string, string | number | undefined>): string {
  const entries = Object.entries(params).filter(
    (e): e is [string, string | number] => e[1] !== undefined && e[1] !== '',
  );
  return new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString();
}
