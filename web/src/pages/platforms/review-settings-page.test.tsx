import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { visibleNavItems } from '../../components/nav-items';
import type { ReviewSettingsAnswer } from '../../features/review-settings/review-settings-types';
import { fakeApi, fakeMe, renderApp, type FakeRoutes } from '../../test/render-app';

const PLATFORM_ID = 'p-health';

const platformAdmin = fakeMe({
  user: { ...fakeMe().user, id: 'u-pa', username: 'pa', displayName: '王平台' },
  grants: [{ id: 'g1', role: 'platform_admin', scopeType: 'organisation', scopeId: PLATFORM_ID, scopeName: '国家人口健康科学数据中心', scopeKind: 'domain_platform' }],
  capabilities: { manageOrgs: false, listUsers: false, readAudit: false },
});

const settings: ReviewSettingsAnswer = {
  reviewDays: 10,
  returnDays: 10,
  skipTiers: { data: ['expert'] },
  rubric: [
    { key: 'quality', label: { zh: '科学质量', en: 'Scientific quality' } },
    { key: 'completeness', label: { zh: '完整性', en: 'Completeness' } },
  ],
  rule: { requireAllApprove: true, minMean: null },
  minExperts: 2,
  cstrTypeCodes: { data: '11', report: '13' },
  resourceTypes: [
    { type: 'data', label: { zh: '科学数据', en: 'Scientific data' } },
    { type: 'report', label: { zh: '研究实验报告', en: 'Research report' } },
  ],
  licences: [{ id: 'CC-BY-4.0', label: { zh: '署名 4.0', en: 'CC BY 4.0' } }],
};

function routes(extra: FakeRoutes = {}): FakeRoutes {
  return {
    'GET /api/auth/me': { body: platformAdmin },
    [`GET /api/orgs/${PLATFORM_ID}`]: {
      body: { id: PLATFORM_ID, kind: 'domain_platform', nameZh: '国家人口健康科学数据中心', nameEn: 'National Population Health Data Center', parentId: null, regionCode: null, creditCode: null, createdAt: '', updatedAt: '' },
    },
    [`GET /api/platforms/${PLATFORM_ID}/review-settings`]: { body: settings },
    ...extra,
  };
}

const puts = (requests: ReturnType<typeof fakeApi>['requests']) => requests.filter((r) => r.method === 'PUT');

describe('review settings', () => {
  it('shows "审核设置" to platform admins only, leading to their platform', async () => {
    expect(visibleNavItems(platformAdmin).map((item) => item.path)).toContain('/review-settings');
    expect(visibleNavItems(fakeMe({ grants: [] })).map((item) => item.path)).not.toContain('/review-settings');

    fakeApi(routes());
    renderApp('/review-settings');
    await screen.findByTestId('review-settings-form');
    expect(screen.getByText('国家人口健康科学数据中心 · 资源审核时限、审核环节、专家评审规则与 CSTR 类型代码')).toBeTruthy();
  });

  it('refuses a decision rule with neither option, before anything is sent', async () => {
    const { requests } = fakeApi(routes());
    renderApp(`/platforms/${PLATFORM_ID}/review-settings`);
    const form = await screen.findByTestId('review-settings-form');
    fireEvent.click(within(form).getByTestId('rule-all-approve'));
    fireEvent.click(screen.getByTestId('review-settings-save'));

    expect(await within(form).findByText('至少选用一项规则：勾选“全体专家均建议通过”，或填写平均分下限')).toBeTruthy();
    expect(puts(requests)).toEqual([]);
  });

  it('sends the skip matrix as skipTiers, with the rubric in order and the rule', async () => {
    const { requests } = fakeApi(
      routes({
        [`PUT /api/platforms/${PLATFORM_ID}/review-settings`]: (init) => ({ body: JSON.parse(String(init.body)) as unknown }),
      }),
    );
    renderApp(`/platforms/${PLATFORM_ID}/review-settings`);
    const form = await screen.findByTestId('review-settings-form');

    fireEvent.click(within(form).getByTestId('skip-unit-report'));
    fireEvent.click(within(form).getByTestId('skip-expert-data'));
    fireEvent.click(within(form).getByTestId('skip-expert-report'));
    fireEvent.change(within(form).getByTestId('cstr-code-report'), { target: { value: '15' } });
    fireEvent.change(within(form).getByTestId('rule-min-mean'), { target: { value: '3.5' } });
    fireEvent.click(within(form).getByTestId('rule-all-approve'));
    // A third criterion, moved to the top.
    fireEvent.click(within(form).getByTestId('rubric-add'));
    fireEvent.change(within(form).getByTestId('rubric-key-2'), { target: { value: 'usability' } });
    fireEvent.change(within(form).getByTestId('rubric-label-zh-2'), { target: { value: '可用性' } });
    fireEvent.change(within(form).getByTestId('rubric-label-en-2'), { target: { value: 'Usability' } });
    fireEvent.click(within(form).getByTestId('rubric-up-2'));
    fireEvent.click(within(form).getByTestId('rubric-up-1'));
    fireEvent.click(screen.getByTestId('review-settings-save'));

    await waitFor(() => expect(puts(requests)).toHaveLength(1));
    expect(puts(requests)[0]?.body).toEqual({
      reviewDays: 10,
      returnDays: 10,
      skipTiers: { data: [], report: ['unit', 'expert'] },
      rubric: [
        { key: 'usability', label: { zh: '可用性', en: 'Usability' } },
        { key: 'quality', label: { zh: '科学质量', en: 'Scientific quality' } },
        { key: 'completeness', label: { zh: '完整性', en: 'Completeness' } },
      ],
      rule: { requireAllApprove: false, minMean: 3.5 },
      minExperts: 2,
      cstrTypeCodes: { data: '11', report: '15' },
    });
    expect(await screen.findByText('审核设置已保存')).toBeTruthy();
  });

  it('checks rubric keys and CSTR codes, and puts the server’s refusals on their fields', async () => {
    const { requests } = fakeApi(
      routes({
        [`PUT /api/platforms/${PLATFORM_ID}/review-settings`]: {
          status: 422,
          body: {
            code: 'validation.failed', message: '请求参数有误',
            details: [
              { path: '/rubric/1/label/en', code: 'validation.minLength', message: '英文名称过短' },
              { path: '/returnDays', code: 'validation.maximum', message: '不能超过 90' },
            ],
          },
        },
      }),
    );
    renderApp(`/platforms/${PLATFORM_ID}/review-settings`);
    const form = await screen.findByTestId('review-settings-form');

    fireEvent.change(within(form).getByTestId('rubric-key-1'), { target: { value: 'Quality' } });
    fireEvent.change(within(form).getByTestId('cstr-code-data'), { target: { value: '1a' } });
    fireEvent.click(screen.getByTestId('review-settings-save'));
    expect(await within(form).findByText('以小写字母开头，只含小写字母、数字和下划线')).toBeTruthy();
    expect(within(form).getByText('类型代码为两位数字')).toBeTruthy();
    expect(puts(requests)).toEqual([]);

    fireEvent.change(within(form).getByTestId('rubric-key-1'), { target: { value: 'quality' } });
    fireEvent.click(screen.getByTestId('review-settings-save'));
    expect(await within(form).findByText('标识不能重复')).toBeTruthy();

    fireEvent.change(within(form).getByTestId('rubric-key-1'), { target: { value: 'completeness' } });
    fireEvent.change(within(form).getByTestId('cstr-code-data'), { target: { value: '11' } });
    fireEvent.click(screen.getByTestId('review-settings-save'));
    expect(await within(form).findByText('英文名称过短')).toBeTruthy();
    expect(within(form).getByText('不能超过 90')).toBeTruthy();
    expect(puts(requests)).toHaveLength(1);
  });
});
