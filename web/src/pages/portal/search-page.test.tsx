import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, useLocation, useNavigate } from 'react-router';
import { describe, expect, it } from 'vitest';
import { AppProviders, AppRoutes, createQueryClient } from '../../app';
import { searchAnswer, searchItem } from '../../features/portal/portal-fixtures';
import { fakeApi, UNAUTHENTICATED, type FakeRoutes } from '../../test/render-app';

/** Shows the current URL and offers the browser's back button, beside the app. */
function Browser() {
  const location = useLocation();
  const navigate = useNavigate();
  return (
    <>
      <output data-testid="location">{location.pathname + location.search}</output>
      <button type="button" data-testid="back" onClick={() => void navigate(-1)} />
    </>
  );
}

function renderAt(path: string) {
  return render(
    <AppProviders queryClient={createQueryClient()}>
      <MemoryRouter initialEntries={[path]}>
        <AppRoutes />
        <Browser />
      </MemoryRouter>
    </AppProviders>,
  );
}

const location = () => decodeURIComponent(screen.getByTestId('location').textContent ?? '');
const searches = (requests: Array<{ path: string }>) => requests.filter((r) => r.path.startsWith('/api/portal/search')).map((r) => decodeURIComponent(r.path));

function routes(extra: FakeRoutes = {}): FakeRoutes {
  return { 'GET /api/auth/me': UNAUTHENTICATED, 'GET /api/portal/search': { body: searchAnswer() }, ...extra };
}

describe('portal search (public)', () => {
  it('keeps the search in the URL: a facet click updates the URL and the request, back restores both', async () => {
    const { requests } = fakeApi(routes());
    renderAt('/search?q=队列');
    expect((await screen.findByTestId('results-total')).textContent).toBe('共 2 条结果');
    expect(screen.getByTestId('portal-login')).toBeTruthy();
    expect((screen.getByTestId('search-input') as HTMLInputElement).value).toBe('队列');
    expect(searches(requests)).toEqual(['/api/portal/search?q=队列']);

    fireEvent.click(screen.getByTestId('facet-type-data'));
    await waitFor(() => expect(location()).toBe('/search?q=队列&type=data'));
    await waitFor(() => expect(searches(requests).at(-1)).toBe('/api/portal/search?q=队列&type=data'));
    expect(screen.getByTestId('active-type-data').textContent).toContain('资源类型：科学数据');

    fireEvent.click(screen.getByTestId('facet-province-330000'));
    await waitFor(() => expect(location()).toBe('/search?q=队列&type=data&province=330000'));
    await waitFor(() => expect(searches(requests).at(-1)).toBe('/api/portal/search?q=队列&type=data&province=330000'));

    // Sorting and paging are in the URL too; a new filter starts again at page 1.
    fireEvent.click(within(screen.getByTestId('search-sort')).getByText('最多使用'));
    await waitFor(() => expect(location()).toBe('/search?q=队列&type=data&province=330000&sort=most_used'));

    fireEvent.click(screen.getByTestId('back'));
    await waitFor(() => expect(location()).toBe('/search?q=队列&type=data&province=330000'));
    fireEvent.click(screen.getByTestId('back'));
    await waitFor(() => expect(location()).toBe('/search?q=队列&type=data'));
    expect((screen.getByTestId('facet-type-data') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByTestId('facet-province-330000') as HTMLInputElement).checked).toBe(false);
    expect(screen.queryByTestId('active-province-330000')).toBeNull();

    // Removing the tag unticks the facet.
    fireEvent.click(within(screen.getByTestId('active-type-data')).getByRole('button', { name: '关闭' }));
    await waitFor(() => expect(location()).toBe('/search?q=队列'));
  });

  it('searches for the typed words, in Chinese or English, from the first page', async () => {
    const { requests } = fakeApi(routes());
    renderAt('/search?type=report&page=3');
    await screen.findByTestId('results-total');
    fireEvent.change(screen.getByTestId('search-input'), { target: { value: '  cohort  ' } });
    fireEvent.click(screen.getByTestId('search-submit'));
    await waitFor(() => expect(location()).toBe('/search?q=cohort&type=report'));
    await waitFor(() => expect(searches(requests).at(-1)).toBe('/api/portal/search?q=cohort&type=report'));
  });

  it('shows each hit with its type, sharing mode, origin, CSTR and use, and a capped total as "1,000+" with approximate facets', async () => {
    fakeApi(routes({ 'GET /api/portal/search': { body: searchAnswer({ total: 1000, totalCapped: true, facetsApproximate: true }) } }));
    renderAt('/search');
    expect((await screen.findByTestId('results-total')).textContent).toBe('共 1,000+ 条结果');
    expect(screen.getByTestId('facets-approximate')).toBeTruthy();
    expect(screen.getByTestId('facet-type').textContent).toContain('约 1');

    const hit = screen.getByTestId('result-r1');
    expect(within(hit).getByTestId('result-title').getAttribute('href')).toBe('/r/r1');
    expect(within(hit).getByTestId('result-type').textContent).toBe('科学数据');
    expect(within(hit).getByTestId('result-sharing').textContent).toBe('公开获取');
    expect(hit.textContent).toContain('国家人口健康科学数据中心');
    expect(hit.textContent).toContain('浙江大学');
    expect(hit.textContent).toContain('浙江省');
    expect(within(hit).getByTestId('result-cstr').textContent).toBe('CSTR:31253.11.hj2027000001');
    expect(within(hit).getByTestId('result-usage').textContent).toContain('浏览 1,234');
    expect(within(hit).getByTestId('result-snippet').querySelector('mark')?.textContent).toBe('队列');
    // Without words to rank by, relevance cannot be chosen.
    expect(within(screen.getByTestId('search-sort')).getByText('最新').closest('.ant-segmented-item')?.className).toContain('selected');
  });

  it('renders a snippet as text: markup other than <mark> never becomes HTML', async () => {
    const snippet = '&lt;script&gt;alert(1)&lt;/script&gt; 慢性病<mark>队列</mark> <script>alert(2)</script><img src=x onerror=alert(3)>';
    fakeApi(routes({ 'GET /api/portal/search': { body: searchAnswer({ items: [searchItem({ snippet })] }) } }));
    renderAt('/search?q=队列');
    const shown = await screen.findByTestId('result-snippet');
    expect(shown.querySelector('script')).toBeNull();
    expect(shown.querySelector('img')).toBeNull();
    expect(shown.querySelectorAll('mark')).toHaveLength(1);
    expect(shown.textContent).toBe('<script>alert(1)</script> 慢性病队列 <script>alert(2)</script><img src=x onerror=alert(3)>');
  });
});
