import { useEffect } from 'react';
import { Alert, Button, Card, Col, Flex, Result, Row, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { AccessPanel } from '../../features/portal/access-panel';
import { CitationBox, ExportBox } from '../../features/portal/citation-box';
import { LandingBanner, LandingHeader } from '../../features/portal/landing-header';
import { CreatorsCard, MetadataFields, ProvenanceCard, RelatedCard, VersionsCard } from '../../features/portal/landing-sections';
import { usePortalResource } from '../../features/portal/portal-api';
import { PortalFiles } from '../../features/portal/portal-files';
import type { PortalResource } from '../../features/portal/portal-types';
import { UsageCard } from '../../features/portal/usage-card';
import { ReuseSection } from '../../features/reuse/reuse-section';

function Landing({ resource, routeId }: { resource: PortalResource; routeId: string }) {
  const { t } = useTranslation();
  const withdrawn = resource.status === 'withdrawn';
  useEffect(() => {
    const previous = document.title;
    document.title = `${resource.titleZh} · ${t('app.name')}`;
    return () => {
      document.title = previous;
    };
  }, [resource.titleZh, t]);

  return (
    <>
      <LandingBanner resource={resource} routeId={routeId} />
      <LandingHeader resource={resource} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          {resource.description && (
            <Card title={t('portal.landing.description')} style={{ marginBottom: 16 }}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid="landing-description">
                {resource.description}
              </Typography.Paragraph>
            </Card>
          )}
          {!withdrawn && (
            <Card title={t('portal.files.title')} style={{ marginBottom: 16 }} data-testid="landing-files">
              <Flex vertical gap={12}>
                <AccessPanel resource={resource} />
                {resource.files && <PortalFiles resource={resource} files={resource.files} />}
              </Flex>
            </Card>
          )}
          <MetadataFields fields={resource.fields} />
          {!withdrawn && <ReuseSection resource={resource} />}
        </Col>
        <Col xs={24} lg={8}>
          <Flex vertical gap={16}>
            <CitationBox resource={resource} />
            {!withdrawn && <UsageCard resource={resource} />}
            <ProvenanceCard resource={resource} />
            <CreatorsCard creators={resource.creators} />
            {resource.versions.length > 1 && <VersionsCard resource={resource} routeId={routeId} />}
            <RelatedCard related={resource.related} />
            <ExportBox resource={resource} />
          </Flex>
        </Col>
      </Row>
    </>
  );
}

/** /r/:id and /r/:id/v/:n (public): the landing page of a released resource, an older version, or a withdrawal tombstone. */
export function LandingPage() {
  const { t } = useTranslation();
  const { id = '', n } = useParams();
  const version = n === undefined ? undefined : Number(n);
  const badVersion = version !== undefined && !(Number.isInteger(version) && version >= 1);
  const resource = usePortalResource(badVersion ? '' : id, version);

  const notFound = (
    <div data-testid="landing-not-found">
    <Result
      status="404"
      title={t('portal.landing.notFound')}
      subTitle={t('portal.landing.notFoundHint')}
      extra={
        <Link to="/search">
          <Button type="primary">{t('portal.landing.toSearch')}</Button>
        </Link>
      }
    />
    </div>
  );
  if (badVersion) return notFound;
  if (resource.isPending) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (resource.isError) {
    if (resource.error instanceof ApiError && resource.error.status === 404) return notFound;
    return <Alert type="error" showIcon title={t('portal.landing.failed')} description={resource.error.message} />;
  }
  return <Landing resource={resource.data} routeId={id} />;
}
