import { describe, expect, it } from 'vitest';
import { aBooking, aSession, END, MINUTE, START } from '../../../test/support/access-states';
import { closeSession, openSession, sessionIdFor, sessionMinutes } from './sessions';

describe('sessionMinutes (whole minutes, rounded up)', () => {
  it.each([
    ['no time at all', 0, 0],
    ['1 ms', 1, 1],
    ['59.999 s', 59_999, 1],
    ['exactly 1 minute', MINUTE, 1],
    ['1 minute and 1 ms', MINUTE + 1, 2],
    ['exactly 90 minutes', 90 * MINUTE, 90],
    ['90 minutes and 1 s', 90 * MINUTE + 1000, 91],
    ['a negative span (clock skew between replicas)', -5000, 0],
  ])('when a session lasts %s, then it counts %i minutes', (_name, ms, minutes) => {
    expect(sessionMinutes(START, START + ms)).toBe(minutes);
  });
});

describe('sessions', () => {
  it('when a booking is checked in, then its session id comes from the booking and the scan may close it at end + grace', () => {
    const session = openSession({
      booking: aBooking(),
      passJti: 'p1',
      device: 'door-1',
      now: START,
      autoCheckoutGraceMs: 15 * MINUTE,
    });
    expect(session).toMatchObject({
      id: sessionIdFor('b1'),
      startedAt: START,
      autoCloseAt: END + 15 * MINUTE,
      status: 'open',
    });
    expect(sessionIdFor('b1')).toBe(sessionIdFor('b1'));
  });

  it.each([
    ['a device, during the booking', 'device', START + 47 * MINUTE + 1, START + 47 * MINUTE + 1, 46],
    ['a device, after the booked end', 'device', END + 5 * MINUTE, END + 5 * MINUTE, 63],
    ['the scan, after end + grace', 'auto', END + 16 * MINUTE, END, 58],
    [
      'the scan, early (a session opened after the end cannot be)',
      'auto',
      START + MINUTE,
      START + 2 * MINUTE,
      0,
    ],
  ] as const)(
    'when %s closes it, then it ends at the right time with its minutes',
    (_name, by, now, endedAt, minutes) => {
      expect(closeSession(aSession(), by, now)).toMatchObject({
        status: 'closed',
        closedBy: by,
        endedAt,
        minutes,
      });
    },
  );
});
