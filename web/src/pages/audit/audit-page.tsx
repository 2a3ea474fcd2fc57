import { useState } from 'react';
import { Alert, Button, Card, Flex, Input, Select, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { SafetyOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format';
import { PageHeader } from '../../components/page-header';
import { useAuditEntries, useVerifyChain, type AuditEntry, type AuditFilter } from '../../features/audit/audit-api';
import { AuditChange } from '../../features/audit/audit-change';
import { serverPagination } from '../../components/server-pagination';

const OBJECT_TYPES = ['organisation', 'user', 'role_grant', 'api_token'];

// UUIDs are long; their first block is enough to tell entries apart (the tooltip has the whole id).
const shortId = (id: string) => (/^[0-9a-f]{8}-[0-9a-f-]{27}$/i.test(id) ? id.slice(0, 8) : id);

export function AuditPage() {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useState<AuditFilter>({ page: 1, pageSize: 20 });
  const [actor, setActor] = useState<{ id: string; label: string } | null>(null);
  const entries = useAuditEntries(filter);
  const verify = useVerifyChain();

  const setActorFilter = (next: { id: string; label: string } | null) => {
    setActor(next);
    setFilter((f) => ({ ...f, actorId: next?.id, page: 1 }));
  };

  const columns: TableColumnsType<AuditEntry> = [
    { title: t('audit.at'), dataIndex: 'at', width: 180, render: (value: string) => formatDateTime(value, i18n.language) },
    {
      title: t('audit.actor'),
      dataIndex: 'actorLabel',
      render: (label: string, entry) =>
        entry.actorId ? (
          <Tooltip title={t('audit.filterByActor')}>
            <Typography.Link onClick={() => setActorFilter({ id: entry.actorId ?? '', label })}>{label}</Typography.Link>
          </Tooltip>
        ) : (
          <Typography.Text type="secondary">{label}</Typography.Text>
        ),
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      render: (value: string) => <Tag color={value.includes('fail') || value.includes('delete') || value.includes('revoke') ? 'orange' : 'blue'}>{t(`audit.actions.${value}`, { defaultValue: value })}</Tag>,
    },
    {
      title: t('audit.object'),
      key: 'object',
      render: (_, entry) => (
        <span>
          {t(`audit.objectTypes.${entry.objectType}`, { defaultValue: entry.objectType })}
          {entry.objectId && (
            <Tooltip title={entry.objectId}>
              <Typography.Text type="secondary" code style={{ marginLeft: 6, fontSize: 12 }}>
                {shortId(entry.objectId)}
              </Typography.Text>
            </Tooltip>
          )}
        </span>
      ),
    },
    { title: 'IP', dataIndex: 'ip', width: 140, responsive: ['lg'], render: (value: string | null) => value ?? '—' },
  ];

  const verification = verify.data;
  return (
    <>
      <PageHeader
        title={t('audit.title')}
        subtitle={t('audit.subtitle')}
        extra={
          <Button icon={<SafetyOutlined />} loading={verify.isPending} onClick={() => verify.mutate()} data-testid="audit-verify">
            {t('audit.verify')}
          </Button>
        }
      />
      {verification && (
        <Alert
          showIcon
          closable={{ onClose: () => verify.reset() }}
          style={{ marginBottom: 16 }}
          type={verification.ok ? 'success' : 'error'}
          title={
            verification.ok
              ? t('audit.verifyOk', { count: verification.checked })
              : t('audit.verifyBroken', { id: verification.firstBrokenId ?? '?', count: verification.checked })
          }
          description={!verification.ok && verification.reason ? verification.reason : undefined}
          data-testid="audit-verify-result"
        />
      )}
      {verify.isError && <Alert showIcon type="error" style={{ marginBottom: 16 }} title={verify.error.message} />}
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }} align="center">
          <Input.Search
            allowClear
            placeholder={t('audit.actionPlaceholder')}
            onSearch={(value) => setFilter((f) => ({ ...f, action: value.trim() || undefined, page: 1 }))}
            style={{ width: 260 }}
          />
          <Select<string>
            allowClear
            placeholder={t('audit.allObjectTypes')}
            value={filter.objectType}
            onChange={(objectType) => setFilter((f) => ({ ...f, objectType, page: 1 }))}
            options={OBJECT_TYPES.map((value) => ({ value, label: t(`audit.objectTypes.${value}`, { defaultValue: value }) }))}
            style={{ width: 200 }}
          />
          {actor && (
            <Tag closable onClose={() => setActorFilter(null)} color="processing">
              {t('audit.actor')}: {actor.label}
            </Tag>
          )}
        </Flex>
        <Table<AuditEntry>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={entries.data?.items ?? []}
          loading={entries.isFetching}
          locale={{ emptyText: entries.isError ? entries.error.message : undefined }}
          expandable={{ expandedRowRender: (entry) => <AuditChange entry={entry} /> }}
          pagination={serverPagination(filter, entries.data?.total, (total) => t('common.total', { count: total }), (next) => setFilter((f) => ({ ...f, ...next })))}
        />
      </Card>
    </>
  );
}
