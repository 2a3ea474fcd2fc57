import { useState } from 'react';
import { App, Button, Descriptions, Flex, Select, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { UserAddOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format';
import { localLabel } from '../standards/standard-types';
import { sharingModeLabel } from './review-labels';
import type { ConflictState, DecisionRule, ExpertAssignment, ExpertSummary, ReviewDetail } from './review-types';
import { useAssignExperts, useExpertCandidates } from './reviews-api';

const CONFLICT_COLORS: Record<ConflictState, string> = { pending: 'default', none: 'success', conflict: 'warning', blocked: 'error' };
const OUTCOME_COLORS: Record<ExpertSummary['outcome'], string> = { pending: 'processing', pass: 'success', fail: 'error' };

/** "全部专家建议通过 且 平均分不低于 3.5" */
export function ruleText(rule: DecisionRule, t: TFunction): string {
  const parts = [
    ...(rule.requireAllApprove ? [t('reviews.experts.ruleAll')] : []),
    ...(rule.minMean !== null ? [t('reviews.experts.ruleMean', { min: rule.minMean })] : []),
  ];
  return parts.join(t('reviews.experts.ruleAnd'));
}

const score = (value: number | null | undefined) => (value === null || value === undefined ? '—' : value.toFixed(value % 1 === 0 ? 0 : 2));

/** Experts active in the review now: assigned this round and neither blocked nor withdrawn for a conflict. */
const isActive = (expert: ExpertAssignment, round: number) => expert.round === round && (expert.conflict === 'pending' || expert.conflict === 'none');

/** The platform admin's picker: experts of the platform; those from the subject's units are blocked, with the reason. */
export function AssignExperts({ resourceId, review }: { resourceId: string; review: ReviewDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [picked, setPicked] = useState<string[]>([]);
  const candidates = useExpertCandidates(resourceId, true);
  const assign = useAssignExperts(resourceId);
  const assigned = new Set(review.experts.filter((expert) => isActive(expert, review.round)).map((expert) => expert.expertId));

  const onAssign = async () => {
    try {
      await assign.mutateAsync(picked);
      setPicked([]);
      message.success(t('reviews.experts.assigned', { count: picked.length }));
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <Flex gap={8} align="flex-start" wrap data-testid="experts-assign">
      <Select<string[]>
        mode="multiple"
        value={picked}
        onChange={setPicked}
        loading={candidates.isLoading}
        showSearch={{ optionFilterProp: 'title' }}
        placeholder={t('reviews.experts.pick')}
        style={{ flex: 1, minWidth: 280 }}
        notFoundContent={candidates.isError ? candidates.error.message : undefined}
        options={(candidates.data ?? []).map((candidate) => {
          const already = Boolean(candidate.assigned) || assigned.has(candidate.userId);
          const reason = candidate.blocked ? (candidate.reason ?? t('reviews.experts.blocked')) : already ? t('reviews.experts.alreadyAssigned') : null;
          return {
            value: candidate.userId,
            title: `${candidate.displayName} ${candidate.orgName ?? ''}`,
            disabled: candidate.blocked || already,
            label: (
              <span data-testid={`expert-candidate-${candidate.userId}`}>
                {candidate.displayName}
                {candidate.orgName && <Typography.Text type="secondary"> · {candidate.orgName}</Typography.Text>}
                {reason && <Typography.Text type={candidate.blocked ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>{t('reviews.experts.reason', { reason })}</Typography.Text>}
              </span>
            ),
          };
        })}
        data-testid="experts-candidates"
      />
      <Button type="primary" icon={<UserAddOutlined />} disabled={picked.length === 0} loading={assign.isPending} onClick={() => void onAssign()} data-testid="experts-assign-submit">
        {t('reviews.experts.assign')}
      </Button>
    </Flex>
  );
}

/** Every expert's scores, recommendation, sharing mode and embargo; the means and what the platform's rule concludes. */
export function ExpertSummaryView({ review }: { review: ReviewDetail }) {
  const { t, i18n } = useTranslation();
  const summary = review.expertSummary;
  const rubric = summary?.rubric ?? [];

  const columns: TableColumnsType<ExpertAssignment> = [
    {
      title: t('reviews.experts.expert'),
      key: 'expert',
      fixed: 'left',
      width: 150,
      render: (_, expert) => (
        <Flex vertical gap={2} align="flex-start">
          <Typography.Text>{expert.expertName}</Typography.Text>
          <Tooltip title={expert.conflictNote}>
            <Tag color={CONFLICT_COLORS[expert.conflict]} style={{ marginInlineEnd: 0 }}>{t(`reviews.experts.conflict.${expert.conflict}`)}</Tag>
          </Tooltip>
        </Flex>
      ),
    },
    ...rubric.map((criterion) => ({
      title: localLabel(criterion.label, i18n.language),
      key: criterion.key,
      width: 90,
      align: 'center' as const,
      render: (_: unknown, expert: ExpertAssignment) => {
        const given = expert.scores?.find((s) => s.criterion === criterion.key);
        return given ? <Tooltip title={given.comment}><span data-testid={`expert-score-${expert.assignmentId}-${criterion.key}`}>{given.score}</span></Tooltip> : '—';
      },
    })),
    {
      title: t('reviews.experts.recommendation'),
      key: 'recommendation',
      width: 100,
      render: (_, expert) =>
        expert.recommendation ? <Tag color={expert.recommendation === 'approve' ? 'success' : 'error'}>{t(`reviews.experts.recommend.${expert.recommendation}`)}</Tag> : '—',
    },
    { title: t('reviews.release.sharingMode'), key: 'sharingMode', width: 100, render: (_, expert) => sharingModeLabel(expert.sharingMode, t) },
    {
      title: t('reviews.experts.embargo'),
      key: 'embargo',
      width: 90,
      render: (_, expert) => (expert.embargoMonths === null ? '—' : t('reviews.experts.months', { count: expert.embargoMonths })),
    },
    {
      title: t('reviews.experts.comment'),
      key: 'comment',
      width: 220,
      render: (_, expert) => (
        <Flex vertical gap={2}>
          {expert.comment ? <Typography.Paragraph ellipsis={{ rows: 3, tooltip: expert.comment }} style={{ margin: 0 }}>{expert.comment}</Typography.Paragraph> : '—'}
          {expert.submittedAt && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatDateTime(expert.submittedAt, i18n.language)}</Typography.Text>}
        </Flex>
      ),
    },
  ];

  return (
    <Flex vertical gap={12} data-testid="expert-summary">
      <Table<ExpertAssignment>
        rowKey="assignmentId"
        size="small"
        columns={columns}
        dataSource={review.experts}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('reviews.experts.none') }}
      />
      {summary && (
        <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
          <Descriptions.Item label={t('reviews.experts.progress')}>
            {t('reviews.experts.progressText', { submitted: summary.submitted, active: summary.active, approvals: summary.approvals })}
          </Descriptions.Item>
          <Descriptions.Item label={t('reviews.experts.outcomeLabel')}>
            <Tag color={OUTCOME_COLORS[summary.outcome]} data-testid="expert-outcome">{t(`reviews.experts.outcome.${summary.outcome}`)}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('reviews.experts.means')} span="filled">
            <Flex gap={12} wrap data-testid="expert-means">
              {rubric.map((criterion) => (
                <span key={criterion.key}>
                  <Typography.Text type="secondary">{t('reviews.labelled', { label: localLabel(criterion.label, i18n.language) })}</Typography.Text>
                  {score(summary.means[criterion.key])}
                </span>
              ))}
              <Typography.Text strong>{t('reviews.experts.overall', { mean: score(summary.mean) })}</Typography.Text>
            </Flex>
          </Descriptions.Item>
          <Descriptions.Item label={t('reviews.experts.rule')} span="filled">{ruleText(summary.rule, t)}</Descriptions.Item>
        </Descriptions>
      )}
    </Flex>
  );
}
