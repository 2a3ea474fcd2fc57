import { render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import { i18n } from '../../i18n';
import { aggregateUploads, formatBytes, patchUpload, uploadPercent, upsertUpload, type UploadItem } from './upload-progress';
import { UploadPanel } from './upload-panel';

const MB = 1024 * 1024;
const item = (overrides: Partial<UploadItem>): UploadItem => ({
  key: 'a.csv', name: 'a.csv', relativePath: 'a.csv', size: 100 * MB, sent: 0, status: 'uploading', resumedFrom: null, sha256: null, error: null, ...overrides,
});

describe('upload progress', () => {
  it('adds up bytes over files, counting finished files in full and leaving cancelled ones out', () => {
    const totals = aggregateUploads([
      item({ key: 'a', size: 100 * MB, sent: 50 * MB }),
      item({ key: 'b', size: 300 * MB, sent: 300 * MB - 1, status: 'done' }),
      item({ key: 'c', size: 600 * MB, sent: 10 * MB, status: 'cancelled' }),
      item({ key: 'd', size: 100 * MB, sent: 0, status: 'queued' }),
    ]);
    expect(totals).toEqual({ files: 3, done: 1, failed: 0, active: 2, sentBytes: 350 * MB, totalBytes: 500 * MB, percent: 70 });
  });

  it('never shows 100 % before the server confirmed every file, and 100 % once it has', () => {
    const almost = [item({ size: 1000, sent: 1000 })];
    expect(uploadPercent(almost[0]!)).toBe(99);
    expect(aggregateUploads(almost).percent).toBe(99);
    const done = [item({ size: 1000, sent: 1000, status: 'done' }), item({ key: 'empty', size: 0, status: 'done' })];
    expect(aggregateUploads(done).percent).toBe(100);
    expect(aggregateUploads([]).percent).toBe(0);
    // Bytes past the size (a retried chunk) do not push a file over its size.
    expect(aggregateUploads([item({ size: 10, sent: 25 }), item({ key: 'b', size: 10, sent: 0 })]).sentBytes).toBe(10);
  });

  it('counts failures and keeps rows in the order they were added', () => {
    let items = upsertUpload([], item({ key: 'x' }));
    items = upsertUpload(items, item({ key: 'y' }));
    items = patchUpload(items, 'x', { status: 'error', error: '网络中断' });
    items = upsertUpload(items, item({ key: 'x', sent: 5 }));
    expect(items.map((i) => i.key)).toEqual(['x', 'y']);
    expect(aggregateUploads(patchUpload(items, 'y', { status: 'error' })).failed).toBe(1);
    expect(formatBytes(200 * MB)).toBe('200 MB');
    expect(formatBytes(1536)).toBe('1.5 KB');
  });

  it('draws a bar per file and one for all, with where a resumed upload started', async () => {
    const uploads = {
      items: [
        item({ key: 'data/a.csv', relativePath: 'data/a.csv', size: 200 * MB, sent: 120 * MB, resumedFrom: 50 * MB }),
        item({ key: 'data/b.csv', relativePath: 'data/b.csv', size: 200 * MB, sent: 200 * MB, status: 'done', sha256: 'ab'.repeat(32) }),
      ],
      add: vi.fn(), cancel: vi.fn(), retry: vi.fn(), clearFinished: vi.fn(),
    };
    render(
      <I18nextProvider i18n={i18n}>
        <UploadPanel resourceId="r1" uploads={uploads} />
      </I18nextProvider>,
    );
    const totals = screen.getByTestId('upload-totals');
    expect(totals.getAttribute('data-percent')).toBe('80');
    expect(within(totals).getByText('共 2 个文件，已完成 1 个 · 320 MB / 400 MB')).toBeTruthy();
    const rows = screen.getAllByTestId('upload-row');
    expect(rows.map((row) => row.getAttribute('data-percent'))).toEqual(['60', '100']);
    expect(within(rows[0]!).getByTestId('upload-resumed').textContent).toBe('从 25% 处续传');
  });
});
