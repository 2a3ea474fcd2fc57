import { useMemo } from 'react';
import { Alert, Badge, Breadcrumb, Card, Flex, Result, Skeleton, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { formatDateTime } from '../../components/format';
import { PageHeader } from '../../components/page-header';
import { FieldTable } from '../../features/standards/field-table';
import { FormPreview } from '../../features/standards/form-preview';
import { ReviewPanel } from '../../features/standards/review-panel';
import { currentVersion } from '../../features/standards/standard-card';
import { useStandards, useStandardVersion } from '../../features/standards/standards-api';
import { localLabel, type VersionDetail } from '../../features/standards/standard-types';
import { TypeSwitch } from '../../features/standards/type-switch';
import { VersionActions } from '../../features/standards/version-actions';
import { VersionDiff } from '../../features/standards/version-diff';
import { VersionStatusTag } from '../../features/standards/version-status-tag';
import { VocabularyList } from '../../features/standards/vocabulary-list';
import { DraftCheck } from '../../features/standards/draft-check';

const TABS = ['fields', 'vocabularies', 'form', 'review', 'versions'] as const;
type Tab = (typeof TABS)[number];

/** Why a version is not (or no longer) the one submitters use. */
function StatusNotice({ version, currentId, currentLabel }: { version: VersionDetail; currentId?: string; currentLabel?: string }) {
  const { t } = useTranslation();
  const superseded = version.status === 'approved' && currentId !== undefined && currentId !== version.id;
  if (version.status === 'approved' && !superseded) return null;
  const link = currentId && currentId !== version.id ? <Link to={`/standards/versions/${currentId}`}>v{currentLabel}</Link> : null;
  return (
    <Alert
      style={{ marginBottom: 16 }}
      showIcon
      type={version.status === 'retired' ? 'warning' : 'info'}
      title={t(superseded ? 'standards.notice.superseded' : `standards.notice.${version.status}`)}
      description={link && <span>{t('standards.notice.useCurrent')} {link}</span>}
    />
  );
}

/** One version of a standard: field tables, vocabularies, the form preview, reviews and comparison. */
export function StandardVersionPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const version = useStandardVersion(id);
  const standards = useStandards();
  const standard = standards.data?.find((item) => item.id === version.data?.standardId);
  const versions = useMemo(() => standard?.versions ?? [], [standard]);
  const current = currentVersion(versions);

  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'fields';
  const types = version.data?.types.map((item) => item.type) ?? [];
  const type = types.includes(params.get('type') ?? '') ? params.get('type')! : (types[0] ?? '');
  const update = (changes: Record<string, string | null>) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        for (const [key, value] of Object.entries(changes)) {
          if (value === null) next.delete(key);
          else next.set(key, value);
        }
        return next;
      },
      { replace: true },
    );

  if (version.isLoading) return <Card><Skeleton active paragraph={{ rows: 8 }} /></Card>;
  if (version.isError || !version.data) {
    const notFound = version.error instanceof ApiError && version.error.status === 404;
    return <Result status={notFound ? '404' : 'error'} title={notFound ? t('standards.versionNotFound') : version.error?.message} extra={<Link to="/standards">{t('standards.backToList')}</Link>} />;
  }
  const data = version.data;
  const name = localLabel(data.document.name, language);
  const platform = standard && (language === 'en' ? (standard.platformNameEn ?? standard.platformName) : standard.platformName);
  const typeFields = data.types.find((item) => item.type === type)?.fields ?? [];

  const typeHeader = (
    <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 12 }}>
      <TypeSwitch version={data} value={type} onChange={(next) => update({ type: next })} />
      <Typography.Text type="secondary" data-testid="field-count">
        {t('standards.fields.count', { count: typeFields.length, required: typeFields.filter((f) => f.required).length })}
      </Typography.Text>
    </Flex>
  );

  return (
    <>
      <Breadcrumb style={{ marginBottom: 12 }} items={[{ title: <Link to="/standards">{t('standards.title')}</Link> }, { title: `${name} v${data.version}` }]} />
      <PageHeader
        title={
          <Flex gap={12} align="center" wrap>
            <span data-testid="version-title">{name}</span>
            <Typography.Text type="secondary" style={{ fontSize: 20 }}>v{data.version}</Typography.Text>
            <VersionStatusTag status={data.status} />
          </Flex>
        }
        subtitle={[
          platform && t('standards.platformLine', { name: platform }),
          data.approvedAt ? t('standards.version.approvedOn', { date: formatDateTime(data.approvedAt, language) }) : t('standards.version.updatedOn', { date: formatDateTime(data.updatedAt, language) }),
        ].filter(Boolean).join(' · ')}
        extra={<VersionActions version={data} versions={versions} />}
      />
      <StatusNotice version={data} currentId={current?.id} currentLabel={current?.version} />
      {data.document.description && (
        <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>{localLabel(data.document.description, language)}</Typography.Paragraph>
      )}
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={tab}
          onChange={(key) => update({ tab: key === 'fields' ? null : key, vocab: null })}
          items={[
            {
              key: 'fields',
              label: t('standards.tabs.fields'),
              children: (
                <>
                  {typeHeader}
                  <FieldTable version={data} type={type} onShowVocabulary={(code) => update({ tab: 'vocabularies', vocab: code })} />
                </>
              ),
            },
            { key: 'vocabularies', label: t('standards.tabs.vocabularies'), children: <VocabularyList document={data.document} focus={params.get('vocab')} /> },
            {
              key: 'form',
              label: <span data-testid="tab-form">{t('standards.tabs.form')}</span>,
              children: <FormPreview key={type} version={data} type={type} onTypeChange={(next) => update({ type: next })} />,
            },
            {
              key: 'review',
              label: <Badge dot={data.canReview} offset={[6, 0]}>{t('standards.tabs.review')}</Badge>,
              children: <ReviewPanel version={data} />,
            },
            { key: 'versions', label: t('standards.tabs.versions'), children: <VersionDiff key={data.id} version={data} versions={versions} /> },
            ...(data.canManage ? [{ key: 'drafts', label: t('standards.tabs.drafts'), children: <DraftCheck version={data} /> }] : []),
          ]}
        />
      </Card>
    </>
  );
}
