import { Empty, Flex, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ArrowRightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../registry/dates';
import { formatLineValue } from './plan-lines';
import type { LineChange, LineField, PlanLine, ResourceTypeOption } from './plan-types';

const CHANGE_COLORS: Record<LineChange['change'], string> = { added: 'success', removed: 'error', changed: 'warning' };
const LINE_FIELDS: LineField[] = ['resourceType', 'plannedCount', 'dueDate', 'sharingMode', 'notes'];

/** Line-by-line changes of a plan version against the previous round or the approved version. */
export function PlanDiff({ diff, types }: { diff: readonly LineChange[]; types: readonly ResourceTypeOption[] }) {
  const { t, i18n } = useTranslation();
  const value = (field: LineField, raw: unknown) =>
    field === 'dueDate' && typeof raw === 'string' ? formatDay(raw, i18n.language) : formatLineValue(field, raw, types, t, i18n.language);

  const wholeLine = (line: PlanLine, removed: boolean) => (
    <Flex gap={6} wrap>
      {LINE_FIELDS.filter((field) => line[field] !== null && line[field] !== '').map((field) => (
        <Typography.Text key={field} delete={removed} type={removed ? 'secondary' : undefined}>
          <Typography.Text type="secondary">{t('plans.labelled', { label: t(`plans.fields.${field}`) })}</Typography.Text>
          {value(field, line[field])}
        </Typography.Text>
      ))}
    </Flex>
  );

  const columns: TableColumnsType<LineChange> = [
    { title: t('plans.diff.line'), dataIndex: 'position', width: 72, render: (position: number) => t('plans.lineN', { n: position }) },
    {
      title: t('plans.diff.change'),
      dataIndex: 'change',
      width: 96,
      render: (change: LineChange['change']) => <Tag color={CHANGE_COLORS[change]}>{t(`plans.diff.${change}`)}</Tag>,
    },
    {
      title: t('plans.diff.details'),
      key: 'details',
      render: (_, item) => {
        if (item.change === 'added' && item.after) return wholeLine(item.after, false);
        if (item.change === 'removed' && item.before) return wholeLine(item.before, true);
        return (
          <Flex vertical gap={4}>
            {item.fields.map(({ field, from, to }) => (
              <span key={field} data-testid={`diff-${item.position}-${field}`}>
                <Typography.Text type="secondary">{t('plans.labelled', { label: t(`plans.fields.${field}`) })}</Typography.Text>
                <Typography.Text delete type="secondary">{value(field, from)}</Typography.Text>
                <ArrowRightOutlined style={{ margin: '0 8px', fontSize: 11, color: '#94a3b8' }} />
                <Typography.Text strong>{value(field, to)}</Typography.Text>
              </span>
            ))}
          </Flex>
        );
      },
    },
  ];

  if (diff.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('plans.diff.none')} />;
  return <Table<LineChange> data-testid="plan-diff" rowKey="position" size="small" columns={columns} dataSource={[...diff]} pagination={false} />;
}
