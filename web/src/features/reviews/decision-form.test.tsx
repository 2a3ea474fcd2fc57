import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, renderApp } from '../../test/render-app';
import { choose, resource, resourceRoutes, review, unitAdmin } from './review-fixtures';

describe('resource review decision', () => {
  it('refuses a return without any comment, and sends comments pinned to fields and files', async () => {
    const routes = resourceRoutes(unitAdmin, resource(), review({ can: { decide: true, comment: true, resolve: true } }));
    routes['POST /api/resources/r1/decision'] = {
      body: review({
        status: 'returned', tier: null, openFields: ['licence'],
        rounds: [{ round: 1, submittedAt: '2026-11-28T08:00:00.000Z', submittedByName: '张晓雨', outcome: 'returned' }],
        decisions: [{ id: 'd1', round: 1, tier: 'unit', decision: 'return', comment: null, reviewerName: '孙静', decidedAt: '2026-11-29T08:00:00.000Z' }],
        comments: [{ id: 'c1', round: 1, tier: 'unit', field: 'licence', fieldLabel: { zh: '许可协议', en: 'Licence' }, filePath: null, parentId: null, authorName: '孙静', fromReviewer: true, body: '请改为 CC0-1.0', createdAt: '2026-11-29T08:00:00.000Z', resolvedAt: null }],
        can: { comment: true, resolve: true },
      }),
    };
    const { requests } = fakeApi(routes);
    renderApp('/resources/r1?tab=review');
    const form = await screen.findByTestId('decision-form');
    expect(screen.getByTestId('review-step-unit').getAttribute('data-status')).toBe('process');
    expect(screen.getByTestId('review-step-expert-skipped').textContent).toBe('已跳过');

    // Returning with nothing said is refused before anything is sent.
    fireEvent.click(within(form).getByTestId('decision-return'));
    expect(await within(form).findByText('退回时须填写审核意见，或至少一条字段/文件意见')).toBeTruthy();
    expect(requests.filter((r) => r.method === 'POST')).toEqual([]);

    // A comment pinned to the licence field (picked by its label) and one on the uploaded file.
    fireEvent.click(within(form).getByTestId('decision-add-field-pin'));
    await within(form).findByTestId('decision-pin-target-0');
    await choose('decision-pin-target-0', '许可协议');
    fireEvent.change(within(form).getByTestId('decision-pin-text-0'), { target: { value: '请改为 CC0-1.0' } });
    fireEvent.click(within(form).getByTestId('decision-add-file-pin'));
    fireEvent.change(await within(form).findByTestId('decision-pin-text-1'), { target: { value: '缺少变量说明' } });
    fireEvent.click(within(form).getByTestId('decision-return'));

    await waitFor(() => expect(requests.filter((r) => r.method === 'POST')).toHaveLength(1));
    const post = requests.find((r) => r.method === 'POST');
    expect(post?.path).toBe('/api/resources/r1/decision');
    expect(post?.body).toEqual({
      decision: 'return',
      fieldComments: [{ field: 'licence', body: '请改为 CC0-1.0' }],
      fileComments: [{ path: 'data/baseline.csv', body: '缺少变量说明' }],
    });

    // The answer replaces the review: no decision form any more, the pinned comment is a thread on its field.
    await waitFor(() => expect(screen.queryByTestId('decision-form')).toBeNull());
    expect(screen.getByTestId('review-threads-field:licence').textContent).toContain('请改为 CC0-1.0');
    expect(screen.getByTestId('review-history').textContent).toContain('孙静 在单位审核中退回（第 1 轮）');
  });
});
