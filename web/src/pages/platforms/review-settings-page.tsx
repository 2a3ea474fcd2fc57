import { Alert, Card, Flex, Select, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams } from 'react-router';
import { localName } from '../../components/format';
import { PageHeader } from '../../components/page-header';
import { useSession } from '../../features/auth/session';
import { useOrg, useOrgs } from '../../features/orgs/orgs-api';
import { administeredPlatforms, isSysadmin } from '../../features/review-settings/platform-access';
import { useReviewSettings } from '../../features/review-settings/review-settings-api';
import { ReviewSettingsForm } from '../../features/review-settings/review-settings-form';

const settingsPath = (platformId: string) => `/platforms/${encodeURIComponent(platformId)}/review-settings`;

/** A sysadmin picks any domain platform; a platform admin of several picks one of theirs. */
function PlatformPicker({ value, placeholder }: { value?: string; placeholder?: string }) {
  const me = useSession();
  const navigate = useNavigate();
  const { i18n } = useTranslation();
  const sysadmin = isSysadmin(me);
  const orgs = useOrgs({ kind: 'domain_platform' });
  const own = administeredPlatforms(me);
  const options = sysadmin
    ? (orgs.data ?? []).map((org) => ({ value: org.id, label: localName(org, i18n.language) }))
    : own.map((platform) => ({ value: platform.id, label: platform.name ?? platform.id }));
  if (!sysadmin && options.length < 2) return null;
  return (
    <Select
      style={{ minWidth: 280 }}
      value={value}
      placeholder={placeholder}
      loading={sysadmin && orgs.isPending}
      options={options}
      showSearch={{ optionFilterProp: 'label' }}
      onChange={(id: string) => navigate(settingsPath(id))}
      data-testid="review-settings-platform"
    />
  );
}

/** /platforms/:id/review-settings: the review settings of one platform, for its administrators and sysadmins. */
export function ReviewSettingsPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const me = useSession();
  const settings = useReviewSettings(id);
  const org = useOrg(id);
  const granted = administeredPlatforms(me).find((platform) => platform.id === id);
  const platformName = org.data ? localName(org.data, i18n.language) : (granted?.name ?? '');

  return (
    <>
      <PageHeader
        title={t('reviewSettings.title')}
        subtitle={platformName ? t('reviewSettings.subtitle', { platform: platformName }) : t('reviewSettings.subtitleNoName')}
        extra={<PlatformPicker value={id} />}
      />
      {settings.isPending && <Skeleton active paragraph={{ rows: 12 }} />}
      {settings.isError && <Alert type="error" showIcon title={settings.error.message} data-testid="review-settings-load-error" />}
      {settings.data && <ReviewSettingsForm key={id} platformId={id} settings={settings.data} />}
    </>
  );
}

/** /review-settings (the menu entry): a platform admin lands on their (first) platform; a sysadmin picks one. */
export function ReviewSettingsEntry() {
  const { t } = useTranslation();
  const me = useSession();
  const first = administeredPlatforms(me)[0];
  if (first) return <Navigate to={settingsPath(first.id)} replace />;
  if (!isSysadmin(me)) return <Alert type="warning" showIcon title={t('reviewSettings.notAdmin')} data-testid="review-settings-denied" />;
  return (
    <>
      <PageHeader title={t('reviewSettings.title')} subtitle={t('reviewSettings.pickHint')} />
      <Card size="small">
        <Flex vertical gap={8}>
          <Typography.Text>{t('reviewSettings.pickPlatform')}</Typography.Text>
          <PlatformPicker placeholder={t('reviewSettings.pickPlatform')} />
        </Flex>
      </Card>
    </>
  );
}
