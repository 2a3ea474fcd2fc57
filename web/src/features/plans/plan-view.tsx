import { useState } from 'react';
import { Alert, Button, Card, Col, Empty, Flex, Form, Row, Skeleton, Tag, Typography } from 'antd';
import { DiffOutlined, EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../registry/dates';
import { AmendModal } from './amend-modal';
import { openThreadCounts, PlanComments, threadAnchor } from './plan-comments';
import { PlanDiff } from './plan-diff';
import { PlanRounds, PlanVersions } from './plan-history';
import { PlanLineEditor } from './plan-line-editor';
import { PlanLinesTable } from './plan-lines-table';
import { PlanSteps, StepDeadline } from './plan-progress';
import { PlanStatusTag } from './plan-status-tag';
import type { Plan, PlanVersion, ReviewTierName } from './plan-types';
import { usePlan } from './plans-api';
import { addLineComment, ReviewPanel, type ReviewValues } from './review-panel';

const EDITABLE = ['draft', 'returned'];

function reviewTierOf(plan: Plan): ReviewTierName | null {
  const status = plan.working?.status;
  if (status === 'unit_review' && plan.can.reviewUnit) return 'unit';
  if (status === 'platform_review' && plan.can.reviewPlatform) return 'platform';
  return null;
}

function VersionTitle({ version }: { version: PlanVersion }) {
  const { t } = useTranslation();
  return (
    <Flex align="center" gap={8} wrap>
      <span>{t('plans.versionN', { n: version.versionNo })}</span>
      {version.kind === 'amendment' && <Tag color="geekblue">{t('plans.kind.amendment')}</Tag>}
      {version.round > 0 && <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 13 }}>{t('plans.roundN', { n: version.round })}</Typography.Text>}
    </Flex>
  );
}

/** The plan page of a subject: progress, review, lines (edited while draft or returned), diff, discussion, history. */
export function PlanView({ subjectId }: { subjectId: string }) {
  const { t, i18n } = useTranslation();
  const query = usePlan(subjectId);
  const [reviewForm] = Form.useForm<ReviewValues>();
  const [amending, setAmending] = useState(false);

  if (query.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (query.isError) return <Alert type="error" showIcon title={query.error.message} />;
  const plan = query.data;
  const { working, approved } = plan;
  const version = working ?? approved;
  const editing = plan.can.edit && (!plan.planId || (working !== null && EDITABLE.includes(working.status)));
  const tier = reviewTierOf(plan);
  const counts = openThreadCounts(version?.comments ?? []);
  const openThread = (position: number) => document.getElementById(threadAnchor(position))?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  const lastReturn = working?.status === 'returned' ? [...working.decisions].reverse().find((d) => d.decision === 'return') : undefined;

  if (!version && !plan.can.edit) {
    return (
      <Card>
        <Empty description={t('plans.noPlan')} data-testid="plan-empty" />
      </Card>
    );
  }

  return (
    <Flex vertical gap={16} data-testid="plan-view">
      {plan.allowedTypes.length === 0 && <Alert type="warning" showIcon title={t('plans.noStandard')} />}
      <Card
        title={version ? <VersionTitle version={version} /> : t('plans.newPlan')}
        extra={
          <Flex gap={8} align="center">
            {version && <PlanStatusTag status={version.status} />}
            {plan.can.edit && approved && !working && (
              <Button icon={<DiffOutlined />} onClick={() => setAmending(true)} data-testid="plan-amend">
                {t('plans.amend.open')}
              </Button>
            )}
          </Flex>
        }
      >
        <Flex vertical gap={16}>
          <PlanSteps status={version?.status ?? 'draft'} />
          {version && <StepDeadline status={version.status} stepDueAt={version.stepDueAt} overdue={version.overdue} />}
          {!version && <Typography.Text type="secondary">{t('plans.newPlanIntro')}</Typography.Text>}
          {working?.kind === 'amendment' && working.amendmentReason && (
            <Alert type="info" showIcon title={t('plans.amend.reasonLabel')} description={working.amendmentReason} />
          )}
          {lastReturn && (
            <Alert
              type="warning"
              showIcon
              data-testid="plan-returned"
              title={t(`plans.returnedBy_${lastReturn.tier}`, { name: lastReturn.reviewerName ?? '—' })}
              description={lastReturn.comment ?? t('plans.returnedSeeLines')}
            />
          )}
          {version?.status === 'approved' && version.approvedAt && (
            <Alert type="success" showIcon title={t('plans.approvedOn', { date: formatDay(version.approvedAt, i18n.language) })} />
          )}
        </Flex>
      </Card>

      {working && working.diffBase && (
        <Card title={t(`plans.diff.title_${working.diffBase}`)}>
          <PlanDiff diff={working.diff} types={plan.allowedTypes} />
        </Card>
      )}

      <Card
        title={t('plans.linesTitle')}
        extra={editing ? <Tag icon={<EditOutlined />} color="blue">{t('plans.editor.editing')}</Tag> : null}
      >
        {editing ? (
          <PlanLineEditor
            key={`${working?.id ?? 'new'}-${working?.status ?? ''}-${working?.round ?? 0}`}
            subjectId={subjectId}
            plan={plan}
            version={working}
            commentCounts={counts}
            onOpenThread={openThread}
          />
        ) : (
          version && (
            <PlanLinesTable
              data-testid="plan-lines"
              lines={version.lines}
              types={plan.allowedTypes}
              commentCounts={counts}
              onOpenThread={openThread}
              onCommentLine={tier ? (position) => addLineComment(reviewForm, position) : undefined}
            />
          )
        )}
      </Card>

      {tier && working && <ReviewPanel subjectId={subjectId} version={working} tier={tier} types={plan.allowedTypes} form={reviewForm} />}

      {approved && working && (
        <Card title={t('plans.approvedInForce', { n: approved.versionNo })} data-testid="plan-approved-version">
          <Typography.Paragraph type="secondary">{t('plans.approvedInForceHint')}</Typography.Paragraph>
          <PlanLinesTable lines={approved.lines} types={plan.allowedTypes} />
        </Card>
      )}

      {version && (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <Card title={t('plans.comments.title')} style={{ height: '100%' }}>
              <PlanComments subjectId={subjectId} version={version} types={plan.allowedTypes} canComment={plan.can.comment} />
            </Card>
          </Col>
          <Col xs={24} xl={10}>
            <Flex vertical gap={16}>
              <Card title={t('plans.history.title')}>
                <PlanRounds version={version} />
              </Card>
              {plan.history.length > 1 && (
                <Card title={t('plans.history.versions')}>
                  <PlanVersions history={plan.history} />
                </Card>
              )}
            </Flex>
          </Col>
        </Row>
      )}
      <AmendModal subjectId={subjectId} open={amending} onClose={() => setAmending(false)} />
    </Flex>
  );
}
