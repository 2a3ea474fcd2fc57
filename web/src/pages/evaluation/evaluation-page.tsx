import { Button, Card, Empty, Flex, Tabs } from 'antd';
import { SettingOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { useSession } from '../../features/auth/session';
import { editsEvaluationRules } from '../../features/evaluation/evaluation-access';
import { useRuns, useScores } from '../../features/evaluation/evaluation-api';
import { LEVELS, type ScoreQuery } from '../../features/evaluation/evaluation-types';
import { RankingTable } from '../../features/evaluation/ranking-table';
import { RunPicker } from '../../features/evaluation/run-picker';
import { ScoreFilters } from '../../features/evaluation/score-filters';
import { parseScoreQuery, scoreQueryParams } from '../../features/evaluation/score-query';

/** 绩效评价: rankings of subjects and their roll-ups in the user's scope, from one run of the rules. */
export function EvaluationPage() {
  const { t } = useTranslation();
  const me = useSession();
  const navigate = useNavigate();
  const editor = editsEvaluationRules(me);
  const [params, setParams] = useSearchParams();
  const query = parseScoreQuery(params);
  const scores = useScores(query);
  const runs = useRuns();
  const change = (patch: Partial<ScoreQuery>) => setParams(scoreQueryParams({ ...query, ...patch }));
  const noRun = scores.isSuccess && scores.data.run === null;

  return (
    <>
      <PageHeader
        title={t('evaluation.title')}
        subtitle={t('evaluation.subtitle')}
        extra={
          editor && (
            <Button icon={<SettingOutlined />} onClick={() => navigate('/evaluation/rules')} data-testid="evaluation-rules-link">
              {t('evaluation.rules.title')}
            </Button>
          )
        }
      />
      <Card>
        <Flex vertical gap={16}>
          <RunPicker run={scores.data?.run ?? null} runs={runs.data?.items ?? []} onChange={(run) => change({ run, page: 1 })} />
          <ScoreFilters query={query} onChange={(patch) => change({ ...patch, page: 1 })} />
          <Tabs
            activeKey={query.level}
            onChange={(level) => change({ level: level as ScoreQuery['level'], page: 1 })}
            items={LEVELS.map((level) => ({ key: level, label: <span data-testid={`level-tab-${level}`}>{t(`evaluation.levels.${level}`)}</span> }))}
            style={{ marginBottom: -16 }}
          />
          {noRun ? (
            <Empty description={editor ? t('evaluation.run.noneEditor') : t('evaluation.run.none')} data-testid="score-no-run">
              {editor && (
                <Button type="primary" onClick={() => navigate('/evaluation/rules')}>
                  {t('evaluation.rules.title')}
                </Button>
              )}
            </Empty>
          ) : (
            <RankingTable query={query} answer={scores.data} loading={scores.isFetching} error={scores.error} onQuery={change} />
          )}
        </Flex>
      </Card>
    </>
  );
}
