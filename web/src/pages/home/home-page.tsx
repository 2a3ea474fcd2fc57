import { Card, Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { visibleNavItems } from '../../components/nav-items';
import { localName } from '../../components/format';
import { ItemList } from '../../components/item-list';
import { useSession } from '../../features/auth/session';
import { useOrg } from '../../features/orgs/orgs-api';
import { useScopeLabel } from '../../features/orgs/use-scope-label';
import { RoleTag } from '../../features/users/role-tag';

export function HomePage() {
  const { t, i18n } = useTranslation();
  const me = useSession();
  const org = useOrg(me.user.orgId);
  const scopeLabel = useScopeLabel();
  const shortcuts = visibleNavItems(me).filter((item) => item.path !== '/');

  return (
    <>
      <Card style={{ marginBottom: 16, background: 'linear-gradient(120deg, #1d4ed8 0%, #2563eb 55%, #0ea5e9 100%)', border: 'none' }}>
        <Typography.Title level={3} style={{ color: '#fff', margin: 0 }} data-testid="welcome">
          {t('home.welcome', { name: me.user.displayName })}
        </Typography.Title>
        <Typography.Paragraph style={{ color: 'rgba(255,255,255,0.85)', margin: '8px 0 0' }}>
          {org.data ? t('home.orgLine', { org: localName(org.data, i18n.language) }) : t('home.tagline')}
        </Typography.Paragraph>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title={t('home.myRoles')} style={{ height: '100%' }}>
            <ItemList
              data-testid="my-roles"
              empty={t('home.noRoles')}
              items={me.grants.map((grant) => ({
                key: grant.id,
                title: <RoleTag role={grant.role} />,
                description:
                  grant.scopeType === 'platform'
                    ? t('grants.platformWide')
                    : t('home.scopeLine', { type: t(`scopeTypes.${grant.scopeType}`), name: scopeLabel(grant) }),
                extra: <Typography.Text type="secondary">{t(`roleDescriptions.${grant.role}`)}</Typography.Text>,
              }))}
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('home.shortcuts')} style={{ height: '100%' }}>
            <ItemList
              empty={null}
              items={shortcuts.map((item) => ({
                key: item.path,
                title: (
                  <Link to={item.path}>
                    <span style={{ marginRight: 8 }}>{item.icon}</span>
                    {t(item.labelKey)}
                  </Link>
                ),
                extra: (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t(`${item.labelKey}Hint`)}
                  </Typography.Text>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
