import { randomUUID } from 'node:crypto';
import { offsetInstant } from './common';
import { z } from './zod';

/**
 * CloudEvents 1.0 structured envelope of every event on the bus. `type` is `<entity>.<past-tense>.v<N>`;
 * `subject` is the aggregate id and the Kafka message key, so events of one aggregate stay in order.
 */
export const eventEnvelope = z.object({
  specversion: z.literal('1.0'),
  id: z.string().min(1),
  source: z.string().min(1),
  type: z
    .string()
    .regex(/^[a-z][a-z0-9_-]*(\.[a-z][a-z0-9_-]*)+\.v\d+$/, 'must be <entity>.<past-tense>.v<N>'),
  subject: z.string().min(1),
  time: offsetInstant,
  datacontenttype: z.literal('application/json').default('application/json'),
  correlationid: z.string().optional(),
  data: z.record(z.unknown()),
});

export type EventEnvelope = z.infer<typeof eventEnvelope>;

export interface NewEventInput {
  source: string;
  type: string;
  subject: string;
  data: Record<string, unknown>;
  time: Date;
  correlationId?: string;
}

export function newEvent(input: NewEventInput): EventEnvelope {
  return {
    specversion: '1.0',
    id: randomUUID(),
    source: input.source,
    type: input.type,
    subject: input.subject,
    time: input.time.toISOString(),
    datacontenttype: 'application/json',
    ...(input.correlationId ? { correlationid: input.correlationId } : {}),
    data: input.data,
  };
}
