import { useState } from 'react';
import { api } from '../api';
import type { Booking, Resource } from '../api-types';
import { DateTime } from 'luxon';
import { formatInZone, formatMoney, formatSpan } from '../format';
import { useI18n } from '../i18n';
import { Link } from '../router';
import type { Slot } from './week-calendar';
import { Status } from './status';

/** Book the chosen slot in two steps: hold it (nobody else can take it), then confirm. */
export function BookingPanel(props: {
  resource: Resource;
  slot: Slot;
  estimate: string | undefined;
  onBooked: () => void;
}) {
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
    <aside className="panel" aria-labelledby="booking-panel-title">
      <h2 id="booking-panel-title">
        {t('selected', { when: formatSpan(props.slot.start, props.slot.end, zone, locale) })}
      </h2>
      {props.estimate ? <p>{t('estimatedPrice', { price: props.estimate })}</p> : null}
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
    </aside>
  );
}
