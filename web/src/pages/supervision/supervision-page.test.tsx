import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, useLocation, useNavigate } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { AppProviders, AppRoutes, createQueryClient } from '../../app';
import { visibleNavItems } from '../../components/nav-items';
import type { ChartOption } from '../../features/supervision/chart-options';
import {
  foreignSubject, ministry, NINGBO_ID, onTimeSubject, overdueSubject, platformAdmin, PLATFORM_ID, sessionWith, supervisionRoutes, supervisor, unitAdmin, ZJU_ID,
} from '../../features/supervision/supervision-fixtures';
// Loaded up front so the lazy route's first render does not spend the test's time compiling it.
import './supervision-page';
import { fakeApi, fakeMe } from '../../test/render-app';

// jsdom has no canvas: the chart shows the series names and data ECharts would draw.
vi.mock('../../features/supervision/echart', () => ({
  EChart: ({ option, ...rest }: { option: ChartOption; 'data-testid'?: string }) => {
    const series = option.series as Array<{ name: string; data: unknown[] }>;
    const categories = (option.xAxis as { data: string[] }).data;
    return <div data-testid={rest['data-testid']}>{`${categories.join(',')}|${series.map((s) => `${s.name}:${s.data.join(',')}`).join('|')}`}</div>;
  },
}));

/** The app with the address shown (and a Back button), so tests see what lands in the URL. */
function renderAt(path: string) {
  function Where() {
    const location = useLocation();
    const navigate = useNavigate();
    return (
      <>
        <div data-testid="where">{location.pathname + location.search}</div>
        <button type="button" data-testid="back" onClick={() => navigate(-1)} />
      </>
    );
  }
  return render(
    <AppProviders queryClient={createQueryClient()}>
      <MemoryRouter initialEntries={[path]}>
        <AppRoutes />
        <Where />
      </MemoryRouter>
    </AppProviders>,
  );
}

const where = () => screen.getByTestId('where').textContent;
const gets = (requests: ReturnType<typeof fakeApi>['requests'], path: string) => requests.filter((r) => r.method === 'GET' && r.path.startsWith(path)).map((r) => r.path);

describe('supervision dashboard', () => {
  it('shows 「监督看板」 to the oversight roles only', () => {
    const paths = (me: ReturnType<typeof fakeMe>) => visibleNavItems(me).map((item) => item.path);
    const grant = (role: Parameters<typeof sessionWith>[0][number]['role'], scopeType: 'platform' | 'organisation' | 'subject' = 'organisation') =>
      sessionWith([{ role, scopeType, scopeId: scopeType === 'platform' ? null : 'x', scopeName: null }]);
    for (const me of [fakeMe(), ministry, supervisor, unitAdmin, platformAdmin]) expect(paths(me)).toContain('/supervision');
    for (const me of [grant('pi', 'subject'), grant('submitter', 'subject'), grant('expert'), fakeMe({ grants: [] })]) expect(paths(me)).not.toContain('/supervision');
  });

  it('drills from provinces to the units of a province to the subjects of a unit, and back up', async () => {
    const { requests } = fakeApi(supervisionRoutes(ministry));
    renderAt('/supervision');

    // The first screen of the file: the app shell, the session and a dozen antd tables render once in jsdom.
    const zhejiang = await screen.findByTestId('breakdown-row-330000', {}, { timeout: 30_000 });
    expect(screen.getByTestId('side-menu').textContent).toContain('监督看板');
    expect(zhejiang.textContent).toContain('浙江省');
    expect(zhejiang.textContent).toContain('已汇交 12 / 计划 24');
    expect(screen.getByTestId('kpi-completion-value').textContent).toBe('55.0%');
    expect(screen.getByTestId('kpi-overdue-footer').textContent).toBe('逾期计划条目 5 · 计划审核 1 · 资源审核 2');
    expect(screen.getByTestId('kpi-funding-value').textContent).toBe('¥1,234,567.50');
    expect(screen.getByTestId('drill-breadcrumb').textContent).toBe('全国');
    // The level shown is by province; the unit filter's options come from the units in scope.
    expect(gets(requests, '/api/supervision/breakdown').filter((path) => !path.includes('by=unit'))).toEqual(['/api/supervision/breakdown?by=province']);

    fireEvent.click(zhejiang);
    await waitFor(() => expect(where()).toBe('/supervision?province=330000'));
    const zju = await screen.findByTestId(`breakdown-row-${ZJU_ID}`);
    expect(gets(requests, '/api/supervision/breakdown')).toContain('/api/supervision/breakdown?by=unit&province=330000');
    expect(gets(requests, '/api/supervision/overview')).toContain('/api/supervision/overview?province=330000');
    expect(screen.getByTestId('drill-breadcrumb').textContent).toBe('全国/浙江省');
    expect(screen.getByTestId(`breakdown-row-${NINGBO_ID}`).textContent).toContain('100.0%');

    fireEvent.click(zju);
    await waitFor(() => expect(where()).toBe(`/supervision?province=330000&unitId=${ZJU_ID}`));
    await waitFor(() => expect(screen.getByTestId('drill-breadcrumb').textContent).toBe('全国/浙江省/浙江大学'));
    expect(screen.queryByTestId('breakdown')).toBeNull();
    await screen.findByTestId(`supervision-subject-${onTimeSubject.code}`);
    expect(gets(requests, '/api/supervision/subjects')).toContain(`/api/supervision/subjects?province=330000&unitId=${ZJU_ID}&page=1&pageSize=20`);
    expect(screen.queryByTestId(`supervision-subject-${foreignSubject.code}`)).toBeNull();

    // Back returns to the units of the province; the breadcrumb goes straight to the top.
    fireEvent.click(screen.getByTestId('back'));
    await waitFor(() => expect(where()).toBe('/supervision?province=330000'));
    expect(await screen.findByTestId(`breakdown-row-${ZJU_ID}`)).toBeTruthy();
    fireEvent.click(within(screen.getByTestId('drill-breadcrumb')).getByText('全国'));
    await waitFor(() => expect(where()).toBe('/supervision'));
    expect(await screen.findByTestId('breakdown-row-330000')).toBeTruthy();
  }, 60_000);

  it('starts a province supervisor at their province and sends a reminder for an overdue subject', async () => {
    const { requests } = fakeApi(
      supervisionRoutes(supervisor, {
        'POST /api/supervision/reminders': {
          body: { results: [{ code: overdueSubject.code, status: 'sent', recipients: 2 }, { code: onTimeSubject.code, status: 'already_today', recipients: 0 }] },
        },
      }),
    );
    renderAt('/supervision');
    await waitFor(() => expect(where()).toBe('/supervision?province=330000'));
    fireEvent.click(await screen.findByTestId(`breakdown-row-${ZJU_ID}`));
    expect(gets(requests, '/api/supervision/breakdown?by=province')).toEqual([]);
    await waitFor(() => expect(screen.getByTestId('drill-breadcrumb').textContent).toBe('浙江省/浙江大学'));

    const late = await screen.findByTestId(`supervision-subject-${overdueSubject.code}`);
    expect(within(late).getByTestId('overdue-line:data').textContent).toBe('逾期：科学数据');
    expect(within(late).getByTestId('overdue-resource_review').textContent).toBe('逾期：资源审核');
    expect(within(late).getByTestId(`completion-${overdueSubject.code}`).textContent).toContain('已汇交 3 / 计划 6');
    expect(late.textContent).toContain('单位审核 1');
    expect(late.textContent).toContain('¥12,000.00 / ¥500,000.00');
    expect(within(late).getByRole('link', { name: overdueSubject.code }).getAttribute('href')).toBe(`/subjects/${overdueSubject.code}`);
    const onTime = screen.getByTestId(`supervision-subject-${onTimeSubject.code}`);
    expect(onTime.textContent).toContain('已过 12 天');
    expect(onTime.textContent).toContain('已发证');

    const remind = screen.getByTestId('remind-button') as HTMLButtonElement;
    expect(remind.disabled).toBe(true);
    expect(within(late).getByTestId(`select-${overdueSubject.code}`).tagName).toBe('INPUT');
    fireEvent.click(within(late).getByTestId(`select-${overdueSubject.code}`));
    fireEvent.click(within(onTime).getByRole('checkbox'));
    await waitFor(() => expect(remind.disabled).toBe(false));
    expect(remind.textContent).toBe('发送催办提醒（2）');
    fireEvent.click(remind);

    const modal = await screen.findByTestId('remind-modal');
    expect(within(modal).getByTestId(`remind-subject-${overdueSubject.code}`).textContent).toContain('长三角人群队列慢性病风险因素研究');
    const preview = within(modal).getByTestId('remind-preview');
    expect(preview.textContent).toBe(
      [
        '（接收人姓名），您好：',
        '',
        '张督办提醒您关注课题“长三角人群队列慢性病风险因素研究”（2025YFC0810001）的资源汇交进度：',
        '- 科学数据：计划 4 项，已发布 2 项，截止 2026-09-30（已逾期）',
        '- 研究实验报告：计划 2 项，已发布 1 项，截止 2027-06-30',
        '',
        `请登录平台查看并处理：${window.location.origin}/subjects/2025YFC0810001`,
      ].join('\n'),
    );
    fireEvent.change(within(modal).getByTestId('remind-note'), { target: { value: '  请于月底前补交  ' } });
    expect(preview.textContent).toContain('研究实验报告：计划 2 项，已发布 1 项，截止 2027-06-30\n\n留言：请于月底前补交\n\n请登录平台查看并处理');
    fireEvent.click(screen.getByTestId('remind-send'));

    await waitFor(() => expect(within(modal).getByTestId(`remind-result-${overdueSubject.code}`).textContent).toBe('已发送 2 人'));
    expect(requests.filter((r) => r.method === 'POST')).toEqual([
      expect.objectContaining({ path: '/api/supervision/reminders', body: { subjectCodes: [overdueSubject.code, onTimeSubject.code], message: '请于月底前补交' } }),
    ]);
    expect(within(modal).getByTestId(`remind-result-${onTimeSubject.code}`).textContent).toBe('今日已提醒');
    expect(within(modal).getByTestId('remind-summary').textContent).toBe('已向 1 个课题的 2 人发送提醒，1 个课题未发送');
    // The settings of the automatic reminders are the ministry's.
    expect(screen.queryByTestId('tab-settings')).toBeNull();
  }, 60_000);

  it('offers no checkbox for a subject the user may not remind, and no remind button to platform admins', async () => {
    fakeApi(supervisionRoutes(ministry));
    const view = renderAt('/supervision');
    const foreign = await screen.findByTestId(`supervision-subject-${foreignSubject.code}`);
    expect(within(foreign).queryByRole('checkbox')).toBeNull();
    expect(within(foreign).getByTestId('funding-flag').textContent).toBe('有支出无发布');
    expect(within(foreign).getByTestId('overdue-plan_review').textContent).toBe('逾期：计划审核');
    expect(within(screen.getByTestId(`supervision-subject-${overdueSubject.code}`)).getByRole('checkbox')).toBeTruthy();
    view.unmount();

    fakeApi(supervisionRoutes(platformAdmin));
    renderAt('/supervision');
    await screen.findByTestId(`supervision-subject-${overdueSubject.code}`);
    expect(screen.queryByTestId('remind-button')).toBeNull();
    expect(screen.queryAllByRole('checkbox')).toEqual([]);
  }, 60_000);

  it('starts a unit admin at the subjects of their unit', async () => {
    const { requests } = fakeApi(supervisionRoutes(unitAdmin));
    renderAt('/supervision');
    await waitFor(() => expect(where()).toBe(`/supervision?unitId=${ZJU_ID}`));
    await screen.findByTestId(`supervision-subject-${overdueSubject.code}`);
    await waitFor(() => expect(screen.getByTestId('drill-breadcrumb').textContent).toBe('浙江大学'));
    expect(screen.queryByTestId('breakdown')).toBeNull();
    // No level above the unit is fetched: only the units in scope (the filter's options and the unit's name).
    expect(gets(requests, '/api/supervision/breakdown').every((path) => path.startsWith('/api/supervision/breakdown?by=unit'))).toBe(true);
  });

  it('exports with the filters of the address bar, and sorts and filters on the server', async () => {
    const { requests } = fakeApi(supervisionRoutes(ministry));
    renderAt(`/supervision?province=330000&platformId=${PLATFORM_ID}&programCode=2025YFC0800000&q=队列&overdue=true`);
    const exportLink = await screen.findByTestId('export-xlsx');
    expect(exportLink.getAttribute('href')).toBe(
      `/api/supervision/export.xlsx?province=330000&platformId=${PLATFORM_ID}&programCode=2025YFC0800000&q=%E9%98%9F%E5%88%97&overdue=true`,
    );
    expect(exportLink.textContent).toBe('导出 Excel');
    await screen.findByTestId(`supervision-subject-${overdueSubject.code}`);
    expect(gets(requests, '/api/supervision/subjects')).toContain(
      `/api/supervision/subjects?province=330000&platformId=${PLATFORM_ID}&programCode=2025YFC0800000&q=%E9%98%9F%E5%88%97&overdue=true&page=1&pageSize=20`,
    );

    const header = within(screen.getByTestId('supervision-subjects')).getAllByRole('columnheader').find((th) => th.textContent === '完成率');
    fireEvent.click(header as HTMLElement);
    await waitFor(() => expect(where()).toContain('sort=completion&order=asc'));
    await waitFor(() => expect(gets(requests, '/api/supervision/subjects').some((p) => p.includes('sort=completion&order=asc'))).toBe(true));

    fireEvent.click(screen.getByTestId('filter-overdue'));
    await waitFor(() => expect(screen.getByTestId('export-xlsx').getAttribute('href')).not.toContain('overdue'));
    expect(where()).not.toContain('overdue');
  });

  it('draws the trends with the labels of the UI language', async () => {
    fakeApi(supervisionRoutes(ministry));
    renderAt('/supervision');
    expect((await screen.findByTestId('chart-completion-canvas')).textContent).toBe('2026-09,2026-10,2026-11|计划应交:10,14,20|已汇交:6,9,12');
    expect((await screen.findByTestId('chart-overdue-canvas')).textContent).toBe('2026-09,2026-10,2026-11|逾期条目:2,0,3');
    expect((await screen.findByTestId('chart-turnaround-canvas')).textContent).toBe('单位审核（8 次）,平台审核（6 次）,专家评审（2 次）|平均:3.3,6.5,|中位数:3,5,');
    expect((await screen.findByTestId('chart-usage-canvas')).textContent).toBe('2026-09,2026-10,2026-11|浏览:120,150,90|下载:30,42,20|检索命中:400,380,310');
  });
});
