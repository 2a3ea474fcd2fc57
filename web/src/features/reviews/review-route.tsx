import { Flex, Steps, Typography } from 'antd';
import { MinusCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { OverdueTag } from '../plans/plan-status-tag';
import { daysUntil, formatDay } from '../registry/dates';
import type { ReviewDetail, Tier } from './review-types';

type StepKey = Tier | 'approved' | 'released';
type StepStatus = 'wait' | 'process' | 'finish' | 'error';

const STEP_OF_STATUS: Partial<Record<string, StepKey>> = {
  unit_review: 'unit',
  platform_review: 'platform',
  expert_review: 'expert',
  approved: 'approved',
  released: 'released',
  superseded: 'released',
};

/** The step the resource is at: from its status; a returned one at the tier that returned it; a new submission at its first tier. */
function currentStep(review: ReviewDetail, tiers: StepKey[]): StepKey | null {
  const byStatus = STEP_OF_STATUS[review.status];
  if (byStatus) return byStatus;
  if (review.status === 'returned') {
    const returned = review.decisions.filter((d) => d.round === review.round && d.decision === 'return').at(-1);
    // The experts' rule returns without a reviewer's decision.
    return returned?.tier ?? review.tier ?? (review.experts.some((expert) => expert.round === review.round) ? 'expert' : null);
  }
  if (review.status === 'submitted') return tiers[0] ?? null;
  return null;
}

/** 单位审核 → 平台审核 → 专家评审 → 待发布 → 已发布: skipped tiers, the current step and its deadline. */
export function ReviewRoute({ review }: { review: ReviewDetail }) {
  const { t, i18n } = useTranslation();
  const skipped = new Set(review.route.filter((step) => step.skipped).map((step) => step.tier));
  const steps: StepKey[] = [...review.route.map((step) => step.tier), 'approved', 'released'];
  const active = steps.filter((step) => !skipped.has(step as Tier));
  const current = currentStep(review, active);
  const currentIndex = current ? steps.indexOf(current) : -1;
  const finished = review.status === 'released' || review.status === 'superseded';

  const statusOf = (index: number): StepStatus => {
    if (finished || (currentIndex >= 0 && index < currentIndex)) return 'finish';
    if (index !== currentIndex) return 'wait';
    return review.status === 'returned' ? 'error' : 'process';
  };

  const deadline = review.stepDueAt && (
    <Flex vertical gap={2} align="flex-start" data-testid="review-step-due">
      <Typography.Text type={review.overdue ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
        {t(review.status === 'returned' ? 'reviews.route.returnDue' : 'reviews.route.due', { date: formatDay(review.stepDueAt, i18n.language) })}
      </Typography.Text>
      {review.overdue ? <OverdueTag /> : (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('reviews.route.daysLeft', { count: Math.max(0, daysUntil(review.stepDueAt)) })}</Typography.Text>
      )}
    </Flex>
  );

  return (
    <Steps
      data-testid="review-route"
      size="small"
      items={steps.map((step, index) => {
        if (skipped.has(step as Tier)) {
          return {
            key: step,
            title: t(`reviews.steps.${step}`),
            status: 'wait' as const,
            icon: <MinusCircleOutlined style={{ color: '#94a3b8' }} />,
            content: <Typography.Text type="secondary" data-testid={`review-step-${step}-skipped`}>{t('reviews.route.skipped')}</Typography.Text>,
          };
        }
        const status = statusOf(index);
        return {
          key: step,
          title: <span data-testid={`review-step-${step}`} data-status={status}>{t(`reviews.steps.${step}`)}</span>,
          status,
          content: index === currentIndex && !finished ? (
            <Flex vertical gap={2}>
              <Typography.Text type={status === 'error' ? 'danger' : undefined} style={{ fontSize: 12 }}>
                {t(status === 'error' ? 'reviews.route.returnedHere' : 'reviews.route.current')}
              </Typography.Text>
              {deadline}
            </Flex>
          ) : undefined,
        };
      })}
    />
  );
}
