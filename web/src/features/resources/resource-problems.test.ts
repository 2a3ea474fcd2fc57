import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { toErrorSchema } from '../standards/record-errors';
import { problemsFromSubmitError, viewProblems } from './resource-problems';

const required = (path: string, message: string) => ({ path, label: '', code: 'required', message });
const problems = [
  required('/titleZh', '题名（中文）为必填项'),
  required('/licence', '许可协议为必填项'),
  { path: '/contact/email', label: '电子邮箱', code: 'format', message: '电子邮箱格式不正确' },
  { path: '/subjectCode', label: '课题编号', code: 'pattern', message: '课题编号格式不正确' },
];

describe('problems on the fields', () => {
  it('paints wrong values on their fields and only counts missing ones until a submission was refused', () => {
    const record = { contact: { email: 'zhang@' }, subjectCode: 'X1' };
    const view = viewProblems(problems, { saved: record, current: record, revealMissing: false });
    expect(view.onFields.map((p) => p.path)).toEqual(['/contact/email', '/subjectCode']);
    expect(view).toMatchObject({ missing: 2, invalid: 2 });
    // On rjsf's error schema the nested path lands on the nested control.
    expect(toErrorSchema(view.onFields)).toEqual({ contact: { email: { __errors: ['电子邮箱格式不正确'] } }, subjectCode: { __errors: ['课题编号格式不正确'] } });

    const refused = viewProblems(problems, { saved: record, current: record, revealMissing: true });
    expect(refused.onFields.map((p) => p.path)).toEqual(['/titleZh', '/licence', '/contact/email', '/subjectCode']);
  });

  it('drops the problems of fields edited since the server last checked them', () => {
    const saved = { contact: { email: 'zhang@' }, subjectCode: 'X1' };
    const current = { ...saved, contact: { email: 'zhang@zju.edu.cn' }, titleZh: '浙江省慢性病队列数据集' };
    const view = viewProblems(problems, { saved, current, revealMissing: true });
    expect(view.onFields.map((p) => p.path)).toEqual(['/licence', '/subjectCode']);
    expect(view).toMatchObject({ missing: 1, invalid: 1 });
  });

  it('reads the field problems of a refused submission (422 resource.invalid) and nothing else', () => {
    const invalid = new ApiError(422, 'resource.invalid', '描述信息有 2 处问题', [
      { path: '/titleZh', code: 'metadata.required', message: '题名（中文）为必填项' },
      { path: '', code: 'metadata.additionalProperties', message: '' },
    ]);
    expect(problemsFromSubmitError(invalid)).toEqual([
      { path: '/titleZh', label: '', code: 'required', message: '题名（中文）为必填项' },
      { path: '/', label: '', code: 'additionalProperties', message: '描述信息有 2 处问题' },
    ]);
    expect(problemsFromSubmitError(new ApiError(422, 'resource.deposit_required', '请先登记实物寄送'))).toBeNull();
    expect(problemsFromSubmitError(new Error('network'))).toBeNull();
  });
});
