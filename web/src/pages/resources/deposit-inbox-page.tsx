import { useState } from 'react';
import { Alert, Button, Card, Flex, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header';
import { formatDay } from '../../features/registry/dates';
import { itemsText } from '../../features/resources/deposit-list';
import { ReceiptModal } from '../../features/resources/receipt-modal';
import { DepositStatusTag } from '../../features/resources/resource-status-tag';
import type { InboxItem } from '../../features/resources/resource-types';
import { useDepositInbox } from '../../features/resources/resources-api';

/** 实物接收: deposits addressed to the user's repository; staff confirm receipt or report a discrepancy. */
export function DepositInboxPage() {
  const { t, i18n } = useTranslation();
  const inbox = useDepositInbox();
  const [confirming, setConfirming] = useState<InboxItem | null>(null);
  const items = inbox.data ?? [];
  const waiting = items.filter((item) => item.status === 'sent').length;

  const columns: TableColumnsType<InboxItem> = [
    {
      title: t('resources.inbox.resource'),
      key: 'resource',
      onCell: () => ({ style: { minWidth: 220 } }),
      render: (_, item) => (
        <Flex vertical gap={2}>
          <Typography.Text>{item.resourceTitle || t('resources.untitled')}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12, fontFamily: 'monospace' }}>{item.subjectCode}</Typography.Text>
        </Flex>
      ),
    },
    { title: t('resources.deposit.repository'), key: 'repository', width: 200, responsive: ['xxl'], render: (_, item) => (i18n.language === 'en' && item.repositoryNameEn ? item.repositoryNameEn : item.repositoryName) },
    { title: t('resources.deposit.items'), key: 'items', onCell: () => ({ style: { minWidth: 160 } }), render: (_, item) => itemsText(item.items) },
    {
      title: t('resources.deposit.shippingMethod'),
      key: 'shipping',
      width: 160,
      render: (_, item) => (
        <Flex vertical gap={2}>
          <span>{item.shippingMethod}</span>
          {item.trackingNumber && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{item.trackingNumber}</Typography.Text>}
        </Flex>
      ),
    },
    { title: t('resources.deposit.sentDate'), dataIndex: 'sentDate', width: 130, responsive: ['lg'], render: (date: string) => formatDay(date, i18n.language) },
    {
      title: t('resources.fields.status'),
      key: 'status',
      width: 180,
      render: (_, item) => (
        <Flex vertical gap={4}>
          <DepositStatusTag status={item.status} />
          {item.discrepancyNote && <Typography.Text type="danger" style={{ fontSize: 12 }}>{item.discrepancyNote}</Typography.Text>}
          {item.accessionNumbers.length > 0 && (
            <Flex gap={4} wrap>{item.accessionNumbers.slice(0, 3).map((n) => <Tag key={n} style={{ fontFamily: 'monospace', marginInlineEnd: 0 }}>{n}</Tag>)}{item.accessionNumbers.length > 3 && <Tag>+{item.accessionNumbers.length - 3}</Tag>}</Flex>
          )}
        </Flex>
      ),
    },
    {
      key: 'action',
      width: 120,
      align: 'right',
      render: (_, item) =>
        item.status === 'sent' ? (
          <Button type="primary" size="small" icon={<CheckOutlined />} onClick={() => setConfirming(item)} data-testid="receipt-open">
            {t('resources.inbox.confirm')}
          </Button>
        ) : null,
    },
  ];

  return (
    <>
      <PageHeader title={t('resources.inbox.title')} subtitle={t('resources.inbox.subtitle', { count: waiting })} />
      {inbox.isError && <Alert type="error" showIcon title={inbox.error.message} style={{ marginBottom: 16 }} />}
      <Card>
        <Table<InboxItem>
          rowKey="id"
          columns={columns}
          dataSource={items}
          loading={inbox.isPending}
          pagination={items.length > 20 ? { pageSize: 20 } : false}
          locale={{ emptyText: t('resources.inbox.empty') }}
          data-testid="deposit-inbox"
        />
      </Card>
      <ReceiptModal deposit={confirming} onClose={() => setConfirming(null)} />
    </>
  );
}
