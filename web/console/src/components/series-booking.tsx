import { useState } from 'react';
import { DateTime } from 'luxon';
import { api, query } from '../api';
import type { Resource, ResourceAvailability, SeriesCreated } from '../api-types';
import { formatSpan } from '../format';
import { useI18n } from '../i18n';
import { bookableStarts } from '../week';
import type { Slot } from './week-calendar';
import { Status } from './status';

interface Occurrence {
  start: string;
  end: string;
  free: boolean;
}

/** The same wall-clock slot each week for `weeks` weeks, each checked against the resource's free time. */
async function previewSeries(resource: Resource, slot: Slot, weeks: number): Promise<Occurrence[]> {
  const zone = resource.timezone;
  const first = DateTime.fromISO(slot.start, { zone });
  const minutes = DateTime.fromISO(slot.end).diff(DateTime.fromISO(slot.start), 'minutes').minutes;
  const starts = Array.from({ length: weeks }, (_, i) => first.plus({ weeks: i }));
  const last = starts[starts.length - 1]!.plus({ minutes });
  const free = bookableStarts(
    await api<ResourceAvailability>(
      'GET',
      `/v1/availability?${query({ resourceId: resource.id, from: first.toUTC().toISO()!, to: last.toUTC().toISO()!, durationMinutes: minutes })}`,
    ),
  );
  return starts.map((start) => ({
    start: start.toUTC().toISO()!,
    end: start.plus({ minutes }).toUTC().toISO()!,
    free: free.has(start.toMillis()),
  }));
}

/** A weekly series from the chosen slot: every occurrence's conflict shown before anything is booked. */
export function SeriesBooking(props: { resource: Resource; slot: Slot; onBooked: () => void }) {
  const { t, locale } = useI18n();
  const [weeks, setWeeks] = useState(4);
  const [preview, setPreview] = useState<Occurrence[]>();
  const [created, setCreated] = useState<SeriesCreated>();
  const [error, setError] = useState<Error>();
  const check = () => previewSeries(props.resource, props.slot, weeks).then(setPreview, setError);
  const book = () =>
    api<SeriesCreated>('POST', '/v1/series', {
      resourceId: props.resource.id,
      start: props.slot.start,
      end: props.slot.end,
      rrule: `FREQ=WEEKLY;COUNT=${weeks}`,
      onConflict: 'skip',
    }).then((series) => {
      setCreated(series);
      props.onBooked();
    }, setError);
  const span = (o: { start: string; end: string }) =>
    formatSpan(o.start, o.end, props.resource.timezone, locale);
  if (created)
    return (
      <p role="status">
        {t('seriesBooked', { booked: created.bookings.length, skipped: created.skipped.length })}
      </p>
    );
  return (
    <fieldset>
      <legend>{t('weeklySeries')}</legend>
      <Status error={error} />
      <label>
        {t('weeks')}
        <input
          type="number"
          min={2}
          max={52}
          value={weeks}
          onChange={(e) => {
            setWeeks(Number(e.target.value));
            setPreview(undefined);
          }}
        />
      </label>
      {!preview ? (
        <button type="button" onClick={() => void check()}>
          {t('checkDates')}
        </button>
      ) : (
        <>
          <ul className="occurrences" aria-label={t('weeklySeries')}>
            {preview.map((o) => (
              <li key={o.start} className={o.free ? 'ok' : 'conflict'}>
                {span(o)}: {o.free ? t('free') : t('conflict')}
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => void book()} disabled={!preview.some((o) => o.free)}>
            {t('bookSeries', { n: preview.filter((o) => o.free).length })}
          </button>
        </>
      )}
    </fieldset>
  );
}
