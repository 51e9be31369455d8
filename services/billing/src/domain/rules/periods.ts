import { DateTime } from 'luxon';

/**
 * Billing periods are calendar months in the billing time zone (`YYYY-MM`): a session ending at
 * 00:00 on the 1st, local time, belongs to the new month.
 */
export function periodOf(at: number, timezone: string): string {
  return DateTime.fromMillis(at, { zone: timezone }).toFormat('yyyy-MM');
}

export function nextPeriod(period: string): string {
  return shift(period, 1);
}

export function previousPeriod(period: string): string {
  return shift(period, -1);
}

function shift(period: string, months: number): string {
  const [year, month] = period.split('-').map(Number) as [number, number];
  const index = year * 12 + (month - 1) + months;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}
