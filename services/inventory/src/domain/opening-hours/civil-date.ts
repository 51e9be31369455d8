/** Calendar arithmetic on local dates as epoch day numbers (days since 1970-01-01), zone-free. */

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

const DAY_MS = 86_400_000;

export function epochDay(date: CivilDate): number {
  return Date.UTC(date.year, date.month - 1, date.day) / DAY_MS;
}

export function civilDate(day: number): CivilDate {
  const d = new Date(day * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** The UTC calendar date of an instant: close enough for choosing a period of years to check. */
export function epochDayOf(instant: Date): number {
  return Math.floor(instant.getTime() / DAY_MS);
}

/** ISO weekday: Monday = 1 … Sunday = 7. */
export function isoWeekday(day: number): number {
  // 1970-01-01 was a Thursday (4).
  return mod(day + 3, 7) + 1;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function mod(n: number, m: number): number {
  return ((n % m) + m) % m;
}
