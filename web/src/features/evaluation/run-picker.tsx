import { Flex, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Run } from './evaluation-types';
import { chinaDate } from './score-format';

/**
 * Which run the numbers come from (rule version, as-of date, subjects scored), with a choice of the
 * other finished runs. Without a choice the newest finished run applies.
 */
export function RunPicker({ run, runs, onChange }: { run: Run | null; runs: Run[]; onChange: (runId: string) => void }) {
  const { t } = useTranslation();
  const done = runs.filter((item) => item.status === 'done');
  // The run on screen is always among the options, even when it is older than the listed page.
  const options = run && !done.some((item) => item.id === run.id) ? [run, ...done] : done;
  const newest = done[0]?.id;
  return (
    <Flex align="center" gap={12} wrap data-testid="score-run">
      {run ? (
        <Typography.Text data-testid="score-run-info">
          {t('evaluation.run.basis', { version: run.ruleVersion, asOf: chinaDate(run.asOf), subjects: run.subjects })}
        </Typography.Text>
      ) : (
        <Typography.Text type="secondary">{t('evaluation.run.none')}</Typography.Text>
      )}
      {options.length > 0 && (
        <Select
          value={run?.id}
          onChange={onChange}
          style={{ minWidth: 300 }}
          popupMatchSelectWidth={false}
          data-testid="run-select"
          aria-label={t('evaluation.run.choose')}
          options={options.map((item) => ({
            value: item.id,
            label: `${chinaDate(item.asOf)} · ${t('evaluation.run.version', { version: item.ruleVersion })} · ${t(`evaluation.trigger.${item.trigger}`)}${item.id === newest ? ` ${t('evaluation.run.newest')}` : ''}`,
          }))}
        />
      )}
    </Flex>
  );
}
