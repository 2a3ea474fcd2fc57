import { render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../i18n';
import { PlanDiff } from './plan-diff';
import type { LineChange, ResourceTypeOption } from './plan-types';

const types: ResourceTypeOption[] = [
  { type: 'data', label: { zh: '科学数据', en: 'Scientific data' } },
  { type: 'report', label: { zh: '研究实验报告', en: 'Research report' } },
];
const line = { position: 1, resourceType: 'data', plannedCount: 3, dueDate: '2027-06-30', sharingMode: 'open' as const, notes: '基线数据' };
const diff: LineChange[] = [
  {
    position: 1, change: 'changed',
    fields: [{ field: 'plannedCount', from: 3, to: 8 }, { field: 'sharingMode', from: 'open', to: 'application' }],
    before: line, after: { ...line, plannedCount: 8, sharingMode: 'application' },
  },
  { position: 2, change: 'removed', fields: [], before: { ...line, position: 2, resourceType: 'report', notes: null }, after: null },
  { position: 3, change: 'added', fields: [], before: null, after: { ...line, position: 3, plannedCount: 5, notes: '新增样本' } },
];

const renderDiff = (changes: LineChange[]) =>
  render(
    <I18nextProvider i18n={i18n}>
      <PlanDiff diff={changes} types={types} />
    </I18nextProvider>,
  );

describe('plan diff', () => {
  it('shows changed fields old → new with labels, and removed and added lines whole', () => {
    renderDiff(diff);
    const count = screen.getByTestId('diff-1-plannedCount');
    expect(count.textContent).toBe('计划数量：38');
    expect(within(count).getByText('3').closest('del')).not.toBeNull();
    expect(within(count).getByText('8').closest('del')).toBeNull();
    expect(screen.getByTestId('diff-1-sharingMode').textContent).toBe('共享方式：完全开放申请审批');

    const rows = screen.getByTestId('plan-diff').querySelectorAll('tbody tr');
    expect(rows).toHaveLength(3);
    expect(rows[0]?.textContent).toContain('修改');
    expect(rows[1]?.textContent).toContain('删除');
    expect(rows[1]?.textContent).toContain('研究实验报告');
    expect(rows[1]?.querySelector('del')).not.toBeNull();
    expect(rows[2]?.textContent).toContain('新增');
    expect(rows[2]?.textContent).toContain('新增样本');
    expect(rows[2]?.querySelector('del')).toBeNull();
  });

  it('speaks English when the UI does, and says when nothing changed', async () => {
    await i18n.changeLanguage('en');
    const { unmount } = renderDiff(diff);
    expect(screen.getByTestId('diff-1-sharingMode').textContent).toBe('Sharing mode: OpenOn application');
    expect(screen.getByText('Removed')).toBeTruthy();
    expect(screen.getAllByText(/Research report/).length).toBeGreaterThan(0);
    unmount();
    renderDiff([]);
    expect(screen.getByText('No changes')).toBeTruthy();
  });
});
