import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { activeNavPath, visibleNavItems } from '../../components/nav-items';
import {
  asRole, ministryAdmin, PI_ROWS, PI_ZHANG, RUN_1, RUN_2, RUNS, SUBJECT_ROWS, UNIT_ROWS, UNIT_ZJU,
} from '../../features/evaluation/evaluation-fixtures';
import type { ScoreRow } from '../../features/evaluation/evaluation-types';
import { fakeApi, fakeMe, renderApp, type FakeRoutes } from '../../test/render-app';

const ROWS: Record<string, ScoreRow[]> = { subject: SUBJECT_ROWS, unit: UNIT_ROWS, pi: PI_ROWS };

function routes(me = ministryAdmin, extra: FakeRoutes = {}): FakeRoutes {
  return {
    'GET /api/auth/me': { body: me },
    'GET /api/evaluation/runs': { body: { total: RUNS.length, items: RUNS } },
    'GET /api/evaluation/scores': (_init, url) => {
      const level = url.searchParams.get('level') ?? 'subject';
      const items = ROWS[level] ?? [];
      const chosen = url.searchParams.get('run') === RUN_1 ? RUNS[1] : RUNS[0];
      return { body: { run: chosen, level, total: items.length, items } };
    },
    'GET /api/orgs': {
      body: { items: [{ id: UNIT_ZJU, kind: 'unit', nameZh: '浙江大学', nameEn: 'Zhejiang University', parentId: null, regionCode: '330000', creditCode: '12100000470095016Q', createdAt: '', updatedAt: '' }] },
    },
    ...extra,
  };
}

const scoreRequests = (requests: ReturnType<typeof fakeApi>['requests']) => requests.filter((r) => r.path.startsWith('/api/evaluation/scores'));

describe('evaluation rankings', () => {
  it('ranks subjects with two-decimal totals, the change since the last run and the run they come from', async () => {
    fakeApi(routes());
    renderApp('/evaluation');
    const first = await screen.findByTestId('score-row-2025YFC0801');
    expect(screen.getByTestId('score-run-info').textContent).toBe('第 2 版规则 · 截至 2026-11-27 · 共 3 个课题参评');
    expect(within(first).getByTestId('score-total-2025YFC0801').textContent).toBe('74.00');
    expect(within(first).getByText('82.50')).toBeTruthy();
    expect(within(first).getByText('61.25')).toBeTruthy();
    expect(within(first).getByTestId('score-change-2025YFC0801').textContent).toBe('↑ 3.50');
    expect(within(first).getByTestId('score-change-2025YFC0801').style.color).toBe('rgb(22, 163, 74)');
    expect(within(first).getByTestId('score-link-2025YFC0801').getAttribute('href')).toBe('/evaluation/subjects/2025YFC0801');
    expect(within(first).getByTestId('score-trend-2025YFC0801').tagName.toLowerCase()).toBe('svg');

    const second = screen.getByTestId('score-row-2025YFC0802');
    expect(within(second).getByTestId('score-total-2025YFC0802').textContent).toBe('55.10');
    expect(within(second).getByTestId('score-change-2025YFC0802').textContent).toBe('↓ 5.25');
    expect(within(second).getByTestId('score-change-2025YFC0802').style.color).toBe('rgb(220, 38, 38)');
    // A subject first scored in this run has no change and too short a trend to draw.
    expect(screen.getByTestId('score-change-2025YFC0803').textContent).toBe('—');
    expect(screen.getByTestId('score-trend-2025YFC0803').tagName.toLowerCase()).toBe('span');
    // Subjects have no record column; the menu entry is highlighted.
    expect(screen.queryByText('评价档案')).toBeNull();
    expect(activeNavPath('/evaluation/subjects/2025YFC0801')).toBe('/evaluation');
  });

  it('asks for the unit level when its tab is chosen, and links each unit to its record by credit code', async () => {
    const { requests } = fakeApi(routes());
    renderApp('/evaluation');
    await screen.findByTestId('score-row-2025YFC0801');
    expect(scoreRequests(requests).map((r) => r.path)).toEqual(['/api/evaluation/scores?level=subject&page=1&pageSize=20']);

    fireEvent.click(screen.getByTestId('level-tab-unit'));
    const row = await screen.findByTestId(`score-row-${UNIT_ZJU}`);
    expect(scoreRequests(requests).at(-1)?.path).toBe('/api/evaluation/scores?level=unit&page=1&pageSize=20');
    expect(within(row).getByText('浙江大学').closest('a')?.getAttribute('href')).toBe(`/evaluation?unitId=${UNIT_ZJU}`);
    expect(within(row).getByTestId(`score-total-${UNIT_ZJU}`).textContent).toBe('64.55');
    expect(within(row).getByTestId(`score-change-${UNIT_ZJU}`).textContent).toBe('持平');
    expect(within(row).getByText('2')).toBeTruthy();
    await waitFor(() => expect(within(row).getByTestId(`record-pdf-${UNIT_ZJU}`).getAttribute('href')).toBe('/api/records/units/12100000470095016Q/pdf'));

    fireEvent.click(screen.getByTestId('level-tab-pi'));
    const pi = await screen.findByTestId(`score-row-${PI_ZHANG}`);
    expect(within(pi).getByTestId(`record-pdf-${PI_ZHANG}`).getAttribute('href')).toBe(`/api/records/people/${PI_ZHANG}/pdf`);
  });

  it('sends the filters, level and run of the address bar, and picks another run', async () => {
    const { requests } = fakeApi(routes());
    renderApp(`/evaluation?level=province&province=330000&programCode=2025YFC08&q=${encodeURIComponent('队列')}&run=${RUN_2}`);
    await waitFor(() => expect(scoreRequests(requests)).toHaveLength(1));
    const params = new URL(scoreRequests(requests)[0]?.path ?? '', 'http://x').searchParams;
    expect(Object.fromEntries(params)).toEqual({ level: 'province', run: RUN_2, province: '330000', programCode: '2025YFC08', q: '队列', page: '1', pageSize: '20' });
    expect(await screen.findByText('该范围内暂无评分')).toBeTruthy();

    // Another run: the one of 2026-11-01 under rules version 1.
    fireEvent.mouseDown(within(screen.getByTestId('run-select')).getByRole('combobox'));
    fireEvent.click(await screen.findByText('2026-11-01 · 第 1 版规则 · 定时计算'));
    await waitFor(() => expect(screen.getByTestId('score-run-info').textContent).toBe('第 1 版规则 · 截至 2026-11-01 · 共 2 个课题参评'));
    expect(scoreRequests(requests).at(-1)?.path).toContain(`run=${RUN_1}`);
    expect(scoreRequests(requests).at(-1)?.path).toContain('province=330000');
  });

  it('hides record links a unit admin may not open and the rules button from non-ministry users', async () => {
    fakeApi(routes(asRole('unit_admin', 'another-unit')));
    renderApp('/evaluation?level=unit');
    const row = await screen.findByTestId(`score-row-${UNIT_ZJU}`);
    expect(within(row).queryByTestId(`record-pdf-${UNIT_ZJU}`)).toBeNull();
    expect(screen.queryByTestId('evaluation-rules-link')).toBeNull();
  });

  it('says so when no run has finished yet', async () => {
    fakeApi(routes(ministryAdmin, { 'GET /api/evaluation/scores': { body: { run: null, level: 'subject', total: 0, items: [] } }, 'GET /api/evaluation/runs': { body: { total: 0, items: [] } } }));
    renderApp('/evaluation');
    expect((await screen.findByTestId('score-no-run')).textContent).toContain('尚无已完成的评价计算，可在评价规则页立即计算');
  });
});

describe('evaluation menu', () => {
  it('shows 绩效评价 to every role with subject visibility, not to experts or plain members', () => {
    for (const role of ['sysadmin', 'ministry_admin', 'province_supervisor', 'unit_admin', 'platform_admin', 'pi', 'submitter'] as const) {
      expect(visibleNavItems(asRole(role)).map((item) => item.path), role).toContain('/evaluation');
    }
    expect(visibleNavItems(asRole('expert')).map((item) => item.path)).not.toContain('/evaluation');
    expect(visibleNavItems(fakeMe({ grants: [] })).map((item) => item.path)).not.toContain('/evaluation');
  });

  it('labels the entry 绩效评价 in the side menu', async () => {
    fakeApi(routes(asRole('pi')));
    renderApp('/evaluation');
    expect((await screen.findByTestId('side-menu')).textContent).toContain('绩效评价');
  });
});
