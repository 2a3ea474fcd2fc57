import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { MyReview, StandardDiff, VersionDetail } from '../../features/standards/standard-types';
import { testStandards, testVersion } from '../../features/standards/test/fixtures';
import { fakeApi, fakeMe, renderApp } from '../../test/render-app';

const phAdmin = fakeMe({
  user: { ...fakeMe().user, id: 'u-ph', username: 'ph_admin', displayName: '人口健康平台管理员' },
  grants: [{ id: 'g1', role: 'platform_admin', scopeType: 'organisation', scopeId: 'p-ph', scopeName: '国家人口健康科学数据中心' }],
  capabilities: { manageOrgs: false, listUsers: true, readAudit: false },
});

const expert = fakeMe({
  user: { ...fakeMe().user, id: 'u-ex', username: 'expert', displayName: '王专家' },
  grants: [{ id: 'g2', role: 'expert', scopeType: 'organisation', scopeId: 'p-ph', scopeName: '国家人口健康科学数据中心' }],
  capabilities: { manageOrgs: false, listUsers: false, readAudit: false },
});

const review = (overrides: Partial<MyReview>): MyReview => ({
  id: 'r1', round: 1, decision: null, comment: null, assignedAt: '2026-11-27T12:00:00.000Z', decidedAt: null, versionId: 'v11', version: '1.1.0',
  status: 'in_review', domain: 'population-health', nameZh: '人口健康领域科技资源汇交标准规范', nameEn: 'Population Health Resource Collection Standard', open: true,
  ...overrides,
});

describe('collection standards screens', () => {
  it('lists standards with status tags, the version in force highlighted, and an expert\'s open reviews first', async () => {
    fakeApi({
      'GET /api/auth/me': { body: expert },
      'GET /api/standards': { body: { items: testStandards } },
      'GET /api/standard-reviews/mine': {
        body: { items: [review({}), review({ id: 'r0', versionId: 'v10', version: '1.0.0', status: 'approved', decision: 'approve', open: false })] },
      },
    });
    renderApp('/standards');
    const card = await screen.findByTestId('standard-population-health');
    expect(within(card).getByText('人口健康领域科技资源汇交标准规范')).toBeTruthy();
    expect(within(card).getByText('草稿')).toBeTruthy();
    expect(within(card).getByText('已批准')).toBeTruthy();
    const current = within(card).getByTestId('current-version');
    expect(current.closest('tr')?.textContent).toContain('v1.0.0');

    const reviews = await screen.findByTestId('my-reviews');
    const links = within(reviews).getAllByTestId('my-review-link');
    expect(links.map((link) => link.textContent)).toEqual(['人口健康领域科技资源汇交标准规范 v1.1.0', '人口健康领域科技资源汇交标准规范 v1.0.0']);
    expect(within(reviews).getByText('待您评审')).toBeTruthy();
    expect(links[0]?.getAttribute('href')).toBe('/standards/versions/v11?tab=review');
  });

  it('validates the empty form on the server and shows its Chinese messages on the fields and as a list', async () => {
    const { requests } = fakeApi({
      'GET /api/auth/me': { body: phAdmin },
      'GET /api/standards': { body: { items: testStandards } },
      'GET /api/standard-versions/v11': { body: testVersion },
      'POST /api/standard-versions/v11/validate': {
        body: {
          valid: false,
          errors: [
            { path: '/titleZh', label: '题名（中文）', code: 'required', message: '题名（中文）为必填项' },
            { path: '/licence', label: '许可协议', code: 'required', message: '许可协议为必填项' },
            { path: '/contact', label: '联系人', code: 'required', message: '联系人为必填项' },
          ],
        },
      },
    });
    renderApp('/standards/versions/v11?tab=form');
    await screen.findByTestId('form-group-basic');
    fireEvent.click(screen.getByTestId('form-validate'));

    const list = await screen.findByTestId('validation-errors');
    expect(within(list).getByText('校验未通过：共 3 处问题，点击可定位到字段')).toBeTruthy();
    expect(within(list).getByText('题名（中文）为必填项')).toBeTruthy();
    const titleItem = document.getElementById('root_titleZh')?.closest('.ant-form-item');
    await waitFor(() => expect(titleItem?.textContent).toContain('题名（中文）为必填项'));
    expect(document.getElementById('root_licence')?.closest('.ant-form-item')?.textContent).toContain('许可协议为必填项');

    const sent = requests.find((r) => r.method === 'POST');
    expect(sent?.path).toBe('/api/standard-versions/v11/validate');
    expect(sent?.body).toEqual({ type: 'data', record: {}, partial: false });
    expect(sent?.headers['accept-language']).toBe('zh-CN');

    // Typing a title takes its error away; the others stay until the next check.
    fireEvent.change(document.getElementById('root_titleZh')!, { target: { value: '浙江省慢性病队列数据集' } });
    await waitFor(() => expect(within(screen.getByTestId('validation-errors')).queryByText('题名（中文）为必填项')).toBeNull());
    expect(within(screen.getByTestId('validation-errors')).getByText('许可协议为必填项')).toBeTruthy();
  });

  it('shows the field table of each type, and the draft actions to the platform admin', async () => {
    fakeApi({
      'GET /api/auth/me': { body: phAdmin },
      'GET /api/standards': { body: { items: testStandards } },
      'GET /api/standard-versions/v11': { body: testVersion },
    });
    renderApp('/standards/versions/v11');
    const table = await screen.findByTestId('field-table');
    expect(within(table).getByText('题名（中文）')).toBeTruthy();
    expect(within(table).getByText('资源的正式中文名称')).toBeTruthy();
    expect(within(table).getByTestId('requirement-titleZh').textContent).toBe('必填');
    expect(within(table).getByText('词表单选')).toBeTruthy();
    expect(screen.getByText('此版本为草稿，尚未生效，提交者看不到它')).toBeTruthy();
    expect(screen.getByTestId('submit-review-open')).toBeTruthy();
    expect(screen.queryByTestId('retire-version')).toBeNull();

    fireEvent.click(screen.getByText('研究实验报告'));
    await waitFor(() => expect(screen.getByTestId('field-count').textContent).toBe('共 1 个字段，其中必填 1 个'));
  });

  it('compares versions from the older to the newer, whichever is open, with labels and terms in words', async () => {
    const older: VersionDetail = { ...testVersion, id: 'v10', version: '1.0.0', status: 'approved', basedOnId: null, approvedAt: '2026-11-20T12:00:00.000Z' };
    const diff: StandardDiff = {
      base: '1.0.0',
      version: '1.1.0',
      typesAdded: [],
      typesRemoved: [],
      fields: [{ type: 'data', field: 'keywordsZh', label: { zh: '关键词（中文）', en: 'Keywords (Chinese)' }, change: 'made_required' }],
      vocabularies: [{ vocabulary: 'licence', label: { zh: '许可协议', en: 'Licence' }, change: 'terms_changed', termsAdded: ['CC0-1.0'], termsRemoved: [] }],
    };
    const { requests } = fakeApi({
      'GET /api/auth/me': { body: phAdmin },
      'GET /api/standards': { body: { items: testStandards } },
      'GET /api/standard-versions/v10': { body: older },
      'GET /api/standard-versions/v11': { body: testVersion },
      'GET /api/standard-versions/v11/diff': { body: diff },
    });
    renderApp('/standards/versions/v10?tab=versions');
    const changes = await screen.findByTestId('version-diff');
    expect(screen.getByTestId('diff-direction').textContent).toBe('从 v1.0.0 到 v1.1.0 的变化：');
    expect(within(changes).getByText('关键词（中文）')).toBeTruthy();
    expect(within(changes).getByText('改为必填')).toBeTruthy();
    expect(within(changes).getByText('+ 公共领域贡献 (CC0-1.0)')).toBeTruthy();
    expect(requests.some((r) => r.path === '/api/standard-versions/v11/diff?base=v10')).toBe(true);
    // 1.1.0 is only a draft: the open version is still the one in force, so no notice says otherwise.
    expect(screen.queryByText('已有更新的批准版本；新的汇交请使用现行版本')).toBeNull();
  });
});
