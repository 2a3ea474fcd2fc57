import { describe, expect, it } from 'vitest';
import { compactRecord, errorsAfterEdit, fieldDomId, toErrorSchema } from './record-errors';
import type { RecordError } from './standard-types';

const error = (path: string, message: string): RecordError => ({ path, label: '', code: 'required', message });

describe('server errors on form fields', () => {
  it('puts each error on the field its path names, nested paths included', () => {
    expect(
      toErrorSchema([
        error('/titleZh', '题名（中文）为必填项'),
        error('/titleZh', '题名（中文）至少需要 2 个字符'),
        error('/contact/email', '联系人 › 电子邮箱应为有效的电子邮箱地址'),
        error('/creators/0/name', '责任者 › 第 1 项 › 姓名为必填项'),
        error('/', '不允许的字段“foo”'),
      ]),
    ).toEqual({
      titleZh: { __errors: ['题名（中文）为必填项', '题名（中文）至少需要 2 个字符'] },
      contact: { email: { __errors: ['联系人 › 电子邮箱应为有效的电子邮箱地址'] } },
      creators: { 0: { name: { __errors: ['责任者 › 第 1 项 › 姓名为必填项'] } } },
      __errors: ['不允许的字段“foo”'],
    });
  });

  it('shows errors of a list drawn as one control (tags, multi-select) on that control', () => {
    const schema = toErrorSchema([error('/keywordsZh/1', '关键词（中文） › 第 2 项最多 50 个字符')], ['/keywordsZh']);
    expect(schema).toEqual({ keywordsZh: { __errors: ['关键词（中文） › 第 2 项最多 50 个字符'] } });
    expect(fieldDomId('/keywordsZh/1', ['/keywordsZh'])).toBe('root_keywordsZh');
    expect(fieldDomId('/contact/email')).toBe('root_contact_email');
  });

  it('drops the errors of a field once the user changes it', () => {
    const errors = [error('/titleZh', 'a'), error('/contact/name', 'b'), error('/', 'c')];
    expect(errorsAfterEdit(errors, {}, { titleZh: '新' }).map((e) => e.message)).toEqual(['b', 'c']);
    expect(errorsAfterEdit(errors, { contact: {} }, { contact: { name: '张' } }).map((e) => e.message)).toEqual(['a', 'c']);
    expect(errorsAfterEdit(errors, { a: 1 }, { a: 1 })).toHaveLength(3);
  });
});

describe('the record sent to the validator', () => {
  it('leaves out blank inputs, empty lists and objects, keeps false and 0', () => {
    expect(
      compactRecord({
        titleZh: '  ',
        language: 'zh',
        keywordsZh: ['', '队列'],
        contact: { name: '', email: undefined },
        creators: [{}],
        informedConsent: false,
        sampleSize: 0,
        note: null,
      }),
    ).toEqual({ language: 'zh', keywordsZh: ['队列'], informedConsent: false, sampleSize: 0 });
    expect(compactRecord({})).toBeUndefined();
  });
});
