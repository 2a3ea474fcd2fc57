import { useEffect, useState } from 'react';
import { Button, Flex, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { localName } from '../../components/format';
import { OrgSelect } from '../orgs/org-select';
import { useOrgs, useRegions } from '../orgs/orgs-api';
import { usePrograms } from '../registry/registry-api';
import type { ScoreQuery } from './evaluation-types';
import { hasScoreFilters } from './score-query';

type FilterPatch = Partial<Pick<ScoreQuery, 'province' | 'unitId' | 'platformId' | 'programCode' | 'q'>>;

/** The filters shared with supervision: province, unit (with the units below it), platform, program, code or title. */
export function ScoreFilters({ query, onChange }: { query: ScoreQuery; onChange: (patch: FilterPatch) => void }) {
  const { t, i18n } = useTranslation();
  const [q, setQ] = useState(query.q ?? '');
  const { data: regions = [] } = useRegions();
  const platforms = useOrgs({ kind: 'domain_platform' });
  const programs = usePrograms();
  useEffect(() => setQ(query.q ?? ''), [query.q]);
  const provinces = regions.filter((region) => /^\d{2}0000$/.test(region.code));

  return (
    <Flex gap={12} wrap data-testid="score-filters">
      <Input.Search
        allowClear
        value={q}
        onChange={(event) => setQ(event.target.value)}
        onSearch={(value) => onChange({ q: value.trim() || undefined })}
        placeholder={t('evaluation.filters.search')}
        style={{ width: 240 }}
        data-testid="score-search"
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('evaluation.filters.province')}
        value={query.province}
        onChange={(province?: string) => onChange({ province })}
        options={provinces.map((region) => ({ value: region.code, label: i18n.language === 'en' ? region.nameEn : region.nameZh }))}
        style={{ width: 140 }}
        data-testid="filter-province"
      />
      <OrgSelect kinds={['unit']} placeholder={t('evaluation.filters.unit')} value={query.unitId ?? null} onChange={(unitId) => onChange({ unitId: unitId ?? undefined })} style={{ width: 200 }} />
      <Select
        allowClear
        placeholder={t('evaluation.filters.platform')}
        value={query.platformId}
        onChange={(platformId?: string) => onChange({ platformId })}
        options={(platforms.data ?? []).map((org) => ({ value: org.id, label: localName(org, i18n.language) }))}
        style={{ width: 200 }}
        popupMatchSelectWidth={false}
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('evaluation.filters.program')}
        value={query.programCode}
        onChange={(programCode?: string) => onChange({ programCode })}
        options={(programs.data ?? []).map((program) => ({ value: program.code, label: `${program.code} ${i18n.language === 'en' && program.titleEn ? program.titleEn : program.titleZh}` }))}
        style={{ width: 220 }}
        popupMatchSelectWidth={false}
      />
      {hasScoreFilters(query) && (
        <Button type="link" onClick={() => onChange({ province: undefined, unitId: undefined, platformId: undefined, programCode: undefined, q: undefined })} style={{ paddingInline: 0 }}>
          {t('evaluation.filters.clear')}
        </Button>
      )}
    </Flex>
  );
}
