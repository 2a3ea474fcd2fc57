import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, renderApp } from '../../test/render-app';
import { resource, resourceRoutes, review, submitter } from './review-fixtures';

const comment = (id: string, field: string, body: string, resolvedAt: string | null = null) => ({
  id, round: 1, tier: 'unit' as const, field, fieldLabel: null, filePath: null, parentId: null, authorName: '孙静', fromReviewer: true, body,
  createdAt: `2026-11-29T08:00:0${id.length}.000Z`, resolvedAt,
});

describe('returned resource', () => {
  it('highlights the fields with open comments and shows the reviewer\'s comment under each', async () => {
    const returned = resource({ status: 'returned', editable: true, review: { tier: null, round: 1, stepDueAt: '2026-12-12T08:00:00.000Z', overdue: false, openFields: ['licence'] } });
    fakeApi(resourceRoutes(submitter, returned, review({
      status: 'returned', tier: null, openFields: ['licence'],
      comments: [comment('c1', 'licence', '请改为 CC0-1.0'), comment('c22', 'titleZh', '已修改', '2026-11-30T08:00:00.000Z')],
      can: { comment: true },
    })));
    renderApp('/resources/r1');

    const alert = await screen.findByTestId('open-fields-alert');
    await waitFor(() => expect(within(alert).getByTestId('open-field-licence').textContent).toBe('许可协议'));
    expect(alert.textContent).toContain('审核人对以下 1 个字段提出了意见');

    await waitFor(() => expect(screen.getByTestId('field-comment-licence').textContent).toContain('请改为 CC0-1.0'));
    const flagged = document.getElementById('root_licence')?.closest('.hj-field-flagged') as HTMLElement | null;
    expect(flagged?.style.border).toContain('1px solid');
    expect(flagged?.textContent).toContain('请改为 CC0-1.0');
    // A resolved comment does not flag its field.
    expect(document.getElementById('root_titleZh')?.closest('.hj-field-flagged')).toBeNull();
    expect(screen.queryByTestId('field-comment-titleZh')).toBeNull();
  });
});
