import { lazy, Suspense, useMemo } from 'react';
import { Alert, Breadcrumb, Card, Col, Flex, Row, Select, Skeleton, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { useSubjectScore } from '../../features/evaluation/evaluation-api';
import { ComputationTable } from '../../features/evaluation/computation-table';
import type { HistoryLabels } from '../../features/evaluation/history-chart';
import { PlanLinesCard } from '../../features/evaluation/plan-lines-card';
import { chinaDate, formatScore } from '../../features/evaluation/score-format';

const HistoryChart = lazy(() => import('../../features/evaluation/history-chart').then((m) => ({ default: m.HistoryChart })));

/** /evaluation/subjects/:code — how one subject's score was computed in a run, and its history. */
export function EvaluationSubjectPage() {
  const { t, i18n } = useTranslation();
  const { code = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const score = useSubjectScore(code, params.get('run') ?? undefined);
  const labels = useMemo<HistoryLabels>(
    () => ({
      total: t('evaluation.score.total'),
      completion: t('evaluation.score.completion'),
      sharing: t('evaluation.score.sharing'),
      version: (version) => t('evaluation.run.version', { version }),
    }),
    [t],
  );

  const breadcrumb = <Breadcrumb style={{ marginBottom: 12 }} items={[{ title: <Link to="/evaluation">{t('evaluation.title')}</Link> }, { title: code }]} />;
  if (score.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (score.isError) {
    return (
      <>
        {breadcrumb}
        <Alert type="error" showIcon title={score.error.message} data-testid="computation-error" />
      </>
    );
  }
  const answer = score.data;
  const { subject, run } = answer;
  const title = i18n.language === 'en' && subject.titleEn ? subject.titleEn : subject.titleZh;
  const runs = [...answer.history].reverse();

  return (
    <>
      {breadcrumb}
      <PageHeader
        title={<span data-testid="computation-title">{title}</span>}
        subtitle={<Typography.Text type="secondary" style={{ fontFamily: 'monospace' }}>{subject.code}</Typography.Text>}
        extra={
          runs.length > 1 && (
            <Select
              value={run.id}
              onChange={(runId: string) => setParams({ run: runId })}
              style={{ minWidth: 260 }}
              data-testid="subject-run-select"
              aria-label={t('evaluation.run.choose')}
              options={runs.map((item) => ({ value: item.runId, label: `${chinaDate(item.asOf)} · ${t('evaluation.run.version', { version: item.ruleVersion })}` }))}
            />
          )
        }
      />
      <Flex vertical gap={16}>
        <Alert
          type="info"
          showIcon
          data-testid="computation-basis"
          title={t('evaluation.computation.basisLine', { version: run.ruleVersion, asOf: chinaDate(run.asOf) })}
          description={
            answer.inputs.usageThrough
              ? t('evaluation.computation.usageThrough', { month: answer.inputs.usageThrough })
              : t('evaluation.computation.usageNone')
          }
        />
        <Card size="small">
          <Row gutter={16}>
            <Col span={6}>
              <Statistic title={t('evaluation.score.total')} value={formatScore(answer.score.total)} data-testid="subject-total" />
            </Col>
            <Col span={6}>
              <Statistic title={t('evaluation.score.completion')} value={formatScore(answer.score.completion)} />
            </Col>
            <Col span={6}>
              <Statistic title={t('evaluation.score.sharing')} value={formatScore(answer.score.sharing)} />
            </Col>
            <Col span={6}>
              <Statistic title={t('evaluation.ranking.rank')} value={answer.score.rank ?? '—'} suffix={`/ ${answer.score.of}`} data-testid="subject-rank" />
            </Col>
          </Row>
        </Card>
        <Card size="small" title={t('evaluation.computation.title')}>
          <ComputationTable answer={answer} />
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 12 }}>
            {t('evaluation.computation.footnote')}
          </Typography.Paragraph>
        </Card>
        <PlanLinesCard answer={answer} />
        <Card size="small" title={t('evaluation.history.title')}>
          <Suspense fallback={<div style={{ height: 240 }} />}>
            <div data-testid="score-history">
              <HistoryChart history={answer.history} labels={labels} />
            </div>
          </Suspense>
        </Card>
      </Flex>
    </>
  );
}
