import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import type { Principal } from '../../shared/auth/principal.ts';
import { useSession } from '../../shared/auth/session.tsx';
import { localToday } from '../../shared/format.ts';
import { useT } from '../../shared/i18n/i18n.tsx';
import { ErrorMessage } from '../../shared/ui/ErrorMessage.tsx';
import { Tabs } from '../../shared/ui/Tabs.tsx';
import { Alert, Loading, PageTitle } from '../../shared/ui/ui.tsx';
import { loadUnits } from '../../shared/units.ts';
import { useLoad } from '../../shared/use-load.ts';
import { DevicesPanel } from './DevicesPanel.tsx';
import { DossiersPanel } from './DossiersPanel.tsx';
import { dashboardsMessages } from './messages.ts';
import { PeriodPicker } from './PeriodPicker.tsx';
import { parsePeriod } from './period.ts';
import { QueuePanel } from './QueuePanel.tsx';
import { ReportPanel } from './ReportPanel.tsx';
import { SatisfactionPanel } from './SatisfactionPanel.tsx';
import { ScopeTrail } from './ScopeTrail.tsx';
import {
  apiDistrict,
  formatScope,
  holds,
  homeScope,
  parseScope,
  type Scope,
  type ScopeUnits,
  scopeName,
  trail,
} from './scope.ts';
import { type DashboardTab, nextSearch, pickBy, pickTab, tabsOf, type ViewChange } from './url.ts';
import type { DashboardView } from './view.ts';
import './dashboards.css';

/** Statistics for officials: dossiers, report II.06a, queue, satisfaction and devices of a unit. */
export default function DashboardsPage() {
  const t = useT(dashboardsMessages);
  const { session } = useSession();
  const units = useLoad(() => loadUnits(), []);
  const principal = session?.principal;
  if (!principal) return null;
  return (
    <div className="dashboards stack">
      {units.data ? (
        <Dashboards principal={principal} units={units.data} />
      ) : units.error ? (
        <>
          <PageTitle>{t('title')}</PageTitle>
          <ErrorMessage error={units.error} onRetry={units.reload} />
        </>
      ) : (
        <Loading label={t('loading')} />
      )}
    </div>
  );
}

function Dashboards({ principal, units }: { principal: Principal; units: ScopeUnits }) {
  const t = useT(dashboardsMessages);
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const home = homeScope(principal, units);
  if (!home)
    return (
      <>
        <PageTitle>{t('title')}</PageTitle>
        <Alert kind="info">{t('noScope')}</Alert>
      </>
    );
  const scope = parseScope(params.get('scope'), units) ?? home;
  const period = parsePeriod(params, localToday());
  const tabs = tabsOf(scope);
  const tab = pickTab(tabs, params.get('tab'));
  const by = pickBy(params.get('by'));
  const href = (change: ViewChange) => `${pathname}${nextSearch(params, change)}`;
  const go = (change: ViewChange, replace = false) => navigate(href(change), { replace });
  const view: DashboardView = {
    scope,
    period,
    units,
    ask: { scope, period, district: apiDistrict(scope, units) },
    hrefOf: (next: Scope) => href({ scope: next }),
    drill: (next: Scope) => go({ scope: next }),
  };
  // Panels remount for another unit or period: no figures of the last one linger while loading.
  const key = `${formatScope(scope)}/${period.from}/${period.to}`;
  const panel = (id: DashboardTab) => {
    if (id !== tab) return null;
    if (id === 'dossiers') return <DossiersPanel key={key} view={view} />;
    if (id === 'report')
      return <ReportPanel key={key} view={view} by={by} onBy={(b) => go({ by: b }, true)} />;
    if (id === 'queue') return <QueuePanel key={key} view={view} />;
    if (id === 'satisfaction') return <SatisfactionPanel key={key} view={view} />;
    return <DevicesPanel key={key} view={view} />;
  };
  const tabLabel: Record<DashboardTab, string> = {
    dossiers: t('tabDossiers'),
    report: t('tabReport'),
    queue: t('tabQueue'),
    satisfaction: t('tabSatisfaction'),
    devices: t('tabDevices'),
  };
  const allowed = holds(home, scope, units);
  return (
    <>
      <PageTitle>
        {t('title')}: {scopeName(scope, units)}
      </PageTitle>
      <ScopeTrail trail={trail(home, scope, units)} units={units} hrefOf={view.hrefOf} />
      <PeriodPicker period={period} onChange={(p) => go({ period: p })} />
      {allowed ? (
        <Tabs
          label={t('panels')}
          tabs={tabs.map((id) => ({ id, label: tabLabel[id], content: panel(id) }))}
          selected={tab}
          onSelect={(id) => go({ tab: id }, true)}
        />
      ) : (
        <Alert>
          <span>{t('forbidden')}</span>
          <Link className="btn btn-secondary" to={href({ scope: home })}>
            {t('forbiddenBack', { unit: scopeName(home, units) })}
          </Link>
        </Alert>
      )}
    </>
  );
}
