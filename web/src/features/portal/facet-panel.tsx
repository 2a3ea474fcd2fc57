import { useState } from 'react';
import { Button, Card, Checkbox, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { localLabel } from '../standards/standard-types';
import { formatCount } from './portal-labels';
import { FACET_NAMES, type FacetName, type FacetValue, type SearchAnswer } from './portal-types';
import type { SearchQuery } from './search-query';

const SHOWN = 8;

function FacetCard({
  name, values, active, approximate, onToggle,
}: { name: FacetName; values: FacetValue[]; active: string[]; approximate: boolean; onToggle: (name: FacetName, value: string) => void }) {
  const { t, i18n } = useTranslation();
  const [expanded, setExpanded] = useState(false);
  // A chosen value stays listed (and can be unticked) even when the answer no longer counts it.
  const missing = active.filter((value) => !values.some((v) => v.value === value)).map((value) => ({ value, label: { zh: value, en: value }, count: 0 }));
  const all = [...values, ...missing];
  const shown = expanded ? all : all.filter((v, index) => index < SHOWN || active.includes(v.value));
  return (
    <Card size="small" title={t(`portal.facets.${name}`)} styles={{ body: { padding: '8px 12px' } }} data-testid={`facet-${name}`}>
      <Flex vertical gap={2}>
        {shown.map((item) => (
          <Flex key={item.value} justify="space-between" align="center" gap={8}>
            <Checkbox
              checked={active.includes(item.value)}
              onChange={() => onToggle(name, item.value)}
              data-testid={`facet-${name}-${item.value}`}
              style={{ minWidth: 0 }}
            >
              <Typography.Text ellipsis={{ tooltip: localLabel(item.label, i18n.language) }} style={{ maxWidth: 190 }}>
                {localLabel(item.label, i18n.language)}
              </Typography.Text>
            </Checkbox>
            {!missing.includes(item) && (
              <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                {approximate ? t('portal.search.approxCount', { n: formatCount(item.count, i18n.language) }) : formatCount(item.count, i18n.language)}
              </Typography.Text>
            )}
          </Flex>
        ))}
        {all.length > SHOWN && (
          <Button type="link" size="small" style={{ alignSelf: 'flex-start', padding: 0 }} onClick={() => setExpanded(!expanded)}>
            {expanded ? t('portal.search.showFewer') : t('portal.search.showAll', { count: all.length })}
          </Button>
        )}
      </Flex>
    </Card>
  );
}

/** Facets with counts, in the contract's order; a facet without values (and nothing chosen) is not shown. */
export function FacetPanel({ answer, query, onToggle }: { answer: SearchAnswer | undefined; query: SearchQuery; onToggle: (name: FacetName, value: string) => void }) {
  const { t } = useTranslation();
  const approximate = answer?.facetsApproximate ?? false;
  const cards = FACET_NAMES.map((name) => ({ name, values: answer?.facets[name] ?? [], active: query.filters[name] ?? [] })).filter(
    (facet) => facet.values.length > 0 || facet.active.length > 0,
  );
  return (
    <Flex vertical gap={12} data-testid="facet-panel">
      {approximate && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="facets-approximate">
          {t('portal.search.approxNote')}
        </Typography.Text>
      )}
      {cards.map((facet) => (
        <FacetCard key={facet.name} name={facet.name} values={facet.values} active={facet.active} approximate={approximate} onToggle={onToggle} />
      ))}
    </Flex>
  );
}

/** The label of a chosen filter value, as the answer names it (else the value itself). */
export function filterLabel(answer: SearchAnswer | undefined, name: FacetName, value: string, language: string): string {
  const known = answer?.facets[name]?.find((v) => v.value === value);
  return known ? localLabel(known.label, language) : value;
}
