import { useMemo } from 'react';
import { Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { localLabel, type Bilingual, type FieldSchema, type VersionDetail } from './standard-types';

type Requirement = 'required' | 'conditional' | 'optional';

interface FieldTableRow {
  rowKey: string;
  key: string;
  label: Bilingual;
  help: Bilingual | null;
  type: string;
  requirement: Requirement;
  vocabulary: string | null;
  group: string | null;
  example: unknown;
  children?: FieldTableRow[];
}

/** The kind of value a field takes, as the field table names it (see standards.fieldTypes). */
export function fieldKind(type: string, vocabulary: string | null): string {
  if (vocabulary) return type.startsWith('array') ? 'terms' : 'term';
  if (type === 'array<object>') return 'entries';
  if (type.startsWith('array')) return 'list';
  return type;
}

function nodeType(node: FieldSchema): string {
  const type = Array.isArray(node.type) ? node.type.join('|') : (node.type ?? 'string');
  if (type === 'array') return node.items?.type === 'object' ? 'array<object>' : `array<${String(node.items?.type ?? 'string')}>`;
  return node.format === 'date' ? 'date' : type;
}

/** The parts of an object field, or of each entry of a list field (contact → name, email, phone). */
function subRows(node: FieldSchema | undefined, parent: string): FieldTableRow[] | undefined {
  const holder = node?.type === 'array' ? node.items : node;
  const properties = holder?.properties;
  if (!holder || !properties) return undefined;
  const required = new Set(holder.required ?? []);
  const order = [...(holder['x-order'] ?? []), ...Object.keys(properties).filter((k) => !(holder['x-order'] ?? []).includes(k))];
  return order.filter((key) => properties[key]).map((key) => {
    const child = properties[key]!;
    return {
      rowKey: `${parent}/${key}`,
      key,
      label: child['x-label'] ?? { zh: key, en: key },
      help: child['x-help'] ?? null,
      type: nodeType(child),
      requirement: required.has(key) ? 'required' : 'optional',
      vocabulary: child['x-vocabulary'] ?? child.items?.['x-vocabulary'] ?? null,
      group: null,
      example: child['x-example'] ?? null,
      children: subRows(child, `${parent}/${key}`),
    };
  });
}

/** An example as a submitter would write it: lists of words joined, compound values as JSON. */
function exampleText(example: unknown, separator: string): string | null {
  if (example === null || example === undefined) return null;
  if (Array.isArray(example) && example.every((item) => typeof item !== 'object')) return example.join(separator);
  if (typeof example === 'object') return JSON.stringify(example);
  return String(example);
}

const REQUIREMENT_COLORS: Record<Requirement, string> = { required: 'red', conditional: 'orange', optional: 'default' };

/** The fields of one resource type as a domain scientist reads them: label, kind, required, vocabulary, group, help. */
export function FieldTable({ version, type, onShowVocabulary }: { version: VersionDetail; type: string; onShowVocabulary?: (code: string) => void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const document = version.document;
  const schema = document.resourceTypes[type]?.schema;
  const groupLabels = useMemo(() => new Map((document.groups ?? []).map((g) => [g.id, g.label])), [document]);

  const rows = useMemo<FieldTableRow[]>(() => {
    const fields = version.types.find((item) => item.type === type)?.fields ?? [];
    return fields.map((field) => ({
      rowKey: field.key,
      key: field.key,
      label: field.label,
      help: field.help,
      type: field.type,
      requirement: field.required ? 'required' : field.conditional ? 'conditional' : 'optional',
      vocabulary: field.vocabulary,
      group: field.group,
      example: field.example,
      children: subRows(schema?.properties?.[field.key], field.key),
    }));
  }, [version, type, schema]);

  const columns: TableColumnsType<FieldTableRow> = [
    {
      title: t('standards.fields.field'),
      key: 'field',
      width: 240,
      render: (_, row) => (
        // Inline-block: tree rows put their indent before it.
        <div style={{ display: 'inline-block', verticalAlign: 'top' }}>
          <Typography.Text strong>{localLabel(row.label, language)}</Typography.Text>
          <div>
            <Typography.Text type="secondary" code style={{ fontSize: 12 }}>
              {row.key}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    {
      title: t('standards.fields.kind'),
      key: 'kind',
      width: 120,
      render: (_, row) => t(`standards.fieldTypes.${fieldKind(row.type, row.vocabulary)}`, { defaultValue: row.type }),
    },
    {
      title: t('standards.fields.requirement'),
      key: 'requirement',
      width: 110,
      render: (_, row) => (
        <Tag color={REQUIREMENT_COLORS[row.requirement]} data-testid={`requirement-${row.rowKey}`}>
          {t(`standards.requirement.${row.requirement}`)}
        </Tag>
      ),
    },
    {
      title: t('standards.fields.vocabulary'),
      key: 'vocabulary',
      width: 180,
      render: (_, row) => {
        if (!row.vocabulary) return '—';
        const vocabulary = document.vocabularies?.[row.vocabulary];
        const label = vocabulary ? localLabel(vocabulary.label, language) : row.vocabulary;
        return onShowVocabulary ? <Typography.Link onClick={() => onShowVocabulary(row.vocabulary!)}>{label}</Typography.Link> : label;
      },
    },
    {
      title: t('standards.fields.group'),
      key: 'group',
      width: 140,
      responsive: ['lg'],
      render: (_, row) => (row.group ? localLabel(groupLabels.get(row.group), language) || row.group : '—'),
    },
    {
      title: t('standards.fields.help'),
      key: 'help',
      render: (_, row) => {
        const example = exampleText(row.example, t('common.listSeparator'));
        return (
          <div>
            {row.help ? <div>{localLabel(row.help, language)}</div> : !example && '—'}
            {example && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('standards.fields.example')}
                {example}
              </Typography.Text>
            )}
          </div>
        );
      },
    },
  ];

  return (
    <Table<FieldTableRow>
      data-testid="field-table"
      rowKey="rowKey"
      size="middle"
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 900 }}
      expandable={{ indentSize: 20 }}
    />
  );
}
