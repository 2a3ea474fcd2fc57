import { useEffect, useState } from 'react';
import { Button, Flex, Input, Select, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { localName } from '../../components/format';
import { useOrgs, useRegions } from '../orgs/orgs-api';
import { usePrograms } from '../registry/registry-api';
import type { SupervisionQuery } from './supervision-filter';
import { useScopeUnits } from './supervision-api';
import type { HomeScope } from './use-home-scope';

interface FiltersBarProps {
  query: SupervisionQuery;
  home: HomeScope;
  onChange: (patch: Partial<SupervisionQuery>) => void;
  onClear: () => void;
}

/** The scope filters of the whole screen; every change lands in the address bar. */
export function FiltersBar({ query, home, onChange, onClear }: FiltersBarProps) {
  const { t, i18n } = useTranslation();
  const [q, setQ] = useState(query.q ?? '');
  const { data: regions = [] } = useRegions();
  const platforms = useOrgs({ kind: 'domain_platform' });
  const programs = usePrograms();
  const units = useScopeUnits(query.province);
  useEffect(() => setQ(query.q ?? ''), [query.q]);
  const narrowed = Boolean(query.platformId || query.programCode || query.q || query.overdue);

  return (
    <Flex gap={12} wrap align="center" data-testid="supervision-filters" style={{ marginBottom: 16 }}>
      <Select
        allowClear={home.level === 'national'}
        disabled={home.level !== 'national'}
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('supervision.filters.province')}
        value={query.province}
        onChange={(province?: string) => onChange({ province, unitId: undefined })}
        options={regions.map((region) => ({ value: region.code, label: i18n.language === 'en' ? region.nameEn : region.nameZh }))}
        style={{ width: 150 }}
        data-testid="filter-province"
      />
      <Select
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('supervision.filters.unit')}
        value={query.unitId}
        onChange={(unitId?: string) => onChange({ unitId })}
        allowClear={home.level !== 'unit' || query.unitId !== home.unitId}
        options={units.map((unit) => ({ value: unit.key, label: localName({ nameZh: unit.name, nameEn: unit.nameEn ?? null }, i18n.language) }))}
        style={{ width: 220 }}
        popupMatchSelectWidth={false}
        data-testid="filter-unit"
      />
      <Select
        allowClear
        placeholder={t('supervision.filters.platform')}
        value={query.platformId}
        onChange={(platformId?: string) => onChange({ platformId })}
        options={(platforms.data ?? []).map((org) => ({ value: org.id, label: localName(org, i18n.language) }))}
        style={{ width: 210 }}
        popupMatchSelectWidth={false}
        data-testid="filter-platform"
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('supervision.filters.program')}
        value={query.programCode}
        onChange={(programCode?: string) => onChange({ programCode })}
        options={(programs.data ?? []).map((p) => ({ value: p.code, label: `${p.code} ${i18n.language === 'en' && p.titleEn ? p.titleEn : p.titleZh}` }))}
        style={{ width: 220 }}
        popupMatchSelectWidth={false}
        data-testid="filter-program"
      />
      <Input.Search
        allowClear
        value={q}
        onChange={(event) => setQ(event.target.value)}
        onSearch={(value) => onChange({ q: value.trim() || undefined })}
        placeholder={t('supervision.filters.search')}
        style={{ width: 240 }}
        data-testid="filter-search"
      />
      <Flex align="center" gap={6}>
        <Switch size="small" checked={Boolean(query.overdue)} onChange={(checked) => onChange({ overdue: checked || undefined })} data-testid="filter-overdue" />
        <Typography.Text>{t('supervision.filters.overdueOnly')}</Typography.Text>
      </Flex>
      {narrowed && (
        <Button type="link" onClick={onClear} style={{ paddingInline: 0 }}>
          {t('supervision.filters.clear')}
        </Button>
      )}
    </Flex>
  );
}
