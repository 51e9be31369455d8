import { useEffect } from 'react';
import { useI18n, setLanguage, type Language } from './i18n';
import { Link, navigate, useLocation } from './router';
import { can, signOut, useSession, type Session } from './session';
import { forgetDirectory, orgDirectory } from './directory';
import { useLoad } from './use-load';
import { SignInPage } from './pages/sign-in';
import { CataloguePage } from './pages/catalogue';
import { ResourcePage } from './pages/resource-page';
import { MyBookingsPage } from './pages/my-bookings';
import { PassPage } from './pages/pass-page';
import { ApprovalsPage } from './pages/approvals';
import { FinancePage } from './pages/finance';
import { ManageResourcesPage } from './pages/manage-resources';
import { ResourceEditorPage } from './pages/resource-editor';
import { ZoneAdminPage } from './pages/zone-admin';
import { DoorPage } from './pages/door';

export function App() {
  const session = useSession();
  const { path, params } = useLocation();
  const { t } = useI18n();
  useEffect(() => {
    if (!session && path !== '/sign-in') navigate('/sign-in');
  }, [session, path]);
  useEffect(() => forgetDirectory, [session?.token]);
  return (
    <>
      <a href="#main" className="skip-link">
        {t('skipToContent')}
      </a>
      <header className="top">
        <Link to="/" className="brand">
          {t('appName')}
        </Link>
        {session ? <Navigation session={session} /> : null}
        <LanguagePicker />
      </header>
      <main id="main" tabIndex={-1}>
        {session ? <SignedIn session={session} path={path} params={params} /> : <SignInPage />}
      </main>
    </>
  );
}

function SignedIn({ session, path, params }: { session: Session; path: string; params: URLSearchParams }) {
  const { t } = useI18n();
  const [, section, id, sub] = path.split('/');
  if (!section) return session.roles.includes('device') ? <DoorPage session={session} /> : <CataloguePage />;
  if (section === 'resources' && id)
    return (
      <ResourcePage id={decodeURIComponent(id)} session={session} reschedule={params.get('reschedule')} />
    );
  if (section === 'bookings' && id && sub === 'pass') return <PassPage bookingId={decodeURIComponent(id)} />;
  if (section === 'bookings') return <MyBookingsPage session={session} />;
  if (section === 'approvals') return <ApprovalsPage session={session} />;
  if (section === 'finance') return <FinancePage session={session} />;
  if (section === 'manage' && id)
    return <ResourceEditorPage id={id === 'new' ? undefined : decodeURIComponent(id)} session={session} />;
  if (section === 'zone') return <ZoneAdminPage />;
  if (section === 'door') return <DoorPage session={session} />;
  if (section === 'manage') return <ManageResourcesPage session={session} />;
  if (section === 'sign-in') return <CataloguePage />;
  return <p>{t('notFound')}</p>;
}

function Navigation({ session }: { session: Session }) {
  const { t } = useI18n();
  const { path } = useLocation();
  const links = [
    { to: '/', label: t('navCatalogue'), show: true },
    { to: '/bookings', label: t('navMyBookings'), show: can(session, 'booker', 'org_admin') },
    { to: '/approvals', label: t('navApprovals'), show: can(session, 'org_admin') },
    { to: '/manage', label: t('navManage'), show: can(session, 'org_admin') },
    { to: '/finance', label: t('navFinance'), show: can(session, 'finance') },
    { to: '/zone', label: t('navZone'), show: session.roles.includes('admin') },
    { to: '/door', label: t('navDoor'), show: session.roles.includes('device') },
  ];
  const orgs = useLoad(orgDirectory, [session.token]);
  const roles = session.roles.map((r) => t(`role_${r}`)).join(', ');
  const org = orgs.data?.get(session.org)?.name ?? session.org;
  return (
    <nav aria-label={t('mainNavigation')}>
      <ul>
        {links
          .filter((l) => l.show)
          .map((l) => (
            <li key={l.to}>
              <Link to={l.to} aria-current={path === l.to ? 'page' : undefined}>
                {l.label}
              </Link>
            </li>
          ))}
      </ul>
      <span className="who">{t('signedInAs', { sub: session.sub, roles, org })}</span>
      <button type="button" onClick={signOut}>
        {t('signOut')}
      </button>
    </nav>
  );
}

function LanguagePicker() {
  const { t, language } = useI18n();
  return (
    <label className="language">
      {t('language')}
      <select value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
        <option value="en">English</option>
        <option value="zh">中文</option>
      </select>
    </label>
  );
}
