import { Breadcrumb, Button, Flex, Space, Tag, Tooltip, Typography } from 'antd';
import { CheckCircleOutlined, CloudUploadOutlined, EditOutlined, ExclamationCircleOutlined, LoadingOutlined, SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../components/format';
import { PageHeader } from '../../components/page-header';
import { formatDay } from '../registry/dates';
import { useSubject } from '../registry/registry-api';
import { localLabel } from '../standards/standard-types';
import { ResourceStatusTag } from './resource-status-tag';
import type { PlanLineRef, ResourceDetail } from './resource-types';
import type { ResourceDraft } from './use-resource-draft';

/** 已保存 / 保存中… / 有未保存的修改 / 保存失败 */
export function SaveIndicator({ draft }: { draft: ResourceDraft }) {
  const { t, i18n } = useTranslation();
  const time = draft.lastSavedAt ? formatDateTime(draft.lastSavedAt, i18n.language, 'time') : null;
  const view = {
    saved: { icon: <CheckCircleOutlined style={{ color: '#16a34a' }} />, text: time ? t('resources.save.savedAt', { time }) : t('resources.save.saved'), type: 'secondary' as const },
    pending: { icon: <EditOutlined />, text: t('resources.save.pending'), type: 'secondary' as const },
    saving: { icon: <LoadingOutlined />, text: t('resources.save.saving'), type: 'secondary' as const },
    error: { icon: <ExclamationCircleOutlined />, text: t('resources.save.failed'), type: 'danger' as const },
  }[draft.saveState];
  return (
    <Tooltip title={draft.saveState === 'error' ? draft.saveError : undefined}>
      <Typography.Text type={view.type} data-testid="save-state" data-state={draft.saveState}>
        <Space size={4}>
          {view.icon}
          {view.text}
        </Space>
      </Typography.Text>
    </Tooltip>
  );
}

/** "计入计划第 1 行（科学数据 第 1/4 项，2026-03-31 前）" */
export function PlanLineTag({ line }: { line: PlanLineRef | null }) {
  const { t, i18n } = useTranslation();
  if (!line) return <Tag data-testid="plan-line">{t('resources.planLine.none')}</Tag>;
  return (
    <Tooltip title={t('resources.planLine.detail', { ordinal: line.ordinal, planned: line.plannedCount, date: formatDay(line.dueDate, i18n.language) })}>
      <Tag color={line.ordinal > line.plannedCount ? 'warning' : 'geekblue'} data-testid="plan-line">
        {t('resources.planLine.counts', { n: line.position })}
      </Tag>
    </Tooltip>
  );
}

/** Saving state, what is left to fix, and "提交审核" (at the top of the page and in the bar under the form). */
export function DraftActions({ draft, onSubmit, testId = 'resource-submit' }: { draft: ResourceDraft; onSubmit: () => void; testId?: string }) {
  const { t } = useTranslation();
  const { missing, invalid } = draft.problems;
  return (
    <Flex align="center" gap={16} wrap>
      <SaveIndicator draft={draft} />
      <Typography.Text type={missing + invalid > 0 ? 'warning' : 'success'} data-testid="completeness">
        {missing + invalid > 0 ? t('resources.editor.toFix', { missing, invalid }) : t('resources.editor.complete')}
      </Typography.Text>
      <Button type="primary" icon={draft.submitting ? <CloudUploadOutlined /> : <SendOutlined />} loading={draft.submitting} onClick={onSubmit} data-testid={testId}>
        {t('resources.editor.submit')}
      </Button>
    </Flex>
  );
}

/** Where the resource sits (subject › resource), its title and status, what it counts towards, saving, and submission. */
export function ResourceHeader({ resource, draft, onSubmit }: { resource: ResourceDetail; draft: ResourceDraft; onSubmit: () => void }) {
  const { t, i18n } = useTranslation();
  const subject = useSubject(resource.subjectId);
  const title = typeof draft.value.titleZh === 'string' && draft.value.titleZh.trim() ? draft.value.titleZh : t('resources.untitled');
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          { title: <Link to="/subjects">{t('nav.subjects')}</Link> },
          { title: <Link to={`/subjects/${resource.subjectId}/resources`}>{subject.data?.code ?? '…'}</Link> },
          { title: t('resources.breadcrumb') },
        ]}
      />
      <PageHeader
        title={
          <Flex align="center" gap={10} wrap>
            <span data-testid="resource-title">{title}</span>
            <ResourceStatusTag status={resource.status} />
          </Flex>
        }
        subtitle={
          <Flex align="center" gap={8} wrap component="span">
            <Tag color="blue" style={{ marginInlineEnd: 0 }}>{localLabel(resource.typeLabel, i18n.language)}</Tag>
            <Typography.Text type="secondary">{t('resources.standardVersion', { version: resource.standardVersion })}</Typography.Text>
            <PlanLineTag line={resource.planLine} />
            {subject.data && <Typography.Text type="secondary">{i18n.language === 'en' && subject.data.titleEn ? subject.data.titleEn : subject.data.titleZh}</Typography.Text>}
          </Flex>
        }
        extra={resource.editable && <DraftActions draft={draft} onSubmit={onSubmit} />}
      />
    </>
  );
}
