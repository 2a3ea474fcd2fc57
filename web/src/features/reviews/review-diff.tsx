import { Empty, Flex, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ArrowRightOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../resources/upload-progress';
import { localLabel } from '../standards/standard-types';
import type { FileVersion, ReviewDiff } from './review-types';

type FieldChange = ReviewDiff['fields'][number];
type FileChange = ReviewDiff['files'][number];

const FILE_CHANGE_COLORS: Record<FileChange['change'], string> = { added: 'success', removed: 'error', changed: 'warning' };

/** A metadata value as one line of text: lists joined, compound values as compact JSON. */
export function formatValue(value: unknown, t: TFunction): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return t(value ? 'reviews.diff.yes' : 'reviews.diff.no');
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (Array.isArray(value) && value.every((item) => typeof item === 'string' || typeof item === 'number')) {
    return value.length > 0 ? value.join(t('common.listSeparator')) : '—';
  }
  return JSON.stringify(value);
}

function FileSide({ file }: { file: FileVersion | null }) {
  if (!file) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Typography.Text style={{ fontFamily: 'monospace', fontSize: 12 }}>
      <Typography.Text copyable={{ text: file.sha256 }} style={{ fontFamily: 'monospace', fontSize: 12 }}>{file.sha256.slice(0, 12)}…</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}> · {formatBytes(file.size)}</Typography.Text>
    </Typography.Text>
  );
}

/** What changed since the previous round: fields (the standard's labels, before → after) and files (added, removed, new checksum). */
export function ReviewDiffView({ diff }: { diff: ReviewDiff }) {
  const { t, i18n } = useTranslation();
  if (diff.baseRound === null) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reviews.diff.firstRound')} />;
  if (diff.fields.length === 0 && diff.files.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reviews.diff.none')} />;

  const fieldColumns: TableColumnsType<FieldChange> = [
    { title: t('reviews.diff.field'), key: 'label', width: 160, render: (_, item) => localLabel(item.label, i18n.language) },
    {
      title: t('reviews.diff.change'),
      key: 'change',
      render: (_, item) => (
        <Flex gap={8} align="center" wrap data-testid={`diff-field-${item.field}`}>
          <Typography.Text delete type="secondary" style={{ whiteSpace: 'pre-wrap' }}>{formatValue(item.before, t)}</Typography.Text>
          <ArrowRightOutlined style={{ fontSize: 11, color: '#94a3b8' }} />
          <Typography.Text strong style={{ whiteSpace: 'pre-wrap' }}>{formatValue(item.after, t)}</Typography.Text>
        </Flex>
      ),
    },
  ];
  const fileColumns: TableColumnsType<FileChange> = [
    { title: t('reviews.diff.file'), dataIndex: 'path', render: (path: string) => <Typography.Text style={{ wordBreak: 'break-all' }}>{path}</Typography.Text> },
    {
      title: t('reviews.diff.change'),
      dataIndex: 'change',
      width: 110,
      render: (change: FileChange['change'], item) => <Tag color={FILE_CHANGE_COLORS[change]} data-testid={`diff-file-${item.path}`}>{t(`reviews.diff.files.${change}`)}</Tag>,
    },
    { title: t('reviews.diff.before'), key: 'before', width: 200, render: (_, item) => <FileSide file={item.before} /> },
    { title: t('reviews.diff.after'), key: 'after', width: 200, render: (_, item) => <FileSide file={item.after} /> },
  ];

  return (
    <Flex vertical gap={16} data-testid="review-diff">
      {diff.fields.length > 0 && <Table<FieldChange> rowKey="field" size="small" columns={fieldColumns} dataSource={diff.fields} pagination={false} />}
      {diff.files.length > 0 && <Table<FileChange> rowKey="path" size="small" columns={fileColumns} dataSource={diff.files} pagination={false} scroll={{ x: 640 }} />}
    </Flex>
  );
}
