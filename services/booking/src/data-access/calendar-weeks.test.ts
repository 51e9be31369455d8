import { describe, expect, it } from 'vitest';
import type { StoredBooking } from './calendar-documents';
import {
  assemble,
  foldPlan,
  mergeNewest,
  weekOf,
  withoutOlderCopies,
  type HeadBooking,
} from './calendar-weeks';

const at = (iso: string) => Date.parse(iso);
const stored = (id: string, version: number, start = '2026-06-03T10:00:00Z', extra: object = {}) =>
  ({
    id,
    version,
    start: new Date(start),
    end: new Date(at(start) + 3_600_000),
    ...extra,
  }) as unknown as HeadBooking;

describe('weekOf (the week document a folded booking is stored in)', () => {
  it('when two instants fall on either side of Monday 00:00 UTC, then they are in consecutive weeks', () => {
    const sunday = weekOf(at('2026-06-07T23:59:59.999Z'));
    expect(weekOf(at('2026-06-08T00:00:00Z'))).toBe(sunday + 1);
    expect(weekOf(at('2026-06-01T00:00:00Z'))).toBe(sunday);
    expect(weekOf(new Date('2026-06-03T12:00:00Z'))).toBe(sunday);
  });
});

describe('assemble (a calendar read as its head, then its weeks)', () => {
  it('when a booking is in a week and, revised, in the head, then it counts once, in its highest version', () => {
    const head = [stored('a', 3, undefined, { movedFrom: [5] }), stored('new', 1)];
    const weeks = [[stored('a', 2), stored('b', 1)], [stored('c', 4)]];
    const bookings = assemble(head, weeks);
    expect(bookings.map((b) => [b.id, b.version])).toEqual([
      ['a', 3],
      ['b', 1],
      ['c', 4],
      ['new', 1],
    ]);
    expect(bookings[0]).not.toHaveProperty('movedFrom');
  });

  it('when a fold has written a newer copy to a week than the head read holds, then the newer one counts', () => {
    expect(assemble([stored('a', 2)], [[stored('a', 3)]]).map((b) => b.version)).toEqual([3]);
  });
});

describe('mergeNewest (a fold writing into a week)', () => {
  it('when a booking is already in the week, then only a higher version replaces it, and nothing else moves', () => {
    const week = [stored('a', 2), stored('b', 1)];
    const merged = mergeNewest(week, [
      stored('a', 1),
      stored('b', 2, undefined, { movedFrom: [9] }),
      stored('c', 1),
    ]);
    expect(merged.map((b) => [b.id, b.version])).toEqual([
      ['a', 2],
      ['b', 2],
      ['c', 1],
    ]);
    expect(merged[0]).toBe(week[0]);
    expect(merged[1]).not.toHaveProperty('movedFrom');
  });
});

describe('foldPlan and withoutOlderCopies (a fold of a rescheduled booking)', () => {
  it('when a head booking moved from other weeks, then it is written to its start week and its older copies leave the others', () => {
    const june3 = weekOf(at('2026-06-03T10:00:00Z'));
    const moved = stored('a', 4, '2026-06-03T10:00:00Z', { movedFrom: [june3 - 1, june3, june3 + 2] });
    const plan = foldPlan([moved, stored('b', 1, '2026-06-10T10:00:00Z')]);
    expect([...plan.into.entries()].map(([w, bs]) => [w, bs.map((b) => b.id)])).toEqual([
      [june3, ['a']],
      [june3 + 1, ['b']],
    ]);
    expect([...plan.outOf.keys()]).toEqual([june3 - 1, june3 + 2]);
    const older = [stored('a', 3), stored('x', 1)];
    expect(withoutOlderCopies(older, plan.outOf.get(june3 - 1)!).map((b) => b.id)).toEqual(['x']);
    const newer: StoredBooking[] = [stored('a', 5)];
    expect(withoutOlderCopies(newer, plan.outOf.get(june3 - 1)!)).toEqual(newer);
  });
});
