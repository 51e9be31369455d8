import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ResourceAvailability } from '@labshare/contracts';
import { ownJson, type OwnJson } from '@labshare/http';
import { clippedTo } from '../../domain/rules/availability-answer';
import { withClippedJson } from './clipped-json';

const BASE = Date.UTC(2026, 11, 7);
const MIN = 60_000;
const iso = (minute: number) => new Date(BASE + minute * MIN).toISOString();
const tagOf = (text: string) => `W/"${createHash('sha1').update(text).digest('base64')}"`;
const written = (answer: ResourceAvailability) => (answer as unknown as OwnJson)[ownJson](tagOf);

/** Free pieces and slots in time order, as availability makes them (pieces apart, slots by start). */
const arbitraryAnswer = fc
  .record({
    gaps: fc.array(
      fc.record({ gap: fc.integer({ min: 1, max: 90 }), length: fc.integer({ min: 1, max: 300 }) }),
      {
        maxLength: 20,
      },
    ),
    slotStarts: fc.option(fc.uniqueArray(fc.integer({ min: 0, max: 4000 }), { maxLength: 30 })),
  })
  .map(({ gaps, slotStarts }): ResourceAvailability => {
    let at = 0;
    const free = gaps.map(({ gap, length }, i) => {
      at += gap;
      const piece = { start: iso(at), end: iso(at + length), available: 1 + (i % 3) };
      at += length;
      return piece;
    });
    const answer: ResourceAvailability = { resourceId: 'res-1', timezone: 'Asia/Shanghai', free };
    if (slotStarts)
      answer.slots = [...slotStarts].sort((a, b) => a - b).map((s) => ({ start: iso(s), end: iso(s + 60) }));
    return Object.freeze(answer);
  });

describe("withClippedJson (today's view sent without serialising it again)", () => {
  it('when a kept answer is clipped to any window, then the JSON cut from its JSON is the clipped answer', () => {
    fc.assert(
      fc.property(
        arbitraryAnswer,
        fc.integer({ min: -10, max: 8000 }),
        fc.nat(8000),
        (kept, start, length) => {
          const window = { start: BASE + start * MIN, end: BASE + (start + length) * MIN };
          const clipped = withClippedJson(clippedTo(kept, window));
          const { text } = written(clipped);
          expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(clipped)));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('when the same clip is sent twice, then its tag is the same; when the cut moves the text, the tag moves too', () => {
    const kept = fc.sample(
      arbitraryAnswer.filter((a) => a.free.length > 2),
      { numRuns: 1, seed: 7 },
    )[0]!;
    const inside = Date.parse(kept.free[1]!.start) + MIN; // cuts the second piece
    const end = Date.parse(kept.free.at(-1)!.end) - MIN; // and the last
    const sent = (start: number) => written(withClippedJson(clippedTo(kept, { start, end })));
    const [first, again, later] = [sent(inside), sent(inside), sent(inside + MIN)];
    expect(again).toEqual(first);
    expect(later.text).not.toBe(first.text);
    expect(later.etag).not.toBe(first.etag);
    expect(first.etag).toMatch(/^W\/"/);
  });

  it('when an answer was not clipped, then it is returned as it is, to be serialised as usual', () => {
    const plain = { resourceId: 'res-1', timezone: 'UTC', free: [] };
    expect(withClippedJson(plain)).toBe(plain);
    expect(ownJson in plain).toBe(false);
  });
});
