import type { EventContentArg, EventInput } from '@fullcalendar/core';
import enGb from '@fullcalendar/core/locales/en-gb';
import zhCn from '@fullcalendar/core/locales/zh-cn';
import luxonPlugin from '@fullcalendar/luxon3';
import FullCalendar from '@fullcalendar/react';
import timeGridPlugin from '@fullcalendar/timegrid';
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
 * One week of a resource in its own zone (FullCalendar's time grid, named zones through luxon):
 * its free time shaded, and in every future row of `slotMinutes` (at least 30) a button: free
 * where a booking of `durationMinutes` fits, busy (or closed) where it does not, both choosable
 * by keyboard or pointer; the past is shaded and has no buttons.
 */
export function WeekCalendar(props: {
  start: DateTime;
  availability: ResourceAvailability;
  slotMinutes: number;
  durationMinutes: number;
  selected: Slot | undefined;
  onSelect: (slot: Slot) => void;
}) {
  const { t, language, locale } = useI18n();
  const zone = props.availability.timezone;
  const grid = weekGrid(props.start, props.availability.free, props.slotMinutes);
  const starts = bookableStarts(props.availability);
  const now = Date.now();
  const cells: EventInput[] = grid.days.flatMap((day) =>
    grid.rows
      .map((minute) => day.plus({ minutes: minute }))
      .filter((start) => start.toMillis() > now)
      .map((start) => {
        const free = starts.has(start.toMillis());
        const slot: Slot = {
          start: start.toUTC().toISO()!,
          end: start.plus({ minutes: props.durationMinutes }).toUTC().toISO()!,
          free,
        };
        return {
          start: slot.start,
          end: start.plus({ minutes: grid.step }).toUTC().toISO()!,
          classNames: ['slot', free ? 'free' : 'busy'],
          extendedProps: { slot },
        };
      }),
  );
  const past = {
    start: props.start.toUTC().toISO()!,
    end: new Date(now).toISOString(),
    classNames: ['past'],
  };
  const shading: EventInput[] = [
    ...props.availability.free.map((f) => ({ start: f.start, end: f.end, classNames: ['free-time'] })),
    // Only a week that has begun has a past (an end before the start would read as a 1-hour event).
    ...(props.start.toMillis() < now ? [past] : []),
  ].map((e) => ({ ...e, display: 'background' }));

  const slotButton = (arg: EventContentArg) => {
    const slot = arg.event.extendedProps.slot as Slot | undefined;
    if (!slot) return null;
    const when = formatSpan(slot.start, slot.end, zone, locale);
    return (
      <button
        type="button"
        aria-pressed={props.selected?.start === slot.start}
        aria-label={t(slot.free ? 'freeSlot' : 'busySlot', { when })}
        title={`${formatInZone(slot.start, viewerZone, locale)} (${viewerZone})`}
        onClick={() => props.onSelect(slot)}
      >
        {t(slot.free ? 'free' : 'busyShort')}
      </button>
    );
  };

  return (
    <section
      className="week-calendar"
      aria-label={t('weekOf', { date: props.start.setLocale(locale).toLocaleString(DateTime.DATE_MED) })}
    >
      <FullCalendar
        key={`${zone} ${props.start.toISODate()}`}
        plugins={[timeGridPlugin, luxonPlugin]}
        initialView="timeGridWeek"
        initialDate={props.start.toISODate()!}
        timeZone={zone}
        locales={[enGb, zhCn]}
        locale={language === 'zh' ? 'zh-cn' : 'en-gb'}
        firstDay={1}
        headerToolbar={false}
        allDaySlot={false}
        height="auto"
        slotDuration={{ minutes: grid.step }}
        slotLabelInterval={{ minutes: grid.step }}
        slotMinTime={{ minutes: grid.rows[0] ?? 0 }}
        slotMaxTime={{ minutes: (grid.rows.at(-1) ?? 0) + grid.step }}
        slotLabelFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }}
        dayHeaderFormat={{ weekday: 'short', day: 'numeric', month: 'short' }}
        slotEventOverlap={false}
        nowIndicator
        events={[...shading, ...cells]}
        eventContent={slotButton}
      />
    </section>
  );
}
