import { describe, expect, it, vi } from 'vitest';
import { nextPage, serverPagination } from './server-pagination';

describe('server-paged tables', () => {
  it('keep the page when only the page changes, and go back to page 1 when the size changes', () => {
    expect(nextPage({ page: 3, pageSize: 20 }, 4, 20)).toEqual({ page: 4, pageSize: 20 });
    expect(nextPage({ page: 3, pageSize: 20 }, 3, 50)).toEqual({ page: 1, pageSize: 50 });
  });

  it('show the server total in words and report the next state to the list', () => {
    const onChange = vi.fn();
    const pager = serverPagination({ page: 2, pageSize: 10 }, 73, (total) => `共 ${total} 条`, onChange);
    expect(pager).toMatchObject({ current: 2, pageSize: 10, total: 73, showSizeChanger: true });
    expect(pager.showTotal?.(73, [11, 20])).toBe('共 73 条');
    pager.onChange?.(3, 10);
    pager.onChange?.(3, 100);
    expect(onChange.mock.calls).toEqual([[{ page: 3, pageSize: 10 }], [{ page: 1, pageSize: 100 }]]);
    expect(serverPagination({ page: 1, pageSize: 10 }, undefined, String).total).toBe(0);
  });
});
