import { useState } from 'react';
import { Button, Card, Flex, Input, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { EditOutlined, PlusOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format';
import { PageHeader } from '../../components/page-header';
import { OrgSelect } from '../../features/orgs/org-select';
import { UserDrawer } from '../../features/users/user-drawer';
import { UserFormModal, type UserFormTarget } from '../../features/users/user-form-modal';
import { useUsers, type UserFilter, type UserRow } from '../../features/users/users-api';
import { serverPagination } from '../../components/server-pagination';

export function UsersPage() {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useState<UserFilter>({ page: 1, pageSize: 20 });
  const [formTarget, setFormTarget] = useState<UserFormTarget | null>(null);
  const [detailId, setDetailId] = useState<string | null>(null);
  const users = useUsers(filter);

  const columns: TableColumnsType<UserRow> = [
    {
      title: t('users.fields.username'),
      dataIndex: 'username',
      width: 160,
      ellipsis: true,
      render: (value: string, user) => (
        <Typography.Link onClick={() => setDetailId(user.id)} data-testid={`user-link-${value}`}>
          {value}
        </Typography.Link>
      ),
    },
    { title: t('users.fields.displayName'), dataIndex: 'displayName', width: 140, ellipsis: true },
    { title: t('users.fields.email'), dataIndex: 'email', render: (value: string | null) => value ?? '—', responsive: ['lg'] },
    { title: t('users.fields.org'), dataIndex: 'orgName', render: (value: string | null) => value ?? '—' },
    {
      title: t('users.fields.status'),
      dataIndex: 'status',
      width: 100,
      render: (value: UserRow['status']) => <Tag color={value === 'active' ? 'success' : 'default'}>{t(`users.status.${value}`)}</Tag>,
    },
    {
      title: t('users.fields.createdAt'),
      dataIndex: 'createdAt',
      width: 180,
      responsive: ['xl'],
      render: (value: string) => formatDateTime(value, i18n.language),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 190,
      render: (_, user) => (
        <Space size={0}>
          <Button type="link" size="small" icon={<SafetyCertificateOutlined />} onClick={() => setDetailId(user.id)}>
            {t('users.roles')}
          </Button>
          <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setFormTarget({ mode: 'edit', user })}>
            {t('common.edit')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('users.title')}
        subtitle={t('users.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setFormTarget({ mode: 'create' })}>
            {t('users.create')}
          </Button>
        }
      />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            placeholder={t('users.searchPlaceholder')}
            onSearch={(value) => setFilter((f) => ({ ...f, q: value.trim() || undefined, page: 1 }))}
            style={{ width: 320 }}
            data-testid="user-search"
          />
          <OrgSelect
            placeholder={t('users.allOrgs')}
            value={filter.orgId ?? null}
            onChange={(orgId) => setFilter((f) => ({ ...f, orgId: orgId ?? undefined, page: 1 }))}
            style={{ width: 280 }}
          />
        </Flex>
        <Table<UserRow>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={users.data?.items ?? []}
          loading={users.isFetching}
          locale={{ emptyText: users.isError ? users.error.message : undefined }}
          pagination={serverPagination(filter, users.data?.total, (total) => t('common.total', { count: total }), (next) => setFilter((f) => ({ ...f, ...next })))}
        />
      </Card>
      <UserFormModal target={formTarget} onClose={() => setFormTarget(null)} />
      <UserDrawer userId={detailId} onClose={() => setDetailId(null)} />
    </>
  );
}
