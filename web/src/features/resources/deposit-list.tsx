import { Card, Descriptions, Empty, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format';
import { formatDay } from '../registry/dates';
import { DepositStatusTag } from './resource-status-tag';
import type { Deposit, DepositItem } from './resource-types';

/** "血清 200 管；DNA 50 管" */
export function itemsText(items: readonly DepositItem[] | null): string {
  if (!items || items.length === 0) return '—';
  return items.map((item) => `${item.name} ${item.quantity} ${item.unit}`).join('；');
}

/** One deposit: what was sent where and how, and the repository's receipt (accession numbers) or the discrepancy it reported. */
export function DepositCard({ deposit }: { deposit: Deposit }) {
  const { t, i18n } = useTranslation();
  const repository = i18n.language === 'en' && deposit.repositoryNameEn ? deposit.repositoryNameEn : deposit.repositoryName;
  const confirmed = deposit.status !== 'sent';
  return (
    <Card size="small" data-testid="deposit-card" title={<Flex gap={8} align="center" wrap>{repository}<DepositStatusTag status={deposit.status} /></Flex>}>
      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('resources.deposit.items')} span={2}>{itemsText(deposit.items)}</Descriptions.Item>
        <Descriptions.Item label={t('resources.deposit.shippingMethod')}>{deposit.shippingMethod}</Descriptions.Item>
        <Descriptions.Item label={t('resources.deposit.trackingNumber')}>{deposit.trackingNumber ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('resources.deposit.sentDate')}>{formatDay(deposit.sentDate, i18n.language)}</Descriptions.Item>
        {confirmed && <Descriptions.Item label={t('resources.deposit.confirmedAt')}>{formatDateTime(deposit.confirmedAt, i18n.language)}</Descriptions.Item>}
        {confirmed && <Descriptions.Item label={t('resources.deposit.received')} span={2}>{itemsText(deposit.received)}</Descriptions.Item>}
        {confirmed && <Descriptions.Item label={t('resources.deposit.condition')} span={2}>{deposit.condition ?? '—'}</Descriptions.Item>}
        {confirmed && (
          <Descriptions.Item label={t('resources.deposit.accessionNumbers')} span={2}>
            {deposit.accessionNumbers.length > 0
              ? <Flex gap={4} wrap data-testid="accession-numbers">{deposit.accessionNumbers.map((number) => <Tag key={number} style={{ fontFamily: 'monospace' }}>{number}</Tag>)}</Flex>
              : '—'}
          </Descriptions.Item>
        )}
        {deposit.discrepancyNote && (
          <Descriptions.Item label={t('resources.deposit.note')} span={2}>
            <Typography.Text type="danger">{deposit.discrepancyNote}</Typography.Text>
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}

export function DepositList({ deposits }: { deposits: Deposit[] }) {
  const { t } = useTranslation();
  if (deposits.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('resources.deposit.none')} />;
  return (
    <Flex vertical gap={12} data-testid="deposit-list">
      {deposits.map((deposit) => <DepositCard key={deposit.id} deposit={deposit} />)}
    </Flex>
  );
}
