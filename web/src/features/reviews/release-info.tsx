import { useState } from 'react';
import { Alert, App, Button, Descriptions, Flex, Form, Input, Modal, Tag, Typography } from 'antd';
import { BranchesOutlined, LinkOutlined, StopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatDateTime } from '../../components/format';
import { applyFieldErrors } from '../../components/form-errors';
import { formatDay } from '../registry/dates';
import type { ResourceDetail } from '../resources/resource-types';
import { licenceLabel, sharingModeLabel } from './review-labels';
import type { ResourceRelease } from './review-types';
import { useCreateVersion, useWithdraw } from './reviews-api';

/** A withdrawn resource: only its description and the reason remain (the files are gone). */
export function Tombstone({ release, status }: { release: ResourceRelease | null; status: string }) {
  const { t, i18n } = useTranslation();
  if (status !== 'withdrawn') return null;
  return (
    <Alert
      type="error"
      showIcon
      icon={<StopOutlined />}
      data-testid="tombstone"
      title={release?.withdrawnAt ? t('reviews.withdraw.tombstoneAt', { date: formatDateTime(release.withdrawnAt, i18n.language) }) : t('reviews.withdraw.tombstone')}
      description={
        <Flex vertical gap={4}>
          {release?.withdrawalReason && <Typography.Text data-testid="tombstone-reason">{t('reviews.withdraw.reasonText', { reason: release.withdrawalReason })}</Typography.Text>}
          <Typography.Text type="secondary">{t('reviews.withdraw.tombstoneHint')}</Typography.Text>
        </Flex>
      }
    />
  );
}

const SETTLED = ['released', 'superseded', 'withdrawn'];

/** Released, superseded and withdrawn resources carry their own notice instead of "locked for review". */
export function isSettled(status: string): boolean {
  return SETTLED.includes(status);
}

/** Above every tab: a released resource is final (changes go into a new version), a superseded one points to the newest, a withdrawn one is a tombstone. */
export function SettledNotice({ resource }: { resource: Pick<ResourceDetail, 'status' | 'release' | 'versions'> }) {
  const { t, i18n } = useTranslation();
  if (resource.status === 'withdrawn') return <Tombstone release={resource.release} status={resource.status} />;
  if (resource.status === 'released' && resource.release) {
    return (
      <Alert
        type="success"
        showIcon
        data-testid="released-notice"
        title={t('reviews.release.notice', { date: formatDateTime(resource.release.releasedAt, i18n.language), cstr: resource.release.cstr })}
        description={t('reviews.release.noticeHint')}
      />
    );
  }
  if (resource.status === 'superseded') {
    const newest = [...resource.versions].sort((a, b) => b.versionNo - a.versionNo)[0];
    return (
      <Alert
        type="warning"
        showIcon
        data-testid="superseded-notice"
        title={t('reviews.versions.superseded')}
        description={newest && <Link to={`/resources/${newest.id}?tab=review`}>{t('reviews.versions.goNewest', { n: newest.versionNo })}</Link>}
      />
    );
  }
  return null;
}

/** The citable record of a release: CSTR with its resolver link, sharing mode, embargo, licence. */
export function ReleaseInfo({ release }: { release: ResourceRelease }) {
  const { t, i18n } = useTranslation();
  return (
    <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered data-testid="release-info">
      <Descriptions.Item label="CSTR" span="filled">
        <Flex gap={8} align="center" wrap>
          <Typography.Text copyable strong style={{ fontFamily: 'monospace' }} data-testid="release-cstr">{release.cstr}</Typography.Text>
          <a href={release.cstrUrl} target="_blank" rel="noreferrer" data-testid="release-cstr-link"><LinkOutlined /> {t('reviews.release.resolve')}</a>
        </Flex>
      </Descriptions.Item>
      <Descriptions.Item label={t('reviews.release.sharingMode')}><span data-testid="release-sharing">{sharingModeLabel(release.sharingMode, t)}</span></Descriptions.Item>
      <Descriptions.Item label={t('reviews.release.licence')}><span data-testid="release-licence-text">{licenceLabel(release.licence, t)}</span></Descriptions.Item>
      {release.embargoEnd && <Descriptions.Item label={t('reviews.release.embargoEnd')}>{formatDay(release.embargoEnd, i18n.language)}</Descriptions.Item>}
      <Descriptions.Item label={t('reviews.release.releasedAt')}>{formatDateTime(release.releasedAt, i18n.language)}</Descriptions.Item>
    </Descriptions>
  );
}

/** Withdrawal by the platform, with a reason the tombstone keeps. */
export function WithdrawButton({ resourceId }: { resourceId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const withdraw = useWithdraw(resourceId);

  const onFinish = async ({ reason }: { reason: string }) => {
    try {
      await withdraw.mutateAsync(reason.trim());
      message.success(t('reviews.withdraw.done'));
      setOpen(false);
    } catch (error) {
      const rest = applyFieldErrors(form, error, { fields: ['reason'] });
      if (rest) message.error(rest);
    }
  };

  return (
    <>
      <Button danger icon={<StopOutlined />} onClick={() => setOpen(true)} data-testid="withdraw-open">{t('reviews.withdraw.button')}</Button>
      <Modal
        open={open}
        title={t('reviews.withdraw.title')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText={t('reviews.withdraw.confirm')}
        okButtonProps={{ danger: true, ...({ 'data-testid': 'withdraw-confirm' } as Record<string, string>) }}
        cancelText={t('common.cancel')}
        confirmLoading={withdraw.isPending}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('reviews.withdraw.intro')}</Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={onFinish}>
          <Form.Item name="reason" label={t('reviews.withdraw.reason')} rules={[{ required: true, whitespace: true, message: t('reviews.withdraw.reasonRequired') }]}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} showCount data-testid="withdraw-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** Opens version n+1 as a draft copy and goes there. */
export function NewVersionButton({ resourceId }: { resourceId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const create = useCreateVersion(resourceId);
  const onCreate = async () => {
    try {
      const draft = await create.mutateAsync(undefined);
      message.success(t('reviews.versions.created', { n: draft.versionNo }));
      navigate(`/resources/${draft.id}`);
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <Button icon={<BranchesOutlined />} loading={create.isPending} onClick={() => void onCreate()} data-testid="new-version">
      {t('reviews.versions.new')}
    </Button>
  );
}

/** Every version of the lineage, newest first, each linking to its page. */
export function VersionList({ resource }: { resource: Pick<ResourceDetail, 'id' | 'versions'> }) {
  const { t, i18n } = useTranslation();
  const versions = [...resource.versions].sort((a, b) => b.versionNo - a.versionNo);
  return (
    <Flex vertical gap={10} data-testid="version-list">
      {versions.map((version) => (
        <Flex key={version.id} justify="space-between" align="flex-start" gap={12} data-testid={`version-${version.versionNo}`}>
          <Flex vertical gap={2} style={{ minWidth: 0 }}>
            <span>
              {version.id === resource.id ? (
                <Typography.Text strong>{t('reviews.versions.n', { n: version.versionNo })}</Typography.Text>
              ) : (
                <Link to={`/resources/${version.id}?tab=review`}>{t('reviews.versions.n', { n: version.versionNo })}</Link>
              )}
              {version.id === resource.id && <Tag style={{ marginInlineStart: 6 }}>{t('reviews.versions.current')}</Tag>}
            </span>
            {version.cstr && <Typography.Text type="secondary" style={{ fontFamily: 'monospace', fontSize: 12, wordBreak: 'break-all' }}>{version.cstr}</Typography.Text>}
          </Flex>
          <Flex vertical align="flex-end" gap={2} style={{ flexShrink: 0 }}>
            <Tag color={version.status === 'released' ? 'success' : undefined} style={{ marginInlineEnd: 0 }}>{t(`resources.status.${version.status}`, { defaultValue: version.status })}</Tag>
            {version.releasedAt && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatDay(version.releasedAt, i18n.language)}</Typography.Text>}
          </Flex>
        </Flex>
      ))}
    </Flex>
  );
}
