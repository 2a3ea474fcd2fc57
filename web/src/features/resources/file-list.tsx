import { App, Button, Popconfirm, Space, Table, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DeleteOutlined, DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format';
import type { ResourceFile } from './resource-types';
import { fileContentUrl, useRemoveFile } from './resources-api';
import { formatBytes } from './upload-progress';

/** The stored files of a resource: path, size, SHA-256 (copyable), download, and removal while editable. */
export function FileList({ resourceId, files, editable }: { resourceId: string; files: ResourceFile[]; editable: boolean }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const remove = useRemoveFile(resourceId);

  const onRemove = async (file: ResourceFile) => {
    try {
      await remove.mutateAsync(file.id);
      message.success(t('resources.files.removed', { name: file.path }));
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
    }
  };

  const columns: TableColumnsType<ResourceFile> = [
    {
      title: t('resources.files.path'),
      dataIndex: 'path',
      render: (path: string, file) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text data-testid="file-path">{path}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {file.mediaType} · {formatDateTime(file.createdAt, i18n.language)}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t('resources.files.size'), dataIndex: 'size', width: 100, align: 'right', render: (size: number) => formatBytes(size) },
    {
      title: 'SHA-256',
      dataIndex: 'sha256',
      width: 260,
      render: (sha: string) => (
        <Typography.Text copyable={{ text: sha }} style={{ fontFamily: 'monospace', fontSize: 12, wordBreak: 'break-all' }} data-testid="file-sha256">
          {sha}
        </Typography.Text>
      ),
    },
    {
      key: 'actions',
      width: 90,
      align: 'right',
      render: (_, file) => (
        <Space size={0}>
          <Tooltip title={t('resources.files.download')}>
            <Button type="text" size="small" icon={<DownloadOutlined />} href={fileContentUrl(resourceId, file.id)} download={file.name} aria-label={t('resources.files.download')} />
          </Tooltip>
          {editable && (
            <Popconfirm title={t('resources.files.removeConfirm', { name: file.path })} onConfirm={() => void onRemove(file)} okButtonProps={{ danger: true }}>
              <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('resources.files.remove')} />
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Table<ResourceFile>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={files}
      pagination={files.length > 20 ? { pageSize: 20 } : false}
      locale={{ emptyText: t('resources.files.empty') }}
      data-testid="file-list"
      summary={(rows) =>
        rows.length > 1 ? (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>{t('resources.files.count', { count: rows.length })}</Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">{formatBytes(rows.reduce((sum, file) => sum + file.size, 0))}</Table.Summary.Cell>
            <Table.Summary.Cell index={2} colSpan={2} />
          </Table.Summary.Row>
        ) : null
      }
    />
  );
}
