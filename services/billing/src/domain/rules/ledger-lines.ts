import type {
  Booking,
  CustomerCategory,
  LedgerEntry,
  LedgerKind,
  LedgerSide,
  UsageRecord,
} from '@labshare/contracts';
import { minutesBetween, sessionCharge, type SessionCharge } from '@labshare/pricing';

/**
 * A fact billing charges: a closed session's usage record, or a booking that ended in a late
 * cancel or a no-show with the fee booking computed (through the same `sessionCharge`).
 */
export type BillableFact =
  | { kind: 'usage'; sourceEventId: string; record: UsageRecord }
  | { kind: 'late_cancel_fee' | 'no_show_fee'; sourceEventId: string; booking: Booking };

/**
 * One ledger line with both of its sides: the consumer org is charged `amount`, the provider org
 * earns it. Stored once (its `id` is the database key) and never changed.
 */
export interface LedgerLine {
  id: string;
  kind: LedgerKind;
  /** What an `adjustment` charges (a late usage or fee). */
  origin?: LedgerKind;
  consumerOrgId: string;
  providerOrgId: string;
  amount: number;
  currency: string;
  bookingId: string;
  resourceId: string;
  period: string;
  servicePeriod: string;
  createdAt: number;
  sourceEventId: string;
  rateCardVersion?: number;
  category?: CustomerCategory;
  minutes?: number;
  corrects?: string;
}

/** The fee fact a booking snapshot carries, if it ended in a charged late cancel or no-show. */
export function feeFactOf(booking: Booking, sourceEventId: string): BillableFact | undefined {
  if (!booking.fee || booking.fee.amount <= 0) return undefined;
  if (booking.status === 'cancelled') return { kind: 'late_cancel_fee', sourceEventId, booking };
  if (booking.status === 'no_show') return { kind: 'no_show_fee', sourceEventId, booking };
  return undefined;
}

/**
 * The line's id: the kind and the fact's own identity (the usage record's id, the booking's id for
 * a fee: a booking is cancelled or missed once), so however often the fact is delivered, and
 * whichever period it lands in, the database holds one line for it.
 */
export function lineIdOf(fact: BillableFact): string {
  return fact.kind === 'usage' ? `usage:${fact.record.id}` : `${fact.kind}:${fact.booking.id}`;
}

export interface FactParties {
  bookingId: string;
  resourceId: string;
  providerOrgId: string;
  consumerOrgId: string;
}

export function partiesOf(fact: BillableFact): FactParties {
  const { bookingId, resourceId, providerOrgId, consumerOrgId } =
    fact.kind === 'usage' ? fact.record : { ...fact.booking, bookingId: fact.booking.id };
  return { bookingId, resourceId, providerOrgId, consumerOrgId };
}

/** When the session ended (or would have): its month is the line's service period. */
export function serviceEndOf(fact: BillableFact): number {
  return Date.parse(fact.kind === 'usage' ? fact.record.end : fact.booking.end);
}

/** The charge, on the terms booking quoted (`priceTerms`), through the one pricing path. */
export function chargeOf(fact: BillableFact): SessionCharge {
  if (fact.kind === 'usage') {
    const { record } = fact;
    return sessionCharge(record.priceTerms, {
      bookedMinutes: minutesBetween(Date.parse(record.booked.start), Date.parse(record.booked.end)),
      quantity: record.booked.quantity,
      outcome: { kind: 'usage', usedMinutes: record.minutes },
    });
  }
  const { booking } = fact;
  // The fee percent is the resource's policy when booking charged it; booking computed the fee on
  // these terms with `sessionCharge`, and the booking carries it.
  const quote = sessionCharge(booking.priceTerms, {
    bookedMinutes: minutesBetween(Date.parse(booking.start), Date.parse(booking.end)),
    quantity: booking.quantity,
    // Stryker disable next-line ObjectLiteral,StringLiteral: any outcome but usage or a fee prices the booked span like a quote, and the fee replaces the amount
    outcome: { kind: 'quote' },
  });
  return { ...quote, amount: booking.fee?.amount ?? 0, currency: booking.fee?.currency ?? quote.currency };
}

/**
 * The line for a fact: in its service period, or, when the consumer's statement of that period
 * was already issued, as an `adjustment` in `period` (the next open one).
 */
export function lineOf(fact: BillableFact, periods: { servicePeriod: string; period: string }): LedgerLine {
  const charge = chargeOf(fact);
  const late = periods.period !== periods.servicePeriod;
  return {
    id: lineIdOf(fact),
    kind: late ? 'adjustment' : fact.kind,
    ...(late ? { origin: fact.kind } : {}),
    ...partiesOf(fact),
    amount: charge.amount,
    currency: charge.currency,
    period: periods.period,
    servicePeriod: periods.servicePeriod,
    createdAt: Date.parse(fact.kind === 'usage' ? fact.record.recordedAt : fact.booking.updatedAt),
    sourceEventId: fact.sourceEventId,
    rateCardVersion: charge.rateCardVersion,
    category: charge.category,
    minutes: charge.minutes,
  };
}

/** One side of a line, as the ledger API shows it. */
export function entryOf(line: LedgerLine, side: LedgerSide): LedgerEntry {
  const consumer = side === 'consumer';
  return {
    id: line.id,
    orgId: consumer ? line.consumerOrgId : line.providerOrgId,
    counterpartyOrgId: consumer ? line.providerOrgId : line.consumerOrgId,
    side,
    kind: line.kind,
    amount: line.amount,
    currency: line.currency,
    bookingId: line.bookingId,
    resourceId: line.resourceId,
    period: line.period,
    servicePeriod: line.servicePeriod,
    createdAt: new Date(line.createdAt).toISOString(),
    sourceEventId: line.sourceEventId,
    ...(line.rateCardVersion !== undefined ? { rateCardVersion: line.rateCardVersion } : {}),
    ...(line.category ? { category: line.category } : {}),
    ...(line.minutes !== undefined ? { minutes: line.minutes } : {}),
    ...(line.corrects ? { corrects: line.corrects } : {}),
  };
}

/** The id of the reversal a correction writes for the line it corrects (one per corrected line). */
export function reversalIdOf(correctedLineId: string): string {
  return `reversal:${correctedLineId}`;
}

/** The usage line a correcting usage record replaces, if the record is a correction. */
export function correctedLineIdOf(fact: BillableFact): string | undefined {
  return fact.kind === 'usage' && fact.record.corrects ? `usage:${fact.record.corrects}` : undefined;
}

/**
 * The line that takes back `original` when a usage record corrects it: the same parties and terms,
 * the amount negated, in `period` (its service period's, or the next open one when that closed).
 */
export function reversalOf(original: LedgerLine, correction: BillableFact, period: string): LedgerLine {
  const { origin: _origin, corrects: _corrects, ...kept } = original;
  return {
    ...kept,
    id: reversalIdOf(original.id),
    kind: 'adjustment',
    origin: original.kind === 'adjustment' ? (original.origin ?? 'usage') : original.kind,
    amount: -original.amount,
    period,
    createdAt: Date.parse(
      correction.kind === 'usage' ? correction.record.recordedAt : correction.booking.updatedAt,
    ),
    sourceEventId: correction.sourceEventId,
    corrects: original.id,
  };
}
