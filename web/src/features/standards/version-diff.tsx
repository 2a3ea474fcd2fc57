import { useState } from 'react';
import { Alert, Card, Empty, Flex, Select, Skeleton, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { fieldKind } from './field-table';
import { useStandardDiff, useStandardVersion } from './standards-api';
import { compareVersions, localLabel, type FieldChangeKind, type StandardDiff, type StandardDocument, type VersionDetail, type VersionSummary } from './standard-types';
import { VersionStatusTag } from './version-status-tag';

type FieldChange = StandardDiff['fields'][number];

const CHANGE_COLORS: Record<FieldChangeKind, string> = {
  added: 'success',
  removed: 'error',
  made_required: 'orange',
  made_optional: 'blue',
  type_changed: 'purple',
  vocabulary_changed: 'purple',
  label_changed: 'default',
  constraints_changed: 'default',
};

/** The version to compare with by default: the one this was copied from, else the next older one. */
export function defaultBase(version: VersionDetail, versions: readonly VersionSummary[]): string | undefined {
  const others = versions.filter((v) => v.id !== version.id);
  if (version.basedOnId && others.some((v) => v.id === version.basedOnId)) return version.basedOnId;
  const index = versions.findIndex((v) => v.id === version.id);
  return (versions.slice(index + 1)[0] ?? others[0])?.id;
}

function termLabel(documents: Array<StandardDocument | undefined>, vocabulary: string, code: string, language: string): string {
  for (const document of documents) {
    const term = document?.vocabularies?.[vocabulary]?.terms.find((t) => t.code === code);
    if (term) return `${localLabel(term.label, language)} (${code})`;
  }
  return code;
}

/** Compares this version with another of the same standard: types, fields and vocabulary terms. */
export function VersionDiff({ version, versions }: { version: VersionDetail; versions: readonly VersionSummary[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [chosen, setOtherId] = useState<string>();
  const otherId = chosen ?? defaultBase(version, versions);
  const other = useStandardVersion(otherId);
  const others = versions.filter((v) => v.id !== version.id);
  // Changes always read from the older version to the newer one, whichever is open.
  const otherVersion = versions.find((v) => v.id === otherId)?.version;
  const otherIsNewer = otherVersion !== undefined && compareVersions(otherVersion, version.version) > 0;
  const diff = useStandardDiff(otherIsNewer ? otherId : version.id, otherIsNewer ? version.id : otherId);
  const older = otherIsNewer ? version : other.data;
  const newer = otherIsNewer ? other.data : version;

  const typeLabel = (type: string) => {
    const found = newer?.types.find((item) => item.type === type) ?? older?.types.find((item) => item.type === type);
    return found ? localLabel(found.label, language) : type;
  };
  const fieldLabel = (detail: VersionDetail | undefined, change: FieldChange) =>
    localLabel(detail?.types.find((item) => item.type === change.type)?.fields.find((f) => f.key === change.field)?.label, language);
  const describe = (change: FieldChange): string | null => {
    if (change.change === 'label_changed') return `${fieldLabel(older, change) || change.from} → ${fieldLabel(newer, change) || change.to}`;
    if (change.from === undefined) return null;
    const text = (value: string | null | undefined) => {
      if (!value) return '—';
      if (change.change === 'type_changed') return t(`standards.fieldTypes.${fieldKind(value, null)}`, { defaultValue: value });
      if (change.change === 'vocabulary_changed') {
        const vocabulary = newer?.document.vocabularies?.[value] ?? older?.document.vocabularies?.[value];
        return vocabulary ? localLabel(vocabulary.label, language) : value;
      }
      return value;
    };
    return `${text(change.from)} → ${text(change.to)}`;
  };

  const columns: TableColumnsType<FieldChange> = [
    { title: t('standards.diff.type'), key: 'type', width: 160, render: (_, change) => typeLabel(change.type) },
    {
      title: t('standards.fields.field'),
      key: 'field',
      render: (_, change) => (
        <span>
          <Typography.Text strong>{localLabel(change.label, language)}</Typography.Text>{' '}
          <Typography.Text type="secondary" code style={{ fontSize: 12 }}>{change.field}</Typography.Text>
        </span>
      ),
    },
    { title: t('standards.diff.change'), key: 'change', width: 150, render: (_, change) => <Tag color={CHANGE_COLORS[change.change]}>{t(`standards.diff.changes.${change.change}`)}</Tag> },
    { title: t('standards.diff.detail'), key: 'detail', render: (_, change) => describe(change) ?? '—' },
  ];

  if (others.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('standards.diff.onlyVersion')} />;
  const data = diff.data;
  const unchanged = data && data.typesAdded.length + data.typesRemoved.length + data.fields.length + data.vocabularies.length === 0;

  return (
    <>
      <Flex gap={12} align="center" wrap style={{ marginBottom: 16 }}>
        <Typography.Text>{t('standards.diff.compareWith', { version: version.version })}</Typography.Text>
        <Select
          data-testid="diff-base"
          value={otherId}
          onChange={setOtherId}
          style={{ minWidth: 220 }}
          options={others.map((v) => ({ value: v.id, label: <Flex gap={8} align="center">v{v.version} <VersionStatusTag status={v.status} /></Flex> }))}
        />
      </Flex>
      {diff.isLoading && <Skeleton active />}
      {diff.isError && <Alert type="error" showIcon title={diff.error.message} />}
      {data && !unchanged && (
        <Typography.Paragraph type="secondary" data-testid="diff-direction">
          {t('standards.diff.direction', { base: data.base, version: data.version })}
        </Typography.Paragraph>
      )}
      {unchanged && <Alert type="info" showIcon title={t('standards.diff.none', { base: data.base, version: data.version })} />}
      {data && !unchanged && (
        <Flex vertical gap={16} data-testid="version-diff">
          {data.typesAdded.length + data.typesRemoved.length > 0 && (
            <Card size="small" title={t('standards.diff.types')}>
              <Flex gap={8} wrap>
                {data.typesAdded.map((type) => <Tag key={type} color="success">+ {typeLabel(type)}</Tag>)}
                {data.typesRemoved.map((type) => <Tag key={type} color="error">− {typeLabel(type)}</Tag>)}
              </Flex>
            </Card>
          )}
          {data.fields.length > 0 && (
            <Card size="small" title={t('standards.diff.fields', { count: data.fields.length })}>
              <Table<FieldChange> rowKey={(c) => `${c.type}/${c.field}/${c.change}`} size="small" columns={columns} dataSource={data.fields} pagination={false} />
            </Card>
          )}
          {data.vocabularies.length > 0 && (
            <Card size="small" title={t('standards.diff.vocabularies', { count: data.vocabularies.length })}>
              <Flex vertical gap={12}>
                {data.vocabularies.map((change) => (
                  <div key={change.vocabulary}>
                    <Flex gap={8} align="center" style={{ marginBottom: 6 }}>
                      <Typography.Text strong>{localLabel(change.label, language)}</Typography.Text>
                      <Tag>{t(`standards.diff.vocabularyChanges.${change.change}`)}</Tag>
                    </Flex>
                    <Flex gap={6} wrap>
                      {change.termsAdded.map((code) => <Tag key={`+${code}`} color="success">+ {termLabel([newer?.document, older?.document], change.vocabulary, code, language)}</Tag>)}
                      {change.termsRemoved.map((code) => (
                        <Tag key={`-${code}`} color="error" style={{ textDecoration: 'line-through' }}>
                          − {termLabel([older?.document, newer?.document], change.vocabulary, code, language)}
                        </Tag>
                      ))}
                    </Flex>
                  </div>
                ))}
              </Flex>
            </Card>
          )}
        </Flex>
      )}
    </>
  );
}
