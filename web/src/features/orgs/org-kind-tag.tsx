import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrgKindName } from '../../../../common/roles';

const KIND_COLORS: Record<OrgKindName, string> = {
  ministry: 'red',
  centre: 'magenta',
  domain_platform: 'blue',
  province_dept: 'cyan',
  unit: 'green',
  repository: 'orange',
};

export function OrgKindTag({ kind }: { kind: OrgKindName }) {
  const { t } = useTranslation();
  return (
    <Tag color={KIND_COLORS[kind] ?? 'default'} variant="outlined">
      {t(`orgKinds.${kind}`, { defaultValue: kind })}
    </Tag>
  );
}
