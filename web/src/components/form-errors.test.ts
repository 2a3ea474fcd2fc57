import { describe, expect, it, vi } from 'vitest';
import type { FormInstance } from 'antd';
import { ApiError } from '../api/client';
import { applyFieldErrors, fieldNameFromPath } from './form-errors';

function fakeForm() {
  const setFields = vi.fn();
  return { form: { setFields } as unknown as FormInstance, setFields };
}

describe('fieldNameFromPath', () => {
  it('turns JSON pointers into antd name paths', () => {
    expect(fieldNameFromPath('/creditCode')).toEqual(['creditCode']);
    expect(fieldNameFromPath('/lines/0/count')).toEqual(['lines', 0, 'count']);
  });
});

describe('applyFieldErrors', () => {
  it('puts a detail on its field and leaves nothing else to show', () => {
    const { form, setFields } = fakeForm();
    const error = new ApiError(422, 'org.invalid_credit_code', '代码无效', [{ path: '/creditCode', code: 'org.invalid_credit_code', message: '代码无效' }]);
    expect(applyFieldErrors(form, error, { fields: ['creditCode'] })).toBeNull();
    expect(setFields).toHaveBeenCalledWith([{ name: 'creditCode', errors: ['代码无效'] }]);
  });

  it('places a detail-less error on the field its code belongs to', () => {
    const { form, setFields } = fakeForm();
    const error = new ApiError(409, 'user.username_taken', '用户名已被使用');
    expect(applyFieldErrors(form, error, { fields: ['username'], codeFields: { 'user.username_taken': 'username' } })).toBeNull();
    expect(setFields).toHaveBeenCalledWith([{ name: 'username', errors: ['用户名已被使用'] }]);
  });

  it('returns the message when a detail names a field the form does not show', () => {
    const { form } = fakeForm();
    const error = new ApiError(400, 'request.invalid', '请求内容有误', [{ path: '/secret', code: 'x', message: 'bad' }]);
    expect(applyFieldErrors(form, error, { fields: ['name'] })).toBe('请求内容有误: bad');
  });

  it('returns the message of an error without details', () => {
    const { form } = fakeForm();
    expect(applyFieldErrors(form, new ApiError(403, 'auth.forbidden', '无权限'), { fields: ['name'] })).toBe('无权限');
  });
});
