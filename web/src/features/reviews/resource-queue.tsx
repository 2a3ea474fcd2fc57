import { useState, type HTMLAttributes } from 'react';
import { Alert, App, Button, Card, Flex, Form, Input, Modal, Segmented, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { CheckOutlined, CloseCircleOutlined, RollbackOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../components/format';
import { useSession } from '../auth/session';
import { OverdueTag } from '../plans/plan-status-tag';
import { daysUntil, formatDay } from '../registry/dates';
import { localLabel } from '../standards/standard-types';
import { resourceReviewTiers, seesExpertProgress } from './review-access';
import type { BulkResult, Decision, QueueItem, QueueTier } from './review-types';
import { useBulkDecision, useResourceQueue } from './reviews-api';

/** Tiers where one decision may be applied to many resources at once. */
const BULK_TIERS: readonly QueueTier[] = ['unit', 'platform'];

/** The expert's own state on an assignment: to declare, to review, or done. */
function AssignmentTag({ assignment }: { assignment: NonNullable<QueueItem['assignment']> }) {
  const { t } = useTranslation();
  if (assignment.submittedAt) return <Tag color="success">{t('reviews.queue.assignment.submitted')}</Tag>;
  if (assignment.conflict === 'conflict') return <Tag>{t('reviews.queue.assignment.conflict')}</Tag>;
  return <Tag color="processing">{t(assignment.conflict === 'pending' ? 'reviews.queue.assignment.declare' : 'reviews.queue.assignment.review')}</Tag>;
}

/** What the bulk request answered, per resource: the failed ones with the server's reason. */
function BulkResults({ results, items, onClose }: { results: BulkResult[]; items: readonly QueueItem[]; onClose: () => void }) {
  const { t } = useTranslation();
  const failed = results.filter((result) => !result.ok);
  const titleOf = (id: string) => items.find((item) => item.resourceId === id)?.titleZh ?? id;
  return (
    <Alert
      type={failed.length === 0 ? 'success' : failed.length === results.length ? 'error' : 'warning'}
      showIcon
      closable={{ onClose }}
      style={{ marginBottom: 16 }}
      data-testid="bulk-results"
      title={t('reviews.bulk.summary', { ok: results.length - failed.length, failed: failed.length })}
      description={
        failed.length > 0 && (
          <Flex vertical gap={4} style={{ marginTop: 4 }}>
            {failed.map((result) => (
              <Flex key={result.resourceId} gap={8} align="baseline" wrap data-testid={`bulk-failed-${result.resourceId}`}>
                <CloseCircleOutlined style={{ color: '#cf1322' }} />
                <Link to={`/resources/${result.resourceId}?tab=review`}>{titleOf(result.resourceId)}</Link>
                <Typography.Text type="danger">{result.error?.message ?? t('reviews.bulk.failed')}</Typography.Text>
              </Flex>
            ))}
          </Flex>
        )
      }
    />
  );
}

/** Approve or return the selected resources with one comment (required to return). */
function BulkModal({ decision, onClose, onSend, sending }: { decision: Decision | null; onClose: () => void; onSend: (comment: string) => void; sending: boolean }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ comment?: string }>();
  return (
    <Modal
      open={decision !== null}
      title={decision && t(`reviews.bulk.title_${decision}`)}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={decision && t(`reviews.bulk.confirm_${decision}`)}
      okButtonProps={{ danger: decision === 'return', ...({ 'data-testid': 'bulk-confirm' } as Record<string, string>) }}
      cancelText={t('common.cancel')}
      confirmLoading={sending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={({ comment }) => onSend(comment?.trim() ?? '')}>
        <Form.Item
          name="comment"
          label={t('reviews.bulk.comment')}
          rules={decision === 'return' ? [{ required: true, whitespace: true, message: t('reviews.bulk.commentRequired') }] : []}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={5000} placeholder={t(decision === 'return' ? 'reviews.bulk.returnPlaceholder' : 'reviews.bulk.approvePlaceholder')} data-testid="bulk-comment" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Resources waiting at the user's review step: unit, platform, experts or release; bulk decisions on unit and platform. */
export function ResourceQueue({ tier, onTier }: { tier: QueueTier | undefined; onTier: (tier: QueueTier) => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const me = useSession();
  const tiers = resourceReviewTiers(me);
  const current = tier && tiers.includes(tier) ? tier : tiers[0];
  const queue = useResourceQueue(current);
  const bulk = useBulkDecision();
  const [selected, setSelected] = useState<string[]>([]);
  const [decision, setDecision] = useState<Decision | null>(null);
  const [results, setResults] = useState<BulkResult[] | null>(null);
  const items = queue.data ?? [];
  const bulkAllowed = current !== undefined && BULK_TIERS.includes(current);
  const progress = current === 'expert' && seesExpertProgress(me);

  const switchTier = (next: QueueTier) => {
    setSelected([]);
    setResults(null);
    onTier(next);
  };

  const onSend = async (comment: string) => {
    if (!decision) return;
    try {
      const answer = await bulk.mutateAsync({ resourceIds: selected, decision, ...(comment ? { comment } : {}) });
      setResults(answer);
      setSelected(answer.filter((result) => !result.ok).map((result) => result.resourceId));
      setDecision(null);
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
    }
  };

  const columns: TableColumnsType<QueueItem> = [
    {
      title: t('reviews.queue.resource'),
      key: 'title',
      render: (_, item) => (
        <Flex vertical gap={2}>
          <Link to={`/resources/${item.resourceId}?tab=review`} data-testid={`queue-resource-link-${item.resourceId}`}>{item.titleZh || t('resources.untitled')}</Link>
          {item.versionNo > 1 && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('reviews.versions.n', { n: item.versionNo })}</Typography.Text>}
        </Flex>
      ),
    },
    { title: t('reviews.queue.type'), key: 'type', width: 120, render: (_, item) => <Tag color="blue">{localLabel(item.typeLabel, i18n.language)}</Tag> },
    {
      title: t('reviews.queue.subject'),
      dataIndex: 'subjectCode',
      width: 150,
      render: (code: string, item) => (
        <Tooltip title={item.subjectTitle}>
          <Link to={`/subjects/${item.subjectId}/resources`} style={{ fontFamily: 'monospace', fontSize: 12 }}>{code}</Link>
        </Tooltip>
      ),
    },
    { title: t('reviews.queue.unit'), dataIndex: 'leadUnitName', width: 150, ellipsis: true, responsive: ['lg'] },
    { title: t('reviews.queue.round'), dataIndex: 'round', width: 80, render: (round: number) => t('reviews.roundN', { n: round }) },
    { title: t('reviews.queue.since'), dataIndex: 'enteredAt', width: 150, responsive: ['xl'], render: (value: string) => formatDateTime(value, i18n.language) },
    {
      title: t('reviews.queue.due'),
      dataIndex: 'dueAt',
      width: 130,
      render: (value: string | null, item) =>
        value ? (
          <Flex vertical gap={2} align="flex-start">
            <Typography.Text type={item.overdue ? 'danger' : undefined}>{formatDay(value, i18n.language)}</Typography.Text>
            {item.overdue ? <OverdueTag /> : <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('reviews.route.daysLeft', { count: Math.max(0, daysUntil(value)) })}</Typography.Text>}
          </Flex>
        ) : '—',
    },
    ...(progress
      ? [{
          title: t('reviews.queue.experts'),
          key: 'experts',
          width: 110,
          render: (_: unknown, item: QueueItem) =>
            item.experts ? (
              <Tag color={item.experts.assigned === 0 ? 'warning' : item.experts.submitted === item.experts.assigned ? 'success' : 'processing'} data-testid={`queue-experts-${item.resourceId}`}>
                {item.experts.assigned === 0 ? t('reviews.queue.noExperts') : t('reviews.queue.expertsProgress', { submitted: item.experts.submitted, assigned: item.experts.assigned })}
              </Tag>
            ) : '—',
        }]
      : []),
    ...(current === 'expert' && !progress
      ? [{ title: t('reviews.queue.myState'), key: 'assignment', width: 110, render: (_: unknown, item: QueueItem) => (item.assignment ? <AssignmentTag assignment={item.assignment} /> : '—') }]
      : []),
  ];

  return (
    <Card
      title={tiers.length === 1 && current ? t('reviews.queue.titleTier', { tier: t(`reviews.queue.tiers.${current}`) }) : t('reviews.queue.title')}
      data-testid="resource-queue"
      extra={
        tiers.length > 1 && (
          <Segmented<QueueTier>
            value={current}
            onChange={switchTier}
            options={tiers.map((value) => ({ value, label: <span data-testid={`queue-tier-${value}`}>{t(`reviews.queue.tiers.${value}`)}</span> }))}
          />
        )
      }
    >
      {results && <BulkResults results={results} items={items} onClose={() => setResults(null)} />}
      {bulkAllowed && (
        <Flex gap={8} align="center" wrap style={{ marginBottom: 12 }}>
          <Typography.Text type="secondary" data-testid="bulk-selected">{t('reviews.bulk.selected', { count: selected.length })}</Typography.Text>
          <Button icon={<CheckOutlined />} disabled={selected.length === 0} onClick={() => setDecision('approve')} data-testid="bulk-approve">{t('reviews.bulk.approve')}</Button>
          <Button danger icon={<RollbackOutlined />} disabled={selected.length === 0} onClick={() => setDecision('return')} data-testid="bulk-return">{t('reviews.bulk.return')}</Button>
        </Flex>
      )}
      <Table<QueueItem>
        rowKey="resourceId"
        size="middle"
        columns={columns}
        dataSource={items}
        loading={queue.isLoading}
        rowSelection={bulkAllowed ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)) } : undefined}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: queue.isError ? queue.error.message : t('reviews.queue.empty') }}
        onRow={(item) => ({ 'data-testid': `queue-resource-${item.resourceId}`, style: item.overdue ? { background: '#fef2f2' } : undefined }) as HTMLAttributes<HTMLElement>}
      />
      <BulkModal decision={decision} onClose={() => setDecision(null)} onSend={(comment) => void onSend(comment)} sending={bulk.isPending} />
    </Card>
  );
}
