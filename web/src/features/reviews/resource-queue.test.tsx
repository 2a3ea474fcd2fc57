import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, renderApp } from '../../test/render-app';
import { platformAdmin } from './review-fixtures';
import type { QueueItem } from './review-types';

const item = (resourceId: string, titleZh: string, overrides: Partial<QueueItem> = {}): QueueItem => ({
  resourceId, titleZh, resourceType: 'data', typeLabel: { zh: '科学数据', en: 'Scientific data' }, versionNo: 1,
  subjectId: 's1', subjectCode: '2025YFC0810001', subjectTitle: '长三角人群队列慢性病风险因素研究', leadUnitName: '浙江大学',
  status: 'platform_review', round: 1, enteredAt: '2026-11-28T08:00:00.000Z', dueAt: '2026-12-12T08:00:00.000Z', overdue: false,
  experts: null, assignment: null, ...overrides,
});

describe('resource review queue', () => {
  it('returns the selected resources in bulk with a comment and lists the ones that failed', async () => {
    const { requests } = fakeApi({
      'GET /api/auth/me': { body: platformAdmin },
      'GET /api/review-queues/plans': { body: { items: [] } },
      'GET /api/review-queue': (_init, url) => ({
        body: { items: url.searchParams.get('tier') === 'platform' ? [item('r1', '队列基线数据'), item('r2', '随访数据', { overdue: true, dueAt: '2026-11-20T08:00:00.000Z' }), item('r3', '年度报告')] : [] },
      }),
      'POST /api/review-queue/bulk': {
        body: { results: [{ resourceId: 'r1', ok: true, status: 'returned' }, { resourceId: 'r2', ok: false, error: { code: 'review.not_at_tier', message: '该资源已不在平台审核环节' } }] },
      },
    });
    renderApp('/reviews');
    const row = await screen.findByTestId('queue-resource-r2');
    expect(within(row).getByTestId('overdue')).toBeTruthy();
    expect(within(row).getByText('随访数据').closest('a')?.getAttribute('href')).toBe('/resources/r2?tab=review');

    fireEvent.click(within(screen.getByTestId('queue-resource-r1')).getByRole('checkbox'));
    fireEvent.click(within(row).getByRole('checkbox'));
    await waitFor(() => expect(screen.getByTestId('bulk-selected').textContent).toBe('已选 2 项'));

    // Returning needs a comment.
    fireEvent.click(screen.getByTestId('bulk-return'));
    fireEvent.click(await screen.findByTestId('bulk-confirm'));
    expect(await screen.findByText('批量退回须填写意见')).toBeTruthy();
    expect(requests.filter((r) => r.method === 'POST')).toEqual([]);

    fireEvent.change(screen.getByTestId('bulk-comment'), { target: { value: '请补充数据说明文档' } });
    fireEvent.click(screen.getByTestId('bulk-confirm'));
    await waitFor(() => expect(requests.filter((r) => r.method === 'POST')).toHaveLength(1));
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ resourceIds: ['r1', 'r2'], decision: 'return', comment: '请补充数据说明文档' });

    const results = await screen.findByTestId('bulk-results');
    expect(results.textContent).toContain('成功 1 项，失败 1 项');
    expect(within(results).getByTestId('bulk-failed-r2').textContent).toContain('该资源已不在平台审核环节');
    expect(within(results).queryByTestId('bulk-failed-r1')).toBeNull();
    // The queue is asked again after the decisions.
    await waitFor(() => expect(requests.filter((r) => r.path === '/api/review-queue?tier=platform')).toHaveLength(2));
  });
});
