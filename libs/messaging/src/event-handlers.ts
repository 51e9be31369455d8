import type { EventEnvelope } from '@labshare/contracts';
import type { BatchHandler, EventHandler } from './consumer-runner';

/** A schema that parses an event's `data` (a Zod schema fits). */
interface DataSchema<T> {
  parse(value: unknown): T;
}

/**
 * Handlers for every type of one event family: the event's `data` is parsed with the family's
 * schema first (a payload that fails it is poison and goes to the dead-letter topic), then `handle`
 * calls the flow. Consumers are thin: message in, one flow called.
 */
export function handlersFor<T>(
  types: Record<string, string> | readonly string[],
  schema: DataSchema<T>,
  handle: (data: T, event: EventEnvelope) => Promise<unknown>,
): Record<string, EventHandler> {
  const handler: EventHandler = async (event) => {
    await handle(schema.parse(event.data), event);
  };
  return Object.fromEntries(Object.values(types).map((type: string) => [type, handler]));
}

/**
 * The batch form of `handlersFor`: the events of the family's types, each `data` parsed with its
 * schema (a failure throws, and the consumer falls back to one message at a time, which
 * dead-letters the bad one), handed to `handle` together in their order.
 */
export function batchHandlerFor<T>(
  types: Record<string, string> | readonly string[],
  schema: DataSchema<T>,
  handle: (items: { data: T; event: EventEnvelope }[]) => Promise<unknown>,
): BatchHandler {
  const known = new Set<string>(Object.values(types));
  return async (events) => {
    const items = events
      .filter((event) => known.has(event.type))
      .map((event) => ({ data: schema.parse(event.data), event }));
    if (items.length > 0) await handle(items);
  };
}
