import { useState, type FormEvent } from 'react';
import { api } from '../api';
import type { Resource } from '../api-types';
import { BlackoutsEditor } from '../components/blackouts-editor';
import { ChoiceField } from '../components/choice-field';
import { OpeningHoursEditor } from '../components/opening-hours-editor';
import { Status } from '../components/status';
import { forgetDirectory, resourceById } from '../directory';
import { useI18n } from '../i18n';
import { rowsOf, windowsOf, type OpeningRow } from '../opening-hours';
import { navigate } from '../router';
import type { Session } from '../session';
import { useLoad } from '../use-load';
import {
  approvalModes as approvals,
  customerCategories as categories,
  DEFAULT_ZONE,
  resourceKinds as kinds,
} from '../vocabulary';

interface Draft {
  name: string;
  kind: Resource['kind'];
  description: string;
  capacity: number;
  timezone: string;
  campus: string;
  building: string;
  room: string;
  slotMinutes: number;
  minMinutes: number;
  maxMinutes: number;
  approval: Resource['policy']['approval'];
  /** Yuan per hour, as typed; sent in fen. */
  perHour: Record<(typeof categories)[number], string>;
  opening: OpeningRow[];
}

function draftOf(r: Resource | undefined): Draft {
  return {
    name: r?.name ?? '',
    kind: r?.kind ?? 'equipment',
    description: r?.description ?? '',
    capacity: r?.capacity ?? 1,
    timezone: r?.timezone ?? DEFAULT_ZONE,
    campus: r?.location?.campus ?? '',
    building: r?.location?.building ?? '',
    room: r?.location?.room ?? '',
    slotMinutes: r?.policy.slotMinutes ?? 30,
    minMinutes: r?.policy.minMinutes ?? 30,
    maxMinutes: r?.policy.maxMinutes ?? 480,
    approval: r?.policy.approval ?? 'none',
    perHour: Object.fromEntries(
      categories.map((c) => [c, ((r?.rates.perHour[c] ?? 0) / 100).toFixed(2)]),
    ) as Draft['perHour'],
    opening: rowsOf(r?.openingHours ?? []),
  };
}

/** The fields the editor controls, as both POST and PATCH take them (policy and rates merge on PATCH). */
function bodyOf(d: Draft) {
  return {
    name: d.name,
    kind: d.kind,
    description: d.description,
    capacity: d.capacity,
    timezone: d.timezone,
    location: { campus: d.campus, building: d.building, room: d.room },
    openingHours: windowsOf(d.opening),
    policy: {
      slotMinutes: d.slotMinutes,
      minMinutes: d.minMinutes,
      maxMinutes: d.maxMinutes,
      approval: d.approval,
    },
    rates: {
      perHour: Object.fromEntries(categories.map((c) => [c, Math.round(Number(d.perHour[c]) * 100)])),
    },
  };
}

/** Create (`id` undefined) or edit a resource of the lab manager's org. */
export function ResourceEditorPage({ id, session }: { id: string | undefined; session: Session }) {
  const loaded = useLoad(async () => (id ? resourceById(id) : undefined), [id]);
  if (id && !loaded.data) return <Status error={loaded.error} loading />;
  return <ResourceForm key={loaded.data?.version} resource={loaded.data} session={session} />;
}

function ResourceForm({ resource, session }: { resource: Resource | undefined; session: Session }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(() => draftOf(resource));
  const [error, setError] = useState<Error>();
  const [saved, setSaved] = useState(false);
  const set = (change: Partial<Draft>) => {
    setSaved(false);
    setDraft((d) => ({ ...d, ...change }));
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    const request = resource
      ? api<Resource>('PATCH', `/v1/resources/${resource.id}`, bodyOf(draft))
      : api<Resource>('POST', '/v1/resources', { orgId: session.org, ...bodyOf(draft) });
    request.then((r) => {
      forgetDirectory();
      setSaved(true);
      if (!resource) navigate(`/manage/${encodeURIComponent(r.id)}`);
    }, setError);
  };
  /** Retired: kept with its history, no new bookings. */
  const retire = () =>
    api('DELETE', `/v1/resources/${resource!.id}`).then(() => {
      forgetDirectory();
      navigate('/manage');
    }, setError);
  const text = (key: 'name' | 'description' | 'timezone' | 'campus' | 'building' | 'room', label: string) => (
    <label>
      {label}
      <input value={draft[key]} onChange={(e) => set({ [key]: e.target.value })} required={key === 'name'} />
    </label>
  );
  const minutes = (key: 'slotMinutes' | 'minMinutes' | 'maxMinutes' | 'capacity', label: string) => (
    <label>
      {label}
      <input
        type="number"
        min={1}
        value={draft[key]}
        onChange={(e) => set({ [key]: Number(e.target.value) })}
        required
      />
    </label>
  );
  return (
    <section aria-labelledby="editor-title">
      <h1 id="editor-title">{resource ? t('editNamed', { name: resource.name }) : t('newResource')}</h1>
      <form onSubmit={save} className="editor">
        <fieldset>
          <legend>{t('about')}</legend>
          {text('name', t('name'))}
          <ChoiceField
            label={t('kind')}
            value={draft.kind}
            onChange={(kind) => set({ kind })}
            options={kinds.map((k) => ({ value: k, label: t(`kind_${k}`) }))}
          />
          {text('description', t('description'))}
          {minutes('capacity', t('capacity'))}
          {text('timezone', t('timezone'))}
          {text('campus', t('campus'))}
          {text('building', t('building'))}
          {text('room', t('room'))}
        </fieldset>
        <OpeningHoursEditor rows={draft.opening} onChange={(opening) => set({ opening })} />
        <fieldset>
          <legend>{t('policy')}</legend>
          {minutes('slotMinutes', t('slotMinutes'))}
          {minutes('minMinutes', t('minMinutes'))}
          {minutes('maxMinutes', t('maxMinutes'))}
          <label>
            {t('approvalMode')}
            <select
              value={draft.approval}
              onChange={(e) => set({ approval: e.target.value as Draft['approval'] })}
            >
              {approvals.map((a) => (
                <option key={a} value={a}>
                  {t(`approval_${a}`)}
                </option>
              ))}
            </select>
          </label>
        </fieldset>
        <fieldset>
          <legend>{t('ratesPerHour')}</legend>
          {categories.map((c) => (
            <label key={c}>
              {t(`category_${c}`)}
              <input
                type="number"
                min={0}
                step="0.01"
                value={draft.perHour[c]}
                onChange={(e) => set({ perHour: { ...draft.perHour, [c]: e.target.value } })}
              />
            </label>
          ))}
        </fieldset>
        <Status error={error} />
        {saved ? <p role="status">{t('saved')}</p> : null}
        <div className="actions">
          <button type="submit">{t('save')}</button>
          {resource?.status === 'active' ? (
            <button type="button" onClick={retire}>
              {t('retire')}
            </button>
          ) : null}
        </div>
      </form>
      {resource ? <BlackoutsEditor resource={resource} /> : null}
    </section>
  );
}
