import { Alert, Card, Flex, Tag, Typography } from 'antd';
import { LinkOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDay } from '../registry/dates';
import { localLabel } from '../standards/standard-types';
import { SHARING_MODE_COLOURS, sharingModeName } from './portal-labels';
import type { PortalResource } from './portal-types';

const STATUS_COLOURS: Record<string, string> = { released: 'green', superseded: 'default', withdrawn: 'red' };

/** Superseded: this is an older version, the latest is a click away. Withdrawn: a tombstone with the reason. */
export function LandingBanner({ resource, routeId }: { resource: PortalResource; routeId: string }) {
  const { t, i18n } = useTranslation();
  if (resource.status === 'withdrawn' && resource.withdrawal) {
    return (
      <Alert
        type="error"
        showIcon
        style={{ marginBottom: 16 }}
        data-testid="withdrawn-banner"
        title={t('portal.landing.withdrawn', { date: formatDay(resource.withdrawal.at, i18n.language) })}
        description={t('portal.landing.withdrawnReason', { reason: resource.withdrawal.reason })}
      />
    );
  }
  if (resource.status === 'superseded' || resource.versionNo < resource.latestVersionNo) {
    return (
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        data-testid="superseded-banner"
        title={t('portal.landing.superseded', { n: resource.versionNo, latest: resource.latestVersionNo })}
        action={
          <Link to={`/r/${encodeURIComponent(routeId)}/v/${resource.latestVersionNo}`} data-testid="latest-version-link">
            {t('portal.landing.toLatest', { n: resource.latestVersionNo })}
          </Link>
        }
      />
    );
  }
  return null;
}

/** Type, title in both languages, CSTR with its resolver, and the badges of sharing mode, licence and status. */
export function LandingHeader({ resource }: { resource: PortalResource }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (
    <Card style={{ marginBottom: 16 }} styles={{ body: { padding: '24px 28px' } }}>
      <Flex gap={6} wrap style={{ marginBottom: 10 }}>
        <Tag color="blue" style={{ marginInlineEnd: 0 }} data-testid="landing-type">
          {localLabel(resource.typeLabel, language)}
        </Tag>
        <Tag color={SHARING_MODE_COLOURS[resource.sharingMode]} style={{ marginInlineEnd: 0 }} data-testid="landing-sharing">
          {sharingModeName(resource.sharingMode, t)}
          {resource.sharingMode === 'embargo' && resource.embargoEnd ? ` · ${t('portal.landing.until', { date: formatDay(resource.embargoEnd, language) })}` : ''}
        </Tag>
        <Tag style={{ marginInlineEnd: 0 }} data-testid="landing-licence">
          {localLabel(resource.licence.label, language) || resource.licence.id}
        </Tag>
        <Tag color={STATUS_COLOURS[resource.status]} style={{ marginInlineEnd: 0 }} data-testid="landing-status">
          {t(`portal.statuses.${resource.status}`, { defaultValue: resource.status })}
        </Tag>
        <Tag variant="filled" style={{ marginInlineEnd: 0 }}>
          {t('portal.landing.versionN', { n: resource.versionNo })}
        </Tag>
      </Flex>
      <Typography.Title level={2} style={{ margin: 0, fontSize: 26 }} data-testid="landing-title">
        {resource.titleZh}
      </Typography.Title>
      {resource.titleEn && (
        <Typography.Title level={4} type="secondary" style={{ margin: '6px 0 0', fontWeight: 400 }} data-testid="landing-title-en">
          {resource.titleEn}
        </Typography.Title>
      )}
      <Flex gap={16} wrap align="center" style={{ marginTop: 14 }}>
        <Typography.Text>
          <Typography.Text type="secondary">{t('portal.labelled', { label: 'CSTR' })}</Typography.Text>
          <Typography.Text copyable={{ text: resource.cstr }} style={{ fontFamily: 'monospace' }} data-testid="landing-cstr">
            {resource.cstr}
          </Typography.Text>
        </Typography.Text>
        {resource.cstrUrl && (
          <a href={resource.cstrUrl} target="_blank" rel="noopener noreferrer" data-testid="landing-cstr-link">
            <LinkOutlined /> {t('portal.landing.resolve')}
          </a>
        )}
        <Typography.Text type="secondary">{t('portal.landing.releasedOn', { date: formatDay(resource.releasedAt, language) })}</Typography.Text>
      </Flex>
      {resource.keywords.length > 0 && (
        <Flex gap={6} wrap style={{ marginTop: 12 }} data-testid="landing-keywords">
          {resource.keywords.map((keyword) => (
            <Link key={keyword} to={`/search?q=${encodeURIComponent(keyword)}`}>
              <Tag variant="filled" color="processing" style={{ marginInlineEnd: 0 }}>
                {keyword}
              </Tag>
            </Link>
          ))}
        </Flex>
      )}
    </Card>
  );
}
