import { describe, expect, it } from 'vitest';
import type { StoredBooking } from './calendar-documents';
import { weekDelta } from './calendar-week-store';
import { mergeNewest, withoutOlderCopies } from './calendar-weeks';

/** A week's booking as the edits read it: its id and version only. */
const key = (id: string, version = 1) => ({ id, version }) as StoredBooking;
const full = (id: string, version = 1) => ({ id, version, status: 'confirmed' }) as unknown as StoredBooking;

describe('weekDelta: what a week edit sends', () => {
  const week = [key('a'), key('b'), key('c')];

  it('appends bookings new to the week, sending only them', () => {
    const d = full('d');
    expect(weekDelta(week, mergeNewest(week, [d]))).toEqual({ $push: { bookings: { $each: [d] } } });
  });

  it('replaces an older copy in its slot', () => {
    const b2 = full('b', 2);
    expect(weekDelta(week, mergeNewest(week, [b2, full('a', 1)]))).toEqual({ $set: { 'bookings.1': b2 } });
  });

  it('pulls the bookings left out, by id and version', () => {
    expect(
      weekDelta(
        week,
        withoutOlderCopies(week, [
          { id: 'a', version: 3 },
          { id: 'c', version: 2 },
        ]),
      ),
    ).toEqual({
      $pull: {
        bookings: {
          $or: [
            { id: 'a', version: 1 },
            { id: 'c', version: 1 },
          ],
        },
      },
    });
    expect(weekDelta(week, [])).toEqual({
      $pull: { bookings: { $or: [key('a'), key('b'), key('c')] } },
    });
  });

  it('gives up on more than one kind of change at once (the week is then set whole)', () => {
    expect(weekDelta(week, mergeNewest(week, [full('b', 2), full('d')]))).toBeUndefined();
    expect(weekDelta(week, [week[0]!, full('d'), week[2]!].slice(0, 2))).toBeUndefined();
    expect(weekDelta(week, [week[1]!, week[0]!, week[2]!])).toBeUndefined();
  });
});
