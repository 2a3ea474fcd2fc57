import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AppProviders, createQueryClient } from '../../app';
import { fakeApi } from '../../test/render-app';
import { DraftCheck } from './draft-check';
import type { VersionDetail } from './standard-types';

describe('DraftCheck', () => {
  it('asks the server to re-validate unsubmitted resources and lists what breaks', async () => {
    const { requests } = fakeApi({
      'POST /api/standard-versions/v2/revalidate': {
        body: {
          items: [
            { resourceId: 'r1', subjectCode: '2021YFC2501001', resourceType: 'data', titleZh: '随访数据', status: 'draft', currentVersion: '1.0.0', typeCollected: true, problems: [{ path: '/informedConsent', label: '知情同意', code: 'required', message: '知情同意为必填项' }] },
            { resourceId: 'r2', subjectCode: '2021YFC2501002', resourceType: 'report', titleZh: '年度报告', status: 'returned', currentVersion: '1.0.0', typeCollected: true, problems: [] },
          ],
        },
      },
    });
    render(<AppProviders queryClient={createQueryClient()}><DraftCheck version={{ id: 'v2', version: '1.1.0' } as VersionDetail} /></AppProviders>);
    fireEvent.click(screen.getByTestId('draft-check'));
    await waitFor(() => expect(screen.getByText('知情同意为必填项')).toBeTruthy());
    expect(screen.getByText('共 2 条未提交资源，其中 1 条在此版本下有问题')).toBeTruthy();
    expect(screen.getByText('通过')).toBeTruthy();
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /api/standard-versions/v2/revalidate']);
  });
});
