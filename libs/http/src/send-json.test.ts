import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownJson, sendJson } from './send-json';

describe('sendJson', () => {
  let base: string;
  let close: () => void;
  let stringified = 0;
  // A body whose serialisation is counted: JSON.stringify calls toJSON once per serialisation.
  const counted = (label: string) => ({ label, toJSON: () => (stringified++, { label }) });
  const shared = Object.freeze(counted('shared'));
  /** What `/frozen` handed to express's `res.send`, in order. */
  const handedToSend: unknown[] = [];

  beforeAll(async () => {
    const app = express();
    app.get('/frozen', (_req, res) => {
      const send = res.send.bind(res);
      res.send = (body) => (handedToSend.push(body), send(body));
      sendJson(res, 200, shared);
    });
    app.get('/fresh', (_req, res) => sendJson(res, 201, counted('fresh')));
    app.get('/own', (_req, res) => {
      const body = counted('own');
      Object.defineProperty(body, ownJson, {
        value: (tagOf: ((text: string) => string) | undefined) => ({
          text: '{"label":"own, cut"}',
          etag: tagOf?.('own@1'),
        }),
      });
      sendJson(res, 200, body);
    });
    app.post('/fresh', (_req, res) => sendJson(res, 201, counted('written')));
    app.post('/frozen', (_req, res) => sendJson(res, 200, shared));
    app.post('/nothing', (_req, res) => sendJson(res, 201, undefined));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => server.close();
  });
  afterAll(() => close());

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { headers });

  it('when a frozen body is sent again, then its JSON and entity tag are the first ones, made once', async () => {
    const before = stringified;
    const [first, second] = [await get('/frozen'), await get('/frozen')];
    expect([await first.text(), await second.text()]).toEqual(['{"label":"shared"}', '{"label":"shared"}']);
    expect(first.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(first.headers.get('etag')).toMatch(/^W\/"/);
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(stringified - before).toBe(1);
  });

  it('when a frozen body is sent again, then the same encoded bytes are handed to express, not a string to encode', async () => {
    handedToSend.length = 0;
    await (await get('/frozen')).text();
    await (await get('/frozen')).text();
    expect(Buffer.isBuffer(handedToSend[0])).toBe(true);
    expect(handedToSend[1]).toBe(handedToSend[0]);
  });

  it('when the client already holds that tag, then the answer is 304 with no body', async () => {
    const etag = (await get('/frozen')).headers.get('etag')!;
    // fetch adds `Cache-Control: no-cache` to a conditional request unless it has one (a forced reload).
    const again = await get('/frozen', { 'if-none-match': etag, 'cache-control': 'max-age=0' });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it('when the body is not frozen, then it is serialised for each answer, as res.json does', async () => {
    const before = stringified;
    const answers = [await get('/fresh'), await get('/fresh')];
    expect(answers.map((a) => a.status)).toEqual([201, 201]);
    expect(await answers[0]!.json()).toEqual({ label: 'fresh' });
    expect(stringified - before).toBe(2);
  });

  it('when the body writes its own JSON, then that text and tag are sent, and the body is not serialised', async () => {
    const before = stringified;
    const answer = await get('/own');
    expect(await answer.text()).toBe('{"label":"own, cut"}');
    expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const etag = answer.headers.get('etag')!;
    expect(etag).toMatch(/^W\/"/);
    expect(stringified - before).toBe(0);
    const again = await get('/own', { 'if-none-match': etag, 'cache-control': 'max-age=0' });
    expect(again.status).toBe(304);
  });

  it('when a write is answered, then its JSON is sent whole with its length and no entity tag to hash', async () => {
    const before = stringified;
    for (const path of ['/fresh', '/frozen']) {
      const answer = await fetch(`${base}${path}`, { method: 'POST' });
      const text = await answer.text();
      expect(text).toBe(path === '/fresh' ? '{"label":"written"}' : '{"label":"shared"}');
      expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(answer.headers.get('content-length')).toBe(String(Buffer.byteLength(text)));
      expect(answer.headers.get('etag')).toBeNull();
    }
    expect(stringified - before).toBe(2);
    const nothing = await fetch(`${base}/nothing`, { method: 'POST' });
    expect({ status: nothing.status, text: await nothing.text() }).toEqual({ status: 201, text: '' });
  });
});
