import { lazy, Suspense, useState, type ComponentProps } from 'react';
import { api } from '../api';
import type { OpenUseReportView, SubsidyReportView } from '../api-types';
import { Status } from '../components/status';
import { SubsidyPolicyForm } from '../components/subsidy-policy-form';
import { orgDirectory } from '../directory';
import { formatMoney } from '../format';
import { useI18n } from '../i18n';
import { useLoad } from '../use-load';
import { currentPeriod } from '../vocabulary';

/** recharts weighs as much as the rest of the console: only this page loads it, as a chunk of its own. */
const LazyBarChart = lazy(() => import('../components/bar-chart').then((m) => ({ default: m.BarChart })));

function BarChart(props: ComponentProps<typeof LazyBarChart>) {
  return (
    <Suspense fallback={null}>
      <LazyBarChart {...props} />
    </Suspense>
  );
}

async function zoneReports(period: string) {
  const [subsidies, openUse, orgs] = await Promise.all([
    api<SubsidyReportView>('GET', `/v1/subsidies?period=${period}`),
    api<OpenUseReportView>('GET', `/v1/reports/open-use?period=${period}`),
    orgDirectory(),
  ]);
  return { subsidies: subsidies.items, openUse: openUse.items, orgs };
}

/** Zone administration: each provider's subsidy (chart, settlement), open use and utilisation, the policy. */
export function ZoneAdminPage() {
  const { t, locale } = useI18n();
  const [period, setPeriod] = useState(currentPeriod);
  const reports = useLoad(() => zoneReports(period), [period]);
  const [error, setError] = useState<Error>();
  const settle = () => api('POST', '/v1/subsidies/settle', { period }).then(reports.reload, setError);
  const name = (orgId: string) => reports.data?.orgs.get(orgId)?.name ?? orgId;
  const money = (amount: number, currency: string) => formatMoney(amount, currency, locale);
  const percent = (share: number) => `${(share * 100).toFixed(1)} %`;
  return (
    <section aria-labelledby="zone-title">
      <h1 id="zone-title">{t('zoneTitle')}</h1>
      <label>
        {t('period')}
        <input type="month" value={period} onChange={(e) => e.target.value && setPeriod(e.target.value)} />
      </label>
      <Status error={reports.error ?? error} loading={!reports.data && !reports.error} />
      {reports.data ? (
        <>
          <h2>{t('subsidyReport')}</h2>
          <BarChart
            title={t('subsidyChart')}
            rows={reports.data.subsidies.map((s) => ({
              label: name(s.providerOrgId),
              value: s.payable,
              text: money(s.payable, s.currency),
            }))}
          />
          <table>
            <thead>
              <tr>
                <th scope="col">{t('provider')}</th>
                <th scope="col">{t('sessions')}</th>
                <th scope="col">{t('externalHours')}</th>
                <th scope="col">{t('accrued')}</th>
                <th scope="col">{t('capped')}</th>
                <th scope="col">{t('payable')}</th>
                <th scope="col">{t('status')}</th>
              </tr>
            </thead>
            <tbody>
              {reports.data.subsidies.map((s) => (
                <tr key={s.providerOrgId}>
                  <td>{name(s.providerOrgId)}</td>
                  <td>{s.sessions}</td>
                  <td>{(s.externalMinutes / 60).toFixed(1)}</td>
                  <td>{money(s.accrued, s.currency)}</td>
                  <td>{money(s.capped, s.currency)}</td>
                  <td>{money(s.payable, s.currency)}</td>
                  <td>{t(s.status === 'settled' ? 'settled' : 'accruing')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <button
            type="button"
            onClick={() => void settle()}
            disabled={!reports.data.subsidies.some((s) => s.status === 'accruing')}
          >
            {t('settlePeriod', { period })}
          </button>
          <h2>{t('openUseReport')}</h2>
          <BarChart
            title={t('utilisationChart')}
            rows={reports.data.openUse.map((u) => ({
              label: name(u.providerOrgId),
              value: u.utilisation,
              text: percent(u.utilisation),
            }))}
          />
          <table>
            <thead>
              <tr>
                <th scope="col">{t('provider')}</th>
                <th scope="col">{t('sharedResources')}</th>
                <th scope="col">{t('openHours')}</th>
                <th scope="col">{t('bookedHours')}</th>
                <th scope="col">{t('usedHours')}</th>
                <th scope="col">{t('utilisation')}</th>
                <th scope="col">{t('outsideOrgs')}</th>
              </tr>
            </thead>
            <tbody>
              {reports.data.openUse.map((u) => (
                <tr key={u.providerOrgId}>
                  <td>{name(u.providerOrgId)}</td>
                  <td>{u.sharedResources}</td>
                  <td>{(u.openMinutes / 60).toFixed(0)}</td>
                  <td>{(u.bookedMinutes / 60).toFixed(1)}</td>
                  <td>{(u.usedMinutes / 60).toFixed(1)}</td>
                  <td>{percent(u.utilisation)}</td>
                  <td>{u.outsideOrgs}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      <SubsidyPolicyForm period={period} onSaved={reports.reload} />
    </section>
  );
}
