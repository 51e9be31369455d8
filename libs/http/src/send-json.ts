import type { Response } from 'express';

/** The JSON and entity tag of each frozen answer sent, for as long as the answer itself lives. */
const written = new WeakMap<object, { text: string; etag?: string }>();

/**
 * Sends `body` as JSON, the same as `res.json`. A frozen body is one a flow hands out again
 * unchanged (an answer it keeps for reuse): its JSON and entity tag are made the first time and
 * reused after, so a large answer asked again costs neither its serialisation nor its hash.
 */
export function sendJson(res: Response, status: number, body: unknown): void {
  if (body === null || typeof body !== 'object' || !Object.isFrozen(body)) {
    res.status(status).json(body);
    return;
  }
  let memo = written.get(body);
  if (!memo) {
    const text = JSON.stringify(body);
    // The app's own entity tag function (weak by default; none if the app turned tags off).
    const tagOf = res.app.get('etag fn') as ((body: string, encoding: string) => string) | undefined;
    memo = { text, etag: tagOf?.(text, 'utf8') };
    written.set(body, memo);
  }
  if (memo.etag) res.set('ETag', memo.etag);
  res.status(status).type('application/json').send(memo.text);
}
