import { useState } from 'react';
import { DateTime } from 'luxon';
import { api, downloadCsv, query } from '../api';
import type { Statement } from '../api-types';
import { ChoiceField } from '../components/choice-field';
import { LedgerView } from '../components/ledger-view';
import { Status } from '../components/status';
import { orgDirectory, orgOptions, resourcesById } from '../directory';
import { formatInZone, formatMoney } from '../format';
import { useI18n } from '../i18n';
import type { Session } from '../session';
import { useLoad } from '../use-load';
import { BILLING_ZONE, currentPeriod } from '../vocabulary';

async function statementOf(orgId: string, period: string) {
  const statement = await api<Statement>('GET', `/v1/statements?${query({ orgId, period })}`);
  const resources = await resourcesById(statement.lines.map((l) => l.resourceId));
  return { statement, resources };
}

/** An org's monthly statement (lines, totals, CSV download) and its ledger (as a provider: earnings). */
export function FinancePage({ session }: { session: Session }) {
  const { t, locale } = useI18n();
  const [period, setPeriod] = useState(currentPeriod);
  const [orgId, setOrgId] = useState(session.org);
  const [error, setError] = useState<Error>();
  const orgs = useLoad(orgDirectory, []);
  const finance = useLoad(() => statementOf(orgId, period), [orgId, period]);
  const money = (amount: number) => formatMoney(amount, finance.data?.statement.currency ?? 'CNY', locale);
  const orgName = orgs.data?.get(orgId)?.name ?? orgId;
  return (
    <section aria-labelledby="finance-title">
      <h1 id="finance-title">{t('financeTitle')}</h1>
      <div className="filters">
        {session.roles.includes('admin') ? (
          <ChoiceField
            label={t('organisation')}
            value={orgId}
            onChange={setOrgId}
            options={orgOptions(orgs.data)}
          />
        ) : null}
        <label>
          {t('period')}
          <input
            type="month"
            value={period}
            onChange={(e) => e.target.value && setPeriod(e.target.value)}
            required
          />
        </label>
      </div>
      <Status error={finance.error ?? error} loading={!finance.data && !finance.error} />
      {finance.data ? (
        <>
          <h2>{t('statementFor', { org: orgName, period })}</h2>
          <p>
            {finance.data.statement.number
              ? t('statementNumber', { number: finance.data.statement.number })
              : t('statementOpen')}
          </p>
          {finance.data.statement.lines.length === 0 ? <p>{t('noLines')}</p> : null}
          <table aria-label={t('statementFor', { org: orgName, period })}>
            <thead>
              <tr>
                <th scope="col">{t('date')}</th>
                <th scope="col">{t('lineKind')}</th>
                <th scope="col">{t('resource')}</th>
                <th scope="col" className="number">
                  {t('amount')}
                </th>
              </tr>
            </thead>
            <tbody>
              {finance.data.statement.lines.map((line) => (
                <tr key={line.entryId}>
                  <td>{formatInZone(line.createdAt, BILLING_ZONE, locale, DateTime.DATE_MED)}</td>
                  <td>{t(`ledger_${line.kind}`)}</td>
                  <td>{finance.data?.resources.get(line.resourceId)?.name ?? line.resourceId}</td>
                  <td className="number">{money(line.amount)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              {(['gross', 'credits', 'net', 'total'] as const).map((key) => (
                <tr key={key}>
                  <th scope="row" colSpan={3}>
                    {t(key)}
                  </th>
                  <td
                    className="number"
                    data-testid={`statement-${key}`}
                    data-amount={finance.data?.statement[key]}
                  >
                    {money(finance.data?.statement[key] ?? 0)}
                  </td>
                </tr>
              ))}
            </tfoot>
          </table>
          <button
            type="button"
            onClick={() =>
              downloadCsv(
                `/v1/statements.csv?${query({ orgId, period })}`,
                `statement-${orgId}-${period}.csv`,
              ).catch(setError)
            }
          >
            {t('downloadCsv')}
          </button>
        </>
      ) : null}
      <LedgerView orgId={orgId} period={period} zone={BILLING_ZONE} />
    </section>
  );
}
