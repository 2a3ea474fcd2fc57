import { describe, expect, it } from 'vitest';
import { effectiveSort, parseSearch, searchParams, toggleFilter } from './search-query';

const parse = (text: string) => parseSearch(new URLSearchParams(text));

describe('search query in the URL', () => {
  it('reads repeated filters, sort and page, and writes them back in one canonical order', () => {
    const query = parse('page=2&province=330000&q=%E9%98%9F%E5%88%97&type=data&type=report&sort=most_used&bogus=1&type=data');
    expect(query).toEqual({ q: '队列', filters: { type: ['data', 'report'], province: ['330000'] }, sort: 'most_used', page: 2, pageSize: 20 });
    expect(decodeURIComponent(searchParams(query).toString())).toBe('q=队列&type=data&type=report&province=330000&sort=most_used&page=2');
  });

  it('ignores malformed values and leaves defaults out of the URL', () => {
    const query = parse('sort=loudest&page=-3&pageSize=500&year=');
    expect(query).toEqual({ q: '', filters: {}, sort: null, page: 1, pageSize: 50 });
    expect(searchParams({ ...query, pageSize: 20 }).toString()).toBe('');
  });

  it('starts again at page 1 when a filter changes, and drops an emptied facet', () => {
    const query = toggleFilter(parse('type=data&page=4'), 'type', 'data');
    expect(query.filters).toEqual({});
    expect(query.page).toBe(1);
  });

  it('sorts by relevance only when there are words to rank by', () => {
    expect(effectiveSort({ q: '', sort: null })).toBe('newest');
    expect(effectiveSort({ q: '', sort: 'relevance' })).toBe('newest');
    expect(effectiveSort({ q: 'cohort', sort: null })).toBe('relevance');
    expect(effectiveSort({ q: 'cohort', sort: 'most_used' })).toBe('most_used');
  });
});
