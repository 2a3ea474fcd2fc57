import type { ReactNode } from 'react';
import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSession } from '../auth/session';
import { isRegistryManager } from './registry-access';

/** Shows its children to registry managers; others get a plain refusal instead of forms the server would refuse. */
export function ManagerOnly({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const me = useSession();
  const navigate = useNavigate();
  if (isRegistryManager(me)) return <>{children}</>;
  return (
    <Result
      status="403"
      title={t('registry.managersOnly')}
      extra={<Button type="primary" onClick={() => navigate('/subjects')}>{t('registry.backToList')}</Button>}
    />
  );
}
