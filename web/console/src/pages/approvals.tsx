import { useState } from 'react';
import { api } from '../api';
import type { Booking, Page } from '../api-types';
import { Status } from '../components/status';
import { orgDirectory, resourcesById } from '../directory';
import { formatMoney, ZonedSpan } from '../format';
import { useI18n } from '../i18n';
import type { Session } from '../session';
import { useLoad } from '../use-load';

async function pendingForMyResources(session: Session) {
  const found = await api<Page<Booking>>('GET', '/v1/bookings?status=pending&limit=200');
  const items = found.items.filter((b) => b.providerOrgId === session.org || session.roles.includes('admin'));
  const [resources, orgs] = await Promise.all([
    resourcesById(items.map((b) => b.resourceId)),
    orgDirectory(),
  ]);
  return { items, resources, orgs };
}

/** A lab manager's queue: pending bookings of the org's resources, approved or rejected with a reason. */
export function ApprovalsPage({ session }: { session: Session }) {
  const { t, locale } = useI18n();
  const pending = useLoad(() => pendingForMyResources(session), [session.token]);
  const [rejecting, setRejecting] = useState<string>();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<Error>();
  const decide = (booking: Booking, decision: 'approve' | 'reject') =>
    api(
      'POST',
      `/v1/bookings/${booking.id}/${decision}`,
      decision === 'reject' ? { reason } : undefined,
    ).then(() => {
      setRejecting(undefined);
      setReason('');
      pending.reload();
    }, setError);
  if (!pending.data) return <Status error={pending.error} loading />;
  const { items, resources, orgs } = pending.data;
  return (
    <section aria-labelledby="approvals-title">
      <h1 id="approvals-title">{t('approvalsTitle')}</h1>
      <Status error={error} />
      {items.length === 0 ? <p>{t('noPending')}</p> : null}
      <ul className="cards">
        {items.map((b) => {
          const resource = resources.get(b.resourceId);
          return (
            <li key={b.id} className="card" aria-label={resource?.name ?? b.resourceId}>
              <h2>{resource?.name ?? b.resourceId}</h2>
              <p>
                <ZonedSpan start={b.start} end={b.end} zone={resource?.timezone ?? 'UTC'} />
              </p>
              <p>
                {t('booker')}: {b.userId} · {orgs.get(b.consumerOrgId)?.name ?? b.consumerOrgId} ·{' '}
                {formatMoney(b.price.amount, b.price.currency, locale)}
              </p>
              {b.purpose ? <p>{b.purpose}</p> : null}
              <div className="actions">
                <button type="button" onClick={() => void decide(b, 'approve')}>
                  {t('approve')}
                </button>
                <button type="button" onClick={() => setRejecting(b.id)}>
                  {t('reject')}
                </button>
              </div>
              {rejecting === b.id ? (
                <form
                  className="confirm"
                  onSubmit={(e) => {
                    e.preventDefault();
                    void decide(b, 'reject');
                  }}
                >
                  <label>
                    {t('rejectReason')}
                    <input
                      value={reason}
                      onChange={(e) => setReason(e.target.value)}
                      required
                      maxLength={500}
                      autoFocus
                    />
                  </label>
                  <button type="submit">{t('reject')}</button>
                </form>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
