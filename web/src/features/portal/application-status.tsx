import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../registry/dates';
import type { Application } from './portal-types';

const COLOURS: Record<string, string> = { pending: 'processing', approved: 'success', rejected: 'error', expired: 'default' };

/** An approved application past its end date no longer opens the files. */
export function isExpired(application: Pick<Application, 'status' | 'expiresAt' | 'expired'>, now = new Date()): boolean {
  if (application.expired !== undefined) return application.expired;
  return application.status === 'approved' && application.expiresAt !== null && new Date(application.expiresAt).getTime() <= now.getTime();
}

export function ApplicationStatusTag({ application }: { application: Application }) {
  const { t } = useTranslation();
  const status = isExpired(application) ? 'expired' : application.status;
  return (
    <Tag color={COLOURS[status]} style={{ marginInlineEnd: 0 }} data-testid={`application-status-${application.id}`}>
      {t(`portal.applications.statuses.${status}`, { defaultValue: status })}
    </Tag>
  );
}

/** "至 2027年11月30日" or "—" for an application's access period. */
export function ExpiryText({ application }: { application: Application }) {
  const { t, i18n } = useTranslation();
  if (application.status !== 'approved') return <Typography.Text type="secondary">—</Typography.Text>;
  if (!application.expiresAt) return <>{t('portal.applications.noExpiry')}</>;
  return (
    <Typography.Text type={isExpired(application) ? 'secondary' : undefined} delete={isExpired(application)}>
      {formatDay(application.expiresAt, i18n.language)}
    </Typography.Text>
  );
}
