import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, renderApp } from '../../test/render-app';
import { plan, planRoutes, sessionWith, subjectDetail, SUBJECT_ID, version } from './plan-fixtures';

const unitAdmin = sessionWith([{ id: 'g1', role: 'unit_admin', scopeType: 'organisation', scopeId: 'u1', scopeName: '浙江大学' }]);
const inUnitReview = plan({
  working: version({ status: 'unit_review', round: 1, stepDueAt: '2026-12-10T08:00:00.000Z', rounds: [{ round: 1, submittedAt: '2026-11-27T05:00:00.000Z', lines: [] }] }),
  can: { edit: false, reviewUnit: true, reviewPlatform: false, comment: true },
});

describe('plan review', () => {
  it('returns a plan only with a comment, and pins line comments to their line', async () => {
    const routes = planRoutes(unitAdmin, inUnitReview, { ...subjectDetail, can: { ...subjectDetail.can, editPlan: false, reviewUnit: true } });
    routes['POST /api/plan-versions/v1/decisions'] = { body: plan({
      working: version({ status: 'returned', round: 1, decisions: [{ round: 1, tier: 'unit', decision: 'return', comment: null, reviewerName: '孙静', decidedAt: '2026-11-27T06:00:00.000Z' }] }),
      can: inUnitReview.can,
    }) };
    const { requests } = fakeApi(routes);
    renderApp(`/subjects/${SUBJECT_ID}/plan`);
    const panel = await screen.findByTestId('review-panel');
    expect(screen.queryByTestId('plan-editor')).toBeNull();

    fireEvent.click(within(panel).getByTestId('review-return'));
    expect(await within(panel).findByText('退回时须填写审核意见或行意见')).toBeTruthy();
    expect(requests.filter((r) => r.method === 'POST')).toEqual([]);

    fireEvent.click(screen.getByTestId('line-comment-1'));
    fireEvent.change(await within(panel).findByTestId('review-line-text-0'), { target: { value: '数量偏少，请核实' } });
    fireEvent.click(within(panel).getByTestId('review-return'));
    await waitFor(() => expect(requests.filter((r) => r.method === 'POST')).toHaveLength(1));
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({
      decision: 'return', comment: null, lineComments: [{ position: 1, body: '数量偏少，请核实' }],
    });
    expect((await screen.findByTestId('plan-returned')).textContent).toContain('单位审核退回（孙静）');
    expect(screen.queryByTestId('review-panel')).toBeNull();
  });
});
