import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoInstant } from './iso-instant';

describe('isoInstant', () => {
  it.each([
    ['the epoch', 0],
    ['a slot edge', Date.UTC(2026, 11, 2, 21, 45)],
    ['the last second of a day', Date.UTC(2026, 11, 31, 23, 59, 59)],
    ['a leap day', Date.UTC(2028, 1, 29, 12)],
    ['milliseconds', Date.UTC(2026, 0, 1, 0, 0, 0, 123)],
    ['before the epoch', Date.UTC(1969, 6, 20, 20, 17, 40)],
    ['a year after 9999', Date.UTC(10_000, 0, 1)],
  ])('when given %s, then it is what toISOString says', (_, ms) => {
    expect(isoInstant(ms)).toBe(new Date(ms).toISOString());
  });

  it('when given any instant in ±300 years, then it is what toISOString says', () => {
    const span = 300 * 365 * 86_400_000;
    fc.assert(
      fc.property(fc.integer({ min: -span, max: span }), fc.boolean(), (ms, whole) => {
        const at = whole ? ms - (ms % 1000) : ms;
        expect(isoInstant(at)).toBe(new Date(at).toISOString());
      }),
      { numRuns: 5000 },
    );
  });
});
