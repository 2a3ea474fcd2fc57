import type { TablePaginationConfig } from 'antd';

/** Where a server-paged list stands: its page (from 1) and page size. */
export interface PageState {
  page: number;
  pageSize: number;
}

export const PAGE_SIZES = [10, 20, 50, 100];

/**
 * The page a list goes to when the pager reports (page, pageSize): a new page size starts again at
 * page 1, since the old page number means other rows (or none) at the new size.
 */
export function nextPage(state: PageState, page: number, pageSize: number): PageState {
  return { page: pageSize === state.pageSize ? page : 1, pageSize };
}

/**
 * The pager of a table whose rows the server pages: current page and size from the list's state, the
 * total from the server's answer, a size changer and the count in words. `onChange` receives the
 * next state; leave it out when the table's own onChange handles paging together with sorting.
 */
export function serverPagination(
  state: PageState,
  total: number | undefined,
  showTotal: (total: number) => string,
  onChange?: (next: PageState) => void,
): TablePaginationConfig {
  return {
    current: state.page,
    pageSize: state.pageSize,
    total: total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: PAGE_SIZES,
    showTotal,
    ...(onChange ? { onChange: (page: number, pageSize: number) => onChange(nextPage(state, page, pageSize)) } : {}),
  };
}
