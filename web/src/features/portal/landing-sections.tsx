import { Card, Descriptions, Empty, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDay } from '../registry/dates';
import { localLabel, type Bilingual } from '../standards/standard-types';
import type { PortalField, PortalResource } from './portal-types';

/** Fields in the order given, gathered under their group (ungrouped ones first). */
export function groupFields(fields: readonly PortalField[]): Array<{ group: Bilingual | null; fields: PortalField[] }> {
  const groups: Array<{ group: Bilingual | null; fields: PortalField[] }> = [];
  for (const field of fields) {
    const key = field.group ? field.group.zh : null;
    let bucket = groups.find((g) => (g.group ? g.group.zh : null) === key);
    if (!bucket) {
      bucket = { group: field.group, fields: [] };
      if (key === null) groups.unshift(bucket);
      else groups.push(bucket);
    }
    bucket.fields.push(field);
  }
  return groups;
}

/** The metadata by the standard's labels, grouped as the standard groups them. */
export function MetadataFields({ fields }: { fields: PortalField[] }) {
  const { t, i18n } = useTranslation();
  const groups = groupFields(fields.filter((field) => field.text !== ''));
  return (
    <Card title={t('portal.landing.metadata')} style={{ marginBottom: 16 }} data-testid="landing-fields">
      {groups.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
      {groups.map((group, index) => (
        <Descriptions
          key={group.group?.zh ?? '—'}
          title={group.group ? localLabel(group.group, i18n.language) : undefined}
          bordered
          size="small"
          column={1}
          style={{ marginTop: index > 0 ? 20 : 0 }}
          styles={{ label: { width: 200 } }}
          items={group.fields.map((field) => ({
            key: field.key,
            label: localLabel(field.label, i18n.language),
            children: <span style={{ whiteSpace: 'pre-wrap' }} data-testid={`field-${field.key}`}>{field.text}</span>,
          }))}
        />
      ))}
    </Card>
  );
}

/** Where the resource comes from: program, project, subject, platform, unit, province. */
export function ProvenanceCard({ resource }: { resource: PortalResource }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const coded = (item: { code: string; titleZh: string }) => (
    <Flex vertical>
      <span>{item.titleZh}</span>
      <Typography.Text type="secondary" style={{ fontSize: 12, fontFamily: 'monospace' }}>
        {item.code}
      </Typography.Text>
    </Flex>
  );
  return (
    <Card size="small" title={t('portal.landing.provenance')} data-testid="landing-provenance">
      <Descriptions
        size="small"
        column={1}
        styles={{ label: { width: 96 } }}
        items={[
          { key: 'program', label: t('portal.landing.program'), children: coded(resource.program) },
          { key: 'project', label: t('portal.landing.project'), children: coded(resource.project) },
          { key: 'subject', label: t('portal.landing.subject'), children: coded(resource.subject) },
          { key: 'platform', label: t('portal.landing.platform'), children: localLabel(resource.platform.name, language) },
          { key: 'unit', label: t('portal.landing.unit'), children: resource.unit.name },
          { key: 'province', label: t('portal.landing.province'), children: localLabel(resource.province.name, language) },
        ]}
      />
    </Card>
  );
}

export function CreatorsCard({ creators }: { creators: PortalResource['creators'] }) {
  const { t } = useTranslation();
  if (creators.length === 0) return null;
  return (
    <Card size="small" title={t('portal.landing.creators')} data-testid="landing-creators">
      <Flex vertical gap={6}>
        {creators.map((creator, index) => (
          <div key={`${creator.name}-${index}`}>
            <Typography.Text strong>{creator.name}</Typography.Text>
            {creator.unit && <Typography.Text type="secondary"> · {creator.unit}</Typography.Text>}
            {creator.orcid && (
              <a href={`https://orcid.org/${creator.orcid}`} target="_blank" rel="noopener noreferrer" style={{ display: 'block', fontSize: 12, fontFamily: 'monospace' }}>
                ORCID {creator.orcid}
              </a>
            )}
          </div>
        ))}
      </Flex>
    </Card>
  );
}

/** Every version of the lineage, the one on screen marked. */
export function VersionsCard({ resource, routeId }: { resource: PortalResource; routeId: string }) {
  const { t, i18n } = useTranslation();
  const versions = [...resource.versions].sort((a, b) => b.versionNo - a.versionNo);
  return (
    <Card size="small" title={t('portal.landing.versions')} data-testid="landing-versions">
      <Flex vertical>
        {versions.map((version, index) => (
          <Flex key={version.id} vertical data-testid={`version-${version.versionNo}`} style={{ padding: '8px 0', borderTop: index > 0 ? '1px solid #f0f0f0' : undefined }}>
            <Flex justify="space-between" align="center">
              {version.versionNo === resource.versionNo ? (
                <Typography.Text strong>{t('portal.landing.versionCurrent', { n: version.versionNo })}</Typography.Text>
              ) : (
                <Link to={`/r/${encodeURIComponent(routeId)}/v/${version.versionNo}`}>{t('portal.landing.versionN', { n: version.versionNo })}</Link>
              )}
              <Tag style={{ marginInlineEnd: 0 }}>{t(`portal.statuses.${version.status}`, { defaultValue: version.status })}</Tag>
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDay(version.releasedAt, i18n.language)}
              {version.cstr ? ` · ${version.cstr}` : ''}
            </Typography.Text>
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}

/** Other listed resources of the same subject. */
export function RelatedCard({ related }: { related: PortalResource['related'] }) {
  const { t } = useTranslation();
  if (related.length === 0) return null;
  return (
    <Card size="small" title={t('portal.landing.related')} data-testid="landing-related">
      <Flex vertical gap={10}>
        {related.map((item) => (
          <div key={item.id}>
            <Link to={`/r/${encodeURIComponent(item.id)}`}>{item.titleZh}</Link>
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, fontFamily: 'monospace' }}>
              {item.cstr}
            </Typography.Text>
          </div>
        ))}
      </Flex>
    </Card>
  );
}
