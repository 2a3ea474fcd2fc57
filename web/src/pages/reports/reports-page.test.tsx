import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Grant } from '../../features/auth/auth-types';
import { visibleNavItems } from '../../components/nav-items';
import { program, project, report } from '../../features/reports/report-fixtures';
import type { Report } from '../../features/reports/report-types';
import { choose } from '../../features/reviews/review-fixtures';
import { ministryAdmin, platformAdmin } from '../../features/reuse/reuse-fixtures';
import { fakeApi, fakeMe, renderApp, type FakeRoutes } from '../../test/render-app';

/** Types a month into the antd month picker with this test id and confirms it. */
function typeMonth(testId: string, month: string) {
  const picker = screen.getByTestId(testId);
  const input = picker instanceof HTMLInputElement ? picker : picker.querySelector('input')!;
  fireEvent.mouseDown(input);
  fireEvent.focus(input);
  fireEvent.change(input, { target: { value: month } });
  fireEvent.keyDown(input, { key: 'Enter', code: 'Enter' });
  fireEvent.blur(input);
}

const SETTINGS = { monthly: false, quarterly: true, yearly: true, projects: false };

function routes(list: () => Report[], extra: FakeRoutes = {}): FakeRoutes {
  return {
    'GET /api/auth/me': { body: ministryAdmin },
    'GET /api/reports': () => {
      const items = list();
      return { body: { total: items.length, items } };
    },
    'GET /api/reports/settings': { body: SETTINGS },
    'GET /api/programs': { body: { items: [program] } },
    'GET /api/projects': { body: { items: [project] } },
    ...extra,
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('utilisation reports', () => {
  it('shows a running report’s progress, polls every 2 s, then offers the PDF and Excel and stops polling', async () => {
    let calls = 0;
    const running = report({ id: 'rep2', status: 'running', progress: 3, total: 12, summary: null, finishedAt: null, files: { pdf: null, xlsx: null }, requestedByName: '部管理员', period: 'on_demand', periodStart: '2026-01-01', periodEnd: '2026-10-31' });
    const finished = report({ ...running, status: 'done', progress: 12, finishedAt: '2026-11-27T10:02:00.000Z', summary: report().summary, files: { pdf: '/api/reports/rep2/pdf', xlsx: '/api/reports/rep2/xlsx' } });
    const { requests } = fakeApi(routes(() => (++calls === 1 ? [running, report()] : [finished, report()])));
    renderApp('/reports');

    const progress = await screen.findByTestId('report-progress-rep2');
    expect(progress.textContent).toContain('生成中');
    expect(progress.textContent).toContain('25%');
    expect(progress.textContent).toContain('3 / 12 个课题');
    expect(screen.queryByTestId('report-pdf-rep2')).toBeNull();
    const row = screen.getByTestId('report-row-rep2');
    expect(row.textContent).toContain('主动健康和人口老龄化科技应对');
    expect(row.textContent).toContain('2026-01 – 2026-10');
    expect(row.textContent).toContain('按需生成 · 部管理员');

    // The finished quarterly report beside it: its figures and files.
    const done = screen.getByTestId('report-row-rep1');
    expect(within(done).getByTestId('report-period-rep1').textContent).toBe('2026-07 – 2026-09');
    expect(done.textContent).toContain('季报');
    expect(within(done).getByTestId('report-views-rep1').textContent).toBe('浏览 12,345');
    expect(within(done).getByTestId('report-delivery-rep1').textContent).toBe('交付/计划 31 / 48');
    expect(within(done).getByTestId('report-meanTotal-rep1').textContent).toBe('平均得分 78.50');
    expect(within(done).getByTestId('report-pdf-rep1').getAttribute('href')).toBe('/api/reports/rep1/pdf');

    const pdf = await screen.findByTestId('report-pdf-rep2');
    expect(pdf.getAttribute('href')).toBe('/api/reports/rep2/pdf');
    expect(screen.getByTestId('report-xlsx-rep2').getAttribute('href')).toBe('/api/reports/rep2/xlsx');
    expect(screen.queryByTestId('report-progress-rep2')).toBeNull();
    expect(screen.getByTestId('report-status-rep2').textContent).toBe('已完成');
    expect(requests.filter((r) => r.path === '/api/reports?page=1&pageSize=20')).toHaveLength(2);

    // Nothing left unfinished: no more requests.
    await sleep(2_500);
    expect(requests.filter((r) => r.path.startsWith('/api/reports?'))).toHaveLength(2);
  });

  it('generates a project report over whole months and shows the new row with its progress', async () => {
    let items: Report[] = [];
    const queued = report({
      id: 'rep9', scopeType: 'project', scope: { code: '2025YFC0810000', titleZh: '长三角人群健康队列', titleEn: null }, period: 'on_demand',
      periodStart: '2025-01-01', periodEnd: '2025-02-28', status: 'queued', progress: 0, total: 0, summary: null, finishedAt: null,
      requestedByName: '部管理员', files: { pdf: null, xlsx: null },
    });
    const { requests } = fakeApi(
      routes(() => items, {
        'POST /api/reports': () => {
          items = [queued];
          return { status: 202, body: queued };
        },
      }),
    );
    renderApp('/reports');
    const form = await screen.findByTestId('report-generate-form');
    expect(await screen.findByText('还没有报告')).toBeTruthy();

    fireEvent.click(screen.getByTestId('report-generate'));
    expect(await within(form).findByText('请选择专项或项目')).toBeTruthy();
    expect(within(form).getByText('请选择起始月份')).toBeTruthy();

    fireEvent.click(within(form).getByText('项目'));
    await choose('report-code', '2025YFC0810000 · 长三角人群健康队列');
    typeMonth('report-period-start', '2025-03');
    typeMonth('report-period-end', '2025-01');
    fireEvent.click(screen.getByTestId('report-generate'));
    expect(await within(form).findByText('截止月份不能早于起始月份')).toBeTruthy();
    expect(requests.filter((r) => r.method === 'POST')).toEqual([]);

    typeMonth('report-period-start', '2025-01');
    typeMonth('report-period-end', '2025-02');
    await waitFor(() => expect(within(form).queryByText('截止月份不能早于起始月份')).toBeNull());
    fireEvent.click(screen.getByTestId('report-generate'));
    await waitFor(() => expect(requests.filter((r) => r.method === 'POST')).toHaveLength(1));
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ scopeType: 'project', code: '2025YFC0810000', periodStart: '2025-01-01', periodEnd: '2025-02-28' });

    const row = await screen.findByTestId('report-row-rep9');
    expect(row.textContent).toContain('长三角人群健康队列');
    expect(within(row).getByTestId('report-progress-rep9').textContent).toContain('排队中');
    expect(within(row).getByTestId('report-progress-rep9').textContent).toContain('等待开始');
  });

  it('saves the report schedule', async () => {
    const { requests } = fakeApi(routes(() => [], { 'PUT /api/reports/settings': (init) => ({ body: JSON.parse(String(init.body)) }) }));
    renderApp('/reports');
    const monthly = await screen.findByTestId('report-schedule-monthly');
    expect(monthly.getAttribute('aria-checked')).toBe('false');
    expect(screen.getByTestId('report-schedule-quarterly').getAttribute('aria-checked')).toBe('true');
    fireEvent.click(monthly);
    fireEvent.click(screen.getByTestId('report-schedule-yearly'));
    fireEvent.click(screen.getByTestId('report-schedule-projects'));
    fireEvent.click(screen.getByTestId('report-settings-save'));
    await waitFor(() => expect(requests.filter((r) => r.method === 'PUT')).toHaveLength(1));
    expect(requests.find((r) => r.method === 'PUT')).toMatchObject({ path: '/api/reports/settings', body: { monthly: true, quarterly: true, yearly: false, projects: true } });
    expect(await screen.findByText('定期报告设置已保存')).toBeTruthy();
  });

  it('edits a program’s contacts: names and valid, distinct e-mails are required before saving', async () => {
    const { requests } = fakeApi(
      routes(() => [], {
        'GET /api/programs/2025YFC08/contacts': { body: { items: [{ name: '孙专项', email: 'sun@most.cn' }] } },
        'PUT /api/programs/2025YFC08/contacts': (init) => ({ body: JSON.parse(String(init.body)) }),
      }),
    );
    renderApp('/reports');
    await screen.findByTestId('program-contacts');
    await choose('contacts-program', '2025YFC08 · 主动健康和人口老龄化科技应对');
    const form = await screen.findByTestId('contacts-form');
    await waitFor(() => expect((within(form).getByTestId('contact-email-0') as HTMLInputElement).value).toBe('sun@most.cn'));
    expect((within(form).getByTestId('contact-name-0') as HTMLInputElement).value).toBe('孙专项');

    fireEvent.click(within(form).getByTestId('contact-add'));
    fireEvent.click(within(form).getByTestId('contacts-save'));
    expect(await within(form).findByText('请填写姓名')).toBeTruthy();
    expect(within(form).getByText('请填写邮箱')).toBeTruthy();

    fireEvent.change(within(form).getByTestId('contact-name-1'), { target: { value: ' 周联络 ' } });
    fireEvent.change(within(form).getByTestId('contact-email-1'), { target: { value: 'zhou@' } });
    expect(await within(form).findByText('请输入有效的邮箱地址')).toBeTruthy();
    fireEvent.change(within(form).getByTestId('contact-email-1'), { target: { value: 'SUN@most.cn' } });
    expect(await within(form).findByText('该邮箱已在列表中')).toBeTruthy();
    fireEvent.click(within(form).getByTestId('contacts-save'));
    await sleep(50);
    expect(requests.filter((r) => r.method === 'PUT')).toEqual([]);

    fireEvent.change(within(form).getByTestId('contact-email-1'), { target: { value: 'zhou@most.cn' } });
    await waitFor(() => expect(within(form).queryByText('该邮箱已在列表中')).toBeNull());
    fireEvent.click(within(form).getByTestId('contacts-save'));
    await waitFor(() => expect(requests.filter((r) => r.method === 'PUT')).toHaveLength(1));
    expect(requests.find((r) => r.method === 'PUT')).toMatchObject({
      path: '/api/programs/2025YFC08/contacts',
      body: { items: [{ name: '孙专项', email: 'sun@most.cn' }, { name: '周联络', email: 'zhou@most.cn' }] },
    });
    expect(await screen.findByText('联系人已保存')).toBeTruthy();
  });

  it('is for the ministry and sysadmins only', async () => {
    fakeApi({ 'GET /api/auth/me': { body: platformAdmin } });
    renderApp('/reports');
    expect(await screen.findByText('仅部管理员和系统管理员可管理利用报告')).toBeTruthy();
    expect(screen.queryByTestId('report-generate')).toBeNull();
  });
});

describe('menu entries for reuse review and reports', () => {
  const grant = (role: Grant['role']): Grant => ({ id: `g-${role}`, role, scopeType: role === 'sysadmin' ? 'platform' : role === 'pi' ? 'subject' : 'organisation', scopeId: role === 'sysadmin' ? null : 'x', scopeName: null });
  const paths = (...roles: Grant['role'][]) =>
    visibleNavItems(fakeMe({ grants: roles.map(grant), capabilities: { manageOrgs: false, listUsers: false, readAudit: false } })).map((item) => item.path);

  it('shows 成效审核 to platform, ministry and system administrators, and 利用报告 to the ministry and sysadmins', () => {
    expect(paths('platform_admin')).toContain('/reuse');
    expect(paths('platform_admin')).not.toContain('/reports');
    expect(paths('ministry_admin')).toEqual(expect.arrayContaining(['/reuse', '/reports']));
    expect(paths('sysadmin')).toEqual(expect.arrayContaining(['/reuse', '/reports']));
    for (const role of ['unit_admin', 'province_supervisor', 'expert', 'pi', 'submitter'] as const) {
      expect(paths(role)).not.toContain('/reuse');
      expect(paths(role)).not.toContain('/reports');
    }
    expect(paths()).not.toContain('/reuse');
  });
});
