import type { ReactNode } from 'react';
import { Breadcrumb, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { localName } from '../../components/format';
import { useRegions } from '../orgs/orgs-api';
import { useScopeUnits } from './supervision-api';
import type { SupervisionQuery } from './supervision-filter';
import type { HomeScope } from './use-home-scope';

interface DrillBreadcrumbProps {
  query: SupervisionQuery;
  home: HomeScope;
  /** Goes up to a level: the scope filters to keep (the others are cleared). */
  onGo: (scope: { province?: string; unitId?: string }) => void;
}

/** 全国 › 浙江省 › 浙江大学: where the drill-down stands, each level above a link back up (never above the user's start). */
export function DrillBreadcrumb({ query, home, onGo }: DrillBreadcrumbProps) {
  const { t, i18n } = useTranslation();
  const { data: regions = [] } = useRegions();
  const units = useScopeUnits(query.province);
  const region = regions.find((r) => r.code === query.province);
  const provinceName = region ? (i18n.language === 'en' ? region.nameEn : region.nameZh) : query.province;
  const unitName = (id: string | undefined) => {
    const row = units.find((u) => u.key === id);
    return row ? localName({ nameZh: row.name, nameEn: row.nameEn ?? null }, i18n.language) : '…';
  };

  const crumbs: Array<{ key: string; label: ReactNode; go: () => void }> = [];
  if (home.level === 'national') crumbs.push({ key: 'national', label: t('supervision.drill.national'), go: () => onGo({}) });
  if (query.province && home.level !== 'unit') crumbs.push({ key: 'province', label: provinceName, go: () => onGo({ province: query.province }) });
  if (home.level === 'unit' && home.unitId && query.unitId !== home.unitId) crumbs.push({ key: 'home-unit', label: unitName(home.unitId), go: () => onGo({ unitId: home.unitId }) });
  if (query.unitId) crumbs.push({ key: 'unit', label: unitName(query.unitId), go: () => onGo({ province: query.province, unitId: query.unitId }) });

  return (
    <Breadcrumb
      data-testid="drill-breadcrumb"
      style={{ marginBottom: 12 }}
      items={crumbs.map((crumb, index) => ({
        key: crumb.key,
        title:
          index < crumbs.length - 1 ? (
            <Typography.Link onClick={crumb.go} data-testid={`drill-${crumb.key}`}>
              {crumb.label}
            </Typography.Link>
          ) : (
            <span data-testid={`drill-${crumb.key}`}>{crumb.label}</span>
          ),
      }))}
    />
  );
}
