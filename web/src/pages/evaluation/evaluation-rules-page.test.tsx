import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { asRole, DEFAULT_RULES, ministryAdmin, run, RUN_3, RUNS, ruleSet } from '../../features/evaluation/evaluation-fixtures';
import type { Run } from '../../features/evaluation/evaluation-types';
import { fakeApi, renderApp, type FakeRoutes } from '../../test/render-app';

const V2_RULES = { ...DEFAULT_RULES, sharing: { ...DEFAULT_RULES.sharing, views: 0.05, downloads: 0.35 } };

function routes(extra: FakeRoutes = {}): FakeRoutes {
  return {
    'GET /api/auth/me': { body: ministryAdmin },
    'GET /api/evaluation/rules': { body: { current: ruleSet(), versions: [ruleSet()] } },
    'GET /api/evaluation/runs': { body: { total: RUNS.length, items: RUNS } },
    ...extra,
  };
}

const posts = (requests: ReturnType<typeof fakeApi>['requests']) => requests.filter((r) => r.method === 'POST');
const change = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });

describe('evaluation rules', () => {
  it('shows the running sum of each group, red while it is not 1', async () => {
    fakeApi(routes());
    renderApp('/evaluation/rules');
    const sum = await screen.findByTestId('weight-sum-sharing');
    expect(screen.getByText('评价规则（第 1 版）')).toBeTruthy();
    expect(sum.textContent).toBe('合计 1.00');
    expect(sum.getAttribute('data-ok')).toBe('true');
    expect((screen.getByTestId('weight-sharing-downloads') as HTMLInputElement).value).toBe('0.25');
    expect((screen.getByTestId('target-views') as HTMLInputElement).value).toBe('500');

    change('weight-sharing-downloads', '0.35');
    await waitFor(() => expect(sum.textContent).toBe('合计 1.10 · 应为 1'));
    expect(sum.getAttribute('data-ok')).toBe('false');
    expect(sum.style.color).not.toBe(screen.getByTestId('weight-sum-weights').style.color);
    change('weight-sharing-views', '0.05');
    await waitFor(() => expect(sum.textContent).toBe('合计 1.00'));
    expect(sum.getAttribute('data-ok')).toBe('true');
    expect(screen.getByTestId('weight-sum-quality').textContent).toBe('合计 1.00');
  });

  it('asks for a note, then saves the rules and note, and follows the queued run until it is done', async () => {
    let polls = 0;
    const queued = run({ id: RUN_3, ruleVersion: 2, trigger: 'rules', status: 'queued', subjects: 0, startedAt: null, finishedAt: null, asOf: '2026-11-27T10:00:00.000Z' });
    let saved = false;
    const { requests } = fakeApi(
      routes({
        'GET /api/evaluation/rules': () => ({
          body: saved
            ? { current: ruleSet({ version: 2, rules: V2_RULES, note: '提高下载量权重', createdByName: '部委管理员' }), versions: [ruleSet({ version: 2, rules: V2_RULES, note: '提高下载量权重' }), ruleSet()] }
            : { current: ruleSet(), versions: [ruleSet()] },
        }),
        'POST /api/evaluation/rules': () => {
          saved = true;
          return { status: 201, body: { ruleSet: ruleSet({ version: 2, rules: V2_RULES, note: '提高下载量权重' }), run: queued } };
        },
        'GET /api/evaluation/runs': () => {
          if (!saved) return { body: { total: RUNS.length, items: RUNS } };
          polls += 1;
          const status: Run['status'] = polls < 2 ? 'queued' : polls < 3 ? 'running' : 'done';
          return { body: { total: 3, items: [{ ...queued, status, subjects: status === 'done' ? 3 : 0 }, ...RUNS] } };
        },
      }),
    );
    renderApp('/evaluation/rules');
    await screen.findByTestId('weight-sharing-downloads');
    change('weight-sharing-downloads', '0.35');
    change('weight-sharing-views', '0.05');
    fireEvent.click(screen.getByTestId('rules-save'));
    expect(await screen.findByText('请填写修订说明')).toBeTruthy();
    expect(posts(requests)).toEqual([]);

    change('rules-note', '  提高下载量权重 ');
    fireEvent.click(screen.getByTestId('rules-save'));
    await waitFor(() => expect(posts(requests)).toHaveLength(1));
    expect(posts(requests)[0]?.path).toBe('/api/evaluation/rules');
    expect(posts(requests)[0]?.body).toEqual({
      rules: {
        weights: { completion: 0.6, sharing: 0.4 },
        completion: { timeliness: 0.35, quantity: 0.4, quality: 0.25 },
        quality: { firstPass: 0.4, rubric: 0.4, completeness: 0.2 },
        sharing: { views: 0.05, searchHits: 0.1, downloads: 0.35, uniqueUsers: 0.2, applications: 0.1, reuse: 0.2 },
        targets: { views: 500, searchHits: 2000, downloads: 100, uniqueUsers: 50, applications: 5, reuse: 3 },
      },
      note: '提高下载量权重',
    });

    expect((await screen.findByTestId('rules-recomputing')).textContent).toContain('已保存第 2 版规则，正在重新计算');
    const done = await screen.findByTestId('rules-recomputed');
    expect(done.textContent).toContain('已按第 2 版规则重新计算');
    expect(done.textContent).toContain('共 3 个课题参评');
    expect(within(done).getByTestId('rules-recomputed-link').getAttribute('href')).toBe(`/evaluation?run=${RUN_3}`);
    expect(polls).toBeGreaterThanOrEqual(3);
    // The form now holds version 2, and the versions list has both.
    await waitFor(() => expect(screen.getByText('评价规则（第 2 版）')).toBeTruthy());
    expect((screen.getByTestId('weight-sharing-downloads') as HTMLInputElement).value).toBe('0.35');
    expect(screen.getByTestId('rules-versions').textContent).toContain('提高下载量权重');
    // Polling stops once the run is done.
    const settled = polls;
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(polls).toBe(settled);
  }, 60_000);

  it('shows the server’s refusal and keeps the form as it was', async () => {
    const { requests } = fakeApi(
      routes({
        'POST /api/evaluation/rules': {
          status: 422,
          body: {
            code: 'evaluation.weights_sum',
            message: '“共享度构成”的权重之和须为 1（当前为 1.1）',
            details: [{ path: '/rules/sharing', code: 'evaluation.weights_sum', message: '“共享度构成”的权重之和须为 1（当前为 1.1）' }],
          },
        },
      }),
    );
    renderApp('/evaluation/rules');
    await screen.findByTestId('weight-sharing-downloads');
    change('weight-sharing-downloads', '0.35');
    change('rules-note', '试算');
    fireEvent.click(screen.getByTestId('rules-save'));
    expect((await screen.findByTestId('rules-error')).textContent).toBe('“共享度构成”的权重之和须为 1（当前为 1.1）');
    expect(posts(requests)).toHaveLength(1);
    expect(screen.queryByTestId('rules-recomputing')).toBeNull();
    expect((screen.getByTestId('weight-sharing-downloads') as HTMLInputElement).value).toBe('0.35');
  });

  it('lists the versions read-only, the runs, and queues a run now', async () => {
    const { requests } = fakeApi(routes({ 'POST /api/evaluation/runs': { status: 202, body: run({ id: RUN_3, trigger: 'manual', status: 'queued' }) } }));
    renderApp('/evaluation/rules');
    const runs = await screen.findByTestId('runs-table');
    await waitFor(() => expect(runs.textContent).toContain('规则修订'));
    expect(runs.textContent).toContain('定时计算');
    expect(runs.textContent).toContain('2026-11-27');
    expect(runs.textContent).toContain('系统定时');

    fireEvent.click(screen.getByTestId('rules-version-view-1'));
    const view = await screen.findByTestId('rules-version-view');
    expect((within(view).getByTestId('weight-sharing-downloads') as HTMLInputElement).disabled).toBe(true);

    fireEvent.click(screen.getByTestId('runs-start'));
    await waitFor(() => expect(posts(requests).map((r) => r.path)).toEqual(['/api/evaluation/runs']));
    expect(await screen.findByText('已加入计算队列')).toBeTruthy();
  });

  it('is the ministry’s: others get a refusal and no rules request', async () => {
    const { requests } = fakeApi(routes({ 'GET /api/auth/me': { body: asRole('unit_admin') } }));
    renderApp('/evaluation/rules');
    expect((await screen.findByTestId('rules-forbidden')).textContent).toContain('仅部委管理员可修改评价规则');
    expect(requests.some((r) => r.path === '/api/evaluation/rules')).toBe(false);
  });
});
