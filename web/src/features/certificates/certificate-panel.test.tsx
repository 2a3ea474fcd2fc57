import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { subjectDetail, SUBJECT_ID } from '../plans/plan-fixtures';
import { fakeApi, fakeMe, renderApp, type FakeRoutes } from '../../test/render-app';
import type { CertificateLine, CertificateStatus } from './certificate-types';

const platformAdmin = fakeMe({
  grants: [{ id: 'g1', role: 'platform_admin', scopeType: 'organisation', scopeId: 'ph', scopeName: '国家人口健康科学数据中心', scopeKind: 'domain_platform' }],
  capabilities: { manageOrgs: false, listUsers: false, readAudit: false },
});

const dataLine: CertificateLine = {
  resourceType: 'data', typeLabel: { zh: '科学数据', en: 'Scientific data' }, planned: 4, released: 2, inReview: 1, waiver: null, fulfilled: false,
};
const reportLine: CertificateLine = {
  resourceType: 'report', typeLabel: { zh: '研究实验报告', en: 'Research report' }, planned: 1, released: 1, inReview: 0, waiver: null, fulfilled: true,
};

const incomplete: CertificateStatus = {
  subjectId: SUBJECT_ID, subjectCode: subjectDetail.code, complete: false, planApproved: true,
  lines: [dataLine, reportLine], certificate: null, can: { issue: false, waive: true },
};
const waived: CertificateStatus = {
  ...incomplete,
  complete: true,
  can: { issue: true, waive: true },
  lines: [{ ...dataLine, fulfilled: true, waiver: { reason: '队列随访延期，剩余数据并入下一期', byName: '王平台', at: '2027-11-01T02:00:00.000Z' } }, reportLine],
};
const issued: CertificateStatus = {
  ...waived,
  certificate: {
    number: 'HJ-2027-000012', code: 'K7Q2-9XMD-4TPA', issuedAt: '2027-11-02T02:00:00.000Z',
    verifyUrl: 'https://huijiao.example.cn/verify/K7Q2-9XMD-4TPA', pdfUrl: `/api/subjects/${SUBJECT_ID}/certificate.pdf`,
  },
};

function routes(status: CertificateStatus, extra: FakeRoutes = {}): FakeRoutes {
  return {
    'GET /api/auth/me': { body: platformAdmin },
    'GET /api/orgs': { body: { items: [] } },
    [`GET /api/subjects/${SUBJECT_ID}`]: { body: subjectDetail },
    [`GET /api/subjects/${SUBJECT_ID}/certificate-status`]: { body: status },
    ...extra,
  };
}

describe('certificate panel', () => {
  it('lists what is missing and keeps "签发汇交凭证" disabled while the plan is not fulfilled', async () => {
    const { requests } = fakeApi(routes(incomplete));
    renderApp(`/subjects/${SUBJECT_ID}/certificate`);
    const panel = await screen.findByTestId('certificate-panel');

    expect(within(panel).getByTestId('certificate-banner').getAttribute('data-complete')).toBe('false');
    expect(within(panel).getByTestId('certificate-missing').textContent).toBe('科学数据：还差 2 项（已发布 2 / 计划 4），其中 1 项正在审核');
    expect(within(panel).getByTestId('certificate-fulfilled-data').getAttribute('data-fulfilled')).toBe('false');
    expect(within(panel).getByTestId('certificate-fulfilled-report').getAttribute('data-fulfilled')).toBe('true');
    expect((within(panel).getByTestId('certificate-issue') as HTMLButtonElement).disabled).toBe(true);
    expect(within(panel).queryByTestId('certificate-pdf')).toBeNull();
    expect(requests.filter((r) => r.method === 'POST')).toEqual([]);
  });

  it('waives an unfulfilled type with a reason, then issues the certificate and shows it', async () => {
    const { requests } = fakeApi(
      routes(incomplete, {
        [`POST /api/subjects/${SUBJECT_ID}/waivers`]: { body: waived },
        [`POST /api/subjects/${SUBJECT_ID}/certificate`]: { status: 201, body: issued },
      }),
    );
    renderApp(`/subjects/${SUBJECT_ID}/certificate`);
    const panel = await screen.findByTestId('certificate-panel');

    fireEvent.click(within(panel).getByTestId('certificate-waive'));
    const form = await screen.findByTestId('waiver-form');
    fireEvent.click(screen.getByTestId('waiver-submit'));
    expect(await within(form).findByText('请填写豁免理由')).toBeTruthy();
    fireEvent.change(within(form).getByTestId('waiver-reason'), { target: { value: ' 队列随访延期，剩余数据并入下一期 ' } });
    fireEvent.click(screen.getByTestId('waiver-submit'));

    await waitFor(() => expect((within(panel).getByTestId('certificate-issue') as HTMLButtonElement).disabled).toBe(false));
    expect(requests.find((r) => r.path.endsWith('/waivers'))?.body).toEqual({ resourceType: 'data', reason: '队列随访延期，剩余数据并入下一期' });
    expect(within(panel).getByTestId('certificate-waiver-data').textContent).toContain('队列随访延期，剩余数据并入下一期');
    expect(within(panel).queryByTestId('certificate-waive')).toBeNull();

    fireEvent.click(within(panel).getByTestId('certificate-issue'));
    expect((await within(panel).findByTestId('certificate-number')).textContent).toBe('HJ-2027-000012');
    expect(within(panel).getByTestId('certificate-pdf').getAttribute('href')).toBe(`/api/subjects/${SUBJECT_ID}/certificate.pdf`);
    expect(within(panel).getByTestId('certificate-verify-link').getAttribute('href')).toBe('/verify/K7Q2-9XMD-4TPA');
    expect(within(panel).queryByTestId('certificate-issue')).toBeNull();
    expect(requests.filter((r) => r.method === 'POST').map((r) => r.path)).toEqual([`/api/subjects/${SUBJECT_ID}/waivers`, `/api/subjects/${SUBJECT_ID}/certificate`]);
  });
});
