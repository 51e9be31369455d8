import { describe, expect, it } from 'vitest';
import { validAt } from './qualifications';

describe('validAt', () => {
  const at = Date.parse('2026-06-01T10:00:00Z');

  it.each([
    ['never expires', undefined, ['q']],
    ['expires after the end', at + 1, ['q']],
    ['expires exactly at the end', at, ['q']],
    ['expired before the end', at - 1, []],
  ])('when the qualification %s, then the names valid are %j', (_name, expiresAt, names) => {
    expect(validAt([{ name: 'q', ...(expiresAt === undefined ? {} : { expiresAt }) }], at)).toEqual(names);
  });
});
