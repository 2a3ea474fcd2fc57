import { Card, Col, Descriptions, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format';
import { PageHeader } from '../../components/page-header';
import { ChangePasswordCard } from '../../features/auth/change-password-card';
import { useSession } from '../../features/auth/session';
import { TokensCard } from '../../features/tokens/tokens-card';

export function AccountPage() {
  const { t, i18n } = useTranslation();
  const { user, via } = useSession();
  return (
    <>
      <PageHeader title={t('account.title')} subtitle={t('account.subtitle')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={t('account.profile')} style={{ height: '100%' }}>
            <Descriptions
              column={1}
              size="small"
              items={[
                { key: 'username', label: t('users.fields.username'), children: <Typography.Text code>{user.username}</Typography.Text> },
                { key: 'displayName', label: t('users.fields.displayName'), children: user.displayName },
                { key: 'email', label: t('users.fields.email'), children: user.email ?? '—' },
                { key: 'phone', label: t('users.fields.phone'), children: user.phone ?? '—' },
                { key: 'orcid', label: 'ORCID', children: user.orcid ?? '—' },
                { key: 'createdAt', label: t('users.fields.createdAt'), children: formatDateTime(user.createdAt, i18n.language) },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <ChangePasswordCard />
        </Col>
        <Col span={24}>
          <TokensCard canManage={via === 'session'} />
        </Col>
      </Row>
    </>
  );
}
