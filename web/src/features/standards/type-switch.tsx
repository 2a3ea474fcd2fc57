import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { localLabel, type VersionDetail } from './standard-types';

/** Picks one of the resource types the standard collects (科学数据, 研究实验报告, ...). */
export function TypeSwitch({ version, value, onChange }: { version: VersionDetail; value: string; onChange: (type: string) => void }) {
  const { i18n } = useTranslation();
  return (
    <Segmented<string>
      data-testid="type-switch"
      value={value}
      onChange={onChange}
      options={version.types.map((item) => ({ value: item.type, label: localLabel(item.label, i18n.language) }))}
      style={{ maxWidth: '100%', overflowX: 'auto' }}
    />
  );
}
