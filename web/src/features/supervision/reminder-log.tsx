import { useState } from 'react';
import { Card, Input, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../components/format';
import { useReminderLog } from './supervision-api';
import type { ReminderLogItem, ReminderReason } from './supervision-types';
import { serverPagination } from '../../components/server-pagination';

const REASON_COLORS: Record<ReminderReason, string> = { manual: 'blue', before_due: 'gold', after_due: 'red' };

/** Every reminder sent in the user's scope, manual and automatic, newest first (GET /api/supervision/reminders). */
export function ReminderLog() {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useState<{ subjectCode?: string; page: number; pageSize: number }>({ page: 1, pageSize: 20 });
  const log = useReminderLog(filter);

  const columns: TableColumnsType<ReminderLogItem> = [
    { title: t('supervision.log.sentAt'), dataIndex: 'createdAt', width: 160, render: (value: string) => formatDateTime(value, i18n.language) },
    {
      title: t('supervision.log.subject'),
      key: 'subject',
      render: (_, item) => (
        <span>
          <Link to={`/subjects/${encodeURIComponent(item.subjectCode)}`} style={{ fontFamily: 'monospace', marginRight: 8 }}>
            {item.subjectCode}
          </Link>
          {item.subjectTitle}
        </span>
      ),
    },
    { title: t('supervision.log.recipient'), dataIndex: 'recipientName', width: 110 },
    {
      title: t('supervision.log.reason'),
      dataIndex: 'reason',
      width: 100,
      render: (reason: ReminderReason) => <Tag color={REASON_COLORS[reason]}>{t(`supervision.log.reasons.${reason}`)}</Tag>,
    },
    { title: t('supervision.log.sentBy'), dataIndex: 'sentByName', width: 110, render: (value: string | null) => value ?? t('supervision.log.system') },
    {
      title: t('supervision.log.message'),
      dataIndex: 'message',
      ellipsis: true,
      render: (value: string | null) => (value ? value : <Typography.Text type="secondary">—</Typography.Text>),
    },
  ];

  return (
    <Card
      data-testid="reminder-log"
      extra={
        <Input.Search
          allowClear
          placeholder={t('supervision.log.search')}
          onSearch={(value) => setFilter({ ...filter, subjectCode: value.trim() || undefined, page: 1 })}
          style={{ width: 240 }}
          data-testid="reminder-log-search"
        />
      }
      title={t('supervision.log.title')}
    >
      <Table<ReminderLogItem>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={log.data?.items ?? []}
        loading={log.isFetching}
        locale={{ emptyText: log.isError ? log.error.message : t('supervision.log.empty') }}
        pagination={serverPagination(filter, log.data?.total, (total) => t('supervision.log.count', { count: total }), (next) => setFilter({ ...filter, ...next }))}
      />
    </Card>
  );
}
