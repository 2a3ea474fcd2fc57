import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { portalResource, reader, RESOURCE_ID } from '../portal/portal-fixtures';
import { formatDay } from '../registry/dates';
import { fakeApi, renderApp, UNAUTHENTICATED, type FakeRoutes } from '../../test/render-app';
import { reuseReport } from './reuse-fixtures';
import type { ReuseReport } from './reuse-types';

const REUSE_PATH = `/api/resources/${RESOURCE_ID}/reuse`;

const cited = reuseReport();
const benefit = reuseReport({
  id: 'ru2', kind: 'benefit', citation: null, doi: null, url: 'https://wsjkw.zj.gov.cn/art/2027/6/1/art_1.html',
  description: '支撑浙江省慢性病综合防控示范区建设，覆盖人口约 200 万', reportedByName: '浙江省疾控中心', reportedAt: '2027-06-01T02:00:00.000Z',
});

function routes(me: FakeRoutes[string], items: () => ReuseReport[], extra: FakeRoutes = {}): FakeRoutes {
  return {
    'GET /api/auth/me': me,
    [`GET /api/portal/resources/${RESOURCE_ID}`]: { body: portalResource() },
    [`GET ${REUSE_PATH}`]: () => ({ body: { items: items() } }),
    ...extra,
  };
}

const field = (form: HTMLElement, testId: string) => within(form).getByTestId(testId);

describe('reuse on the landing page', () => {
  it('lists accepted citations and benefits with their links, and asks an anonymous visitor to log in to report', async () => {
    fakeApi(routes(UNAUTHENTICATED, () => [cited, benefit]));
    renderApp(`/r/${RESOURCE_ID}`);
    const section = await screen.findByTestId('landing-reuse');
    expect(within(section).getByText('引用与应用成效')).toBeTruthy();

    const citation = await screen.findByTestId('reuse-item-ru1');
    expect(citation.textContent).toContain('引用');
    expect(citation.textContent).toContain('王敏, 刘洋. 长三角成人慢性病风险因素的队列研究[J]. 中华流行病学杂志, 2027, 48(5): 601-609.');
    expect(citation.textContent).toContain('使用了基线问卷与生化检测数据分析高血压的风险因素');
    expect(citation.textContent).toContain(`王敏 报告于 ${formatDay('2027-05-10T02:00:00.000Z', 'zh-CN')}`);
    expect(screen.getByTestId('reuse-doi-ru1').getAttribute('href')).toBe('https://doi.org/10.3760/cma.j.cn112338-20270101-00001');

    const impact = screen.getByTestId('reuse-item-ru2');
    expect(impact.textContent).toContain('效益');
    expect(impact.textContent).toContain('支撑浙江省慢性病综合防控示范区建设，覆盖人口约 200 万');
    expect(screen.getByTestId('reuse-url-ru2').getAttribute('href')).toBe('https://wsjkw.zj.gov.cn/art/2027/6/1/art_1.html');
    expect(screen.queryByTestId('reuse-doi-ru2')).toBeNull();

    expect(screen.queryByTestId('reuse-report-button')).toBeNull();
    const login = await screen.findByTestId('reuse-login');
    expect(login.textContent).toContain('登录后可报告引用或应用成效');
    fireEvent.click(login);
    expect(await screen.findByTestId('login-name')).toBeTruthy();
  });

  it('checks the form, sends the report, then shows 已提交，待平台审核 and the pending report', async () => {
    let items: ReuseReport[] = [cited];
    const created = reuseReport({
      id: 'ru9', kind: 'benefit', citation: null, doi: '10.1234/zj.2027.0042', url: 'https://example.cn/report',
      description: '用于某县高血压筛查方案设计', reportedByName: '陈读者', reportedAt: '2027-07-01T02:00:00.000Z', status: 'pending', reviewedByName: null, reviewedAt: null,
    });
    const { requests } = fakeApi(
      routes({ body: reader }, () => items, {
        [`POST ${REUSE_PATH}`]: () => {
          items = [cited, created];
          return { status: 201, body: created };
        },
      }),
    );
    renderApp(`/r/${RESOURCE_ID}`);
    fireEvent.click(await screen.findByTestId('reuse-report-button'));
    const form = await screen.findByTestId('reuse-form');
    expect(screen.queryByTestId('reuse-login')).toBeNull();

    // Nothing filled in: the description is required.
    fireEvent.click(screen.getByTestId('reuse-submit'));
    expect(await within(form).findByText('请填写说明')).toBeTruthy();

    fireEvent.click(within(form).getByText('应用成效（经济、社会效益等）'));
    fireEvent.change(field(form, 'reuse-description'), { target: { value: '  用于某县高血压筛查方案设计 ' } });
    fireEvent.change(field(form, 'reuse-doi'), { target: { value: '10.12/x' } });
    fireEvent.change(field(form, 'reuse-url'), { target: { value: 'ftp://example.cn/report' } });
    fireEvent.click(screen.getByTestId('reuse-submit'));
    expect(await within(form).findByText('DOI 格式应为 10.xxxx/…')).toBeTruthy();
    expect(within(form).getByText('请输入以 http:// 或 https:// 开头的网址')).toBeTruthy();
    expect(requests.filter((r) => r.method === 'POST')).toEqual([]);

    // A DOI pasted as a link is reduced to the bare DOI.
    fireEvent.change(field(form, 'reuse-doi'), { target: { value: 'https://doi.org/10.1234/zj.2027.0042' } });
    fireEvent.change(field(form, 'reuse-url'), { target: { value: 'https://example.cn/report' } });
    fireEvent.click(screen.getByTestId('reuse-submit'));
    await waitFor(() => expect(requests.filter((r) => r.method === 'POST')).toHaveLength(1));
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({
      kind: 'benefit', description: '用于某县高血压筛查方案设计', doi: '10.1234/zj.2027.0042', url: 'https://example.cn/report',
    });

    expect((await screen.findByTestId('reuse-submitted')).textContent).toContain('已提交，待平台审核');
    const mine = await screen.findByTestId('reuse-mine');
    const pending = within(mine).getByTestId('reuse-item-ru9');
    expect(pending.textContent).toContain('待审核');
    expect(pending.textContent).toContain('用于某县高血压筛查方案设计');
    expect(within(screen.getByTestId('reuse-list')).queryByTestId('reuse-item-ru9')).toBeNull();
  });

  it('says so when nothing has been reported, and offers no report on an older version', async () => {
    fakeApi({
      ...routes({ body: reader }, () => []),
      [`GET /api/portal/resources/${RESOURCE_ID}`]: { body: portalResource({ status: 'superseded', latestVersionNo: 2 }) },
    });
    renderApp(`/r/${RESOURCE_ID}/v/1`);
    expect((await screen.findByTestId('reuse-empty')).textContent).toContain('暂无经审核的引用或应用成效');
    expect(screen.queryByTestId('reuse-report-button')).toBeNull();
    expect(screen.queryByTestId('reuse-login')).toBeNull();
  });
});
