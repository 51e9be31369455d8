import { lazy, Suspense, useState } from 'react';
import { customerCategory, priceForMinutes, type CustomerCategory } from '@labshare/pricing';
import { api, query } from '../api';
import type { Booking, Resource, ResourceAvailability } from '../api-types';
import { BookingPanel } from '../components/booking-panel';
import { Status } from '../components/status';
import type { Slot } from '../components/week-calendar';
import { orgDirectory, resourceById } from '../directory';
import { formatMoney, viewerZone } from '../format';
import { useI18n } from '../i18n';
import { can, type Session } from '../session';
import { useLoad } from '../use-load';
import { weekStart } from '../week';

/** FullCalendar is a third of the bundle: it loads, as a chunk of its own, with the first resource page. */
const WeekCalendar = lazy(() =>
  import('../components/week-calendar').then((m) => ({ default: m.WeekCalendar })),
);

/** The durations offered: the policy's minimum, then whole hours (up to 8) within its maximum. */
function durations(resource: Resource): number[] {
  const { minMinutes, maxMinutes, slotMinutes } = resource.policy;
  const hours = [60, 120, 180, 240, 480].filter(
    (m) => m > minMinutes && m <= maxMinutes && m % slotMinutes === 0,
  );
  return [minMinutes, ...hours];
}

/** A resource: its price for the viewer and its week; `reschedule` names a booking being moved here. */
export function ResourcePage({
  id,
  session,
  reschedule,
}: {
  id: string;
  session: Session;
  reschedule?: string | null;
}) {
  const { t, locale } = useI18n();
  const resource = useLoad(() => resourceById(id), [id]);
  const moving = useLoad(
    async () =>
      reschedule ? api<Booking>('GET', `/v1/bookings/${encodeURIComponent(reschedule)}`) : undefined,
    [reschedule],
  );
  const category = useLoad(async (): Promise<CustomerCategory | undefined> => {
    const viewer = (await orgDirectory()).get(session.org);
    return resource.data && viewer
      ? customerCategory(resource.data.orgId, viewer.id, viewer.kind)
      : undefined;
  }, [resource.data, session.org]);
  if (!resource.data || (reschedule && !moving.data))
    return <Status error={resource.error ?? moving.error} loading />;
  const r = resource.data;
  const rate = category.data ? r.rates.perHour[category.data] : undefined;
  return (
    <section aria-labelledby="resource-title">
      <h1 id="resource-title">{r.name}</h1>
      {r.description ? <p>{r.description}</p> : null}
      {category.data && rate !== undefined ? (
        <p className="price">
          {t('priceForYou', {
            price: formatMoney(rate, r.rates.currency, locale),
            category: t(`category_${category.data}`),
          })}
        </p>
      ) : null}
      <p className="hint">{t('timesIn', { zone: r.timezone, viewerZone })}</p>
      {moving.data ? <p role="status">{t('reschedulingHint')}</p> : null}
      <ResourceWeek
        key={moving.data?.id}
        resource={r}
        moving={moving.data}
        canBook={can(session, 'booker', 'org_admin')}
        estimate={(minutes) =>
          category.data
            ? formatMoney(priceForMinutes(minutes, category.data, r.rates).amount, r.rates.currency, locale)
            : undefined
        }
      />
    </section>
  );
}

function ResourceWeek(props: {
  resource: Resource;
  moving: Booking | undefined;
  canBook: boolean;
  estimate: (minutes: number) => string | undefined;
}) {
  const { t } = useI18n();
  const r = props.resource;
  const [weeks, setWeeks] = useState(0);
  const [duration, setDuration] = useState(
    props.moving
      ? (Date.parse(props.moving.end) - Date.parse(props.moving.start)) / 60_000
      : durations(r)[0]!,
  );
  const [selected, setSelected] = useState<Slot>();
  const start = weekStart(r.timezone).plus({ weeks });
  const availability = useLoad(
    () =>
      api<ResourceAvailability>(
        'GET',
        `/v1/availability?${query({ resourceId: r.id, from: start.toUTC().toISO()!, to: start.plus({ weeks: 1 }).toUTC().toISO()!, durationMinutes: duration })}`,
      ),
    [r.id, weeks, duration],
  );
  return (
    <>
      <div className="toolbar">
        <button type="button" onClick={() => setWeeks((w) => w - 1)}>
          {t('previousWeek')}
        </button>
        <button type="button" onClick={() => setWeeks(0)} disabled={weeks === 0}>
          {t('thisWeek')}
        </button>
        <button type="button" onClick={() => setWeeks((w) => w + 1)}>
          {t('nextWeek')}
        </button>
        <label>
          {t('duration')}
          <select value={duration} onChange={(e) => setDuration(Number(e.target.value))}>
            {[...new Set([duration, ...durations(r)])].map((m) => (
              <option key={m} value={m}>
                {t('minutes', { n: m })}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="calendar-and-panel">
        <div className="calendar-scroll">
          <Status error={availability.error} loading={!availability.data && !availability.error} />
          {availability.data ? (
            <Suspense fallback={<Status loading />}>
              <WeekCalendar
                start={start}
                availability={availability.data}
                slotMinutes={r.policy.slotMinutes}
                durationMinutes={duration}
                selected={selected}
                onSelect={setSelected}
              />
            </Suspense>
          ) : null}
        </div>
        {selected && props.canBook ? (
          <BookingPanel
            key={selected.start}
            resource={r}
            slot={selected}
            estimate={props.estimate(duration)}
            moving={props.moving}
            onBooked={availability.reload}
          />
        ) : null}
      </div>
    </>
  );
}
