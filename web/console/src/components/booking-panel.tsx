import { useState } from 'react';
import { DateTime } from 'luxon';
import { api } from '../api';
import type { Booking, Resource } from '../api-types';
import { formatInZone, formatMoney, formatSpan } from '../format';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { SeriesBooking } from './series-booking';
import { JoinWaitlist, MoveBooking } from './slot-actions';
import { Status } from './status';
import type { Slot } from './week-calendar';

/** What can be done with the chosen slot: book it (once or weekly), wait for it, or move a booking to it. */
export function BookingPanel(props: {
  resource: Resource;
  slot: Slot;
  estimate: string | undefined;
  moving: Booking | undefined;
  onBooked: () => void;
}) {
  const { t, locale } = useI18n();
  const { resource, slot } = props;
  const [seriesBooked, setSeriesBooked] = useState(false);
  return (
    <aside className="panel" aria-labelledby="booking-panel-title">
      <h2 id="booking-panel-title">
        {t('selected', { when: formatSpan(slot.start, slot.end, resource.timezone, locale) })}
      </h2>
      {props.estimate ? <p>{t('estimatedPrice', { price: props.estimate })}</p> : null}
      {props.moving ? (
        <MoveBooking booking={props.moving} slot={slot} onMoved={props.onBooked} />
      ) : !slot.free ? (
        <JoinWaitlist resource={resource} slot={slot} />
      ) : (
        <>
          {seriesBooked ? null : <HoldAndConfirm resource={resource} slot={slot} onBooked={props.onBooked} />}
          <SeriesBooking
            resource={resource}
            slot={slot}
            onBooked={() => {
              setSeriesBooked(true);
              props.onBooked();
            }}
          />
        </>
      )}
    </aside>
  );
}

/** Book the chosen slot in two steps: hold it (nobody else can take it), then confirm. */
function HoldAndConfirm(props: { resource: Resource; slot: Slot; onBooked: () => void }) {
  const { t, locale } = useI18n();
  const [purpose, setPurpose] = useState('');
  const [booking, setBooking] = useState<Booking>();
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);
  const zone = props.resource.timezone;
  const run = (step: () => Promise<Booking>) => {
    setBusy(true);
    setError(undefined);
    step()
      .then((b) => {
        setBooking(b);
        props.onBooked();
      }, setError)
      .finally(() => setBusy(false));
  };
  const hold = () =>
    run(() =>
      api<Booking>('POST', '/v1/bookings', {
        resourceId: props.resource.id,
        start: props.slot.start,
        end: props.slot.end,
        hold: true,
        ...(purpose.trim() ? { purpose: purpose.trim() } : {}),
      }),
    );
  const confirm = (held: Booking) => run(() => api<Booking>('POST', `/v1/bookings/${held.id}/confirm`));
  return (
    <>
      <Status error={error} />
      {!booking ? (
        <>
          <label>
            {t('purpose')}
            <input value={purpose} onChange={(e) => setPurpose(e.target.value)} maxLength={500} />
          </label>
          <button type="button" onClick={hold} disabled={busy}>
            {t('holdSlot')}
          </button>
        </>
      ) : booking.status === 'held' ? (
        <>
          <p role="status">
            {t('heldUntil', {
              time: formatInZone(booking.expiresAt ?? booking.start, zone, locale, DateTime.TIME_SIMPLE),
            })}
          </p>
          <button type="button" onClick={() => confirm(booking)} disabled={busy}>
            {t('confirmBooking')}
          </button>
        </>
      ) : (
        <p role="status">
          {t('booked', {
            status: t(`status_${booking.status}`),
            price: formatMoney(booking.price.amount, booking.price.currency, locale),
          })}{' '}
          <Link to="/bookings">{t('navMyBookings')}</Link>
        </p>
      )}
    </>
  );
}
