import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, fakeMe, renderApp, UNAUTHENTICATED } from '../../test/render-app';

describe('login page', () => {
  it('is in Chinese by default and switches to English', async () => {
    fakeApi({ 'GET /api/auth/me': UNAUTHENTICATED });
    renderApp('/');
    expect(await screen.findByText('用户名或邮箱')).toBeTruthy();
    expect(document.title).toContain('汇交');

    fireEvent.click(screen.getByText('English'));
    expect(await screen.findByText('Username or email')).toBeTruthy();
    expect(localStorage.getItem('hj.lang')).toBe('en');
  });

  it('shows the message the API sends for wrong credentials', async () => {
    const { requests } = fakeApi({
      'GET /api/auth/me': UNAUTHENTICATED,
      'POST /api/auth/login': { status: 401, body: { code: 'auth.invalid_credentials', message: '用户名或密码错误', details: [] } },
    });
    renderApp('/login');
    fireEvent.change(await screen.findByTestId('login-name'), { target: { value: 'admin' } });
    fireEvent.change(screen.getByTestId('login-password'), { target: { value: 'nope' } });
    fireEvent.click(screen.getByTestId('login-submit'));
    expect(await screen.findByText('用户名或密码错误')).toBeTruthy();
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ login: 'admin', password: 'nope' });
  });

  it('logs in, then shows the home page with the roles and the menu the user may use', async () => {
    let loggedIn = false;
    const member = fakeMe({
      user: { ...fakeMe().user, displayName: '吴文' },
      grants: [{ id: 'g', role: 'unit_admin', scopeType: 'organisation', scopeId: 'o1', scopeName: '浙江大学' }],
      capabilities: { manageOrgs: false, listUsers: true, readAudit: false },
    });
    fakeApi({
      'GET /api/auth/me': () => (loggedIn ? { body: member } : UNAUTHENTICATED),
      'POST /api/auth/login': () => {
        loggedIn = true;
        return { body: { expiresAt: '2026-11-28T00:00:00Z' } };
      },
      'PUT /api/auth/locale': { status: 204 },
    });
    renderApp('/login');
    fireEvent.change(await screen.findByTestId('login-name'), { target: { value: 'unit_admin' } });
    fireEvent.change(screen.getByTestId('login-password'), { target: { value: 'Huijiao@2026' } });
    fireEvent.click(screen.getByTestId('login-submit'));

    expect(await screen.findByText('欢迎，吴文')).toBeTruthy();
    await waitFor(() => expect(screen.getAllByText('单位管理员').length).toBeGreaterThan(0));
    expect(screen.getByText('机构：浙江大学')).toBeTruthy();
    const menu = screen.getByTestId('side-menu');
    expect(menu.textContent).toContain('用户与授权');
    expect(menu.textContent).not.toContain('审计日志');
  });
});
