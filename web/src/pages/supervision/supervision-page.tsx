import { useEffect } from 'react';
import { Result, Skeleton, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { useSession } from '../../features/auth/session';
import { BreakdownSection } from '../../features/supervision/breakdown-section';
import { ChartsSection } from '../../features/supervision/charts-section';
import { DrillBreadcrumb } from '../../features/supervision/drill-breadcrumb';
import { FiltersBar } from '../../features/supervision/filters-bar';
import { KpiCards } from '../../features/supervision/kpi-cards';
import { ReminderLog } from '../../features/supervision/reminder-log';
import { ReminderSettingsForm } from '../../features/supervision/reminder-settings-form';
import { SubjectsTable } from '../../features/supervision/subjects-table';
import { useBreakdown, useOverview } from '../../features/supervision/supervision-api';
import { canSupervise, keepsReminderSettings, mayRemind } from '../../features/supervision/supervision-access';
import {
  breakdownBy, drillLevel, parseSupervisionQuery, scopeOf, supervisionParams, type SupervisionQuery,
} from '../../features/supervision/supervision-filter';
import type { BreakdownRow } from '../../features/supervision/supervision-types';
import { useHomeScope, type HomeScope } from '../../features/supervision/use-home-scope';

/** 监督看板: progress of the subjects in the user's scope, drilled down from provinces to units to subjects, with reminders. */
export function SupervisionPage() {
  const { t } = useTranslation();
  const me = useSession();
  const [params, setParams] = useSearchParams();
  const query = parseSupervisionQuery(params);
  const home = useHomeScope(me);
  // A province supervisor starts at their province, a unit admin at their unit: written into the address so links share it.
  const needsHome = home.ready && home.level !== 'national' && !query.province && !query.unitId;

  useEffect(() => {
    if (needsHome) setParams(supervisionParams({ ...query, province: home.province, unitId: home.unitId }), { replace: true });
  }, [needsHome, query, home.province, home.unitId, setParams]);

  if (!canSupervise(me)) return <Result status="403" title={t('supervision.forbidden')} />;
  if (!home.ready || needsHome) return <Skeleton active paragraph={{ rows: 12 }} />;

  const change = (patch: Partial<SupervisionQuery>) => setParams(supervisionParams({ ...query, page: 1, ...patch }));
  const tab = query.tab === 'settings' && !keepsReminderSettings(me) ? undefined : query.tab;

  return (
    <>
      <PageHeader title={t('supervision.title')} subtitle={t('supervision.subtitle')} />
      <DrillBreadcrumb query={query} home={home} onGo={(scope) => change({ province: scope.province, unitId: scope.unitId })} />
      <Tabs
        activeKey={tab ?? 'dashboard'}
        onChange={(key) => change({ tab: key === 'dashboard' ? undefined : (key as SupervisionQuery['tab']) })}
        items={[
          { key: 'dashboard', label: t('supervision.tabs.dashboard'), children: <Dashboard query={query} home={home} change={change} canRemind={mayRemind(me)} /> },
          { key: 'reminders', label: <span data-testid="tab-reminders">{t('supervision.tabs.reminders')}</span>, children: <ReminderLog /> },
          ...(keepsReminderSettings(me)
            ? [{ key: 'settings', label: <span data-testid="tab-settings">{t('supervision.tabs.settings')}</span>, children: <ReminderSettingsForm /> }]
            : []),
        ]}
      />
    </>
  );
}

interface DashboardProps {
  query: SupervisionQuery;
  home: HomeScope;
  change: (patch: Partial<SupervisionQuery>) => void;
  canRemind: boolean;
}

function Dashboard({ query, home, change, canRemind }: DashboardProps) {
  const level = drillLevel(query);
  const by = breakdownBy(level);
  const scope = scopeOf(query);
  const overview = useOverview(scope);
  const breakdown = useBreakdown(scope, by);
  const drill = (row: BreakdownRow) => change(level === 'national' ? { province: row.key, unitId: undefined } : { unitId: row.key });

  return (
    <>
      <FiltersBar
        query={query}
        home={home}
        onChange={change}
        onClear={() => change({ platformId: undefined, programCode: undefined, projectCode: undefined, q: undefined, overdue: undefined })}
      />
      <KpiCards overview={overview.data} loading={overview.isPending} error={overview.error} />
      {by && <BreakdownSection by={by} breakdown={breakdown.data} loading={breakdown.isFetching} error={breakdown.error} onDrill={drill} />}
      <SubjectsTable query={query} onChange={change} canRemind={canRemind} />
      <ChartsSection filter={scope} />
    </>
  );
}
