import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, fakeMe, renderApp } from '../../test/render-app';
import { resource, resourceRoutes, review } from './review-fixtures';
import type { ExpertAssignment, ReviewDetail } from './review-types';

const expert = fakeMe({
  user: { ...fakeMe().user, id: 'u-exp', displayName: '王教授' },
  grants: [{ id: 'g1', role: 'expert', scopeType: 'organisation', scopeId: 'ph', scopeName: null }],
  capabilities: { manageOrgs: false, listUsers: false, readAudit: false },
});

const assignment = (overrides: Partial<ExpertAssignment> = {}): ExpertAssignment => ({
  assignmentId: 'a1', expertId: 'u-exp', expertName: '王教授', round: 1, conflict: 'pending', conflictNote: null,
  scores: null, recommendation: null, sharingMode: null, embargoMonths: null, comment: null, submittedAt: null, ...overrides,
});

const summary: NonNullable<ReviewDetail['expertSummary']> = {
  rubric: [{ key: 'quality', label: { zh: '科学质量', en: 'Scientific quality' } }, { key: 'completeness', label: { zh: '完整性', en: 'Completeness' } }],
  means: {}, mean: null, approvals: 0, submitted: 0, active: 1, rule: { requireAllApprove: true, minMean: 3 }, outcome: 'pending',
};

const inExpertReview = (mine: ExpertAssignment) =>
  review({ status: 'expert_review', tier: 'expert', experts: [mine], expertSummary: summary, myAssignment: mine, can: { comment: true, resolve: true } });

describe('expert review', () => {
  it('asks for the conflict-of-interest declaration first, then sends the rubric scores', async () => {
    const routes = resourceRoutes(expert, resource({ status: 'expert_review' }), inExpertReview(assignment()));
    routes['POST /api/expert-assignments/a1/conflict'] = { body: inExpertReview(assignment({ conflict: 'none' })) };
    routes['POST /api/expert-assignments/a1/opinion'] = { body: inExpertReview(assignment({ conflict: 'none', submittedAt: '2026-12-01T08:00:00.000Z', recommendation: 'approve', scores: [{ criterion: 'quality', score: 4, comment: null }, { criterion: 'completeness', score: 5, comment: '齐全' }] })) };
    const { requests } = fakeApi(routes);
    renderApp('/resources/r1?tab=review');

    const declaration = await screen.findByTestId('coi-form');
    expect(screen.queryByTestId('opinion-form')).toBeNull();
    fireEvent.click(within(declaration).getByTestId('coi-none'));
    fireEvent.click(within(declaration).getByTestId('coi-submit'));
    const form = await screen.findByTestId('opinion-form');
    expect(requests.find((r) => r.path === '/api/expert-assignments/a1/conflict')?.body).toEqual({ conflict: false });

    // Every criterion needs a score.
    fireEvent.click(within(form).getByTestId('opinion-submit'));
    expect((await within(form).findAllByText('请评分')).length).toBe(2);

    fireEvent.click(within(screen.getByTestId('opinion-score-quality')).getByText('4'));
    fireEvent.click(within(screen.getByTestId('opinion-score-completeness')).getByText('5'));
    fireEvent.change(screen.getByTestId('opinion-score-comment-completeness'), { target: { value: '齐全' } });
    fireEvent.click(screen.getByTestId('opinion-recommend-approve'));
    fireEvent.click(within(form).getByTestId('opinion-submit'));

    await waitFor(() => expect(requests.some((r) => r.path === '/api/expert-assignments/a1/opinion')).toBe(true));
    expect(requests.find((r) => r.path === '/api/expert-assignments/a1/opinion')?.body).toEqual({
      scores: [{ criterion: 'quality', score: 4 }, { criterion: 'completeness', score: 5, comment: '齐全' }],
      recommendation: 'approve', sharingMode: 'open', embargoMonths: 0,
    });
    expect((await screen.findByTestId('my-opinion')).textContent).toContain('已于');
  });
});
