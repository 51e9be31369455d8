import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../api';
import type { Org, Page, Role } from '../api-types';
import { ChoiceField } from '../components/choice-field';
import { Status } from '../components/status';
import { useI18n } from '../i18n';
import { navigate } from '../router';
import { signIn } from '../session';
import { useLoad } from '../use-load';

const signInRoles: Role[] = ['booker', 'org_admin', 'finance', 'admin', 'device'];
/** The zone's own administration, an org of no provider (as `npm run token` and the seed use it). */
const ZONE_ORG = 'platform';

/** `POST /dev/token`, which the gateway answers only under the development secret. */
async function devToken(claims: { sub: string; org: string; roles: Role[] }): Promise<string> {
  return (await api<{ token: string }>('POST', '/dev/token', claims, '')).token;
}

/**
 * Development: the organisations to choose from (the public API, read with a role-less token);
 * `orgs` undefined where the gateway mints no tokens (a configured issuer: paste its token).
 */
async function signInMode(): Promise<{ orgs?: Org[] }> {
  try {
    const visitor = await devToken({ sub: 'console-visitor', org: 'platform', roles: [] });
    return { orgs: (await api<Page<Org>>('GET', '/v1/orgs?limit=500', undefined, visitor)).items };
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return {};
    throw error;
  }
}

export function SignInPage() {
  const { t } = useI18n();
  const mode = useLoad(signInMode, []);
  const [error, setError] = useState<Error>();
  const done = (token: string) => {
    if (signIn(token)) navigate('/');
    else setError(new Error(t('badToken')));
  };
  return (
    <section aria-labelledby="sign-in-title" className="narrow">
      <h1 id="sign-in-title">{t('signInTitle')}</h1>
      <Status error={mode.error ?? error} loading={!mode.data && !mode.error} />
      {mode.data?.orgs ? <DevSignIn orgs={mode.data.orgs} onToken={done} onError={setError} /> : null}
      {mode.data && !mode.data.orgs ? <TokenSignIn onToken={done} /> : null}
    </section>
  );
}

function DevSignIn(props: { orgs: Org[]; onToken: (token: string) => void; onError: (e: Error) => void }) {
  const { t } = useI18n();
  const [org, setOrg] = useState(props.orgs[0]?.id ?? ZONE_ORG);
  const [role, setRole] = useState<Role>('booker');
  const [sub, setSub] = useState('console-user');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    devToken({ sub, org, roles: [role] }).then(props.onToken, props.onError);
  };
  return (
    <form onSubmit={submit} className="stack">
      <p>{t('devSignInHint')}</p>
      <label>
        {t('organisation')}
        <select value={org} onChange={(e) => setOrg(e.target.value)} required>
          {props.orgs.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
          <option value={ZONE_ORG}>{t('zoneItself')}</option>
        </select>
      </label>
      {props.orgs.length === 0 ? <p className="hint">{t('noOrgsYet')}</p> : null}
      <ChoiceField
        label={t('role')}
        value={role}
        onChange={setRole}
        options={signInRoles.map((r) => ({ value: r, label: t(`role_${r}`) }))}
      />
      <label>
        {t('userName')}
        <input value={sub} onChange={(e) => setSub(e.target.value)} required maxLength={100} />
      </label>
      <button type="submit">{t('signInButton')}</button>
    </form>
  );
}

function TokenSignIn({ onToken }: { onToken: (token: string) => void }) {
  const { t } = useI18n();
  const [token, setToken] = useState('');
  return (
    <form
      className="stack"
      onSubmit={(event) => {
        event.preventDefault();
        onToken(token.trim());
      }}
    >
      <p>{t('prodSignInHint')}</p>
      <label>
        {t('token')}
        <textarea value={token} onChange={(e) => setToken(e.target.value)} rows={4} required />
      </label>
      <button type="submit">{t('signInButton')}</button>
    </form>
  );
}
