import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { reader } from '../../features/portal/portal-fixtures';
import { formatDay } from '../../features/registry/dates';
import { platformAdmin, reuseReport } from '../../features/reuse/reuse-fixtures';
import type { ReuseReport } from '../../features/reuse/reuse-types';
import { fakeApi, renderApp } from '../../test/render-app';

const pendingCitation = reuseReport({ id: 'ru1', status: 'pending', reviewedByName: null, reviewedAt: null });
const pendingBenefit = reuseReport({
  id: 'ru2', resourceId: 'r2', resourceTitle: '长三角人群队列研究报告', cstr: 'CSTR:31253.13.hj2027000002', kind: 'benefit', citation: null, doi: null,
  url: 'https://example.cn/news/1', description: '支撑某市慢病管理平台建设', reportedByName: '李应用', reportedAt: '2027-06-02T02:00:00.000Z',
  status: 'pending', reviewedByName: null, reviewedAt: null,
});
const acceptedOne = reuseReport({ id: 'ru0', reviewNote: '已核实论文' });

describe('reuse review inbox', () => {
  it('lists pending reports with resource, CSTR, kind and reporter, and accepts one with a note', async () => {
    let pending: ReuseReport[] = [pendingCitation, pendingBenefit];
    const { requests } = fakeApi({
      'GET /api/auth/me': { body: platformAdmin },
      'GET /api/reuse': (_init, url) => {
        const status = url.searchParams.get('status');
        const items = status === 'pending' ? pending : status === 'accepted' ? [acceptedOne] : [];
        return { body: { total: items.length, items } };
      },
      'POST /api/reuse/ru1/decision': () => {
        pending = [pendingBenefit];
        return { body: { ...pendingCitation, status: 'accepted', reviewedByName: '赵平台', reviewedAt: '2027-06-03T02:00:00.000Z', reviewNote: '已核实论文' } };
      },
    });
    renderApp('/reuse');
    expect((await screen.findByTestId('side-menu')).textContent).toContain('成效审核');

    const row = await screen.findByTestId('reuse-row-ru1');
    expect(within(row).getByTestId('reuse-resource-ru1').getAttribute('href')).toBe('/r/r1');
    expect(row.textContent).toContain('浙江省慢性病队列基线调查数据集');
    expect(row.textContent).toContain('CSTR:31253.11.hj2027000001');
    expect(row.textContent).toContain('引用');
    expect(row.textContent).toContain('使用了基线问卷与生化检测数据分析高血压的风险因素');
    expect(row.textContent).toContain('王敏');
    expect(row.textContent).toContain(formatDay('2027-05-10T02:00:00.000Z', 'zh-CN'));
    const other = screen.getByTestId('reuse-row-ru2');
    expect(other.textContent).toContain('效益');
    expect(other.textContent).toContain('CSTR:31253.13.hj2027000002');
    expect(requests.some((r) => r.path === '/api/reuse?status=pending&page=1&pageSize=20')).toBe(true);

    fireEvent.click(within(row).getByTestId('reuse-accept-ru1'));
    const form = await screen.findByTestId('reuse-decision-form');
    fireEvent.change(within(form).getByTestId('reuse-decision-note'), { target: { value: ' 已核实论文 ' } });
    fireEvent.click(screen.getByTestId('reuse-decision-submit'));
    await waitFor(() => expect(requests.filter((r) => r.method === 'POST')).toHaveLength(1));
    expect(requests.find((r) => r.method === 'POST')).toMatchObject({ path: '/api/reuse/ru1/decision', body: { decision: 'accept', note: '已核实论文' } });
    await waitFor(() => expect(screen.queryByTestId('reuse-row-ru1')).toBeNull());
    expect(screen.getByTestId('reuse-row-ru2')).toBeTruthy();

    // The accepted tab shows who decided and the note.
    fireEvent.click(screen.getByRole('tab', { name: '已采纳' }));
    const decided = await screen.findByTestId('reuse-review-ru0');
    expect(decided.textContent).toBe(`赵平台 审核于 ${formatDay('2027-05-12T02:00:00.000Z', 'zh-CN')} · 已核实论文`);
    expect(screen.queryByTestId('reuse-accept-ru0')).toBeNull();
    expect(requests.some((r) => r.path === '/api/reuse?status=accepted&page=1&pageSize=20')).toBe(true);
  });

  it('rejects without a note, and shows the 409 when another reviewer was first', async () => {
    const { requests } = fakeApi({
      'GET /api/auth/me': { body: platformAdmin },
      'GET /api/reuse': { body: { total: 1, items: [pendingBenefit] } },
      'POST /api/reuse/ru2/decision': { status: 409, body: { code: 'reuse.already_decided', message: '该再利用报告已审核', details: [] } },
    });
    renderApp('/reuse');
    fireEvent.click(await screen.findByTestId('reuse-reject-ru2'));
    await screen.findByTestId('reuse-decision-form');
    expect(screen.getByText('不采纳引用或应用成效')).toBeTruthy();
    fireEvent.click(screen.getByTestId('reuse-decision-submit'));
    expect((await screen.findByTestId('reuse-decision-error')).textContent).toContain('该再利用报告已审核');
    expect(requests.find((r) => r.method === 'POST')).toMatchObject({ path: '/api/reuse/ru2/decision', body: { decision: 'reject' } });
    // The inbox is read again after the refusal.
    await waitFor(() => expect(requests.filter((r) => r.method === 'GET' && r.path.startsWith('/api/reuse?')).length).toBeGreaterThanOrEqual(2));
  });

  it('tells a user without a reviewing role that the inbox is not theirs, and keeps it out of their menu', async () => {
    fakeApi({
      'GET /api/auth/me': { body: reader },
      'GET /api/reuse': { status: 403, body: { code: 'auth.forbidden', message: '无权执行此操作', details: [] } },
    });
    renderApp('/reuse');
    expect(await screen.findByText('仅平台管理员、部管理员和系统管理员可审核引用与应用成效')).toBeTruthy();
    expect(screen.getByTestId('side-menu').textContent).not.toContain('成效审核');
  });
});
