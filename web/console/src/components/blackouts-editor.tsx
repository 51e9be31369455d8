import { useState, type FormEvent } from 'react';
import { DateTime } from 'luxon';
import { api } from '../api';
import type { BlackoutCreated, Page, Resource } from '../api-types';
import { formatSpan } from '../format';
import { useI18n } from '../i18n';
import { useLoad } from '../use-load';
import { Status } from './status';

type Blackout = Resource['blackouts'][number];

/** A resource's blackouts (maintenance, holidays): listed, added in the resource's zone, removed. */
export function BlackoutsEditor({ resource }: { resource: Resource }) {
  const { t, locale } = useI18n();
  const path = `/v1/resources/${encodeURIComponent(resource.id)}/blackouts`;
  const blackouts = useLoad(() => api<Page<Blackout>>('GET', `${path}?limit=200`), [path]);
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [reason, setReason] = useState('');
  const [note, setNote] = useState<string>();
  const [error, setError] = useState<Error>();
  const inZone = (local: string) => DateTime.fromISO(local, { zone: resource.timezone }).toUTC().toISO()!;
  const add = (event: FormEvent) => {
    event.preventDefault();
    api<BlackoutCreated>('POST', path, { start: inZone(start), end: inZone(end), reason }).then((created) => {
      setNote(t('blackoutAdded', { n: created.conflicts.length }));
      blackouts.reload();
    }, setError);
  };
  const remove = (b: Blackout) =>
    api('DELETE', `${path}/${encodeURIComponent(b.id)}`).then(blackouts.reload, setError);
  return (
    <section aria-labelledby="blackouts-title">
      <h2 id="blackouts-title">{t('blackouts')}</h2>
      <Status error={blackouts.error ?? error} />
      <ul>
        {blackouts.data?.items.map((b) => (
          <li key={b.id}>
            {formatSpan(b.start, b.end, resource.timezone, locale)} {b.reason}{' '}
            <button type="button" onClick={() => void remove(b)}>
              {t('remove')}
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={add} className="filters">
        <label>
          {t('from')}
          <input type="datetime-local" value={start} onChange={(e) => setStart(e.target.value)} required />
        </label>
        <label>
          {t('until')}
          <input type="datetime-local" value={end} onChange={(e) => setEnd(e.target.value)} required />
        </label>
        <label>
          {t('reason')}
          <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
        </label>
        <button type="submit">{t('addBlackout')}</button>
      </form>
      {note ? <p role="status">{note}</p> : null}
    </section>
  );
}
