import { describe, expect, it } from 'vitest';
import { eventEnvelope, newEvent } from './index';

describe('event envelope', () => {
  it('when an event is made, then it is a valid CloudEvents envelope keyed by its subject', () => {
    const event = newEvent({
      source: 'labshare/inventory',
      type: 'resource.created.v1',
      subject: 'res-1',
      data: { name: 'SEM' },
      time: new Date('2026-01-01T00:00:00Z'),
    });
    expect(eventEnvelope.parse(event)).toMatchObject({ specversion: '1.0', subject: 'res-1' });
  });

  it('when the type is not <entity>.<past-tense>.v<N>, then it is refused', () => {
    const bad = { ...newEvent({ source: 's', type: 'x.y.v1', subject: 's', data: {}, time: new Date() }) };
    expect(eventEnvelope.safeParse({ ...bad, type: 'ResourceCreated' }).success).toBe(false);
  });
});
