import { describe, expect, it } from 'vitest';
import populationHealth from '../../../../standards/population-health/1.0.0/standard.json';
import { buildFormModel, GROUPS_OPTION } from './form-schema';
import type { StandardDocument } from './standard-types';

const document: StandardDocument = {
  domain: 'test',
  version: '1.0.0',
  name: { zh: '测试标准', en: 'Test standard' },
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
    data_format: {
      label: { zh: '数据格式', en: 'Data format' },
      terms: [{ code: 'CSV', label: { zh: 'CSV 表格', en: 'CSV table' } }],
    },
  },
  resourceTypes: {
    data: {
      label: { zh: '科学数据', en: 'Scientific data' },
      schema: {
        type: 'object',
        required: ['titleZh', 'licence'],
        'x-order': ['titleZh', 'licence', 'contact', 'descriptionZh'],
        properties: {
          descriptionZh: { type: 'string', 'x-label': { zh: '描述（中文）', en: 'Description (Chinese)' }, 'x-group': 'basic', 'x-widget': 'textarea' },
          contact: {
            type: 'object',
            'x-label': { zh: '联系人', en: 'Contact' },
            'x-group': 'people',
            required: ['name'],
            properties: {
              email: { type: 'string', format: 'email', 'x-label': { zh: '电子邮箱', en: 'Email' } },
              name: { type: 'string', 'x-label': { zh: '姓名', en: 'Name' } },
            },
            'x-order': ['name', 'email'],
          },
          titleZh: {
            type: 'string',
            minLength: 2,
            'x-label': { zh: '题名（中文）', en: 'Title (Chinese)' },
            'x-help': { zh: '资源的正式中文名称', en: 'The formal Chinese title' },
            'x-group': 'basic',
          },
          licence: { type: 'string', 'x-vocabulary': 'licence', 'x-label': { zh: '许可协议', en: 'Licence' }, 'x-group': 'basic', 'x-widget': 'select' },
          dateCreated: { type: 'string', format: 'date', 'x-label': { zh: '生成日期', en: 'Date created' } },
          keywords: { type: 'array', items: { type: 'string' }, 'x-label': { zh: '关键词', en: 'Keywords' }, 'x-group': 'basic', 'x-widget': 'tags' },
          formats: { type: 'array', items: { type: 'string' }, 'x-vocabulary': 'data_format', 'x-label': { zh: '数据格式', en: 'Formats' }, 'x-group': 'basic' },
          consent: { type: 'boolean', 'x-label': { zh: '已获知情同意', en: 'Consent obtained' }, 'x-group': 'people' },
        },
      },
    },
  },
};

describe('the form model built from a standard', () => {
  it('labels fields and their help from x-label / x-help in the UI language', () => {
    const zh = buildFormModel(document, 'data', 'zh-CN').uiSchema;
    expect(zh.titleZh['ui:title']).toBe('题名（中文）');
    expect(zh.titleZh['ui:description']).toBe('资源的正式中文名称');
    expect(zh.contact['ui:title']).toBe('联系人');
    expect(zh.contact.email['ui:title']).toBe('电子邮箱');

    const en = buildFormModel(document, 'data', 'en').uiSchema;
    expect(en.titleZh['ui:title']).toBe('Title (Chinese)');
    expect(en.titleZh['ui:description']).toBe('The formal Chinese title');
    expect(en.contact.name['ui:title']).toBe('Name');
  });

  it('orders fields by x-order, the unlisted ones after, nested objects too', () => {
    const { uiSchema } = buildFormModel(document, 'data', 'zh-CN');
    expect(uiSchema['ui:order']).toEqual(['titleZh', 'licence', 'contact', 'descriptionZh', 'dateCreated', 'keywords', 'formats', 'consent', '*']);
    expect(uiSchema.contact['ui:order']).toEqual(['name', 'email', '*']);
  });

  it('turns vocabulary fields into selects whose options are the terms in the UI language', () => {
    const zh = buildFormModel(document, 'data', 'zh-CN').schema.properties as Record<string, Record<string, unknown>>;
    expect(zh.licence!.oneOf).toEqual([
      { const: 'CC-BY-4.0', title: '知识共享署名 4.0' },
      { const: 'CC0-1.0', title: '公共领域贡献' },
    ]);
    const en = buildFormModel(document, 'data', 'en').schema.properties as Record<string, Record<string, unknown>>;
    expect(en.licence!.oneOf).toEqual([
      { const: 'CC-BY-4.0', title: 'Creative Commons Attribution 4.0' },
      { const: 'CC0-1.0', title: 'Public domain dedication' },
    ]);
    expect(buildFormModel(document, 'data', 'zh-CN', { selectPlaceholder: '请选择' }).uiSchema.licence['ui:placeholder']).toBe('请选择');
    // A list of terms is a multi-select: unique items whose options are the terms.
    expect(en.formats).toMatchObject({ type: 'array', uniqueItems: true, items: { type: 'string', oneOf: [{ const: 'CSV', title: 'CSV table' }] } });
  });

  it('picks widgets: textarea, date, tags for free-text lists, yes/no for booleans', () => {
    const { uiSchema, singleControlArrays } = buildFormModel(document, 'data', 'zh-CN');
    expect(uiSchema.descriptionZh['ui:widget']).toBe('textarea');
    expect(uiSchema.dateCreated['ui:widget']).toBe('date');
    expect(uiSchema.keywords['ui:widget']).toBe('tags');
    expect(uiSchema.consent['ui:widget']).toBe('radio');
    expect(singleControlArrays.sort()).toEqual(['/formats', '/keywords']);
  });

  it('groups the top-level fields by x-group with the group labels, ungrouped ones apart', () => {
    const { groups, uiSchema } = buildFormModel(document, 'data', 'zh-CN');
    expect(groups).toEqual([
      { id: 'basic', label: '基本信息', fields: ['titleZh', 'licence', 'descriptionZh', 'keywords', 'formats'] },
      { id: 'people', label: '责任者与联系人', fields: ['contact', 'consent'] },
      { id: '__ungrouped', label: null, fields: ['dateCreated'] },
    ]);
    expect(uiSchema['ui:options']?.[GROUPS_OPTION]).toEqual(groups);
    expect(buildFormModel(document, 'data', 'en').groups.map((g) => g.label)).toEqual(['Basic information', 'People and contact', null]);
  });

  it('keeps the constraints and drops the annotations from the schema the form renders', () => {
    const { schema } = buildFormModel(document, 'data', 'zh-CN');
    expect(schema.required).toEqual(['titleZh', 'licence']);
    const title = (schema.properties as Record<string, Record<string, unknown>>).titleZh!;
    expect(title).toEqual({ type: 'string', minLength: 2 });
    expect(JSON.stringify(schema)).not.toContain('x-');
  });

  it('builds every resource type of the shipped population-health standard, every field in a section', () => {
    const standard = populationHealth as unknown as StandardDocument;
    for (const [type, definition] of Object.entries(standard.resourceTypes)) {
      const model = buildFormModel(standard, type, 'zh-CN');
      const fields = Object.keys(definition!.schema.properties ?? {});
      expect(model.groups.flatMap((g) => g.fields).sort(), type).toEqual(fields.sort());
      expect(model.groups.every((g) => g.label !== null), type).toBe(true);
    }
    const data = buildFormModel(standard, 'data', 'zh-CN');
    expect(data.groups[0]).toMatchObject({ id: 'basic', label: '基本信息' });
    expect(data.uiSchema.discipline['ui:title']).toBe('学科分类');
    expect((data.schema.properties as Record<string, { oneOf?: unknown[] }>).discipline!.oneOf).toContainEqual({ const: '110', title: '数学' });
    expect(data.uiSchema.creators.items.name['ui:title']).toBe('姓名');
  });
});
