import { useState } from 'react';
import { Alert, Breadcrumb, Card, Flex, Result, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { useSession } from '../../features/auth/session';
import { editsEvaluationRules } from '../../features/evaluation/evaluation-access';
import { useRules, useRuns } from '../../features/evaluation/evaluation-api';
import type { Run } from '../../features/evaluation/evaluation-types';
import { RecomputeStatus } from '../../features/evaluation/recompute-status';
import { RuleVersions } from '../../features/evaluation/rule-versions';
import { RulesForm } from '../../features/evaluation/rules-form';
import { RunsTable } from '../../features/evaluation/runs-table';

/** /evaluation/rules — the ministry's rule set (a new version per change), its versions and the runs. */
export function EvaluationRulesPage() {
  const { t } = useTranslation();
  const me = useSession();
  const editor = editsEvaluationRules(me);
  const [queued, setQueued] = useState<Run | null>(null);
  const rules = useRules(editor);
  const runs = useRuns({ watch: queued?.id ?? null, pageSize: 20 });

  const breadcrumb = <Breadcrumb style={{ marginBottom: 12 }} items={[{ title: <Link to="/evaluation">{t('evaluation.title')}</Link> }, { title: t('evaluation.rules.title') }]} />;
  if (!editor) {
    return (
      <>
        {breadcrumb}
        <Result status="403" title={t('evaluation.rules.forbidden')} data-testid="rules-forbidden" />
      </>
    );
  }

  return (
    <>
      {breadcrumb}
      <PageHeader
        title={rules.data ? t('evaluation.rules.titleVersion', { version: rules.data.current.version }) : t('evaluation.rules.title')}
        subtitle={t('evaluation.rules.subtitle')}
      />
      <Flex vertical gap={16}>
        {rules.isPending && <Skeleton active paragraph={{ rows: 8 }} />}
        {rules.isError && <Alert type="error" showIcon title={rules.error.message} />}
        {rules.data && (
          <>
            <RulesForm current={rules.data.current} onSaved={(answer) => setQueued(answer.run)} />
            {queued && <RecomputeStatus queued={queued} runs={runs.data?.items ?? []} />}
            <Card size="small" title={t('evaluation.versions.title')}>
              <RuleVersions versions={rules.data.versions} current={rules.data.current.version} />
            </Card>
          </>
        )}
        {runs.isError ? <Alert type="error" showIcon title={runs.error.message} /> : <RunsTable runs={runs.data?.items ?? []} loading={runs.isPending} />}
      </Flex>
    </>
  );
}
