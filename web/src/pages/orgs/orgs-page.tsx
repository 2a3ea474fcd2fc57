import { useMemo, useState } from 'react';
import { App, Button, Card, Flex, Input, Popconfirm, Select, Space, Table, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined, SubnodeOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ORG_KINDS, type OrgKindName } from '../../../../common/roles';
import { localName } from '../../components/format';
import { PageHeader } from '../../components/page-header';
import { useSession } from '../../features/auth/session';
import { OrgFormDrawer, type OrgFormTarget } from '../../features/orgs/org-form-drawer';
import { OrgKindTag } from '../../features/orgs/org-kind-tag';
import { buildOrgTree, parentKeys, type OrgNode } from '../../features/orgs/org-tree';
import { useDeleteOrg, useOrgs, useRegions } from '../../features/orgs/orgs-api';

export function OrgsPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { capabilities } = useSession();
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<OrgKindName | undefined>();
  const [target, setTarget] = useState<OrgFormTarget | null>(null);
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const orgs = useOrgs({ q: q || undefined, kind });
  const { data: regions = [] } = useRegions();
  const remove = useDeleteOrg();

  const tree = useMemo(() => buildOrgTree(orgs.data ?? []), [orgs.data]);
  // Everything starts expanded; the user's collapses are remembered while the list refreshes.
  const expandedKeys = useMemo(() => parentKeys(tree).filter((key) => !collapsed.has(key)), [tree, collapsed]);
  const regionName = (code: string | null) => {
    const region = code ? regions.find((r) => r.code === code) : undefined;
    if (!region) return code ?? '—';
    return i18n.language === 'en' ? region.nameEn : region.nameZh;
  };

  const onDelete = async (org: OrgNode) => {
    try {
      await remove.mutateAsync(org.id);
      message.success(t('orgs.deleted'));
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
    }
  };

  const columns: TableColumnsType<OrgNode> = [
    {
      title: t('orgs.fields.name'),
      key: 'name',
      render: (_, org) => {
        const other = i18n.language === 'en' ? org.nameZh : org.nameEn;
        const main = localName(org, i18n.language);
        return (
          <Tooltip title={other && other !== main ? other : undefined} placement="topLeft">
            <Typography.Text strong data-testid="org-row-name">
              {main}
            </Typography.Text>
          </Tooltip>
        );
      },
    },
    { title: t('orgs.fields.kind'), dataIndex: 'kind', width: 170, render: (value: OrgKindName) => <OrgKindTag kind={value} /> },
    {
      title: t('orgs.fields.creditCode'),
      dataIndex: 'creditCode',
      width: 210,
      render: (value: string | null) => (value ? <Typography.Text code copyable>{value}</Typography.Text> : '—'),
    },
    { title: t('orgs.fields.region'), dataIndex: 'regionCode', width: 140, render: (value: string | null) => regionName(value) },
  ];
  if (capabilities.manageOrgs) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 140,
      render: (_, org) => (
        <Space size={2}>
          <Tooltip title={t('common.edit')}>
            <Button type="text" size="small" icon={<EditOutlined />} aria-label={t('common.edit')} onClick={() => setTarget({ mode: 'edit', org })} />
          </Tooltip>
          <Tooltip title={t('orgs.addChild')}>
            <Button type="text" size="small" icon={<SubnodeOutlined />} aria-label={t('orgs.addChild')} onClick={() => setTarget({ mode: 'create', parentId: org.id })} />
          </Tooltip>
          <Popconfirm
            title={t('orgs.deleteConfirm', { name: localName(org, i18n.language) })}
            description={t('orgs.deleteHint')}
            okText={t('common.delete')}
            okButtonProps={{ danger: true }}
            cancelText={t('common.cancel')}
            onConfirm={() => onDelete(org)}
          >
            <Tooltip title={t('common.delete')}>
              <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
            </Tooltip>
          </Popconfirm>
        </Space>
      ),
    });
  }

  return (
    <>
      <PageHeader
        title={t('orgs.title')}
        subtitle={capabilities.manageOrgs ? t('orgs.subtitleManage') : t('orgs.subtitleView')}
        extra={
          capabilities.manageOrgs && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setTarget({ mode: 'create' })} data-testid="org-create">
              {t('orgs.create')}
            </Button>
          )
        }
      />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            placeholder={t('orgs.searchPlaceholder')}
            onSearch={(value) => setQ(value.trim())}
            style={{ width: 320 }}
          />
          <Select<OrgKindName>
            allowClear
            placeholder={t('orgs.allKinds')}
            value={kind}
            onChange={setKind}
            options={ORG_KINDS.map((value) => ({ value, label: t(`orgKinds.${value}`) }))}
            style={{ width: 200 }}
          />
          <Typography.Text type="secondary" style={{ alignSelf: 'center' }}>
            {t('orgs.count', { count: orgs.data?.length ?? 0 })}
          </Typography.Text>
        </Flex>
        <Table<OrgNode>
          data-testid="org-table"
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={tree}
          loading={orgs.isLoading}
          pagination={false}
          expandable={{
            expandedRowKeys: expandedKeys,
            onExpand: (expanded, org) =>
              setCollapsed((previous) => {
                const next = new Set(previous);
                if (expanded) next.delete(org.id);
                else next.add(org.id);
                return next;
              }),
          }}
          locale={{ emptyText: orgs.isError ? orgs.error.message : undefined }}
        />
      </Card>
      <OrgFormDrawer target={target} onClose={() => setTarget(null)} />
    </>
  );
}
