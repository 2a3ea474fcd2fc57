import { fireEvent, screen, waitFor } from '@testing-library/react';
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { fakeApi, renderApp } from '../../test/render-app';
import { choose, platformAdmin, resource, resourceRoutes, review } from './review-fixtures';

/** Types a day into the antd date picker with this test id and confirms it. */
function typeDay(testId: string, day: string) {
  const picker = screen.getByTestId(testId);
  const input = picker instanceof HTMLInputElement ? picker : picker.querySelector('input')!;
  fireEvent.mouseDown(input);
  fireEvent.focus(input);
  fireEvent.change(input, { target: { value: day } });
  fireEvent.keyDown(input, { key: 'Enter', code: 'Enter' });
  fireEvent.blur(input);
}

describe('release', () => {
  it('requires an embargo end for an embargo, asks for a reason beyond 12 months, then shows the CSTR', async () => {
    const approved = resource({ status: 'approved', review: { tier: null, round: 1, stepDueAt: null, overdue: false, openFields: [] } });
    const near = dayjs().add(6, 'month').format('YYYY-MM-DD');
    const far = dayjs().add(18, 'month').format('YYYY-MM-DD');
    const routes = resourceRoutes(platformAdmin, approved, review({ status: 'approved', tier: null, stepDueAt: null, can: { release: true, withdraw: true, comment: true } }));
    const released = resource({
      status: 'released',
      release: { cstr: 'CSTR:31253.11.hj2026000001', cstrUrl: 'https://cstr.example.cn/CSTR:31253.11.hj2026000001', sharingMode: 'embargo', embargoEnd: far, licence: 'CC-BY-4.0', releasedAt: '2026-12-01T08:00:00.000Z', withdrawnAt: null, withdrawalReason: null },
    });
    routes['POST /api/resources/r1/release'] = () => {
      routes['GET /api/resources/r1'] = { body: released };
      routes['GET /api/resources/r1/review'] = { body: review({ status: 'released', tier: null, stepDueAt: null, can: { withdraw: true, newVersion: true } }) };
      return { body: released };
    };
    const { requests } = fakeApi(routes);
    renderApp('/resources/r1?tab=review');
    await screen.findByTestId('release-form');
    expect(screen.getByTestId('review-step-approved').getAttribute('data-status')).toBe('process');

    await choose('release-sharing-mode', '保护期');
    fireEvent.click(await screen.findByTestId('release-submit'));
    expect(await screen.findByText('保护期共享须填写截止日期')).toBeTruthy();
    expect(screen.getByText('请选择许可协议')).toBeTruthy();

    // Within 12 months no reason is asked; beyond, it is required.
    typeDay('release-embargo-end', near);
    await waitFor(() => expect(screen.queryByText('保护期共享须填写截止日期')).toBeNull());
    expect(screen.queryByTestId('release-embargo-reason')).toBeNull();
    typeDay('release-embargo-end', far);
    await screen.findByTestId('release-embargo-reason');
    await choose('release-licence', 'CC BY 4.0（署名）');
    fireEvent.click(screen.getByTestId('release-submit'));
    expect(await screen.findByText('保护期超过 12 个月须说明理由')).toBeTruthy();
    expect(requests.filter((r) => r.method === 'POST')).toEqual([]);

    fireEvent.change(screen.getByTestId('release-embargo-reason'), { target: { value: '专利申请期间' } });
    fireEvent.click(screen.getByTestId('release-submit'));
    await waitFor(() => expect(requests.filter((r) => r.method === 'POST')).toHaveLength(1));
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ sharingMode: 'embargo', embargoEnd: far, embargoReason: '专利申请期间', licence: 'CC-BY-4.0' });

    expect((await screen.findByTestId('release-cstr')).textContent).toContain('CSTR:31253.11.hj2026000001');
    expect(screen.getByTestId('release-cstr-link').getAttribute('href')).toBe('https://cstr.example.cn/CSTR:31253.11.hj2026000001');
    expect(screen.getByTestId('release-sharing').textContent).toBe('保护期');
    expect(screen.getByTestId('released-notice').textContent).toContain('CSTR:31253.11.hj2026000001');
    await waitFor(() => expect(screen.queryByTestId('release-form')).toBeNull());
    expect(screen.getByTestId('review-step-released').getAttribute('data-status')).toBe('finish');
  });
});
