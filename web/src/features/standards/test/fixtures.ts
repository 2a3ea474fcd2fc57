import type { StandardSummary, VersionDetail } from '../standard-types';

/** A small standard with one of each kind of field, for the standards screens' tests. */
export const testDocument: VersionDetail['document'] = {
  domain: 'population-health',
  version: '1.1.0',
  name: { zh: '人口健康领域科技资源汇交标准规范', en: 'Population Health Resource Collection Standard' },
  groups: [
    { id: 'basic', label: { zh: '基本信息', en: 'Basic information' } },
    { id: 'people', label: { zh: '责任者与联系人', en: 'People and contact' } },
  ],
  vocabularies: {
    licence: {
      label: { zh: '许可协议', en: 'Licence' },
      terms: [
        { code: 'CC-BY-4.0', label: { zh: '知识共享署名 4.0', en: 'Creative Commons Attribution 4.0' } },
        { code: 'CC0-1.0', label: { zh: '公共领域贡献', en: 'Public domain dedication' } },
      ],
    },
  },
  resourceTypes: {
    data: {
      label: { zh: '科学数据', en: 'Scientific data' },
      schema: {
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        type: 'object',
        additionalProperties: false,
        required: ['titleZh', 'licence', 'contact'],
        'x-order': ['titleZh', 'keywordsZh', 'licence', 'contact'],
        properties: {
          titleZh: {
            type: 'string',
            minLength: 2,
            'x-label': { zh: '题名（中文）', en: 'Title (Chinese)' },
            'x-help': { zh: '资源的正式中文名称', en: 'The formal Chinese title' },
            'x-group': 'basic',
          },
          keywordsZh: { type: 'array', items: { type: 'string' }, 'x-label': { zh: '关键词（中文）', en: 'Keywords (Chinese)' }, 'x-group': 'basic', 'x-widget': 'tags' },
          licence: { type: 'string', 'x-vocabulary': 'licence', 'x-label': { zh: '许可协议', en: 'Licence' }, 'x-group': 'basic', 'x-widget': 'select' },
          contact: {
            type: 'object',
            required: ['name'],
            'x-label': { zh: '联系人', en: 'Contact' },
            'x-group': 'people',
            properties: {
              name: { type: 'string', 'x-label': { zh: '姓名', en: 'Name' } },
              email: { type: 'string', format: 'email', 'x-label': { zh: '电子邮箱', en: 'Email' } },
            },
          },
        },
      },
    },
    report: {
      label: { zh: '研究实验报告', en: 'Research and experiment report' },
      schema: {
        type: 'object',
        required: ['titleZh'],
        properties: { titleZh: { type: 'string', 'x-label': { zh: '题名（中文）', en: 'Title (Chinese)' }, 'x-group': 'basic' } },
      },
    },
  },
};

const row = (key: string, zh: string, en: string, extra: Partial<VersionDetail['types'][number]['fields'][number]> = {}) => ({
  key, label: { zh, en }, help: null, type: 'string', required: false, conditional: false, vocabulary: null, group: 'basic', widget: null, example: null, ...extra,
});

export const testVersion: VersionDetail = {
  id: 'v11',
  standardId: 's-ph',
  domain: 'population-health',
  platformOrgId: 'p-ph',
  version: '1.1.0',
  status: 'draft',
  quorum: 'majority',
  reviewRound: 0,
  basedOnId: 'v10',
  createdAt: '2026-11-27T12:00:00.000Z',
  updatedAt: '2026-11-27T12:00:00.000Z',
  approvedAt: null,
  document: testDocument,
  types: [
    {
      type: 'data',
      label: { zh: '科学数据', en: 'Scientific data' },
      fields: [
        row('titleZh', '题名（中文）', 'Title (Chinese)', { required: true, help: { zh: '资源的正式中文名称', en: 'The formal Chinese title' } }),
        row('keywordsZh', '关键词（中文）', 'Keywords (Chinese)', { type: 'array<string>' }),
        row('licence', '许可协议', 'Licence', { required: true, vocabulary: 'licence' }),
        row('contact', '联系人', 'Contact', { type: 'object', required: true, group: 'people' }),
      ],
    },
    { type: 'report', label: { zh: '研究实验报告', en: 'Research and experiment report' }, fields: [row('titleZh', '题名（中文）', 'Title (Chinese)', { required: true })] },
  ],
  canManage: true,
  canReview: false,
  reviews: [],
};

export const testStandards: StandardSummary[] = [
  {
    id: 's-ph',
    domain: 'population-health',
    nameZh: '人口健康领域科技资源汇交标准规范',
    nameEn: 'Population Health Resource Collection Standard',
    platformOrgId: 'p-ph',
    platformName: '国家人口健康科学数据中心',
    platformNameEn: 'National Population Health Data Center',
    canManage: true,
    versions: [
      { id: 'v11', version: '1.1.0', status: 'draft', reviewRound: 0, approvedAt: null, updatedAt: '2026-11-27T12:00:00.000Z' },
      { id: 'v10', version: '1.0.0', status: 'approved', reviewRound: 1, approvedAt: '2026-11-20T12:00:00.000Z', updatedAt: '2026-11-20T12:00:00.000Z' },
    ],
  },
];
