/** An instant `days` from today's UTC midnight at `hour:minute` UTC, always on a 15-minute grid when minute is. */
export function dayAt(days: number, hour: number, minute = 0): string {
  const base = new Date();
  base.setUTCHours(0, 0, 0, 0);
  return new Date(base.getTime() + days * 86_400_000 + hour * 3_600_000 + minute * 60_000).toISOString();
}
