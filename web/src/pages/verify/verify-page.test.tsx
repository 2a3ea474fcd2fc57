import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Verification } from '../../features/certificates/certificate-types';
import { fakeApi, renderApp } from '../../test/render-app';

const genuine: Verification = {
  number: 'HJ-2027-000012', subjectCode: '2025YFC0810001', subjectTitle: '长三角人群队列慢性病风险因素研究', piName: '刘洋',
  units: ['浙江大学', '复旦大学'], platformName: '国家人口健康科学数据中心', issuedAt: '2027-11-02T02:00:00.000Z',
  lines: [{ resourceType: 'data', typeLabel: { zh: '科学数据', en: 'Scientific data' }, count: 2, cstrs: ['CSTR:31253.11.hj2027000001', 'CSTR:31253.11.hj2027000002'] }],
};

describe('certificate verification (public)', () => {
  it('says a forged code is not a certificate, without asking anyone to log in', async () => {
    const { requests } = fakeApi({
      'GET /api/verify/FORGED-0000': { status: 404, body: { code: 'certificate.not_found', message: '凭证不存在', details: [] } },
    });
    renderApp('/verify/FORGED-0000');
    expect((await screen.findByTestId('verify-invalid')).textContent).toContain('未找到该凭证，凭证无效');
    expect(screen.queryByTestId('verify-valid')).toBeNull();
    expect(requests.map((r) => r.path)).toEqual(['/api/verify/FORGED-0000']);
  });

  it('takes a typed code and shows what the genuine certificate attests', async () => {
    fakeApi({ 'GET /api/verify/K7Q2-9XMD-4TPA': { body: genuine } });
    renderApp('/verify');
    fireEvent.change(await screen.findByTestId('verify-code'), { target: { value: ' K7Q2-9XMD-4TPA ' } });
    fireEvent.click(screen.getByTestId('verify-submit'));

    const valid = await screen.findByTestId('verify-valid');
    expect(valid.textContent).toContain('凭证真实有效');
    expect(screen.getByTestId('verify-number').textContent).toBe('HJ-2027-000012');
    expect(valid.textContent).toContain('浙江大学、复旦大学');
    await waitFor(() => expect(valid.textContent).toContain('CSTR:31253.11.hj2027000002'));
  });
});
