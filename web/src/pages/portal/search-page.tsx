import { useEffect, useState } from 'react';
import { Alert, Button, Card, Col, Empty, Flex, Input, Pagination, Row, Segmented, Skeleton, Tag, Typography } from 'antd';
import { FilterOutlined, SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { FacetPanel, filterLabel } from '../../features/portal/facet-panel';
import { useSearch } from '../../features/portal/portal-api';
import { useNarrow } from '../../features/portal/use-narrow';
import { formatCount } from '../../features/portal/portal-labels';
import type { FacetName, SearchSort } from '../../features/portal/portal-types';
import { SearchResult } from '../../features/portal/search-result';
import { activeFilters, effectiveSort, parseSearch, searchParams, toggleFilter, withSearch, type SearchQuery } from '../../features/portal/search-query';

/** /search (public): one box for Chinese or English words, facets, sort and pages, all kept in the URL. */
export function SearchPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const query = parseSearch(params);
  const search = useSearch(query);
  const answer = search.data;
  const [text, setText] = useState(query.q);
  // On a phone the facets fold away behind a button, so results come first.
  const narrow = useNarrow();
  const [facetsOpen, setFacetsOpen] = useState(false);
  useEffect(() => setText(query.q), [query.q]);

  // Every change is a new history entry: a search can be shared, and back/forward walk through it.
  const go = (next: SearchQuery) => setParams(searchParams(next));
  const onToggle = (name: FacetName, value: string) => go(toggleFilter(query, name, value));
  const sort = effectiveSort(query);
  const filters = activeFilters(query);

  const total = answer ? `${formatCount(answer.total, i18n.language)}${answer.totalCapped ? '+' : ''}` : '';

  return (
    <>
      <Card style={{ marginBottom: 16, background: 'linear-gradient(120deg, #1d4ed8 0%, #2563eb 55%, #0ea5e9 100%)', border: 'none' }} styles={{ body: { padding: '28px 32px' } }}>
        <Typography.Title level={3} style={{ color: '#fff', margin: '0 0 4px' }}>
          {t('portal.search.title')}
        </Typography.Title>
        <Typography.Paragraph style={{ color: 'rgba(255,255,255,0.85)', marginBottom: 16 }}>{t('portal.search.subtitle')}</Typography.Paragraph>
        <form
          role="search"
          onSubmit={(event) => {
            event.preventDefault();
            go(withSearch(query, { q: text.trim(), sort: query.sort === 'relevance' && !text.trim() ? null : query.sort }));
          }}
        >
          <Flex gap={8} style={{ maxWidth: 760 }}>
            <Input
              size="large"
              value={text}
              onChange={(event) => setText(event.target.value)}
              placeholder={t('portal.search.placeholder')}
              prefix={<SearchOutlined style={{ color: '#9ca3af' }} />}
              allowClear
              maxLength={200}
              aria-label={t('portal.search.placeholder')}
              data-testid="search-input"
            />
            <Button size="large" htmlType="submit" data-testid="search-submit" style={{ fontWeight: 600 }}>
              {t('portal.search.submit')}
            </Button>
          </Flex>
        </form>
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} md={8} lg={6}>
          {narrow && (
            <Button block icon={<FilterOutlined />} onClick={() => setFacetsOpen(!facetsOpen)} data-testid="facets-toggle" style={{ marginBottom: facetsOpen ? 12 : 0 }}>
              {t('portal.search.filters', { n: filters.length })}
            </Button>
          )}
          {(!narrow || facetsOpen) &&
            (answer ? <FacetPanel answer={answer} query={query} onToggle={onToggle} /> : search.isPending && <Skeleton active paragraph={{ rows: 10 }} />)}
        </Col>
        <Col xs={24} md={16} lg={18}>
          <Card styles={{ body: { padding: '16px 24px' } }}>
            <Flex justify="space-between" align="center" wrap gap={12} id="portal-results">
              {answer ? (
                <Typography.Text strong data-testid="results-total">
                  {t('portal.search.total', { total })}
                </Typography.Text>
              ) : (
                <span />
              )}
              <Flex align="center" gap={8}>
                <Typography.Text type="secondary">{t('portal.search.sortBy')}</Typography.Text>
                <Segmented<SearchSort>
                  size="small"
                  value={sort}
                  data-testid="search-sort"
                  options={[
                    { value: 'relevance', label: t('portal.search.sorts.relevance'), disabled: !query.q },
                    { value: 'newest', label: t('portal.search.sorts.newest') },
                    { value: 'most_used', label: t('portal.search.sorts.most_used') },
                  ]}
                  onChange={(value) => go(withSearch(query, { sort: value }))}
                />
              </Flex>
            </Flex>
            {filters.length > 0 && (
              <Flex wrap gap={6} align="center" style={{ marginTop: 12 }} data-testid="active-filters">
                {filters.map(({ name, value }) => (
                  <Tag key={`${name}:${value}`} closable color="blue" onClose={() => onToggle(name, value)} data-testid={`active-${name}-${value}`} style={{ marginInlineEnd: 0 }}>
                    {t('portal.labelled', { label: t(`portal.facets.${name}`) })}
                    {filterLabel(answer, name, value, i18n.language)}
                  </Tag>
                ))}
                <Button type="link" size="small" onClick={() => go({ ...query, filters: {}, page: 1 })} data-testid="clear-filters">
                  {t('portal.search.clearFilters')}
                </Button>
              </Flex>
            )}
            {search.isError && <Alert type="error" showIcon title={t('portal.search.failed')} description={search.error.message} style={{ marginTop: 16 }} />}
            {search.isPending && <Skeleton active paragraph={{ rows: 8 }} style={{ marginTop: 16 }} />}
            {answer && (
              <div style={{ opacity: search.isPlaceholderData ? 0.55 : 1, transition: 'opacity 0.2s' }} data-testid="results">
                {answer.items.length === 0 ? (
                  <Empty description={t('portal.search.empty')} style={{ padding: '48px 0' }} />
                ) : (
                  answer.items.map((item) => <SearchResult key={item.id} item={item} />)
                )}
              </div>
            )}
            {answer && answer.total > query.pageSize && (
              <Flex justify="center" style={{ marginTop: 20 }}>
                <Pagination
                  current={query.page}
                  pageSize={query.pageSize}
                  total={answer.total}
                  showSizeChanger={false}
                  onChange={(page) => {
                    go({ ...query, page });
                    document.getElementById('portal-results')?.scrollIntoView?.({ block: 'start' });
                  }}
                  data-testid="search-pagination"
                />
              </Flex>
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
