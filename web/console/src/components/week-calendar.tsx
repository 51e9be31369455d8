import { DateTime } from 'luxon';
import type { ResourceAvailability } from '../api-types';
import { formatSpan, formatInZone, viewerZone } from '../format';
import { useI18n } from '../i18n';
import { bookableStarts, weekGrid } from '../week';

export interface Slot {
  start: string;
  end: string;
  /** Bookable now; a busy slot can still be waited for (the waitlist). */
  free: boolean;
}

/**
 * One week of a resource in its own zone: a row per time step, a column per day; a cell where a
 * booking of `durationMinutes` fits is free, a future one where it does not is busy (or closed),
 * both choosable by keyboard or pointer; past cells are plain.
 */
export function WeekCalendar(props: {
  start: DateTime;
  availability: ResourceAvailability;
  slotMinutes: number;
  durationMinutes: number;
  selected: Slot | undefined;
  onSelect: (slot: Slot) => void;
}) {
  const { t, locale } = useI18n();
  const zone = props.availability.timezone;
  const grid = weekGrid(props.start, props.availability.free, props.slotMinutes);
  const starts = bookableStarts(props.availability);
  const now = Date.now();
  return (
    <table
      className="week"
      aria-label={t('weekOf', { date: props.start.setLocale(locale).toLocaleString(DateTime.DATE_MED) })}
    >
      <thead>
        <tr>
          <th scope="col" />
          {grid.days.map((day) => (
            <th scope="col" key={day.toISODate()}>
              {day.setLocale(locale).toLocaleString({ weekday: 'short', day: 'numeric', month: 'short' })}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {grid.rows.map((minute) => (
          <tr key={minute}>
            <th scope="row">{props.start.plus({ minutes: minute }).toFormat('HH:mm')}</th>
            {grid.days.map((day) => {
              const start = day.plus({ minutes: minute });
              const end = start.plus({ minutes: props.durationMinutes });
              const free = starts.has(start.toMillis());
              const slot = { start: start.toUTC().toISO()!, end: end.toUTC().toISO()!, free };
              const when = formatSpan(slot.start, slot.end, zone, locale);
              if (start.toMillis() <= now) return <td key={day.toISODate()} className="past" />;
              return (
                <td key={day.toISODate()} className={free ? 'free' : 'busy'}>
                  <button
                    type="button"
                    aria-pressed={props.selected?.start === slot.start}
                    aria-label={t(free ? 'freeSlot' : 'busySlot', { when })}
                    title={`${formatInZone(slot.start, viewerZone, locale)} (${viewerZone})`}
                    onClick={() => props.onSelect(slot)}
                  >
                    {t(free ? 'free' : 'busyShort')}
                  </button>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
