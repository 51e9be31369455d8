import { useState, type FormEvent } from 'react';
import { api } from '../api';
import { useI18n } from '../i18n';
import { Status } from './status';
import { orgKinds as consumers, resourceKinds as kinds } from '../vocabulary';

/** `PUT /v1/subsidy/policy`: a new policy version from the chosen month on (yuan typed, fen sent). */
export function SubsidyPolicyForm({ period, onSaved }: { period: string; onSaved: () => void }) {
  const { t } = useI18n();
  const [perHour, setPerHour] = useState<Record<(typeof kinds)[number], string>>({
    lab: '60',
    equipment: '60',
    classroom: '30',
  });
  const [multiplier, setMultiplier] = useState<Record<(typeof consumers)[number], string>>({
    university: '1',
    enterprise: '1.5',
    training_body: '1',
    government: '1',
    other: '1',
  });
  const [cap, setCap] = useState('10000');
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<Error>();
  const fen = (yuan: string) => Math.round(Number(yuan) * 100);
  const save = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    api('PUT', '/v1/subsidy/policy', {
      period,
      currency: 'CNY',
      perHour: Object.fromEntries(kinds.map((k) => [k, fen(perHour[k])])),
      consumerMultiplier: Object.fromEntries(consumers.map((c) => [c, Number(multiplier[c])])),
      capPerProvider: fen(cap),
    }).then(() => {
      setSaved(true);
      onSaved();
    }, setError);
  };
  return (
    <form onSubmit={save} className="editor">
      <h2>{t('subsidyPolicy', { period })}</h2>
      <fieldset>
        <legend>{t('subsidyPerHour')}</legend>
        {kinds.map((k) => (
          <label key={k}>
            {t(`kind_${k}`)}
            <input
              type="number"
              min={0}
              step="0.01"
              value={perHour[k]}
              onChange={(e) => setPerHour({ ...perHour, [k]: e.target.value })}
            />
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('consumerMultiplier')}</legend>
        {consumers.map((c) => (
          <label key={c}>
            {t(`category_${c}`)}
            <input
              type="number"
              min={0}
              max={100}
              step="0.01"
              value={multiplier[c]}
              onChange={(e) => setMultiplier({ ...multiplier, [c]: e.target.value })}
            />
          </label>
        ))}
      </fieldset>
      <label>
        {t('capPerProvider')}
        <input type="number" min={0} step="0.01" value={cap} onChange={(e) => setCap(e.target.value)} />
      </label>
      <Status error={error} />
      {saved ? <p role="status">{t('saved')}</p> : null}
      <button type="submit">{t('save')}</button>
    </form>
  );
}
