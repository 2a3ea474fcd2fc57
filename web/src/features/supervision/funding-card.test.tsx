import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { subjectDetail, SUBJECT_ID } from '../plans/plan-fixtures';
import type { SubjectDetail } from '../registry/registry-types';
import { fakeApi, renderApp, type FakeRoutes } from '../../test/render-app';
import '../../pages/subjects/subject-page';
import { ministry, supervisor } from './supervision-fixtures';
import type { SubjectFunding } from './supervision-types';

const CODE = subjectDetail.code;
const funding: SubjectFunding = {
  budget: '500000.00', spent: '12000.00', flagged: true,
  reports: [{ amountSpent: '12000.00', note: '数据整理外包', reportedByName: '王单位', reportedAt: '2026-10-08T02:00:00.000Z' }],
};

function routes(me: typeof ministry, subject: SubjectDetail, extra: FakeRoutes = {}): FakeRoutes {
  return {
    'GET /api/auth/me': { body: me },
    'GET /api/orgs': { body: { items: [] } },
    [`GET /api/subjects/${SUBJECT_ID}`]: { body: subject },
    [`GET /api/subjects/${CODE}/funding`]: { body: funding },
    ...extra,
  };
}

describe('汇交经费 on the subject page', () => {
  it('shows budget, spending, the flag and the history, and records a new amount', async () => {
    const saved: SubjectFunding = {
      budget: '500000.00', spent: '20000.50', flagged: true,
      reports: [{ amountSpent: '20000.50', note: '补充标注费用', reportedByName: '张督办', reportedAt: '2026-11-27T02:00:00.000Z' }, ...funding.reports],
    };
    const { requests } = fakeApi(
      routes(ministry, { ...subjectDetail, can: { ...subjectDetail.can, update: true } }, {
        [`PUT /api/subjects/${CODE}/funding`]: (init) => {
          const body = JSON.parse(String(init.body)) as { amountSpent: number };
          return body.amountSpent > 1e9
            ? { status: 422, body: { code: 'funding.bad_amount', message: '支出金额须在 0 到 1 万亿元之间，最多两位小数', details: [] } }
            : { body: saved };
        },
      }),
    );
    renderApp(`/subjects/${SUBJECT_ID}`);
    const card = await screen.findByTestId('funding-card', {}, { timeout: 30_000 });
    await waitFor(() => expect(within(card).getByTestId('funding-budget').textContent).toBe('¥500,000.00'));
    expect(within(card).getByTestId('funding-spent').textContent).toBe('¥12,000.00');
    expect(within(card).getByTestId('funding-flag').textContent).toBe('有支出无发布');
    expect(within(card).getByTestId('funding-history').textContent).toContain('累计支出 ¥12,000.00（王单位 登记）');
    expect(within(card).getByTestId('funding-history').textContent).toContain('数据整理外包');

    fireEvent.click(within(card).getByTestId('funding-edit'));
    const form = await screen.findByTestId('funding-form');
    const amount = within(form).getByTestId('funding-amount');
    expect((amount as HTMLInputElement).value).toBe('12000.00');
    fireEvent.change(amount, { target: { value: '2000000000' } });
    fireEvent.click(screen.getByTestId('funding-save'));
    expect(await within(form).findByText('支出金额须在 0 到 1 万亿元之间，最多两位小数')).toBeTruthy();

    fireEvent.change(amount, { target: { value: '20000.5' } });
    fireEvent.change(within(form).getByTestId('funding-note'), { target: { value: ' 补充标注费用 ' } });
    fireEvent.click(screen.getByTestId('funding-save'));
    await waitFor(() => expect(within(card).getByTestId('funding-spent').textContent).toBe('¥20,000.50'));
    expect(requests.filter((r) => r.method === 'PUT').map((r) => r.body)).toEqual([
      { amountSpent: 2000000000 },
      { amountSpent: 20000.5, note: '补充标注费用' },
    ]);
    expect(within(card).getByTestId('funding-history').textContent).toContain('累计支出 ¥20,000.50（张督办 登记）');
  }, 60_000);

  it('shows no edit button to a reader who may not update the subject, and no card when the funding is refused', async () => {
    fakeApi(routes(supervisor, subjectDetail));
    const view = renderApp(`/subjects/${SUBJECT_ID}`);
    const card = await screen.findByTestId('funding-card');
    await within(card).findByTestId('funding-budget');
    expect(within(card).queryByTestId('funding-edit')).toBeNull();
    view.unmount();

    fakeApi(routes(supervisor, subjectDetail, { [`GET /api/subjects/${CODE}/funding`]: { status: 403, body: { code: 'auth.forbidden', message: '无权执行此操作', details: [] } } }));
    renderApp(`/subjects/${SUBJECT_ID}`);
    await screen.findByTestId('subject-title');
    await waitFor(() => expect(screen.queryByTestId('funding-card')).toBeNull());
  });

  it('opens a subject linked by its code (/subjects/{code}) at its id', async () => {
    const { requests } = fakeApi(
      routes(supervisor, subjectDetail, { 'GET /api/subjects': { body: { total: 1, items: [subjectDetail] } } }),
    );
    renderApp(`/subjects/${CODE}/resources`);
    expect((await screen.findByTestId('subject-title')).textContent).toBe(subjectDetail.titleZh);
    expect(requests.map((r) => r.path)).toContain(`/api/subjects?q=${CODE}&page=1&pageSize=50`);
    expect(requests.map((r) => r.path)).toContain(`/api/subjects/${SUBJECT_ID}`);
  });
});
