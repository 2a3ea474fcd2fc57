import { useState } from 'react';
import { App, Button, Card, Popconfirm, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format';
import { CreateTokenModal } from './create-token-modal';
import { tokenState, useRevokeToken, useTokens, type ApiToken } from './tokens-api';

const STATE_COLORS = { active: 'success', revoked: 'default', expired: 'warning' } as const;

/** The user's API tokens: list, create (secret shown once), revoke. */
export function TokensCard({ canManage }: { canManage: boolean }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const tokens = useTokens();
  const revoke = useRevokeToken();
  const [creating, setCreating] = useState(false);

  const onRevoke = async (id: string) => {
    try {
      await revoke.mutateAsync(id);
      message.success(t('tokens.revoked'));
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
    }
  };

  const columns: TableColumnsType<ApiToken> = [
    { title: t('tokens.name'), dataIndex: 'name' },
    { title: t('tokens.prefix'), dataIndex: 'prefix', render: (value: string) => <Typography.Text code>{value}…</Typography.Text> },
    {
      title: t('tokens.access'),
      dataIndex: 'readOnly',
      render: (value: boolean) => (value ? <Tag>{t('tokens.readOnlyTag')}</Tag> : <Tag color="orange">{t('tokens.readWriteTag')}</Tag>),
    },
    { title: t('tokens.expiresAt'), dataIndex: 'expiresAt', render: (value: string) => formatDateTime(value, i18n.language) },
    { title: t('tokens.lastUsedAt'), dataIndex: 'lastUsedAt', responsive: ['lg'], render: (value: string | null) => (value ? formatDateTime(value, i18n.language) : t('tokens.neverUsed')) },
    {
      title: t('tokens.state'),
      key: 'state',
      render: (_, token) => {
        const state = tokenState(token);
        return <Tag color={STATE_COLORS[state]}>{t(`tokens.states.${state}`)}</Tag>;
      },
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, token) =>
        tokenState(token) === 'active' && canManage ? (
          <Popconfirm
            title={t('tokens.revokeConfirm', { name: token.name })}
            okText={t('tokens.revoke')}
            okButtonProps={{ danger: true }}
            cancelText={t('common.cancel')}
            onConfirm={() => onRevoke(token.id)}
          >
            <Button type="link" danger size="small">
              {t('tokens.revoke')}
            </Button>
          </Popconfirm>
        ) : null,
    },
  ];

  return (
    <Card
      title={t('tokens.title')}
      extra={
        canManage && (
          <Button icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="token-create">
            {t('tokens.create')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('tokens.intro')}</Typography.Paragraph>
      <Table<ApiToken>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={tokens.data ?? []}
        loading={tokens.isLoading}
        pagination={false}
        locale={{ emptyText: tokens.isError ? tokens.error.message : t('tokens.none') }}
      />
      <CreateTokenModal open={creating} onClose={() => setCreating(false)} />
    </Card>
  );
}
