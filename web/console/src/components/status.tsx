import { useI18n } from '../i18n';

/** What a page shows while it loads or after a request failed (announced to screen readers). */
export function Status({ error, loading }: { error?: Error | undefined; loading?: boolean }) {
  const { t } = useI18n();
  if (error)
    return (
      <p role="alert" className="error">
        {t('errorPrefix', { message: error.message })}
      </p>
    );
  return loading ? <p aria-live="polite">{t('loading')}</p> : null;
}
