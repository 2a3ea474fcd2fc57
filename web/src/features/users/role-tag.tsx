import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../../common/roles';

const ROLE_COLORS: Record<Role, string> = {
  sysadmin: 'red',
  ministry_admin: 'volcano',
  platform_admin: 'blue',
  expert: 'purple',
  province_supervisor: 'cyan',
  unit_admin: 'green',
  pi: 'gold',
  submitter: 'lime',
};

export function RoleTag({ role }: { role: Role }) {
  const { t } = useTranslation();
  return <Tag color={ROLE_COLORS[role] ?? 'default'}>{t(`roles.${role}`, { defaultValue: role })}</Tag>;
}
