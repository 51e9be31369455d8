import type { Principal } from '@labshare/auth';
import type { Booking } from '@labshare/contracts';
import { errors } from '@labshare/errors';
import { expandSeries, SeriesRuleError, type Interval } from '@labshare/availability';
import type { BookingState } from '../booking-state';
import { toBookingDto } from '../booking-dto';
import { evaluatePlacement, newBooking } from '../placement';
import { validAt } from '../qualifications';
import type { BookingDeps } from './booking-deps';
import { bookingEvent } from './booking-events';
import { changeCalendar } from './change-calendar';
import { heldQualifications, requesterOf, resourceOrNotFound } from './requester';

export interface SeriesRequest {
  resourceId: string;
  start: Date;
  end: Date;
  rrule: string;
  quantity: number;
  purpose?: string;
  onConflict: 'fail' | 'skip';
}

export interface SeriesResult {
  id: string;
  bookings: Booking[];
  skipped: { start: string; end: string; reason: string }[];
}

/**
 * A recurring booking: the rule is expanded on the server in the resource's zone (09:00 stays 09:00
 * across DST) and every occurrence is checked like a single booking, against the calendar and the
 * occurrences before it. All of it is one calendar write: with `fail` nothing is booked unless every
 * occurrence fits; with `skip` the rest is booked and each skipped occurrence says why.
 */
export async function createSeries(
  deps: BookingDeps,
  caller: Principal,
  request: SeriesRequest,
  authorization?: string,
): Promise<SeriesResult> {
  const resource = await resourceOrNotFound(deps, request.resourceId, authorization);
  const requester = await requesterOf(deps, caller, authorization);
  const occurrences = expand(request, resource.timezone, deps.maxSeriesOccurrences);
  const held = await heldQualifications(deps, resource, requester);
  const seriesId = deps.newId();
  const ids = occurrences.map(() => deps.newId());
  return changeCalendar(deps, resource.id, (calendar) => {
    const now = deps.clock().getTime();
    const placed: BookingState[] = [];
    const skipped: SeriesResult['skipped'] = [];
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
      change: { put: placed, waitlist: [], events: placed.map((b) => bookingEvent('created', b, now)) },
      result: { id: seriesId, bookings: placed.map(toBookingDto), skipped },
    };
  });
}

function expand(request: SeriesRequest, timezone: string, maxOccurrences: number): Interval[] {
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
