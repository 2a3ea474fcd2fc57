import { useEffect } from 'react';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useRefreshScores } from './evaluation-api';
import type { Run } from './evaluation-types';

/** What became of the run a change of rules queued: waiting, running, done (with a link to the rankings) or failed. */
export function RecomputeStatus({ queued, runs }: { queued: Run; runs: Run[] }) {
  const { t } = useTranslation();
  const refreshScores = useRefreshScores();
  const run = runs.find((item) => item.id === queued.id) ?? queued;
  const done = run.status === 'done';
  useEffect(() => {
    if (done) void refreshScores();
  }, [done, refreshScores]);

  if (done) {
    return (
      <Alert
        type="success"
        showIcon
        data-testid="rules-recomputed"
        title={t('evaluation.rules.recomputed', { version: run.ruleVersion })}
        description={
          <>
            {t('evaluation.rules.recomputedSubjects', { subjects: run.subjects })}{' '}
            <Link to={`/evaluation?run=${run.id}`} data-testid="rules-recomputed-link">
              {t('evaluation.rules.viewRankings')}
            </Link>
          </>
        }
      />
    );
  }
  if (run.status === 'failed') {
    return <Alert type="error" showIcon data-testid="rules-recompute-failed" title={t('evaluation.rules.recomputeFailed', { version: run.ruleVersion })} description={run.error ?? undefined} />;
  }
  return (
    <Alert
      type="info"
      showIcon
      data-testid="rules-recomputing"
      title={t('evaluation.rules.recomputing', { version: run.ruleVersion, status: t(`evaluation.runStatus.${run.status}`) })}
    />
  );
}
