import { describe, expect, it } from 'vitest';
import {
  aBooking,
  aSession,
  CONSUMER,
  END,
  MINUTE,
  PROVIDER,
  START,
} from '../../../test/support/access-states';
import { closeSession } from './sessions';
import { usageRecordId, usageRecordOf } from './usage-record';
import { usageRecordedEvent } from './access-events';

const closedAt = START + 62 * MINUTE;

describe('usageRecordOf', () => {
  it('when a session closes, then its record has the session, the booking, the minutes and the booked terms', () => {
    const record = usageRecordOf(closeSession(aSession(), 'device', closedAt), closedAt);
    expect(record).toEqual({
      id: 'usage-session-b1',
      sessionId: 'session-b1',
      bookingId: 'b1',
      resourceId: 'r1',
      resourceKind: 'equipment',
      providerOrgId: PROVIDER,
      consumerOrgId: CONSUMER,
      consumerKind: 'enterprise',
      userId: 'alice',
      start: new Date(START + 2 * MINUTE).toISOString(),
      end: new Date(closedAt).toISOString(),
      minutes: 60,
      external: true,
      booked: { start: aBooking().start, end: aBooking().end, quantity: 1, price: aBooking().price },
      priceTerms: aBooking().priceTerms,
      closedBy: 'device',
      recordedAt: new Date(closedAt).toISOString(),
    });
  });

  it.each([
    ['another org used it', CONSUMER, true],
    ['the provider org used its own resource', PROVIDER, false],
  ])('when %s, then external is %s (whatever the booking said)', (_name, consumer, external) => {
    const session = aSession({ consumerOrgId: consumer, booking: aBooking({ external: !external }) });
    expect(usageRecordOf(closeSession(session, 'auto', END + 20 * MINUTE), END).external).toBe(external);
  });

  it('when the same session is closed twice (a replay, another replica), then the record and the event carry the same id', () => {
    const a = usageRecordOf(closeSession(aSession(), 'device', closedAt), closedAt);
    const b = usageRecordOf(closeSession(aSession(), 'auto', END + 20 * MINUTE), END + 20 * MINUTE);
    expect(a.id).toBe(b.id);
    expect(usageRecordId('session-b1')).toBe(a.id);
    const event = usageRecordedEvent(a, { now: closedAt });
    expect(event.event).toMatchObject({ id: a.id, subject: PROVIDER, type: 'usage.recorded.v1' });
    expect(event.topic).toBe('access.usage-records.v1');
  });
});
