import { Flex, Steps, Typography } from 'antd';
import { ClockCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { daysUntil, formatDay } from '../registry/dates';
import { OverdueTag } from './plan-status-tag';
import type { VersionStatus } from './plan-types';

const STEP_OF: Record<VersionStatus, number> = { draft: 0, returned: 0, unit_review: 1, platform_review: 2, approved: 3, superseded: 3 };

/** Where a plan version stands in draft → unit review → platform review → approved; a return shows as an error on the first step. */
export function PlanSteps({ status }: { status: VersionStatus }) {
  const { t } = useTranslation();
  const current = STEP_OF[status];
  const returned = status === 'returned';
  const done = status === 'approved' || status === 'superseded';
  return (
    <Steps
      data-testid="plan-steps"
      size="small"
      current={current}
      status={returned ? 'error' : done ? 'finish' : 'process'}
      items={[
        { title: returned ? t('plans.steps.returned') : t('plans.steps.draft') },
        { title: t('plans.steps.unit') },
        { title: t('plans.steps.platform') },
        { title: t('plans.steps.approved') },
      ]}
    />
  );
}

/** The deadline of the step a version waits at (review, or the return to be fixed), with an overdue flag. */
export function StepDeadline({ status, stepDueAt, overdue }: { status: VersionStatus; stepDueAt: string | null; overdue: boolean }) {
  const { t, i18n } = useTranslation();
  if (!stepDueAt || !['unit_review', 'platform_review', 'returned'].includes(status)) return null;
  const days = daysUntil(stepDueAt);
  return (
    <Flex align="center" gap={8} wrap data-testid="step-deadline">
      <ClockCircleOutlined style={{ color: overdue ? '#dc2626' : '#64748b' }} />
      <Typography.Text type={overdue ? 'danger' : 'secondary'}>
        {t(`plans.deadline.${status}`, { date: formatDay(stepDueAt, i18n.language) })}
      </Typography.Text>
      {overdue ? (
        <>
          <OverdueTag />
          <Typography.Text type="danger">{t('plans.deadline.overdueBy', { count: Math.max(1, -days) })}</Typography.Text>
        </>
      ) : (
        <Typography.Text type="secondary">{t('plans.deadline.daysLeft', { count: Math.max(0, days) })}</Typography.Text>
      )}
    </Flex>
  );
}
