import { describe, expect, it } from 'vitest';
import { correlation } from './correlation';

describe('correlation', () => {
  it('when work runs with an id, then awaited code still sees it', async () => {
    const seen = await correlation.run('abc', async () => {
      await new Promise((resolve) => setImmediate(resolve));
      return correlation.currentId();
    });
    expect(seen).toBe('abc');
  });

  it('when no id is given, then a fresh one is made', () => {
    const seen = correlation.run(undefined, () => correlation.currentId());
    expect(seen).toMatch(/^[0-9a-f-]{36}$/);
  });
});
