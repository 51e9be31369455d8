import { useState } from 'react';
import { percentOf } from '@labshare/pricing';
import { api } from '../api';
import type { Booking, Page, Resource } from '../api-types';
import { Status } from '../components/status';
import { resourcesById } from '../directory';
import { formatMoney, ZonedSpan } from '../format';
import { useI18n } from '../i18n';
import { Link } from '../router';
import type { Session } from '../session';
import { useLoad } from '../use-load';

async function myBookings(session: Session) {
  const found = await api<Page<Booking>>('GET', '/v1/bookings?limit=200');
  const items = found.items
    .filter((b) => b.consumerOrgId === session.org)
    .sort((a, b) => b.start.localeCompare(a.start));
  return { items, resources: await resourcesById(items.map((b) => b.resourceId)) };
}

/**
 * The late-cancel fee cancelling `booking` now would cost, as booking decides it: a confirmed
 * booking within the resource's free-cancel window owes its price × `lateCancelFeePercent`.
 */
function cancelFee(booking: Booking, resource: Resource | undefined, now = Date.now()): number {
  if (!resource || booking.status !== 'confirmed') return 0;
  const { freeCancelMinutes, lateCancelFeePercent } = resource.policy;
  const late = now > Date.parse(booking.start) - freeCancelMinutes * 60_000;
  return late ? percentOf(booking.price.amount, lateCancelFeePercent) : 0;
}

/** The caller's org's bookings, newest first: the pass of a confirmed one, cancel with its fee shown first. */
export function MyBookingsPage({ session }: { session: Session }) {
  const { t, locale } = useI18n();
  const bookings = useLoad(() => myBookings(session), [session.token]);
  const [cancelling, setCancelling] = useState<string>();
  const [error, setError] = useState<Error>();
  const cancel = (booking: Booking) =>
    api('POST', `/v1/bookings/${booking.id}/cancel`, {}).then(() => {
      setCancelling(undefined);
      bookings.reload();
    }, setError);
  if (!bookings.data) return <Status error={bookings.error} loading />;
  const { items, resources } = bookings.data;
  return (
    <section aria-labelledby="my-bookings-title">
      <h1 id="my-bookings-title">{t('myBookingsTitle')}</h1>
      <Status error={error} />
      {items.length === 0 ? <p>{t('noBookings')}</p> : null}
      <ul className="cards">
        {items.map((b) => {
          const resource = resources.get(b.resourceId);
          const zone = resource?.timezone ?? 'UTC';
          const live = ['held', 'pending', 'confirmed'].includes(b.status);
          const fee = cancelFee(b, resource);
          return (
            <li key={b.id} className="card" aria-label={resource?.name ?? b.resourceId}>
              <h2>{resource?.name ?? b.resourceId}</h2>
              <p>
                <ZonedSpan start={b.start} end={b.end} zone={zone} />
              </p>
              <p>
                <span className={`badge ${b.status}`}>{t(`status_${b.status}`)}</span>{' '}
                {formatMoney(b.price.amount, b.price.currency, locale)}
              </p>
              <div className="actions">
                {b.status === 'confirmed' ? (
                  <Link to={`/bookings/${encodeURIComponent(b.id)}/pass`} className="button">
                    {t('showPass')}
                  </Link>
                ) : null}
                {live ? (
                  <Link
                    to={`/resources/${encodeURIComponent(b.resourceId)}?reschedule=${encodeURIComponent(b.id)}`}
                    className="button"
                  >
                    {t('reschedule')}
                  </Link>
                ) : null}
                {live && cancelling !== b.id ? (
                  <button type="button" onClick={() => setCancelling(b.id)}>
                    {t('cancel')}
                  </button>
                ) : null}
              </div>
              {cancelling === b.id ? (
                <div role="alertdialog" aria-label={t('confirmCancel')} className="confirm">
                  <p>
                    {fee > 0
                      ? t('cancelFee', { fee: formatMoney(fee, b.price.currency, locale) })
                      : t('cancelFeeNone')}
                  </p>
                  <button type="button" onClick={() => void cancel(b)}>
                    {t('confirmCancel')}
                  </button>
                  <button type="button" onClick={() => setCancelling(undefined)} autoFocus>
                    {t('keepBooking')}
                  </button>
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
