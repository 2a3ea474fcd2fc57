import { App, Button, Descriptions, Divider, Drawer, Popconfirm, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format';
import { ItemList } from '../../components/item-list';
import { useScopeLabel } from '../orgs/use-scope-label';
import { GrantForm } from './grant-form';
import { RoleTag } from './role-tag';
import { useGrants, useRevokeGrant, useUser } from './users-api';

/** A user's details, their role grants with revoke, and the form to add a grant. */
export function UserDrawer({ userId, onClose }: { userId: string | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const user = useUser(userId);
  const grants = useGrants(userId);
  const revoke = useRevokeGrant();
  const scopeLabel = useScopeLabel();

  const onRevoke = async (grantId: string) => {
    try {
      await revoke.mutateAsync(grantId);
      message.success(t('grants.revoked'));
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
    }
  };

  const u = user.data;
  return (
    <Drawer open={Boolean(userId)} onClose={onClose} size={560} title={u ? u.displayName : t('users.detailTitle')} destroyOnHidden>
      {user.isLoading || !u ? (
        <Skeleton active />
      ) : (
        <>
          <Descriptions
            column={1}
            size="small"
            bordered
            items={[
              { key: 'username', label: t('users.fields.username'), children: <Typography.Text code>{u.username}</Typography.Text> },
              { key: 'email', label: t('users.fields.email'), children: u.email ?? '—' },
              { key: 'phone', label: t('users.fields.phone'), children: u.phone ?? '—' },
              { key: 'orcid', label: 'ORCID', children: u.orcid ?? '—' },
              { key: 'org', label: t('users.fields.org'), children: u.orgName ?? '—' },
              {
                key: 'status',
                label: t('users.fields.status'),
                children: <Tag color={u.status === 'active' ? 'success' : 'default'}>{t(`users.status.${u.status}`)}</Tag>,
              },
              { key: 'createdAt', label: t('users.fields.createdAt'), children: formatDateTime(u.createdAt, i18n.language) },
            ]}
          />
          <Divider titlePlacement="start">{t('grants.title')}</Divider>
          <ItemList
            data-testid="grant-list"
            loading={grants.isLoading}
            empty={t('grants.none')}
            items={(grants.data ?? []).map((grant) => ({
              key: grant.id,
              title: <RoleTag role={grant.role} />,
              description: scopeLabel(grant),
              extra: (
                <Popconfirm
                  title={t('grants.revokeConfirm')}
                  okText={t('grants.revoke')}
                  okButtonProps={{ danger: true }}
                  cancelText={t('common.cancel')}
                  onConfirm={() => onRevoke(grant.id)}
                >
                  <Button type="link" danger size="small">
                    {t('grants.revoke')}
                  </Button>
                </Popconfirm>
              ),
            }))}
          />
          <Divider titlePlacement="start">{t('grants.addTitle')}</Divider>
          <GrantForm userId={u.id} />
        </>
      )}
    </Drawer>
  );
}
