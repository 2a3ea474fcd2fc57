import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { application, pi, reader } from '../../features/portal/portal-fixtures';
import { fakeApi, renderApp } from '../../test/render-app';

const FORBIDDEN = { status: 403, body: { code: 'auth.forbidden', message: '无权执行此操作', details: [] } };

describe('applications for access', () => {
  it('lists my applications with their status, the provider’s reason and the access period', async () => {
    fakeApi({
      'GET /api/auth/me': { body: reader },
      'GET /api/applications/mine': {
        body: {
          items: [
            application({ id: 'a1', status: 'approved', expiresAt: '2099-04-01T00:00:00.000Z' }),
            application({ id: 'a2', status: 'rejected', reason: '用途说明不充分' }),
            application({ id: 'a3', status: 'approved', expiresAt: '2020-01-01T00:00:00.000Z' }),
          ],
        },
      },
    });
    renderApp('/applications');
    const table = await screen.findByTestId('my-applications');
    await waitFor(() => expect(within(table).getByTestId('application-status-a1').textContent).toBe('已批准'));
    expect(within(table).getByTestId('application-status-a2').textContent).toBe('未通过');
    expect(within(table).getByTestId('application-status-a3').textContent).toBe('已过期');
    expect(table.textContent).toContain('用途说明不充分');
    // A reader without provider roles gets no inbox in the menu, but the portal and their applications.
    const menu = screen.getByTestId('side-menu');
    expect(menu.textContent).toContain('开放共享');
    expect(menu.textContent).toContain('我的申请');
    expect(menu.textContent).not.toContain('申请审批');
  });

  it('approves with an end date 12 months ahead by default, and refuses a rejection without a reason', async () => {
    const pending = application({ id: 'a1' });
    const other = application({ id: 'a2', applicant: { id: 'u2', displayName: '李四', email: null } });
    const { requests } = fakeApi({
      'GET /api/auth/me': { body: pi },
      'GET /api/applications/inbox': { body: { items: [pending, other] } },
      'POST /api/applications/a1/decision': { body: { ...pending, status: 'approved', expiresAt: dayjs().add(12, 'month').format('YYYY-MM-DD') } },
      'POST /api/applications/a2/decision': { body: { ...other, status: 'rejected', reason: '与课题研究方向无关' } },
    });
    renderApp('/applications/inbox');
    expect((await screen.findByTestId('side-menu')).textContent).toContain('申请审批');

    fireEvent.click(await screen.findByTestId('approve-a1'));
    const approveForm = await screen.findByTestId('decision-form');
    expect(within(approveForm).getByTestId('decision-expires')).toBeTruthy();
    fireEvent.click(screen.getByTestId('decision-submit'));
    await waitFor(() => expect(requests.filter((r) => r.method === 'POST')).toHaveLength(1));
    expect(requests.find((r) => r.path === '/api/applications/a1/decision')?.body).toEqual({ decision: 'approve', expiresAt: dayjs().add(12, 'month').format('YYYY-MM-DD') });

    fireEvent.click(await screen.findByTestId('reject-a2'));
    await waitFor(() => expect(screen.queryByTestId('decision-expires')).toBeNull());
    const rejectForm = screen.getByTestId('decision-form');
    fireEvent.click(screen.getByTestId('decision-submit'));
    expect(await within(rejectForm).findByText('请填写拒绝理由')).toBeTruthy();
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(1);

    fireEvent.change(within(rejectForm).getByTestId('decision-reason'), { target: { value: ' 与课题研究方向无关 ' } });
    fireEvent.click(screen.getByTestId('decision-submit'));
    await waitFor(() => expect(requests.filter((r) => r.method === 'POST')).toHaveLength(2));
    expect(requests.find((r) => r.path === '/api/applications/a2/decision')?.body).toEqual({ decision: 'reject', reason: '与课题研究方向无关' });
  });

  it('tells someone who provides nothing that the inbox is not theirs', async () => {
    fakeApi({ 'GET /api/auth/me': { body: reader }, 'GET /api/applications/inbox': FORBIDDEN });
    renderApp('/applications/inbox');
    expect(await screen.findByText('仅资源提供方（课题负责人、平台管理员）可审批使用申请')).toBeTruthy();
  });
});
