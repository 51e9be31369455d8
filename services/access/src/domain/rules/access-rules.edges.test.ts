import { usageRecordEventData, type PassRefusal, type Principal } from '@labshare/contracts';
import { describe, expect, it } from 'vitest';
import {
  aBooking,
  aPassRecord,
  aQualification,
  aSession,
  CONSUMER,
  END,
  MINUTE,
  PROVIDER,
  START,
} from '../../../test/support/access-states';
import { usageRecordedEvent } from './access-events';
import { assertDeviceOf, assertMayHavePass, assertPassable } from './access-rights';
import { refusalDetails } from './check-in';
import { passWindow } from './pass-window';
import { assertMayManage, grant, visibleQualifications } from './qualifications';
import { honours } from './revocation';
import { closeSession, sessionIdFor, toCheckInAnswer, toCheckOutAnswer } from './sessions';
import { usageRecordOf } from './usage-record';

const as = (org: string, ...roles: Principal['roles']): Principal => ({ sub: 'u', org, roles });

describe('what callers are told when refused', () => {
  it.each([
    [
      'a device of another org checks in',
      () => assertDeviceOf(as('other', 'device'), PROVIDER),
      403,
      "Only a device of the resource's organisation may do this.",
    ],
    [
      'another org asks for a pass',
      () => assertMayHavePass(as('other', 'booker'), aBooking()),
      404,
      'Booking b1 was not found.',
    ],
    [
      'a pass is asked for a cancelled booking',
      () => assertPassable(aBooking({ status: 'cancelled' }), START),
      409,
      'A cancelled booking has no pass.',
    ],
    [
      'a pass is asked for exactly when the booking ends',
      () => assertPassable(aBooking(), END),
      409,
      'The booking is over.',
    ],
    [
      'an org_admin of another org manages a qualification',
      () => assertMayManage(as('other', 'org_admin'), aQualification()),
      404,
      'Qualification q1 was not found.',
    ],
    [
      "a booker lists another user's qualifications",
      () => visibleQualifications({ sub: 'alice', org: CONSUMER, roles: ['booker'] }, 'bob'),
      403,
      "Only an org_admin lists other users' qualifications.",
    ],
  ])('when %s, then it is %i with its reason', (_case, act, status, message) => {
    expect(act).toThrow(expect.objectContaining({ status, message }));
  });

  it('when a pass is asked for a millisecond before the booking ends, then it may be issued', () => {
    expect(() => assertPassable(aBooking(), END - 1)).not.toThrow();
  });
});

describe('grant at the edge of now', () => {
  const caller = as(PROVIDER, 'org_admin');
  const input = { id: 'q9', userId: 'alice', name: 'laser-safety' };

  it.each([
    ['now', START],
    ['a millisecond ago', START - 1],
  ])('when the expiry is %s, then the field is named as not in the future', (_case, expiresAt) => {
    expect(() => grant(caller, { ...input, expiresAt: new Date(expiresAt) }, START)).toThrow(
      expect.objectContaining({
        status: 400,
        extensions: { errors: [{ field: 'body.expiresAt', message: 'must be in the future' }] },
      }),
    );
  });

  it('when the expiry is a millisecond from now, then it is granted with that expiry', () => {
    expect(grant(caller, { ...input, expiresAt: new Date(START + 1) }, START).expiresAt).toBe(
      new Date(START + 1).toISOString(),
    );
  });
});

describe('refusalDetails', () => {
  it.each([
    ['pass_invalid', 'not one this service signed'],
    ['pass_not_yet_valid', 'not valid yet'],
    ['pass_expired', 'has expired'],
    ['pass_revoked', 'was revoked'],
    ['wrong_resource', 'another resource'],
    ['unqualified', 'lacks a qualification'],
  ] as [PassRefusal, string][])(
    'when a check-in is refused as %s, then the 403 says it %s',
    (refusal, phrase) => {
      expect(refusalDetails[refusal]).toContain(phrase);
    },
  );
});

describe('passes, sessions and usage', () => {
  it('when a pass window is made, then it opens passEarlyMinutes before the start and closes at the end', () => {
    expect(passWindow(aBooking(), 10)).toEqual({ validFrom: START - 10 * MINUTE, validUntil: END });
  });

  it('when the booking snapshot is of another booking, then it does not honour the pass', () => {
    expect(honours(aBooking({ id: 'b2' }), aPassRecord())).toBe(false);
  });

  it('when two bookings are checked in, then their sessions have different ids, each stable', () => {
    expect(sessionIdFor('b1')).not.toBe(sessionIdFor('b2'));
    expect(sessionIdFor('b1')).toBe(sessionIdFor('b1'));
  });

  it('when a session is answered to the device, then instants are ISO strings and the minutes are counted', () => {
    const session = aSession();
    expect(toCheckInAnswer(session)).toEqual({
      sessionId: 'session-b1',
      bookingId: 'b1',
      startedAt: new Date(START + 2 * MINUTE).toISOString(),
    });
    const closed = closeSession(session, 'device', START + 32 * MINUTE);
    expect(toCheckOutAnswer(closed)).toEqual({
      sessionId: 'session-b1',
      bookingId: 'b1',
      startedAt: new Date(START + 2 * MINUTE).toISOString(),
      endedAt: new Date(START + 32 * MINUTE).toISOString(),
      minutes: 30,
    });
  });

  it('when usage is recorded, then the event carries the record and the contract accepts it', () => {
    const record = usageRecordOf(closeSession(aSession(), 'device', END), END);
    const { event } = usageRecordedEvent(record, { now: END });
    expect(event.data).toEqual({ usageRecord: record });
    expect(usageRecordEventData.parse(event.data)).toEqual(event.data);
  });
});
