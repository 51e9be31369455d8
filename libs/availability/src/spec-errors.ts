import { parseWallClock } from './opening-windows';
import { RecurrenceRuleError, parseRecurrence } from './recurrence-rule';
import type { ResourceCalendarSpec } from './types';
import { assertTimeZone } from './zone';

/** A calendar field the engine cannot work with, named by its path in the spec. */
export interface SpecError {
  field: string;
  message: string;
}

function messageOf(check: () => unknown): string | undefined {
  try {
    check();
    return undefined;
  } catch (error) {
    if (error instanceof RangeError || error instanceof RecurrenceRuleError) return error.message;
    throw error;
  }
}

/**
 * What the engine itself needs from a resource calendar: a zone the runtime knows, and opening
 * hours in the RRULE subset and `HH:MM` form it understands, each window ending after it starts.
 * Meant for the API edge when a calendar is saved, so queries never meet a spec they would throw on.
 */
export function calendarSpecErrors(
  spec: Pick<ResourceCalendarSpec, 'timezone' | 'openingHours'>,
): SpecError[] {
  const errors: SpecError[] = [];
  const add = (field: string, message: string | undefined) => {
    if (message !== undefined) errors.push({ field, message });
  };
  add(
    'timezone',
    messageOf(() => assertTimeZone(spec.timezone)),
  );
  (spec.openingHours ?? []).forEach((rule, index) => {
    const at = `openingHours[${index}]`;
    add(
      `${at}.rrule`,
      messageOf(() => parseRecurrence(rule.rrule)),
    );
    const startError = messageOf(() => parseWallClock(rule.start));
    const endError = messageOf(() => parseWallClock(rule.end));
    add(`${at}.start`, startError);
    add(`${at}.end`, endError);
    if (!startError && !endError && parseWallClock(rule.end) <= parseWallClock(rule.start)) {
      add(`${at}.end`, 'end must be later than start');
    }
  });
  return errors;
}
