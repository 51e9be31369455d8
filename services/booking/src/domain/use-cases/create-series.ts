import { expandSeries, SeriesRuleError, type Interval } from '@labshare/availability';
import type { CreateSeriesBody, Principal, SeriesCreated } from '@labshare/contracts';
import { errors } from '@labshare/errors';
import type { BookingDeps } from '../ports';
import { toBookingDto } from '../rules/booking-dto';
import { bookingEvent } from '../rules/booking-events';
import type { BookingState } from '../rules/booking-state';
import { evaluatePlacement, newBooking } from '../rules/placement';
import { validAt } from '../rules/qualifications';
import { changeCalendar } from '../support/change-calendar';
import { heldQualifications, requesterOf, resourceForRequest } from '../support/lookups';

/**
 * A recurring booking: the rule is expanded on the server in the resource's zone (09:00 stays 09:00
 * across DST) and every occurrence is checked like a single booking, against the calendar and the
 * occurrences before it. All of it is one calendar write: with `fail` nothing is booked unless every
 * occurrence fits; with `skip` the rest is booked and each skipped occurrence says why.
 */
export async function createSeries(
  deps: BookingDeps,
  caller: Principal,
  request: CreateSeriesBody,
): Promise<SeriesCreated> {
  const resource = await resourceForRequest(deps, request.resourceId);
  const requester = await requesterOf(deps, caller);
  const occurrences = expand(request, resource.timezone, deps.maxSeriesOccurrences);
  const held = await heldQualifications(deps, resource, requester);
  const seriesId = deps.newId();
  const ids = occurrences.map(() => deps.newId());
  return changeCalendar(deps, resource.id, (calendar) => {
    const now = deps.clock().getTime();
    const context = { now, correlationId: deps.correlationId() };
    const placed: BookingState[] = [];
    const skipped: SeriesCreated['skipped'] = [];
    occurrences.forEach((occurrence, i) => {
      const slot = { ...occurrence, quantity: request.quantity };
      const placement = { resource, requester, qualifications: validAt(held, slot.end), now };
      const verdict = evaluatePlacement(placement, [...calendar.bookings, ...placed], slot);
      const reasons = [...verdict.violations, ...(verdict.conflict ? ['conflict'] : [])];
      if (reasons.length > 0) {
        skipped.push({ start: iso(slot.start), end: iso(slot.end), reason: reasons.join(',') });
        return;
      }
      placed.push(
        newBooking(placement, slot, {
          id: ids[i]!,
          hold: false,
          holdMs: 0,
          purpose: request.purpose,
          seriesId,
        }),
      );
    });
    if (placed.length === 0 || (request.onConflict === 'fail' && skipped.length > 0)) {
      throw errors.conflict(
        'Occurrences of the series cannot be booked; nothing was booked.',
        { conflicts: skipped },
        'series_conflict',
      );
    }
    return {
      change: { put: placed, waitlist: [], events: placed.map((b) => bookingEvent('created', b, context)) },
      result: { id: seriesId, bookings: placed.map(toBookingDto), skipped },
    };
  });
}

function expand(request: CreateSeriesBody, timezone: string, maxOccurrences: number): Interval[] {
  try {
    return expandSeries({
      start: request.start.getTime(),
      end: request.end.getTime(),
      rrule: request.rrule,
      timezone,
      maxOccurrences,
    }).occurrences;
  } catch (error) {
    if (error instanceof SeriesRuleError)
      throw errors.validation([{ field: `body.${error.field}`, message: error.message }]);
    throw error;
  }
}

const iso = (ms: number) => new Date(ms).toISOString();
