import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, renderApp, UNAUTHENTICATED } from '../../test/render-app';

const fill = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });

describe('registration (public)', () => {
  it('is offered on the login page, checks the fields as the server does, then says the verification email is sent', async () => {
    let attempts = 0;
    const { requests } = fakeApi({
      'GET /api/auth/me': UNAUTHENTICATED,
      'POST /api/auth/register': () =>
        ++attempts === 1
          ? { status: 409, body: { code: 'user.username_taken', message: '用户名已被使用', details: [{ path: '/username', code: 'user.username_taken', message: '用户名已被使用' }] } }
          : { status: 201, body: { status: 'verification_sent' } },
    });
    renderApp('/login');
    expect((await screen.findByTestId('login-browse')).getAttribute('href')).toBe('/search');
    fireEvent.click(screen.getByTestId('login-register'));

    await screen.findByTestId('register-form');
    fireEvent.click(screen.getByTestId('register-submit'));
    await waitFor(() => expect(screen.getAllByText('此项为必填项').length).toBeGreaterThanOrEqual(5));

    fill('register-username', '-bad name');
    fill('register-display-name', '陈读者');
    fill('register-email', 'not-an-email');
    fill('register-password', 'onlyletters');
    fill('register-confirm', 'different1');
    fireEvent.click(screen.getByTestId('register-submit'));
    expect(await screen.findByText('请输入有效的邮箱地址')).toBeTruthy();
    expect(screen.getByText('用户名格式不正确')).toBeTruthy();
    expect(screen.getByText('密码强度不足')).toBeTruthy();
    expect(screen.getByText('两次输入的密码不一致')).toBeTruthy();
    expect(requests.filter((r) => r.method === 'POST')).toEqual([]);

    fill('register-username', 'chen.reader');
    fill('register-email', ' chen@example.cn ');
    fill('register-password', 'Reader2027ok');
    fill('register-confirm', 'Reader2027ok');
    fireEvent.click(screen.getByTestId('register-submit'));
    // The server's refusal lands on its field.
    expect(await screen.findByText('用户名已被使用')).toBeTruthy();

    fill('register-username', 'chen.reader2');
    fireEvent.click(screen.getByTestId('register-submit'));
    expect((await screen.findByTestId('register-sent')).textContent).toContain('验证邮件已发送');
    expect(screen.getByTestId('register-sent').textContent).toContain('chen@example.cn');
    expect(requests.filter((r) => r.method === 'POST').at(-1)?.body).toEqual({ username: 'chen.reader2', displayName: '陈读者', email: 'chen@example.cn', password: 'Reader2027ok' });
  });

  it('verifies the emailed link once and sends the user to log in', async () => {
    const { requests } = fakeApi({ 'GET /api/auth/me': UNAUTHENTICATED, 'POST /api/auth/verify-email': { body: { username: 'chen.reader' } } });
    renderApp('/verify-email/tok-123');
    expect((await screen.findByTestId('verify-email-done')).textContent).toContain('账号 chen.reader 已激活');
    expect(requests.filter((r) => r.method === 'POST')).toEqual([expect.objectContaining({ path: '/api/auth/verify-email', body: { token: 'tok-123' } })]);
    fireEvent.click(screen.getByTestId('verify-email-login'));
    expect(await screen.findByTestId('login-name')).toBeTruthy();
  });

  it('says when a link is invalid or used', async () => {
    fakeApi({ 'POST /api/auth/verify-email': { status: 400, body: { code: 'auth.invalid_token', message: '链接无效或已过期', details: [] } } });
    renderApp('/verify-email/used');
    const failed = await screen.findByTestId('verify-email-failed');
    expect(failed.textContent).toContain('邮箱验证失败');
    expect(failed.textContent).toContain('链接无效或已过期');
  });
});
