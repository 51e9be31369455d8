import { api, query } from '../api';
import type { Page, Resource } from '../api-types';
import { DeviceTokens } from '../components/device-tokens';
import { QualificationsEditor } from '../components/qualifications-editor';
import { Status } from '../components/status';
import { useI18n } from '../i18n';
import { Link } from '../router';
import type { Session } from '../session';
import { useLoad } from '../use-load';

/** A lab manager's resources (active and retired), each with its editor; and a new one. */
export function ManageResourcesPage({ session }: { session: Session }) {
  const { t } = useI18n();
  const resources = useLoad(
    () => api<Page<Resource>>('GET', `/v1/resources?${query({ orgId: session.org, limit: 200 })}`),
    [session.org],
  );
  return (
    <section aria-labelledby="manage-title">
      <h1 id="manage-title">{t('manageTitle')}</h1>
      <Link to="/manage/new" className="button">
        {t('newResource')}
      </Link>
      <Status error={resources.error} loading={!resources.data && !resources.error} />
      <ul className="cards">
        {resources.data?.items.map((r) => (
          <li key={r.id} className="card">
            <h2>{r.name}</h2>
            <p>
              {t(`kind_${r.kind}`)} · {t(`resourceStatus_${r.status}`)}
            </p>
            <Link to={`/manage/${encodeURIComponent(r.id)}`} aria-label={t('editNamed', { name: r.name })}>
              {t('edit')}
            </Link>
          </li>
        ))}
      </ul>
      <QualificationsEditor />
      <DeviceTokens session={session} />
    </section>
  );
}
