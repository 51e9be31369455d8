import type { BookingPolicy, ResourceCalendarSpec } from './types';

/** Shared by the *.test.ts files only: a Shanghai lab open on weekdays 08:00–18:00 local. */

export const MIN = 60_000;
export const HOUR = 60 * MIN;

/** Shanghai is UTC+8 all year, so local wall time → instant is a fixed shift. */
export function shanghai(month: number, day: number, hour: number, minute = 0): number {
  return Date.UTC(2026, month - 1, day, hour - 8, minute);
}

export const policy: BookingPolicy = {
  slotMinutes: 30,
  minMinutes: 30,
  maxMinutes: 240,
  leadMinutes: 0,
  horizonDays: 365,
  bufferMinutes: 0,
};

export function lab(capacity = 1, overrides: Partial<BookingPolicy> = {}): ResourceCalendarSpec {
  return {
    timezone: 'Asia/Shanghai',
    capacity,
    openingHours: [{ rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', start: '08:00', end: '18:00' }],
    policy: { ...policy, ...overrides },
  };
}

/** Monday 2026-03-02 in Shanghai; `now` for most examples is the Sunday before. */
export const MONDAY = { month: 3, day: 2 };
export const SUNDAY_NOON = shanghai(3, 1, 12);
