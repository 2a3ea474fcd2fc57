import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { formatDay } from '../../features/registry/dates';
import { portalResource, reader, RESOURCE_ID } from '../../features/portal/portal-fixtures';
import type { PortalResource } from '../../features/portal/portal-types';
import { fakeApi, renderApp, UNAUTHENTICATED, type FakeRoutes } from '../../test/render-app';

const RESOURCE_PATH = `/api/portal/resources/${RESOURCE_ID}`;

function routes(resource: PortalResource | (() => PortalResource), me: FakeRoutes[string] = UNAUTHENTICATED, extra: FakeRoutes = {}): FakeRoutes {
  return {
    'GET /api/auth/me': me,
    [`GET ${RESOURCE_PATH}`]: () => ({ body: typeof resource === 'function' ? resource() : resource }),
    ...extra,
  };
}

const download = (fileId: string) => screen.getByTestId(`file-download-${fileId}`);

describe('landing page (public)', () => {
  it('lets anyone download an open resource, and shows its CSTR, citation and exports', async () => {
    const { requests } = fakeApi(routes(portalResource()));
    renderApp(`/r/${RESOURCE_ID}`);
    expect((await screen.findByTestId('landing-title')).textContent).toBe('浙江省慢性病队列基线调查数据集');
    expect(screen.getByTestId('landing-title-en').textContent).toBe('Zhejiang chronic disease cohort baseline survey data');
    expect(screen.getByTestId('landing-cstr').textContent).toContain('CSTR:31253.11.hj2027000001');
    expect(screen.getByTestId('landing-cstr-link').getAttribute('href')).toBe('https://cstr.cn/31253.11.hj2027000001');
    expect(screen.getByTestId('landing-sharing').textContent).toBe('公开获取');
    expect(screen.getByTestId('access-reason').textContent).toBe('公开资源，任何人均可下载');

    const link = download('f1');
    expect(link.tagName).toBe('A');
    expect(link.getAttribute('href')).toBe(`${RESOURCE_PATH}/files/f1`);
    expect(within(screen.getByTestId('portal-files')).getByText('5.0 MB')).toBeTruthy();
    expect(screen.getByTestId('landing-files').textContent).toContain('e3e3e3e3…e3e3e3e3');

    expect(screen.getByTestId('cite-gbt7714').textContent).toContain('刘洋. 浙江省慢性病队列基线调查数据集[DS/OL]');
    expect(screen.getByTestId('cite-bibtex').getAttribute('href')).toBe(`${RESOURCE_PATH}/citation?format=bibtex&download=1`);
    expect(screen.getByTestId('cite-ris').getAttribute('href')).toBe(`${RESOURCE_PATH}/citation?format=ris&download=1`);
    expect(screen.getByTestId('export-datacite-xml').getAttribute('href')).toBe(`${RESOURCE_PATH}/datacite.xml`);
    expect(screen.getByTestId('export-bag').getAttribute('href')).toBe(`${RESOURCE_PATH}/bag.zip`);
    // Metadata by the standard's labels, in its groups.
    expect(screen.getByTestId('landing-fields').textContent).toContain('数据质量');
    expect(screen.getByTestId('field-sampleSize').textContent).toBe('32000');
    expect(screen.getByTestId('usage-views').textContent).toContain('1,234');
    expect(requests.map((r) => r.path)).toContain(RESOURCE_PATH);
  });

  it('asks an anonymous visitor to log in for a registered-users resource, and comes back after login', async () => {
    fakeApi(routes(portalResource({ sharingMode: 'registered', access: { canDownload: false, reason: 'login_required' } })));
    renderApp(`/r/${RESOURCE_ID}/v/1`);
    expect((await screen.findByTestId('access-reason')).textContent).toBe('登录后可下载');
    expect((download('f1') as HTMLButtonElement).disabled).toBe(true);
    expect(download('f1').tagName).toBe('BUTTON');
    expect(download('f1').getAttribute('aria-label')).toContain('登录后可下载');
    expect(screen.getByTestId('export-bag').hasAttribute('href')).toBe(false);

    fireEvent.click(within(screen.getByTestId('access-login')).getByRole('button'));
    expect(await screen.findByTestId('login-name')).toBeTruthy();
  });

  it('offers 申请使用 for an application resource; the agreement must be accepted, then it shows 审核中', async () => {
    let applied = false;
    const pending = () =>
      portalResource({
        sharingMode: 'application',
        access: applied
          ? { canDownload: false, reason: 'application_pending', application: { id: 'a9', status: 'pending', expiresAt: null, reason: null } }
          : { canDownload: false, reason: 'application_required', agreement: { zh: '仅用于所述科研目的，不得向第三方提供。', en: 'For the stated research only.' } },
      });
    const { requests } = fakeApi(
      routes(pending, { body: reader }, {
        [`POST ${RESOURCE_PATH}/applications`]: () => {
          applied = true;
          return { status: 201, body: { id: 'a9', resourceId: RESOURCE_ID, resourceTitle: '浙江省慢性病队列基线调查数据集', applicant: { id: reader.user.id, displayName: '陈读者', email: null }, purpose: 'p', intendedUse: 'u', status: 'pending', reason: null, decidedBy: null, decidedAt: null, expiresAt: null, createdAt: '2027-04-01T02:00:00.000Z' } };
        },
      }),
    );
    renderApp(`/r/${RESOURCE_ID}`);
    expect((await screen.findByTestId('access-reason')).textContent).toBe('需申请：提交使用申请，经资源提供方批准后可下载');
    expect((download('f1') as HTMLButtonElement).disabled).toBe(true);

    fireEvent.click(screen.getByTestId('apply-button'));
    const form = await screen.findByTestId('apply-form');
    expect(screen.getByTestId('apply-agreement-text').textContent).toBe('仅用于所述科研目的，不得向第三方提供。');
    fireEvent.change(within(form).getByTestId('apply-purpose'), { target: { value: ' 比较研究长三角慢性病风险因素 ' } });
    fireEvent.change(within(form).getByTestId('apply-intended-use'), { target: { value: '课题组内部分析' } });
    fireEvent.click(screen.getByTestId('apply-submit'));
    expect(await within(form).findByText('请阅读并同意数据使用协议')).toBeTruthy();
    expect(requests.filter((r) => r.method === 'POST')).toEqual([]);

    fireEvent.click(within(form).getByTestId('apply-agree'));
    fireEvent.click(screen.getByTestId('apply-submit'));
    await waitFor(() => expect(screen.getByTestId('access-reason').textContent).toBe('申请审核中：资源提供方批准后即可下载'));
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ purpose: '比较研究长三角慢性病风险因素', intendedUse: '课题组内部分析', agreementAccepted: true });
    expect(screen.queryByTestId('apply-button')).toBeNull();
    expect(screen.getByTestId('access-my-applications')).toBeTruthy();
  });

  it('sends an anonymous applicant to log in first', async () => {
    fakeApi(routes(portalResource({ sharingMode: 'application', access: { canDownload: false, reason: 'application_expired', application: { id: 'a1', status: 'approved', expiresAt: '2027-01-01T00:00:00.000Z', reason: null } } })));
    renderApp(`/r/${RESOURCE_ID}`);
    expect((await screen.findByTestId('apply-button')).textContent).toBe('重新申请');
    expect(screen.getByTestId('access-reason').textContent).toContain('申请已过期');
    fireEvent.click(screen.getByTestId('apply-button'));
    expect(await screen.findByTestId('login-name')).toBeTruthy();
  });

  it('shows the end of an embargo and keeps the downloads shut until then', async () => {
    fakeApi(routes(portalResource({ sharingMode: 'embargo', embargoEnd: '2028-06-30', access: { canDownload: false, reason: 'embargo', embargoEnd: '2028-06-30' } })));
    renderApp(`/r/${RESOURCE_ID}`);
    const date = formatDay('2028-06-30', 'zh-CN');
    expect((await screen.findByTestId('access-reason')).textContent).toBe(`保护期至 ${date}，届时开放下载`);
    expect((download('f2') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('landing-sharing').textContent).toContain(date);
  });

  it('gives an offline resource a contact card and a request form instead of files', async () => {
    const { requests } = fakeApi(
      routes(portalResource({ sharingMode: 'offline', files: null, access: { canDownload: false, reason: 'offline', contact: { name: '张晓雨', email: 'zhang@example.cn', phone: null } } }), UNAUTHENTICATED, {
        [`POST ${RESOURCE_PATH}/contact-requests`]: { status: 201, body: {} },
      }),
    );
    renderApp(`/r/${RESOURCE_ID}`);
    const card = await screen.findByTestId('contact-card');
    expect(card.textContent).toContain('zhang@example.cn');
    expect(screen.queryByTestId('portal-files')).toBeNull();
    const form = within(card).getByTestId('contact-form');
    fireEvent.change(within(form).getByLabelText('您的姓名'), { target: { value: '王研' } });
    fireEvent.change(within(form).getByLabelText('您的邮箱'), { target: { value: 'wang@example.cn' } });
    fireEvent.change(within(form).getByLabelText('留言'), { target: { value: '希望获取样本' } });
    fireEvent.click(within(card).getByTestId('contact-submit'));
    expect(await within(card).findByTestId('contact-sent')).toBeTruthy();
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ name: '王研', email: 'wang@example.cn', message: '希望获取样本' });
  });

  it('points an older version to the latest, and a withdrawn one is a tombstone without files', async () => {
    const versions = [
      { id: RESOURCE_ID, versionNo: 1, status: 'superseded', cstr: 'CSTR:31253.11.hj2027000001', releasedAt: '2027-03-02T02:00:00.000Z' },
      { id: 'r1b', versionNo: 2, status: 'released', cstr: 'CSTR:31253.11.hj2027000009', releasedAt: '2027-09-02T02:00:00.000Z' },
    ];
    fakeApi(routes(portalResource({ status: 'superseded', latestVersionNo: 2, versions })));
    const { unmount } = renderApp(`/r/${RESOURCE_ID}/v/1`);
    expect((await screen.findByTestId('superseded-banner')).textContent).toContain('已被新版本取代');
    expect(screen.getByTestId('latest-version-link').getAttribute('href')).toBe(`/r/${RESOURCE_ID}/v/2`);
    expect(within(screen.getByTestId('version-2')).getByRole('link').getAttribute('href')).toBe(`/r/${RESOURCE_ID}/v/2`);
    unmount();

    fakeApi(routes(portalResource({ status: 'withdrawn', withdrawal: { at: '2027-10-01T02:00:00.000Z', reason: '发现受试者隐私信息未脱敏' }, access: { canDownload: false, reason: 'withdrawn' } })));
    renderApp(`/r/${RESOURCE_ID}`);
    expect((await screen.findByTestId('withdrawn-banner')).textContent).toContain('撤回原因：发现受试者隐私信息未脱敏');
    expect(screen.queryByTestId('landing-files')).toBeNull();
    expect(screen.queryByTestId('file-download-f1')).toBeNull();
  });

  it('says a restricted or unknown resource is not found', async () => {
    fakeApi({ 'GET /api/auth/me': UNAUTHENTICATED, [`GET ${RESOURCE_PATH}`]: { status: 404, body: { code: 'resource.not_found', message: '资源不存在', details: [] } } });
    renderApp(`/r/${RESOURCE_ID}`);
    expect((await screen.findByTestId('landing-not-found')).textContent).toContain('未找到该资源');
  });
});
