import type { Resource } from './api-types';

export const weekdays = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof weekdays)[number];

type OpeningWindow = Resource['openingHours'][number];

/** One row of the editor: these weekdays, from `start` to `end` (local wall clock). */
export interface OpeningRow {
  days: Weekday[];
  start: string;
  end: string;
  /** A rule the editor cannot show as weekdays, kept exactly as it was. */
  rrule?: string;
}

const weekly = /^FREQ=WEEKLY;BYDAY=((?:MO|TU|WE|TH|FR|SA|SU)(?:,(?:MO|TU|WE|TH|FR|SA|SU))*)$/;

/** The stored windows as editor rows: `FREQ=WEEKLY;BYDAY=…` becomes ticked weekdays, anything else is kept. */
export function rowsOf(windows: OpeningWindow[]): OpeningRow[] {
  return windows.map((w) => {
    const days = weekly.exec(w.rrule)?.[1];
    return days
      ? { days: weekdays.filter((d) => days.split(',').includes(d)), start: w.start, end: w.end }
      : { days: [], start: w.start, end: w.end, rrule: w.rrule };
  });
}

/** Editor rows as the windows the API takes (no RRULE typing: the weekdays make it). */
export function windowsOf(rows: OpeningRow[]): OpeningWindow[] {
  return rows
    .filter((row) => row.rrule || row.days.length > 0)
    .map((row) => ({
      rrule: row.rrule ?? `FREQ=WEEKLY;BYDAY=${weekdays.filter((d) => row.days.includes(d)).join(',')}`,
      start: row.start,
      end: row.end,
    }));
}
