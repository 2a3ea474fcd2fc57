import { Button, Table, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../resources/upload-progress';
import { accessText } from './access-panel';
import { portalPaths } from './portal-api';
import { shortHash } from './portal-labels';
import type { PortalFile, PortalResource } from './portal-types';

/** The files of a landing page: name, path, size, SHA-256 (short, copied whole) and a download button the access rule enables. */
export function PortalFiles({ resource, files }: { resource: PortalResource; files: PortalFile[] }) {
  const { t, i18n } = useTranslation();
  const reason = accessText(resource, t, i18n.language);
  const columns: TableColumnsType<PortalFile> = [
    {
      title: t('portal.files.name'),
      dataIndex: 'name',
      render: (name: string, file) => (
        <>
          <Typography.Text strong>{name}</Typography.Text>
          {file.path !== name && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {file.path}
            </Typography.Text>
          )}
        </>
      ),
    },
    { title: t('portal.files.size'), dataIndex: 'size', width: 100, align: 'right', render: (size: number) => formatBytes(size) },
    {
      title: 'SHA-256',
      dataIndex: 'sha256',
      width: 210,
      render: (sha: string) => (
        <Tooltip title={sha}>
          <Typography.Text copyable={{ text: sha }} style={{ fontFamily: 'monospace', fontSize: 12 }} data-testid="file-sha256">
            {shortHash(sha)}
          </Typography.Text>
        </Tooltip>
      ),
    },
    {
      key: 'download',
      width: 110,
      align: 'right',
      render: (_, file) =>
        resource.access.canDownload ? (
          <Button
            type="primary"
            size="small"
            icon={<DownloadOutlined />}
            href={portalPaths.file(resource.id, file.id)}
            download={file.name}
            data-testid={`file-download-${file.id}`}
          >
            {t('portal.files.download')}
          </Button>
        ) : (
          <Tooltip title={reason}>
            <Button size="small" icon={<DownloadOutlined />} disabled data-testid={`file-download-${file.id}`} aria-label={`${t('portal.files.download')}: ${reason}`}>
              {t('portal.files.download')}
            </Button>
          </Tooltip>
        ),
    },
  ];
  const totalSize = files.reduce((sum, file) => sum + file.size, 0);
  return (
    <Table<PortalFile>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={files}
      pagination={files.length > 20 ? { pageSize: 20 } : false}
      locale={{ emptyText: t('portal.files.empty') }}
      data-testid="portal-files"
      footer={files.length > 1 ? () => t('portal.files.summary', { count: files.length, size: formatBytes(totalSize) }) : undefined}
    />
  );
}
