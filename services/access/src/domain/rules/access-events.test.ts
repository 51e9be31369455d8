import {
  qualificationEventData,
  qualificationEventTypes,
  sessionCheckedInData,
  sessionEventTypes,
  topics,
} from '@labshare/contracts';
import { describe, expect, it } from 'vitest';
import { aQualification, aSession, START } from '../../../test/support/access-states';
import { checkedInEvent, qualificationEvent } from './access-events';

const context = { now: START, correlationId: 'corr-1' };

describe('qualificationEvent', () => {
  it.each(Object.keys(qualificationEventTypes) as (keyof typeof qualificationEventTypes)[])(
    'when a qualification is %s, then the event has that type, is keyed by its id and carries the record',
    (kind) => {
      const qualification = aQualification();
      const { topic, event } = qualificationEvent(kind, qualification, context);
      expect(topic).toBe(topics.qualifications);
      expect(event).toEqual(
        expect.objectContaining({
          source: 'labshare/access',
          type: qualificationEventTypes[kind],
          subject: qualification.id,
          time: new Date(START).toISOString(),
          correlationid: 'corr-1',
          data: { qualification },
        }),
      );
      expect(qualificationEventData.parse(event.data)).toEqual(event.data);
    },
  );
});

describe('checkedInEvent', () => {
  it('when a booker is checked in, then the event is keyed by the resource and names session, booking and start', () => {
    const session = aSession();
    const { topic, event } = checkedInEvent(session, context);
    expect(topic).toBe(topics.sessions);
    expect(event).toEqual(
      expect.objectContaining({
        source: 'labshare/access',
        type: sessionEventTypes.checkedIn,
        subject: session.resourceId,
        time: new Date(START).toISOString(),
        correlationid: 'corr-1',
        data: {
          sessionId: session.id,
          bookingId: session.bookingId,
          resourceId: session.resourceId,
          startedAt: new Date(session.startedAt).toISOString(),
        },
      }),
    );
    expect(sessionCheckedInData.parse(event.data)).toEqual(event.data);
  });
});
