import { useState, type FormEvent } from 'react';
import { DateTime } from 'luxon';
import { api } from '../api';
import type { Page, Qualification } from '../api-types';
import { useI18n } from '../i18n';
import { useLoad } from '../use-load';
import { Status } from './status';

/** Qualifications the lab manager's org grants its users (a resource may require one to be booked). */
export function QualificationsEditor() {
  const { t, locale } = useI18n();
  const granted = useLoad(() => api<Page<Qualification>>('GET', '/v1/qualifications?limit=500'), []);
  const [userId, setUserId] = useState('');
  const [name, setName] = useState('');
  const [until, setUntil] = useState('');
  const [error, setError] = useState<Error>();
  const grant = (event: FormEvent) => {
    event.preventDefault();
    const expiresAt = until ? DateTime.fromISO(until).endOf('day').toUTC().toISO()! : undefined;
    api('POST', '/v1/qualifications', { userId, name, ...(expiresAt ? { expiresAt } : {}) }).then(() => {
      setUserId('');
      setName('');
      granted.reload();
    }, setError);
  };
  const revoke = (q: Qualification) =>
    api('DELETE', `/v1/qualifications/${encodeURIComponent(q.id)}`).then(granted.reload, setError);
  return (
    <section aria-labelledby="qualifications-title">
      <h2 id="qualifications-title">{t('qualifications')}</h2>
      <Status error={granted.error ?? error} />
      <ul>
        {granted.data?.items
          .filter((q) => !q.revokedAt)
          .map((q) => (
            <li key={q.id}>
              {q.userId}: {q.name}
              {q.expiresAt
                ? ` (${t('until')} ${DateTime.fromISO(q.expiresAt).setLocale(locale).toLocaleString()})`
                : ''}{' '}
              <button type="button" onClick={() => void revoke(q)}>
                {t('revoke')}
              </button>
            </li>
          ))}
      </ul>
      <form onSubmit={grant} className="filters">
        <label>
          {t('userName')}
          <input value={userId} onChange={(e) => setUserId(e.target.value)} required maxLength={200} />
        </label>
        <label>
          {t('qualification')}
          <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} />
        </label>
        <label>
          {t('until')}
          <input type="date" value={until} onChange={(e) => setUntil(e.target.value)} />
        </label>
        <button type="submit">{t('grant')}</button>
      </form>
    </section>
  );
}
