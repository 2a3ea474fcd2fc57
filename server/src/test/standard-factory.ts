import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { loadCoreFields, type FieldSchema, type StandardDocument } from '../modules/standards/standard-document';

const L = (zh: string, en: string) => ({ zh, en });

/**
 * A small but complete standard: the core fields plus a data type with a sample-size field and a
 * patent_standard type whose patent/standard numbers are conditionally required.
 */
export function standardDocument(domain = 'test-domain', version = '1.0.0'): StandardDocument {
  const core = loadCoreFields();
  const schema = (extra: Record<string, FieldSchema>, required: string[] = [], allOf: unknown[] = []): FieldSchema => ({
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    additionalProperties: false,
    properties: { ...structuredClone(core.properties), ...extra },
    required: [...core.required, ...required],
    ...(allOf.length ? { allOf } : {}),
    'x-order': [...Object.keys(core.properties), ...Object.keys(extra)],
  });
  return {
    domain,
    version,
    name: L('测试领域汇交标准', 'Test domain collection standard'),
    groups: structuredClone(core.groups),
    vocabularies: {
      ...structuredClone(core.vocabularies),
      patent_kind: { label: L('类别', 'Kind'), terms: [{ code: 'patent', label: L('专利', 'Patent') }, { code: 'standard', label: L('标准', 'Standard') }] },
      standard_level: { label: L('标准级别', 'Standard level'), terms: [{ code: 'national', label: L('国家标准', 'National') }, { code: 'industry', label: L('行业标准', 'Industry') }] },
    },
    resourceTypes: {
      data: {
        label: L('科学数据', 'Scientific data'),
        schema: schema({
          sampleSize: { type: 'integer', minimum: 1, 'x-label': L('样本量', 'Sample size'), 'x-group': 'domain', 'x-example': 1200 },
          informedConsent: { type: 'boolean', 'x-label': L('知情同意', 'Informed consent'), 'x-group': 'domain' },
        }, ['sampleSize']),
      },
      patent_standard: {
        label: L('专利标准', 'Patent or standard'),
        schema: schema({
          kind: { type: 'string', 'x-vocabulary': 'patent_kind', 'x-label': L('类别', 'Kind'), 'x-group': 'domain' },
          patentNumber: { type: 'string', pattern: '^(CN|ZL)\\d{8,13}(\\.\\d)?[A-Z]?$', 'x-label': L('专利号', 'Patent number'), 'x-group': 'domain' },
          standardNumber: { type: 'string', 'x-label': L('标准号', 'Standard number'), 'x-group': 'domain' },
          standardLevel: { type: 'string', 'x-vocabulary': 'standard_level', 'x-label': L('标准级别', 'Standard level'), 'x-group': 'domain' },
        }, ['kind'], [
          { if: { properties: { kind: { const: 'patent' } }, required: ['kind'] }, then: { required: ['patentNumber'] } },
          { if: { properties: { kind: { const: 'standard' } }, required: ['kind'] }, then: { required: ['standardNumber', 'standardLevel'] } },
        ]),
      },
      physical: {
        label: L('实物资源', 'Physical resource'),
        schema: schema({
          quantity: { type: 'number', minimum: 0, 'x-label': L('数量', 'Quantity'), 'x-group': 'domain' },
        }),
      },
    },
    crosswalk: { datacite: { titleZh: 'titles/title' }, dc: { titleZh: 'dc:title' } },
  };
}

/** A valid record of the core fields (plus what the test standard's data type requires). */
export function validCoreRecord(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    titleZh: '浙江省成人慢性病队列基线调查数据集',
    descriptionZh: '本数据集汇交了浙江省十二个区县四万余名成人的基线调查数据，包括问卷与体检结果。',
    keywordsZh: ['慢性病', '队列研究'],
    discipline: '330',
    creators: [{ name: '刘洋', unit: '浙江大学', orcid: '0000-0002-1825-0097', role: 'principal_investigator' }],
    subjectCode: '2021YFC2500101',
    dateCreated: '2021-06-30',
    language: 'zh',
    licence: 'CC-BY-4.0',
    sharingMode: 'open',
    contact: { name: '张晓雨', email: 'zhang.xiaoyu@example.cn' },
    ...overrides,
  };
}

/** Creates a standard linked to a platform, with one version in the given status. */
export async function buildStandard(db: Kysely<DB>, platformOrgId: string | null, options: { domain?: string; status?: 'draft' | 'approved' } = {}) {
  const domain = options.domain ?? `test-${Math.random().toString(36).slice(2, 8)}`;
  const document = standardDocument(domain);
  const standard = await db.insertInto('standards').values({ domain, nameZh: document.name.zh, nameEn: document.name.en, platformOrgId }).returningAll().executeTakeFirstOrThrow();
  const version = await db
    .insertInto('standardVersions')
    .values({ standardId: standard.id, version: document.version, document: JSON.stringify(document), status: options.status ?? 'draft', approvedAt: options.status === 'approved' ? new Date() : null })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { standard, version, document };
}
