import QRCode from 'qrcode';
import { api } from '../api';
import type { IssuedPass } from '../api-types';
import { Status } from '../components/status';
import { resourceById } from '../directory';
import { formatInZone } from '../format';
import { useI18n } from '../i18n';
import { useLoad } from '../use-load';

async function passFor(bookingId: string) {
  const pass = await api<IssuedPass>('POST', '/v1/passes', { bookingId });
  const [resource, svg] = await Promise.all([
    resourceById(pass.resourceId),
    QRCode.toString(pass.token, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }),
  ]);
  return { pass, resource, svg };
}

/** The signed pass of a confirmed booking as a QR code the door reads (sized for a phone). */
export function PassPage({ bookingId }: { bookingId: string }) {
  const { t, locale } = useI18n();
  const loaded = useLoad(() => passFor(bookingId), [bookingId]);
  if (!loaded.data) return <Status error={loaded.error} loading />;
  const { pass, resource, svg } = loaded.data;
  return (
    <section aria-labelledby="pass-title" className="pass">
      <h1 id="pass-title">
        {t('passTitle')}: {resource.name}
      </h1>
      <p>{t('passHint')}</p>
      <div
        className="qr"
        role="img"
        aria-label={`${t('passTitle')} ${pass.jti}`}
        data-pass-token={pass.token}
        dangerouslySetInnerHTML={{ __html: svg }}
      />
      <p>
        {t('validFrom', {
          from: formatInZone(pass.validFrom, resource.timezone, locale),
          until: formatInZone(pass.validUntil, resource.timezone, locale),
        })}
      </p>
    </section>
  );
}
