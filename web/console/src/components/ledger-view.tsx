import { useState } from 'react';
import { DateTime } from 'luxon';
import { api, downloadCsv, query } from '../api';
import type { LedgerPage } from '../api-types';
import { orgDirectory, resourcesById } from '../directory';
import { formatInZone, formatMoney } from '../format';
import { useI18n } from '../i18n';
import { useLoad } from '../use-load';
import { ChoiceField } from './choice-field';
import { Status } from './status';

const sides = ['provider', 'consumer'] as const;

async function ledgerOf(orgId: string, period: string, side: (typeof sides)[number]) {
  const ledger = await api<LedgerPage>('GET', `/v1/ledger?${query({ orgId, period, side, limit: 500 })}`);
  const [resources, orgs] = await Promise.all([
    resourcesById(ledger.items.map((e) => e.resourceId)),
    orgDirectory(),
  ]);
  return { ledger, resources, orgs };
}

/** One side of the org's ledger for the month: as a provider, its earnings; as a consumer, its charges. */
export function LedgerView({ orgId, period, zone }: { orgId: string; period: string; zone: string }) {
  const { t, locale } = useI18n();
  const [side, setSide] = useState<(typeof sides)[number]>('provider');
  const [error, setError] = useState<Error>();
  const loaded = useLoad(() => ledgerOf(orgId, period, side), [orgId, period, side]);
  const currency = loaded.data?.ledger.items[0]?.currency ?? 'CNY';
  const money = (amount: number) => formatMoney(amount, currency, locale);
  return (
    <section aria-labelledby="ledger-title">
      <h2 id="ledger-title">{t('ledgerTitle')}</h2>
      <ChoiceField
        label={t('ledgerSide')}
        value={side}
        onChange={setSide}
        options={sides.map((s) => ({ value: s, label: t(`side_${s}`) }))}
      />
      <Status error={loaded.error ?? error} loading={!loaded.data && !loaded.error} />
      {loaded.data ? (
        <>
          <p>
            {t(side === 'provider' ? 'earningsTotal' : 'chargesTotal', {
              total: money(loaded.data.ledger.total),
            })}
          </p>
          <table aria-label={t('ledgerTitle')}>
            <thead>
              <tr>
                <th scope="col">{t('date')}</th>
                <th scope="col">{t('lineKind')}</th>
                <th scope="col">{t('resource')}</th>
                <th scope="col">{t('counterparty')}</th>
                <th scope="col" className="number">
                  {t('amount')}
                </th>
              </tr>
            </thead>
            <tbody>
              {loaded.data.ledger.items.map((e) => (
                <tr key={e.id}>
                  <td>{formatInZone(e.createdAt, zone, locale, DateTime.DATE_MED)}</td>
                  <td>{t(`ledger_${e.kind}`)}</td>
                  <td>{loaded.data?.resources.get(e.resourceId)?.name ?? e.resourceId}</td>
                  <td>{loaded.data?.orgs.get(e.counterpartyOrgId)?.name ?? e.counterpartyOrgId}</td>
                  <td className="number">{money(e.amount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <button
            type="button"
            onClick={() =>
              downloadCsv(
                `/v1/ledger.csv?${query({ orgId, period, side })}`,
                `ledger-${side}-${orgId}-${period}.csv`,
              ).catch(setError)
            }
          >
            {t('downloadLedgerCsv')}
          </button>
        </>
      ) : null}
    </section>
  );
}
