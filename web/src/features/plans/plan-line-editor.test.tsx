import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, renderApp } from '../../test/render-app';
import { countProblem, dueDateProblem } from './plan-lines';
import { plan, planRoutes, sessionWith, SUBJECT_ID, version } from './plan-fixtures';
import dayjs from 'dayjs';

const submitter = sessionWith([{ id: 'g1', role: 'submitter', scopeType: 'subject', scopeId: SUBJECT_ID, scopeName: null }]);

describe('plan line rules', () => {
  it('wants a whole planned count from 1 and a due date no later than acceptance', () => {
    expect(countProblem(undefined)).toBe('required');
    expect(countProblem(0)).toBe('range');
    expect(countProblem(2.5)).toBe('whole');
    expect(countProblem(3)).toBeNull();
    expect(dueDateProblem(null, '2027-12-31')).toBe('required');
    expect(dueDateProblem(dayjs('2028-01-01'), '2027-12-31')).toBe('after_acceptance');
    expect(dueDateProblem(dayjs('2027-12-31'), '2027-12-31')).toBeNull();
    expect(dueDateProblem(dayjs('2030-01-01'), null)).toBeNull();
  });
});

describe('plan line editor', () => {
  it('checks every line in the browser before anything is sent', async () => {
    const late = plan({ working: version({ lines: [{ id: 'l1', position: 1, resourceType: 'data', plannedCount: 2, dueDate: '2028-03-01', sharingMode: 'open', notes: null }] }) });
    const { requests } = fakeApi(planRoutes(submitter, late));
    renderApp(`/subjects/${SUBJECT_ID}/plan`);
    const editor = await screen.findByTestId('plan-editor');
    fireEvent.click(within(editor).getByTestId('plan-add-line'));
    fireEvent.click(screen.getByTestId('plan-submit'));
    fireEvent.click(await screen.findByTestId('plan-submit-confirm'));

    expect(await within(editor).findByText('不能晚于验收日期 2027年12月31日')).toBeTruthy();
    expect(within(editor).getByText('请选择资源类型')).toBeTruthy();
    expect(within(editor).getByText('请填写计划数量')).toBeTruthy();
    expect(within(editor).getByText('请选择共享方式')).toBeTruthy();
    // The new line starts with the plan's default due date, which is fine.
    expect(within(editor).getAllByText('不能晚于验收日期 2027年12月31日')).toHaveLength(1);
    expect(requests.filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('sends the lines in order and shows the server’s refusal on the cell it concerns', async () => {
    const routes = planRoutes(submitter, plan());
    routes[`PUT /api/plan-versions/v1/lines`] = {
      status: 422,
      body: {
        code: 'plan.unknown_type', message: '资源类型“data”不在平台已批准的汇交标准中',
        details: [{ path: '/lines/0/resourceType', code: 'plan.unknown_type', message: '资源类型“data”不在平台已批准的汇交标准中' }],
      },
    };
    const { requests } = fakeApi(routes);
    renderApp(`/subjects/${SUBJECT_ID}/plan`);
    const editor = await screen.findByTestId('plan-editor');
    expect((screen.getByTestId('plan-save') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(within(editor).getByTestId('plan-line-notes-0'), { target: { value: '  队列基线数据 ' } });
    fireEvent.click(screen.getByTestId('plan-save'));

    expect(await within(editor).findByText('资源类型“data”不在平台已批准的汇交标准中')).toBeTruthy();
    await waitFor(() => expect(requests.filter((r) => r.method === 'PUT')).toHaveLength(1));
    expect(requests.find((r) => r.method === 'PUT')?.body).toEqual({
      lines: [{ resourceType: 'data', plannedCount: 2, dueDate: '2027-06-30', sharingMode: 'open', notes: '队列基线数据' }],
    });
    expect(requests.some((r) => r.path.endsWith('/submit'))).toBe(false);
  });
});
