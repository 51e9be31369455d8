import { describe, expect, it } from 'vitest';
import { readyUrl } from './ready-url';

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
