import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { asRole, RUN_1, subjectScore } from '../../features/evaluation/evaluation-fixtures';
import { fakeApi, renderApp } from '../../test/render-app';

const text = (testId: string) => screen.getByTestId(testId).textContent;

describe('a subject’s computation', () => {
  it('shows each component with the counts it came from, the weights applied and the not-applicable rubric', async () => {
    const { requests } = fakeApi({
      'GET /api/auth/me': { body: asRole('pi') },
      'GET /api/evaluation/subjects/2025YFC0801': { body: subjectScore() },
    });
    renderApp(`/evaluation/subjects/2025YFC0801?run=${RUN_1}`);
    await screen.findByTestId('computation-table');
    expect(requests.find((r) => r.path.startsWith('/api/evaluation/subjects/'))?.path).toBe(`/api/evaluation/subjects/2025YFC0801?run=${RUN_1}`);
    expect(text('computation-title')).toBe('浙江省慢性病队列数据汇交');
    expect(screen.getByTestId('computation-basis').textContent).toContain('按第 2 版规则，截至 2026-11-27 计算');
    expect(screen.getByTestId('computation-basis').textContent).toContain('利用数据统计至 2026-10（只计完整月份）');

    // Completion: two lines due by the as-of date (2 + 1 of 3 + 1 on time), the third not yet.
    expect(text('component-timeliness-basis')).toBe('按期 3/4 件（2 条计划已到期）');
    expect(text('component-timeliness-value')).toBe('75.00');
    expect(text('component-quantity-basis')).toBe('科学数据 已发布 3/5；研究实验报告 已发布 1/1');
    expect(text('component-quantity-value')).toBe('80.00');
    expect(text('component-firstPass-basis')).toBe('首轮通过 1/2');
    expect(text('component-firstPass-value')).toBe('50.00');
    expect(text('component-rubric-basis')).toBe('尚无专家评分');
    expect(text('component-rubric-value')).toBe('不适用（权重按比例分配）');
    expect(text('component-completeness-basis')).toBe('选填完整度 60%（2 个资源）');
    // The rubric's 0.4 is shared out: first pass 0.4 → 0.667, completeness 0.2 → 0.333.
    const firstPass = screen.getByTestId('component-firstPass');
    expect(firstPass.textContent).toContain('0.4 → 0.667');
    expect(screen.getByTestId('component-completeness').textContent).toContain('0.2 → 0.333');
    expect(text('component-quality-basis')).toBe('0.667 × 50.00 + 0.333 × 60.00 = 53.33');
    expect(text('component-quality-value')).toBe('53.33');
    expect(text('component-completion-basis')).toBe('0.35 × 75.00 + 0.4 × 80.00 + 0.25 × 53.33 = 71.58');

    // Sharing: each count against its target.
    expect(text('component-sharing-views-basis')).toBe('浏览 120/500');
    expect(text('component-sharing-views-value')).toBe('24.00');
    expect(text('component-sharing-searchHits-basis')).toBe('检索命中 800/2,000');
    expect(text('component-sharing-reuse-basis')).toBe('再利用 1/3');
    expect(text('component-sharing-reuse-value')).toBe('33.33');
    expect(text('component-sharing-value')).toBe('33.77');
    expect(text('component-total-basis')).toBe('0.6 × 71.58 + 0.4 × 33.77 = 56.46');
    expect(text('component-total-value')).toBe('56.46');
    expect(within(screen.getByTestId('subject-rank')).getByText('/ 3')).toBeTruthy();

    // The plan lines as the run saw them, and the history chart.
    const lines = screen.getByTestId('plan-lines');
    expect(lines.textContent).toContain('2 / 3');
    expect(lines.textContent).toContain('未到期');
    await waitFor(() => expect(screen.getByTestId('score-history').querySelector('svg')).not.toBeNull());
    // The three series, in the legend.
    const chart = screen.getByTestId('score-history').textContent ?? '';
    for (const label of ['总分', '完成度', '共享度']) expect(chart).toContain(label);
  }, 60_000);

  it('shows the server’s reason when the subject has no score in the run', async () => {
    fakeApi({
      'GET /api/auth/me': { body: asRole('pi') },
      'GET /api/evaluation/subjects/2025YFC0809': { status: 404, body: { code: 'evaluation.not_scored', message: '该课题在此次评价中没有得分（尚无已批准的汇交计划）', details: [] } },
    });
    renderApp('/evaluation/subjects/2025YFC0809');
    expect((await screen.findByTestId('computation-error')).textContent).toContain('该课题在此次评价中没有得分（尚无已批准的汇交计划）');
  });
});
