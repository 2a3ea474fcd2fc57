import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePrograms, useProjects } from '../registry/registry-api';
import type { ReportScopeType } from './report-types';

interface CodeOption {
  value: string;
  label: string;
}

/** Programs (专项) or projects (项目) of the registry as code options, "code · title". */
export function useScopeCodeOptions(scopeType: ReportScopeType | undefined): { options: CodeOption[]; loading: boolean } {
  const { i18n } = useTranslation();
  const programs = usePrograms();
  const projects = useProjects();
  const title = (item: { titleZh: string; titleEn: string | null }) => (i18n.language === 'en' && item.titleEn ? item.titleEn : item.titleZh);
  const programOptions = (programs.data ?? []).map((p) => ({ value: p.code, label: `${p.code} · ${title(p)}` }));
  const projectOptions = (projects.data ?? []).map((p) => ({ value: p.code, label: `${p.code} · ${title(p)}` }));
  if (scopeType === 'program') return { options: programOptions, loading: programs.isPending };
  if (scopeType === 'project') return { options: projectOptions, loading: projects.isPending };
  return { options: [...programOptions, ...projectOptions], loading: programs.isPending || projects.isPending };
}

/** A searchable select of program or project codes (both when no scope type is chosen). */
export function ScopeCodeSelect({ scopeType, value, onChange, placeholder, allowClear, testId, width }: {
  scopeType: ReportScopeType | undefined;
  value?: string;
  onChange?: (value: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  testId?: string;
  width?: number | string;
}) {
  const { options, loading } = useScopeCodeOptions(scopeType);
  return (
    <Select
      showSearch={{ optionFilterProp: 'label' }}
      allowClear={allowClear}
      value={value}
      onChange={(next?: string) => onChange?.(next ?? undefined)}
      options={options}
      loading={loading}
      placeholder={placeholder}
      style={{ width: width ?? '100%' }}
      data-testid={testId}
    />
  );
}
