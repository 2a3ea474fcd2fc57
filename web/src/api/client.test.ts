import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, setCsrfToken, setLanguageSource, setUnauthenticatedHandler, withQuery } from './client';
import { fakeApi } from '../test/render-app';

afterEach(() => {
  setCsrfToken(null);
  setLanguageSource(() => 'zh-CN');
  setUnauthenticatedHandler(() => undefined);
});

describe('api client', () => {
  it('sends the current UI language as Accept-Language on every request', async () => {
    const { requests } = fakeApi({ 'GET /api/regions': { body: { items: [] } } });
    let language = 'zh-CN';
    setLanguageSource(() => language);
    await api.get('/api/regions');
    language = 'en';
    await api.get('/api/regions');
    expect(requests.map((r) => r.headers['accept-language'])).toEqual(['zh-CN', 'en']);
  });

  it('sends the CSRF token on writes but not on reads', async () => {
    const { requests } = fakeApi({
      'GET /api/orgs': { body: { items: [] } },
      'POST /api/orgs': { status: 201, body: { id: 'o1' } },
      'DELETE /api/orgs/o1': { status: 204 },
    });
    setCsrfToken('tok');
    await api.get('/api/orgs');
    await api.post('/api/orgs', { kind: 'unit' });
    await expect(api.delete('/api/orgs/o1')).resolves.toBeUndefined();
    expect(requests.map((r) => r.headers['x-csrf-token'])).toEqual([undefined, 'tok', 'tok']);
    expect(requests[1]?.body).toEqual({ kind: 'unit' });
  });

  it('turns an error body into an ApiError with its field details', async () => {
    fakeApi({
      'POST /api/orgs': {
        status: 422,
        body: {
          code: 'org.invalid_credit_code',
          message: '统一社会信用代码无效',
          details: [{ path: '/creditCode', code: 'org.invalid_credit_code', message: '统一社会信用代码无效' }],
        },
      },
    });
    const error = await api.post('/api/orgs', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect([apiError.status, apiError.code, apiError.message]).toEqual([422, 'org.invalid_credit_code', '统一社会信用代码无效']);
    expect(apiError.details[0]?.path).toBe('/creditCode');
  });

  it('reports a lost session to the handler, and only for the log-in-again codes', async () => {
    const handler = vi.fn();
    setUnauthenticatedHandler(handler);
    fakeApi({
      'GET /api/users': { status: 401, body: { code: 'auth.session_expired', message: '登录已过期', details: [] } },
      'POST /api/auth/login': { status: 401, body: { code: 'auth.invalid_credentials', message: '用户名或密码错误', details: [] } },
    });
    await expect(api.get('/api/users')).rejects.toThrow('登录已过期');
    await expect(api.post('/api/auth/login', {})).rejects.toThrow('用户名或密码错误');
    expect(handler).toHaveBeenCalledTimes(1);
    expect((handler.mock.calls[0]?.[0] as ApiError).code).toBe('auth.session_expired');
  });

  it('builds query strings from defined values only', () => {
    expect(withQuery('/api/users', { q: '张', orgId: undefined, page: 2, pageSize: 20, x: '' })).toBe(
      '/api/users?q=%E5%BC%A0&page=2&pageSize=20',
    );
    expect(withQuery('/api/orgs', {})).toBe('/api/orgs');
  });
});
