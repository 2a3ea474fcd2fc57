import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ResourceDetail } from '../../features/resources/resource-types';
import { testVersion } from '../../features/standards/test/fixtures';
import { fakeApi, fakeMe, renderApp } from '../../test/render-app';

const submitter = fakeMe({
  user: { ...fakeMe().user, id: 'u-sub', username: 'submitter', displayName: '张晓雨' },
  grants: [{ id: 'g1', role: 'submitter', scopeType: 'subject', scopeId: 's1', scopeName: null }],
  capabilities: { manageOrgs: false, listUsers: false, readAudit: false },
});

const emailWrong = { path: '/contact/email', label: '电子邮箱', code: 'format', message: '电子邮箱格式不正确' };
const titleMissing = { path: '/titleZh', label: '题名（中文）', code: 'required', message: '题名（中文）为必填项' };
const licenceMissing = { path: '/licence', label: '许可协议', code: 'required', message: '许可协议为必填项' };

const draft: ResourceDetail = {
  id: 'r1', subjectId: 's1', resourceType: 'data', typeLabel: { zh: '科学数据', en: 'Scientific data' }, standardVersionId: 'v11', standardVersion: '1.1.0',
  status: 'draft', versionNo: 1, titleZh: '', metadata: { contact: { name: '张晓雨', email: 'zhang@' } },
  problems: [titleMissing, licenceMissing, emailWrong], files: [], deposits: [],
  planLine: { position: 2, resourceType: 'data', plannedCount: 4, dueDate: '2026-03-31', ordinal: 1 },
  editable: true, createdAt: '2026-11-27T12:00:00.000Z', updatedAt: '2026-11-27T12:00:00.000Z', submittedAt: null,
  review: { tier: null, round: 0, stepDueAt: null, overdue: false, openFields: [] }, release: null, lineageId: 'r1', versions: [],
};

/** The antd form item around the control rjsf renders for a field. */
const fieldItem = (id: string) => document.getElementById(id)?.closest('.ant-form-item');

describe('resource editor', () => {
  it('shows wrong values on their fields, autosaves, and puts a refused submission\'s problems on the fields', async () => {
    const { requests } = fakeApi({
      'GET /api/auth/me': { body: submitter },
      'GET /api/resources/r1': { body: draft },
      'GET /api/standard-versions/v11': { body: testVersion },
      'PUT /api/resources/r1/metadata': (init) => {
        const { metadata } = JSON.parse(String(init.body)) as { metadata: Record<string, unknown> };
        return { body: { ...draft, metadata, titleZh: String(metadata.titleZh ?? ''), problems: [licenceMissing, emailWrong] } };
      },
      'POST /api/resources/r1/submit': {
        status: 422,
        body: {
          code: 'resource.invalid', message: '描述信息有 2 处不符合标准',
          details: [{ path: '/licence', code: 'metadata.required', message: '许可协议为必填项' }, { path: '/contact/email', code: 'metadata.format', message: '电子邮箱格式不正确' }],
        },
      },
    });
    renderApp('/resources/r1');
    await screen.findByTestId('form-group-basic');
    expect(screen.getByTestId('plan-line').textContent).toBe('计入计划第 2 行');

    // A fresh draft: the wrong e-mail is on its field; missing values are counted, not painted red.
    await waitFor(() => expect(fieldItem('root_contact_email')?.textContent).toContain('电子邮箱格式不正确'));
    expect(fieldItem('root_titleZh')?.textContent).not.toContain('为必填项');
    expect(screen.getAllByTestId('completeness')[0]?.textContent).toBe('待完善：2 项必填未填，1 项有误');

    // Typing a title saves it about 1.5 s later (blank inputs left out).
    fireEvent.change(document.getElementById('root_titleZh')!, { target: { value: '浙江省慢性病队列数据集' } });
    expect(screen.getAllByTestId('save-state')[0]?.getAttribute('data-state')).toBe('pending');
    await waitFor(() => expect(requests.some((r) => r.method === 'PUT')).toBe(true), { timeout: 4_000 });
    const put = requests.find((r) => r.method === 'PUT');
    expect(put?.body).toEqual({ metadata: { titleZh: '浙江省慢性病队列数据集', contact: { name: '张晓雨', email: 'zhang@' } } });
    expect(put?.headers['x-csrf-token']).toBe('csrf-123');
    await waitFor(() => expect(screen.getAllByTestId('save-state')[0]?.getAttribute('data-state')).toBe('saved'));
    expect(screen.getByTestId('resource-title').textContent).toBe('浙江省慢性病队列数据集');

    // Submitting is refused: now the missing licence shows on its field and in the list.
    fireEvent.click(screen.getByTestId('resource-submit'));
    const list = await screen.findByTestId('validation-errors');
    expect(within(list).getByText('许可协议为必填项')).toBeTruthy();
    await waitFor(() => expect(fieldItem('root_licence')?.textContent).toContain('许可协议为必填项'));
    expect(fieldItem('root_contact_email')?.textContent).toContain('电子邮箱格式不正确');
    expect(requests.filter((r) => r.method === 'POST').map((r) => r.path)).toEqual(['/api/resources/r1/submit']);
  });

  it('shows a submitted resource read-only, with the note that only a return reopens it', async () => {
    fakeApi({
      'GET /api/auth/me': { body: submitter },
      'GET /api/resources/r1': {
        body: {
          ...draft, status: 'submitted', editable: false, submittedAt: '2026-11-28T08:00:00.000Z', problems: [],
          metadata: { titleZh: '浙江省慢性病队列数据集' },
          files: [{ id: 'f1', path: 'data/baseline.csv', name: 'baseline.csv', size: 2048, mediaType: 'text/csv', sha256: 'e3'.repeat(32), createdAt: '2026-11-28T07:00:00.000Z' }],
        },
      },
      'GET /api/standard-versions/v11': { body: testVersion },
    });
    renderApp('/resources/r1?tab=files');
    await screen.findByTestId('file-list');
    expect(screen.getByTestId('resource-status').textContent).toBe('已提交');
    expect(screen.getByTestId('resource-locked').textContent).toContain('只有审核人退回后才能再次修改');
    expect(screen.getByTestId('file-sha256').textContent).toContain('e3'.repeat(32));
    expect(screen.queryByTestId('upload-panel')).toBeNull();
    expect(screen.queryByTestId('resource-submit')).toBeNull();

    fireEvent.click(screen.getByText('描述信息'));
    await screen.findByTestId('form-group-basic');
    expect((document.getElementById('root_titleZh') as HTMLInputElement).disabled).toBe(true);
  });
});
