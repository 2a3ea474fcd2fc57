import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { VersionStatus } from './standard-types';

const STATUS_COLORS: Record<VersionStatus, string> = {
  draft: 'default',
  in_review: 'processing',
  approved: 'success',
  retired: 'warning',
};

/** 草稿 / 评审中 / 已批准 / 已废止 */
export function VersionStatusTag({ status }: { status: VersionStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="version-status" style={{ marginInlineEnd: 0 }}>
      {t(`standards.status.${status}`)}
    </Tag>
  );
}
