import { describe, expect, it } from 'vitest';
import { readyUrl, startedUrl } from './ready-url';

describe('readyUrl', () => {
  it('when the platform said it is ready, then the URL has the port it bound', () => {
    const output = [
      '[platform] kafka ready in 3.1 s (pid 41)',
      '[platform] mongo ready in 2.0 s (pid 42)',
      '[platform] ready in 7.7 s on http://localhost:41234',
    ].join('\n');
    expect(readyUrl(output)).toBe('http://127.0.0.1:41234');
  });

  it('when only the infrastructure is ready, then there is no URL yet', () => {
    expect(readyUrl('[platform] kafka ready in 3.1 s (pid 41)\n')).toBeUndefined();
  });
});

describe('startedUrl', () => {
  it('when the service logged that it started, then the URL is the one in that line', () => {
    const output = [
      '{"level":30,"service":"inventory","url":"http://127.0.0.1:1111","msg":"inventory started"}',
      '{"level":30,"service":"booking","url":"http://127.0.0.1:41234","msg":"booking started"}',
    ].join('\n');
    expect(startedUrl('booking')(output)).toBe('http://127.0.0.1:41234');
  });

  it('when the service has not said so yet, then there is no URL', () => {
    expect(startedUrl('booking')('{"level":30,"msg":"consumer started"}\n')).toBeUndefined();
  });
});
