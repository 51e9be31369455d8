import { useState } from 'react';
import { api } from '../api';
import type { Booking, Resource } from '../api-types';
import { useI18n } from '../i18n';
import { Link } from '../router';
import type { Slot } from './week-calendar';
import { Status } from './status';

/** A busy slot: wait for it; booking offers it (as a hold) when it frees up. */
export function JoinWaitlist({ resource, slot }: { resource: Resource; slot: Slot }) {
  const { t } = useI18n();
  const [joined, setJoined] = useState(false);
  const [error, setError] = useState<Error>();
  const join = () =>
    api('POST', '/v1/waitlist', { resourceId: resource.id, start: slot.start, end: slot.end }).then(
      () => setJoined(true),
      setError,
    );
  return (
    <>
      <p>{t('slotBusy')}</p>
      <Status error={error} />
      {joined ? (
        <p role="status">{t('onWaitlist')}</p>
      ) : (
        <button type="button" onClick={() => void join()}>
          {t('joinWaitlist')}
        </button>
      )}
    </>
  );
}

/** Moves one of the caller's bookings to the chosen slot in one step (same booking, or unchanged). */
export function MoveBooking(props: { booking: Booking; slot: Slot; onMoved: () => void }) {
  const { t } = useI18n();
  const [moved, setMoved] = useState(false);
  const [error, setError] = useState<Error>();
  const move = () =>
    api<Booking>('POST', `/v1/bookings/${props.booking.id}/reschedule`, {
      start: props.slot.start,
      end: props.slot.end,
    }).then(() => {
      setMoved(true);
      props.onMoved();
    }, setError);
  return (
    <>
      <Status error={error} />
      {moved ? (
        <p role="status">
          {t('moved')} <Link to="/bookings">{t('navMyBookings')}</Link>
        </p>
      ) : (
        <button type="button" onClick={() => void move()} disabled={!props.slot.free}>
          {t('moveHere')}
        </button>
      )}
    </>
  );
}
