import { DateTime } from 'luxon';
import { useI18n } from './i18n';

export const viewerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Integer minor units (fen) as money in the viewer's language: 6000 CNY → ¥60.00. */
export function formatMoney(amount: number, currency: string, locale: string): string {
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    currencyDisplay: 'narrowSymbol',
  }).format(amount / 100);
}

export function formatInZone(
  iso: string,
  zone: string,
  locale: string,
  format = DateTime.DATETIME_MED,
): string {
  return DateTime.fromISO(iso, { zone }).setLocale(locale).toLocaleString(format);
}

/** `start–end` of one span in `zone`, the end shown as a time only when it is on the same day. */
export function formatSpan(start: string, end: string, zone: string, locale: string): string {
  const from = DateTime.fromISO(start, { zone }).setLocale(locale);
  const to = DateTime.fromISO(end, { zone }).setLocale(locale);
  const endFormat = from.hasSame(to, 'day') ? DateTime.TIME_SIMPLE : DateTime.DATETIME_MED;
  return `${from.toLocaleString(DateTime.DATETIME_MED_WITH_WEEKDAY)}–${to.toLocaleString(endFormat)}`;
}

/** A span in the resource's zone, with the same span in the viewer's zone on hover (and to screen readers). */
export function ZonedSpan({ start, end, zone }: { start: string; end: string; zone: string }) {
  const { locale } = useI18n();
  return (
    <time dateTime={start} title={`${formatSpan(start, end, viewerZone, locale)} (${viewerZone})`}>
      {formatSpan(start, end, zone, locale)}
    </time>
  );
}
