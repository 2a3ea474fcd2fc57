import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ministry, supervisionRoutes } from '../../features/supervision/supervision-fixtures';
import type { ReminderLogItem, ReminderSettings } from '../../features/supervision/supervision-types';
// Loaded up front so the lazy route's first render does not spend the test's time compiling it.
import './supervision-page';
import { fakeApi, renderApp } from '../../test/render-app';

vi.mock('../../features/supervision/echart', () => ({ EChart: () => null }));

const settings: ReminderSettings = { enabled: true, beforeDays: [1, 7], afterDays: [1, 7, 30] };

const logItem = (overrides: Partial<ReminderLogItem>): ReminderLogItem => ({
  id: 'r1', subjectCode: '2025YFC0810001', subjectTitle: '长三角人群队列慢性病风险因素研究', recipientName: '刘洋', reason: 'manual',
  message: '请于月底前补交', sentByName: '张督办', day: '2026-11-27', createdAt: '2026-11-27T02:00:00.000Z', ...overrides,
});

describe('reminders', () => {
  it('lists the reminders sent, manual and automatic, filtered by subject code', async () => {
    const { requests } = fakeApi(
      supervisionRoutes(ministry, {
        'GET /api/supervision/reminders': (_init, url) => ({
          body: url.searchParams.get('subjectCode')
            ? { total: 1, items: [logItem({})] }
            : { total: 2, items: [logItem({}), logItem({ id: 'r2', recipientName: '陈静', reason: 'after_due', message: null, sentByName: null })] },
        }),
      }),
    );
    renderApp('/supervision?tab=reminders');
    const log = await screen.findByTestId('reminder-log', {}, { timeout: 30_000 });
    await waitFor(() => expect(within(log).getAllByRole('row')).toHaveLength(3));
    const [, manual, automatic] = within(log).getAllByRole('row');
    expect(manual?.textContent).toContain('人工催办');
    expect(manual?.textContent).toContain('请于月底前补交');
    expect(manual?.textContent).toContain('张督办');
    expect(automatic?.textContent).toContain('逾期提醒');
    expect(automatic?.textContent).toContain('系统自动');
    expect(log.textContent).toContain('共 2 条');

    fireEvent.change(within(log).getByPlaceholderText('按课题编号筛选'), { target: { value: '2025YFC0810001' } });
    fireEvent.keyDown(within(log).getByPlaceholderText('按课题编号筛选'), { key: 'Enter', code: 'Enter', keyCode: 13 });
    await waitFor(() => expect(log.textContent).toContain('共 1 条'));
    expect(requests.map((r) => r.path)).toContain('/api/supervision/reminders?subjectCode=2025YFC0810001&page=1&pageSize=20');
  }, 60_000);

  it('edits the automatic schedule, refusing bad days before sending and showing the server’s refusal', async () => {
    const { requests } = fakeApi(
      supervisionRoutes(ministry, {
        'GET /api/supervision/reminder-settings': { body: settings },
        'PUT /api/supervision/reminder-settings': (init) => {
          const body = JSON.parse(String(init.body)) as ReminderSettings;
          return body.enabled
            ? { status: 422, body: { code: 'supervision.bad_schedule', message: '提醒天数须为 1–365 之间互不相同的整数，每组最多 10 个', details: [] } }
            : { body };
        },
      }),
    );
    renderApp('/supervision?tab=settings');
    const form = await screen.findByTestId('reminder-settings-form');
    await waitFor(() => expect(within(form).getByTestId('before-days').textContent).toContain('7 天'));
    expect(within(form).getByTestId('after-days-tag-30').textContent).toBe('30 天');

    const input = within(form).getByTestId('before-days-input');
    fireEvent.change(input, { target: { value: '400' } });
    fireEvent.click(within(form).getByTestId('before-days-add'));
    expect(within(form).getByTestId('before-days-problem').textContent).toBe('请输入 1–365 之间的整数');
    fireEvent.change(input, { target: { value: '7' } });
    fireEvent.click(within(form).getByTestId('before-days-add'));
    expect(within(form).getByTestId('before-days-problem').textContent).toBe('已有 7 天');
    fireEvent.change(input, { target: { value: '14' } });
    fireEvent.click(within(form).getByTestId('before-days-add'));
    expect(within(form).queryByTestId('before-days-problem')).toBeNull();

    fireEvent.click(screen.getByTestId('reminder-settings-save'));
    expect(await screen.findByTestId('reminder-settings-error')).toBeTruthy();
    expect(screen.getByTestId('reminder-settings-error').textContent).toBe('提醒天数须为 1–365 之间互不相同的整数，每组最多 10 个');
    expect(requests.filter((r) => r.method === 'PUT').map((r) => r.body)).toEqual([{ enabled: true, beforeDays: [1, 7, 14], afterDays: [1, 7, 30] }]);

    fireEvent.click(within(form).getByTestId('reminder-enabled'));
    fireEvent.click(within(form).getByTestId('after-days').querySelector('[aria-label="Close"], .ant-tag-close-icon') as Element);
    fireEvent.click(screen.getByTestId('reminder-settings-save'));
    expect(await screen.findByText('自动提醒设置已保存')).toBeTruthy();
    expect(requests.filter((r) => r.method === 'PUT').map((r) => r.body)[1]).toEqual({ enabled: false, beforeDays: [1, 7, 14], afterDays: [7, 30] });
    expect(screen.queryByTestId('reminder-settings-error')).toBeNull();
  });
});
