import ical, { ICalEventStatus } from 'ical-generator';
import type { Booking } from '@labshare/contracts';

const STATUS: Record<Booking['status'], ICalEventStatus> = {
  held: ICalEventStatus.TENTATIVE,
  pending: ICalEventStatus.TENTATIVE,
  confirmed: ICalEventStatus.CONFIRMED,
  rejected: ICalEventStatus.CANCELLED,
  cancelled: ICalEventStatus.CANCELLED,
  expired: ICalEventStatus.CANCELLED,
  no_show: ICalEventStatus.CONFIRMED,
};

/**
 * An RFC 5545 feed: one VEVENT per booking, UID = booking id, SEQUENCE = its version, so calendar
 * clients update an event in place when it is moved; cancelled bookings stay, as STATUS:CANCELLED.
 */
export function renderCalendarFeed(name: string, bookings: Booking[]): string {
  const calendar = ical({ name, prodId: { company: 'labshare', product: 'booking', language: 'EN' } });
  for (const b of bookings) {
    calendar.createEvent({
      id: `${b.id}@labshare`,
      sequence: b.version,
      start: new Date(b.start),
      end: new Date(b.end),
      stamp: new Date(b.updatedAt),
      summary: `${printable(b.purpose ?? 'Booking')} (${b.quantity} unit${b.quantity > 1 ? 's' : ''}, ${b.status})`,
      description: `Resource ${b.resourceId}; booked by ${b.userId} of ${b.consumerOrgId}.`,
      status: STATUS[b.status],
    });
  }
  // RFC 5545 ends every content line, the last one too, with CRLF.
  const text = calendar.toString();
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}

/** Free text from a booker, without control characters (they would break or forge feed lines). */
function printable(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
}
