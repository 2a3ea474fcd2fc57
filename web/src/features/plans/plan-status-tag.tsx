import { Space, Tag } from 'antd';
import { ClockCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { PlanStatus } from '../registry/registry-types';

const COLORS: Record<PlanStatus, string> = {
  none: 'default',
  draft: 'blue',
  unit_review: 'processing',
  platform_review: 'purple',
  returned: 'warning',
  approved: 'success',
  superseded: 'default',
};

/** A plan's status, with an overdue flag when its current step is past its deadline. */
export function PlanStatusTag({ status, overdue = false }: { status: PlanStatus; overdue?: boolean }) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap>
      <Tag color={COLORS[status] ?? 'default'} data-testid="plan-status" style={{ marginInlineEnd: 0 }}>
        {t(`plans.status.${status}`)}
      </Tag>
      {overdue && <OverdueTag />}
    </Space>
  );
}

export function OverdueTag() {
  const { t } = useTranslation();
  return (
    <Tag color="error" icon={<ClockCircleOutlined />} style={{ marginInlineEnd: 0 }} data-testid="overdue">
      {t('plans.overdue')}
    </Tag>
  );
}
