import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DepositStatus, ResourceStatus } from './resource-types';

const STATUS_COLORS: Record<ResourceStatus, string> = {
  draft: 'blue',
  submitted: 'processing',
  unit_review: 'processing',
  platform_review: 'purple',
  expert_review: 'geekblue',
  returned: 'warning',
  approved: 'cyan',
  released: 'success',
  withdrawn: 'default',
  superseded: 'default',
};

export function ResourceStatusTag({ status }: { status: ResourceStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status] ?? 'default'} data-testid="resource-status" style={{ marginInlineEnd: 0 }}>
      {t(`resources.status.${status}`, { defaultValue: status })}
    </Tag>
  );
}

const DEPOSIT_COLORS: Record<DepositStatus, string> = { sent: 'processing', received: 'success', discrepancy: 'error' };

export function DepositStatusTag({ status }: { status: DepositStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={DEPOSIT_COLORS[status] ?? 'default'} data-testid="deposit-status" style={{ marginInlineEnd: 0 }}>
      {t(`resources.deposit.status.${status}`, { defaultValue: status })}
    </Tag>
  );
}
