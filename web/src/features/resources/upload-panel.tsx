import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Flex, Progress, Space, Tag, Tooltip, Typography, theme } from 'antd';
import { CloseOutlined, FolderOpenOutlined, ReloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { PreviousUpload } from 'tus-js-client';
import { aggregateUploads, formatBytes, uploadPercent, type UploadItem } from './upload-progress';
import { rememberedUploads, type UploadsApi } from './use-uploads';

/** One upload: name, bar, bytes, and where it resumed from after a reload. */
function UploadRow({ item, onCancel, onRetry }: { item: UploadItem; onCancel: () => void; onRetry: () => void }) {
  const { t } = useTranslation();
  const percent = uploadPercent(item);
  const status = item.status === 'error' ? 'exception' : item.status === 'done' ? 'success' : item.status === 'cancelled' ? 'normal' : 'active';
  return (
    <div data-testid="upload-row" data-path={item.relativePath} data-status={item.status} data-percent={percent}>
      <Flex justify="space-between" align="center" gap={8}>
        <Typography.Text ellipsis style={{ maxWidth: '60%' }} title={item.relativePath}>
          {item.relativePath}
        </Typography.Text>
        <Space size={4}>
          {item.resumedFrom !== null && (
            <Tag color="blue" data-testid="upload-resumed" style={{ marginInlineEnd: 0 }}>
              {t('resources.upload.resumedAt', { percent: item.size > 0 ? Math.floor((item.resumedFrom / item.size) * 100) : 0 })}
            </Tag>
          )}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatBytes(Math.min(item.sent, item.size))} / {formatBytes(item.size)}
          </Typography.Text>
          {item.status === 'error' && (
            <Tooltip title={t('resources.upload.retry')}>
              <Button size="small" type="text" icon={<ReloadOutlined />} onClick={onRetry} aria-label={t('resources.upload.retry')} />
            </Tooltip>
          )}
          {(item.status === 'uploading' || item.status === 'queued') && (
            <Tooltip title={t('resources.upload.cancel')}>
              <Button size="small" type="text" icon={<CloseOutlined />} onClick={onCancel} aria-label={t('resources.upload.cancel')} />
            </Tooltip>
          )}
        </Space>
      </Flex>
      <Progress percent={percent} size="small" status={status} showInfo={item.status !== 'cancelled'} />
      {item.error && <Typography.Text type="danger" style={{ fontSize: 12 }}>{item.error}</Typography.Text>}
      {item.status === 'cancelled' && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('resources.upload.cancelled')}</Typography.Text>}
    </div>
  );
}

/** Choosing files or a whole folder, the progress of each upload and of all together, and uploads a reload interrupted. */
export function UploadPanel({ resourceId, uploads }: { resourceId: string; uploads: UploadsApi }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const [remembered, setRemembered] = useState<PreviousUpload[]>([]);
  const totals = aggregateUploads(uploads.items);
  const doneCount = totals.done;

  // What this browser still remembers, minus what is on screen now; refreshed as uploads finish.
  useEffect(() => {
    let live = true;
    void rememberedUploads(resourceId).then((found) => live && setRemembered(found));
    return () => {
      live = false;
    };
  }, [resourceId, doneCount]);
  const onScreen = new Set(uploads.items.map((item) => item.relativePath));
  const interrupted = remembered.filter((upload) => !onScreen.has(upload.metadata.relativePath ?? ''));

  const choose = (input: HTMLInputElement | null) => {
    const files = Array.from(input?.files ?? []);
    if (input) input.value = '';
    if (files.length > 0) uploads.add(files);
  };

  return (
    <Flex vertical gap={12} data-testid="upload-panel">
      <Flex gap={8} wrap>
        <Button type="primary" icon={<UploadOutlined />} onClick={() => fileInput.current?.click()}>
          {t('resources.upload.chooseFiles')}
        </Button>
        <Button icon={<FolderOpenOutlined />} onClick={() => folderInput.current?.click()}>
          {t('resources.upload.chooseFolder')}
        </Button>
        <input ref={fileInput} type="file" multiple hidden data-testid="file-input" onChange={(event) => choose(event.currentTarget)} />
        <input
          ref={folderInput}
          type="file"
          multiple
          hidden
          data-testid="folder-input"
          onChange={(event) => choose(event.currentTarget)}
          {...{ webkitdirectory: '', directory: '' }}
        />
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('resources.upload.hint')}</Typography.Text>
      {interrupted.length > 0 && (
        <Alert
          type="info"
          showIcon
          data-testid="upload-interrupted"
          title={t('resources.upload.interrupted', { count: interrupted.length })}
          description={interrupted.map((upload) => `${upload.metadata.relativePath ?? upload.metadata.filename} (${formatBytes(upload.size ?? 0)})`).join('；')}
        />
      )}
      {uploads.items.length > 0 && (
        <div style={{ border: `1px solid ${token.colorBorderSecondary}`, borderRadius: token.borderRadiusLG, padding: 12 }} data-testid="upload-totals" data-percent={totals.percent}>
          <Flex justify="space-between" align="center" gap={8}>
            <Typography.Text strong>
              {t('resources.upload.total', { done: totals.done, files: totals.files, sent: formatBytes(totals.sentBytes), total: formatBytes(totals.totalBytes) })}
            </Typography.Text>
            {totals.active === 0 && (
              <Button size="small" type="link" onClick={uploads.clearFinished}>
                {t('resources.upload.clear')}
              </Button>
            )}
          </Flex>
          <Progress percent={totals.percent} status={totals.failed > 0 ? 'exception' : totals.active > 0 ? 'active' : 'success'} data-testid="upload-total" />
          <Flex vertical gap={8} style={{ marginTop: 8, maxHeight: 360, overflowY: 'auto' }}>
            {uploads.items.map((item) => (
              <UploadRow key={item.key} item={item} onCancel={() => uploads.cancel(item.key)} onRetry={() => uploads.retry(item.key)} />
            ))}
          </Flex>
        </div>
      )}
    </Flex>
  );
}
