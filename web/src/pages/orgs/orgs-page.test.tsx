import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Org } from '../../features/orgs/orgs-api';
import { fakeApi, fakeMe, renderApp } from '../../test/render-app';

const ministry: Org = {
  id: 'm',
  kind: 'ministry',
  nameZh: '科学技术部',
  nameEn: 'Ministry of Science and Technology',
  parentId: null,
  regionCode: '110000',
  creditCode: null,
  createdAt: '',
  updatedAt: '',
};
const unit: Org = { ...ministry, id: 'u', kind: 'unit', nameZh: '浙江大学', nameEn: 'Zhejiang University', parentId: 'p', regionCode: '330000', creditCode: '12100000470095016Q' };
const regions = { items: [{ code: '110000', nameZh: '北京市', nameEn: 'Beijing' }, { code: '330000', nameZh: '浙江省', nameEn: 'Zhejiang' }] };

describe('organisations page', () => {
  it('shows a unit admin only what the server returns, with no editing controls', async () => {
    fakeApi({
      'GET /api/auth/me': { body: fakeMe({ capabilities: { manageOrgs: false, listUsers: true, readAudit: false } }) },
      'GET /api/orgs': { body: { items: [unit] } },
      'GET /api/regions': { body: regions },
    });
    renderApp('/orgs');
    expect(await screen.findByText('浙江大学')).toBeTruthy();
    expect(screen.getByText('承担单位')).toBeTruthy();
    expect(screen.getByText('浙江省')).toBeTruthy();
    expect(screen.queryByText('科学技术部')).toBeNull();
    expect(screen.queryByTestId('org-create')).toBeNull();
  });

  it('checks the credit code in the browser, then shows the server field error on the field', async () => {
    const { requests } = fakeApi({
      'GET /api/auth/me': { body: fakeMe() },
      'GET /api/orgs': { body: { items: [ministry] } },
      'GET /api/regions': { body: regions },
      'POST /api/orgs': {
        status: 409,
        body: {
          code: 'org.credit_code_taken',
          message: '该统一社会信用代码已被机构“浙江大学”使用',
          details: [{ path: '/creditCode', code: 'org.credit_code_taken', message: '该统一社会信用代码已被机构“浙江大学”使用' }],
        },
      },
    });
    renderApp('/orgs');
    fireEvent.click(await screen.findByTestId('org-create'));
    const drawer = await screen.findByRole('dialog');
    // The drawer's fields render after its first data arrives: wait for them rather than assume.
    fireEvent.change(await within(drawer).findByTestId('org-name-zh'), { target: { value: '测试大学' } });
    fireEvent.change(await within(drawer).findByTestId('org-credit-code'), { target: { value: '91330100799655058a' } });
    fireEvent.click(screen.getByTestId('org-save'));
    expect(await within(drawer).findByText('统一社会信用代码无效：须为 18 位且校验位正确')).toBeTruthy();
    expect(requests.some((r) => r.method === 'POST')).toBe(false);

    fireEvent.change(within(drawer).getByTestId('org-credit-code'), { target: { value: '91330100799655058b' } });
    fireEvent.click(screen.getByTestId('org-save'));
    expect(await within(drawer).findByText('该统一社会信用代码已被机构“浙江大学”使用')).toBeTruthy();
    await waitFor(() => expect(requests.filter((r) => r.method === 'POST')).toHaveLength(1));
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ kind: 'unit', nameZh: '测试大学', creditCode: '91330100799655058B' });
    expect(requests.find((r) => r.method === 'POST')?.headers['x-csrf-token']).toBe('csrf-123');
  });
});
