import { useState } from 'react';
import { api, query } from '../api';
import type { Page, Resource } from '../api-types';
import { ChoiceField } from '../components/choice-field';
import { Status } from '../components/status';
import { orgDirectory, orgOptions } from '../directory';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { useLoad } from '../use-load';
import { resourceKinds as kinds } from '../vocabulary';

/** Every active resource, searched by name or description and filtered by kind and provider. */
export function CataloguePage() {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [kind, setKind] = useState('');
  const [orgId, setOrgId] = useState('');
  const orgs = useLoad(orgDirectory, []);
  const resources = useLoad(
    () =>
      api<Page<Resource>>(
        'GET',
        `/v1/resources?${query({ q: q.trim(), kind, orgId, status: 'active', limit: 200 })}`,
      ),
    [q, kind, orgId],
  );
  const items = resources.data?.items ?? [];
  return (
    <section aria-labelledby="catalogue-title">
      <h1 id="catalogue-title">{t('catalogueTitle')}</h1>
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('search')}
          <input type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        </label>
        <ChoiceField
          label={t('kind')}
          value={kind}
          onChange={setKind}
          anyLabel={t('allKinds')}
          options={kinds.map((k) => ({ value: k, label: t(`kind_${k}`) }))}
        />
        <ChoiceField
          label={t('provider')}
          value={orgId}
          onChange={setOrgId}
          anyLabel={t('allOrgs')}
          options={orgOptions(orgs.data)}
        />
      </form>
      <Status error={resources.error} loading={!resources.data && !resources.error} />
      {resources.data && items.length === 0 ? <p>{t('noResources')}</p> : null}
      {items.length > 0 ? (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('name')}</th>
              <th scope="col">{t('kind')}</th>
              <th scope="col">{t('provider')}</th>
              <th scope="col">{t('location')}</th>
              <th scope="col">{t('capacity')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link to={`/resources/${encodeURIComponent(r.id)}`}>{r.name}</Link>
                </td>
                <td>{t(`kind_${r.kind}`)}</td>
                <td>{orgs.data?.get(r.orgId)?.name ?? r.orgId}</td>
                <td>
                  {r.location
                    ? [r.location.campus, r.location.building, r.location.room].filter(Boolean).join(' · ')
                    : ''}
                </td>
                <td>{r.capacity}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
