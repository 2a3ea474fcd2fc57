import { Badge, Button, Table, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { CommentOutlined, MessageOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../registry/dates';
import { typeLabel } from './plan-lines';
import type { PlanLine, ResourceTypeOption } from './plan-types';

export interface PlanLinesTableProps {
  lines: readonly PlanLine[];
  types: readonly ResourceTypeOption[];
  /** Open comment threads per line position. */
  commentCounts?: ReadonlyMap<number, number>;
  onOpenThread?: (position: number) => void;
  /** While reviewing: pins a new comment to the line. */
  onCommentLine?: (position: number) => void;
  'data-testid'?: string;
}

/** The lines of a plan version, read-only. */
export function PlanLinesTable({ lines, types, commentCounts, onOpenThread, onCommentLine, ...rest }: PlanLinesTableProps) {
  const { t, i18n } = useTranslation();
  const columns: TableColumnsType<PlanLine> = [
    { title: '#', dataIndex: 'position', width: 48, render: (value: number) => <Typography.Text type="secondary">{value}</Typography.Text> },
    { title: t('plans.fields.resourceType'), dataIndex: 'resourceType', width: 180, render: (value: string) => typeLabel(types, value, i18n.language) },
    { title: t('plans.fields.plannedCount'), dataIndex: 'plannedCount', width: 130, align: 'right', render: (value: number) => value.toLocaleString() },
    { title: t('plans.fields.dueDate'), dataIndex: 'dueDate', width: 150, render: (value: string) => formatDay(value, i18n.language) },
    { title: t('plans.fields.sharingMode'), dataIndex: 'sharingMode', width: 150, render: (value: string) => t(`plans.sharingModes.${value}`) },
    { title: t('plans.fields.notes'), dataIndex: 'notes', ellipsis: true, render: (value: string | null) => value ?? <Typography.Text type="secondary">—</Typography.Text> },
  ];
  if (commentCounts || onCommentLine) {
    columns.push({
      key: 'comments',
      width: onCommentLine ? 150 : 64,
      align: 'right',
      render: (_, line) => {
        const threads = commentCounts?.get(line.position) ?? 0;
        return (
          <>
            {threads > 0 && (
              <Tooltip title={t('plans.comments.lineThreads', { count: threads })}>
                <Button type="text" size="small" onClick={() => onOpenThread?.(line.position)} aria-label={t('plans.comments.lineThreads', { count: threads })}>
                  <Badge count={threads} size="small" color="orange" offset={[4, -2]}>
                    <MessageOutlined style={{ color: '#d97706' }} />
                  </Badge>
                </Button>
              </Tooltip>
            )}
            {onCommentLine && (
              <Button type="link" size="small" icon={<CommentOutlined />} onClick={() => onCommentLine(line.position)} data-testid={`line-comment-${line.position}`}>
                {t('plans.review.commentLine')}
              </Button>
            )}
          </>
        );
      },
    });
  }
  return (
    <Table<PlanLine>
      data-testid={rest['data-testid']}
      rowKey="position"
      size="middle"
      columns={columns}
      dataSource={[...lines]}
      pagination={false}
      scroll={{ x: 860 }}
    />
  );
}
