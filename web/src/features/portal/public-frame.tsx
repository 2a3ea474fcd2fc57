import type { ReactNode } from 'react';
import { Card, Flex, Typography } from 'antd';
import { Link } from 'react-router';
import { Brand } from '../../components/app-layout';
import { LanguageSwitch } from '../../components/language-switch';
import { useTranslation } from 'react-i18next';

/** The frame of the account pages anyone may open (register, verify email): brand, language, one card. */
export function PublicFrame({ children, width = 480 }: { children: ReactNode; width?: number }) {
  const { t } = useTranslation();
  return (
    <Flex vertical style={{ minHeight: '100vh', background: 'radial-gradient(1200px 600px at 10% -10%, #dbeafe 0%, transparent 60%), #f5f7fb' }}>
      <Flex justify="space-between" align="center" style={{ padding: '0 32px' }}>
        <Link to="/search" aria-label={t('portal.layout.home')}>
          <Brand dark={false} />
        </Link>
        <LanguageSwitch />
      </Flex>
      <Flex flex={1} align="center" justify="center" style={{ padding: 24 }}>
        <Card style={{ width, maxWidth: '100%', boxShadow: '0 12px 40px rgba(15, 23, 42, 0.08)' }} styles={{ body: { padding: 36 } }}>
          {children}
        </Card>
      </Flex>
      <Typography.Text type="secondary" style={{ textAlign: 'center', padding: 20, fontSize: 12 }}>
        {t('app.footer')}
      </Typography.Text>
    </Flex>
  );
}
