import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../api';
import { useI18n } from '../i18n';
import type { Session } from '../session';
import { Status } from './status';

/**
 * A door controller's token (role `device` of the lab manager's org). Under the development secret
 * the gateway mints it (POST /dev/token); with a configured issuer, the issuer does.
 */
export function DeviceTokens({ session }: { session: Session }) {
  const { t } = useI18n();
  const [device, setDevice] = useState('door-1');
  const [token, setToken] = useState<string>();
  const [error, setError] = useState<Error>();
  const mint = (event: FormEvent) => {
    event.preventDefault();
    api<{ token: string }>(
      'POST',
      '/dev/token',
      { sub: device, org: session.org, roles: ['device'] },
      '',
    ).then(
      (answer) => setToken(answer.token),
      (e: Error) =>
        setError(e instanceof ApiError && e.status === 404 ? new Error(t('deviceTokensFromIssuer')) : e),
    );
  };
  return (
    <section aria-labelledby="devices-title">
      <h2 id="devices-title">{t('deviceTokens')}</h2>
      <form onSubmit={mint} className="filters">
        <label>
          {t('deviceName')}
          <input value={device} onChange={(e) => setDevice(e.target.value)} required maxLength={100} />
        </label>
        <button type="submit">{t('mintDeviceToken')}</button>
      </form>
      <Status error={error} />
      {token ? (
        <label>
          {t('deviceTokenFor', { device })}
          <textarea readOnly value={token} rows={4} cols={60} onFocus={(e) => e.target.select()} />
        </label>
      ) : null}
    </section>
  );
}
