/**
 * Kafka topics, one per owning service and entity. Data flows one way:
 * inventory → booking → access → billing. Every topic has a dead-letter twin (`<topic>.dlt`).
 */
export const topics = {
  orgs: 'inventory.org-events.v1',
  resources: 'inventory.resource-events.v1',
  bookings: 'booking.booking-events.v1',
  qualifications: 'access.qualification-events.v1',
  sessions: 'access.session-events.v1',
  usage: 'access.usage-records.v1',
  billing: 'billing.ledger-events.v1',
} as const;

export type TopicName = (typeof topics)[keyof typeof topics];

export function deadLetterTopic(topic: string): string {
  return `${topic}.dlt`;
}
