import { useState, type FormEvent } from 'react';
import { api, query } from '../api';
import type { CheckInAnswer, CheckOutAnswer, Page, Resource } from '../api-types';
import { Status } from '../components/status';
import { useI18n } from '../i18n';
import type { Session } from '../session';
import { useLoad } from '../use-load';

/** A door on a phone or tablet (role `device`): check a pass in at one of the org's resources, then out. */
export function DoorPage({ session }: { session: Session }) {
  const { t } = useI18n();
  const resources = useLoad(
    () =>
      api<Page<Resource>>(
        'GET',
        `/v1/resources?${query({ orgId: session.org, status: 'active', limit: 200 })}`,
      ),
    [session.org],
  );
  const [resourceId, setResourceId] = useState('');
  const [pass, setPass] = useState('');
  const [visit, setSession] = useState<CheckInAnswer>();
  const [done, setDone] = useState<CheckOutAnswer>();
  const [error, setError] = useState<Error>();
  const chosen = resourceId || resources.data?.items[0]?.id || '';
  const checkIn = (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setDone(undefined);
    api<CheckInAnswer>('POST', '/v1/access/check-in', { token: pass.trim(), resourceId: chosen }).then(
      setSession,
      setError,
    );
  };
  const checkOut = (open: CheckInAnswer) =>
    api<CheckOutAnswer>('POST', '/v1/access/check-out', { sessionId: open.sessionId }).then((answer) => {
      setSession(undefined);
      setPass('');
      setDone(answer);
    }, setError);
  return (
    <section aria-labelledby="door-title" className="door narrow">
      <h1 id="door-title">{t('doorTitle')}</h1>
      <Status error={resources.error ?? error} />
      {visit ? (
        <>
          <p role="status" className="big">
            {t('checkedIn')}
          </p>
          <button type="button" onClick={() => void checkOut(visit)}>
            {t('checkOut')}
          </button>
        </>
      ) : (
        <form onSubmit={checkIn} className="stack">
          <label>
            {t('resource')}
            <select value={chosen} onChange={(e) => setResourceId(e.target.value)}>
              {resources.data?.items.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('passToken')}
            <textarea value={pass} onChange={(e) => setPass(e.target.value)} rows={5} required />
          </label>
          <button type="submit">{t('checkIn')}</button>
        </form>
      )}
      {done ? (
        <p role="status" className="big">
          {t('checkedOut', { minutes: done.minutes })}
        </p>
      ) : null}
    </section>
  );
}
