import { useState } from 'react';
import { Alert, App, Button, Card, Col, Flex, Popconfirm, Row, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../components/format';
import { usePlan } from '../plans/plans-api';
import { DeliverySummary } from './delivery-summary';
import { NewResourceModal } from './new-resource-modal';
import { ResourceStatusTag } from './resource-status-tag';
import type { ResourceSummary } from './resource-types';
import { useDeleteResource, useDelivery, useSubjectResources } from './resources-api';
import { useTypeLabel } from './type-label';
import { formatBytes } from './upload-progress';

/** The resources of a subject: delivered vs planned per type, the list with statuses, and "新建资源". */
export function SubjectResources({ subjectId, canEdit }: { subjectId: string; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const resources = useSubjectResources(subjectId);
  const delivery = useDelivery(subjectId);
  const plan = usePlan(subjectId);
  const remove = useDeleteResource(subjectId);
  const [creating, setCreating] = useState(false);
  const types = plan.data?.allowedTypes ?? [];
  const typeLabel = useTypeLabel(types);

  const onDelete = async (id: string) => {
    try {
      await remove.mutateAsync(id);
      message.success(t('resources.list.deleted'));
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
    }
  };

  const columns: TableColumnsType<ResourceSummary> = [
    {
      title: t('resources.fields.title'),
      key: 'title',
      onCell: () => ({ style: { minWidth: 200 } }),
      render: (_, item) => (
        <Link to={`/resources/${item.id}`} data-testid="resource-link">
          {item.titleZh || <Typography.Text type="secondary" italic>{t('resources.untitled')}</Typography.Text>}
        </Link>
      ),
    },
    { title: t('resources.fields.type'), dataIndex: 'resourceType', width: 130, render: (type: string) => typeLabel(type) },
    { title: t('resources.fields.status'), dataIndex: 'status', width: 110, render: (status: ResourceSummary['status']) => <ResourceStatusTag status={status} /> },
    {
      title: t('resources.fields.files'),
      key: 'files',
      width: 140,
      render: (_, item) => (item.fileCount > 0 ? t('resources.list.fileCount', { count: item.fileCount, size: formatBytes(item.totalBytes) }) : '—'),
    },
    { title: t('resources.fields.updatedAt'), dataIndex: 'updatedAt', width: 170, responsive: ['xxl'], render: (value: string) => formatDateTime(value, i18n.language) },
    {
      key: 'actions',
      width: 48,
      align: 'right',
      render: (_, item) =>
        canEdit && item.status === 'draft' ? (
          <Popconfirm title={t('resources.list.deleteConfirm')} onConfirm={() => void onDelete(item.id)} okButtonProps={{ danger: true }}>
            <Button type="text" danger size="small" icon={<DeleteOutlined />} aria-label={t('resources.list.delete')} />
          </Popconfirm>
        ) : null,
    },
  ];

  return (
    <Row gutter={[16, 16]} data-testid="subject-resources">
      <Col xs={24} xl={16}>
        <Card
          size="small"
          title={t('resources.list.title')}
          extra={
            canEdit && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="resource-create">
                {t('resources.create.button')}
              </Button>
            )
          }
        >
          {resources.isError && <Alert type="error" showIcon title={resources.error.message} />}
          <Table<ResourceSummary>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={resources.data ?? []}
            loading={resources.isPending}
            pagination={false}
            locale={{ emptyText: t('resources.list.empty') }}
            data-testid="resource-table"
          />
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <Flex vertical gap={16}>
          <DeliverySummary rows={delivery.data ?? []} loading={delivery.isPending} typeLabel={typeLabel} />
        </Flex>
      </Col>
      {canEdit && <NewResourceModal subjectId={subjectId} types={types} open={creating} onClose={() => setCreating(false)} />}
    </Row>
  );
}
