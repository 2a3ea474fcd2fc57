/** The state of the uploads of one resource page, and how their progress adds up. */

export type UploadStatus = 'queued' | 'uploading' | 'done' | 'error' | 'cancelled';

export interface UploadItem {
  /** Unique within the page: the relative path (a file chosen again replaces its row). */
  key: string;
  name: string;
  relativePath: string;
  size: number;
  /** Bytes the server has acknowledged or that are in flight. */
  sent: number;
  status: UploadStatus;
  /** Bytes already on the server when this upload resumed an earlier one (after a reload), else null. */
  resumedFrom: number | null;
  /** SHA-256 the server computed (Upload-Sha256), once done. */
  sha256: string | null;
  error: string | null;
}

export interface UploadTotals {
  files: number;
  done: number;
  failed: number;
  active: number;
  sentBytes: number;
  totalBytes: number;
  /** 0–100, 100 only when every file is done. */
  percent: number;
}

/** Whole percent of one upload; never 100 before the server confirmed the file. */
export function uploadPercent(item: Pick<UploadItem, 'sent' | 'size' | 'status'>): number {
  if (item.status === 'done') return 100;
  if (item.size <= 0) return 0;
  return Math.min(99, Math.floor((Math.min(item.sent, item.size) / item.size) * 100));
}

/** Total progress over the uploads of the page; cancelled ones do not count, finished ones count in full. */
export function aggregateUploads(items: readonly UploadItem[]): UploadTotals {
  const counted = items.filter((item) => item.status !== 'cancelled');
  let sentBytes = 0;
  let totalBytes = 0;
  for (const item of counted) {
    totalBytes += item.size;
    sentBytes += item.status === 'done' ? item.size : Math.min(Math.max(item.sent, 0), item.size);
  }
  const done = counted.filter((item) => item.status === 'done').length;
  const allDone = counted.length > 0 && done === counted.length;
  const raw = totalBytes > 0 ? Math.floor((sentBytes / totalBytes) * 100) : allDone ? 100 : 0;
  return {
    files: counted.length,
    done,
    failed: counted.filter((item) => item.status === 'error').length,
    active: counted.filter((item) => item.status === 'uploading' || item.status === 'queued').length,
    sentBytes,
    totalBytes,
    percent: allDone ? 100 : Math.min(99, raw),
  };
}

/** Replaces the row with this key (or appends it), keeping the order rows were added in. */
export function upsertUpload(items: readonly UploadItem[], next: UploadItem): UploadItem[] {
  const index = items.findIndex((item) => item.key === next.key);
  if (index === -1) return [...items, next];
  return items.map((item, i) => (i === index ? next : item));
}

/** Applies a change to the row with this key. */
export function patchUpload(items: readonly UploadItem[], key: string, patch: Partial<UploadItem>): UploadItem[] {
  return items.map((item) => (item.key === key ? { ...item, ...patch } : item));
}

/** 1.5 KB, 12.3 MB, 1.2 GB (binary units, as file managers show them). */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value >= 100 ? value.toFixed(0) : value.toFixed(1)} ${units[unit]}`;
}
