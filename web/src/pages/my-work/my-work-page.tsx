import { Alert, Button, Card, Col, Flex, Row, Statistic, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { CheckCircleOutlined, ClockCircleOutlined, EditOutlined, EyeOutlined, HourglassOutlined, WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { PlanStatusTag } from '../../features/plans/plan-status-tag';
import { daysUntil, formatDay } from '../../features/registry/dates';
import { useMyWork } from '../../features/registry/registry-api';
import type { MyWorkItem, PlanStatus } from '../../features/registry/registry-types';
import { AcceptanceDate } from '../../features/registry/subject-overview';
import { useOrgName } from '../../features/registry/use-org-name';
import { RoleTag } from '../../features/users/role-tag';

const TO_DO: readonly PlanStatus[] = ['none', 'draft', 'returned'];
const IN_REVIEW: readonly PlanStatus[] = ['unit_review', 'platform_review'];

/** What is due next for one subject: the returned plan's deadline, the review step's deadline, or the next planned delivery. */
function NextDue({ item }: { item: MyWorkItem }) {
  const { t, i18n } = useTranslation();
  const { plan } = item;
  if (plan.stepDueAt && (plan.status === 'returned' || IN_REVIEW.includes(plan.status))) {
    const key = plan.status === 'returned' ? 'registry.myWork.fixBy' : 'registry.myWork.reviewBy';
    return (
      <Flex vertical>
        <Typography.Text type={plan.overdue ? 'danger' : undefined}>{t(key, { date: formatDay(plan.stepDueAt, i18n.language) })}</Typography.Text>
        {plan.overdue && <Typography.Text type="danger" style={{ fontSize: 12 }}>{t('plans.deadline.overdueBy', { count: Math.max(1, -daysUntil(plan.stepDueAt)) })}</Typography.Text>}
      </Flex>
    );
  }
  if (plan.nextDueDate) return <Typography.Text>{t('registry.myWork.deliverBy', { date: formatDay(plan.nextDueDate, i18n.language) })}</Typography.Text>;
  if (plan.status === 'none' || plan.status === 'draft') return <Typography.Text type="warning">{t('registry.myWork.fileThePlan')}</Typography.Text>;
  return <Typography.Text type="secondary">—</Typography.Text>;
}

/** PIs and submitters: their subjects, where each plan stands, and what is due next. */
export function MyWorkPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const work = useMyWork();
  const orgName = useOrgName();
  const items = work.data ?? [];
  const count = (statuses: readonly PlanStatus[]) => items.filter((item) => statuses.includes(item.plan.status)).length;
  const overdue = items.filter((item) => item.plan.overdue).length;

  const action = (item: MyWorkItem) => {
    const status = item.plan.status;
    const to = `/subjects/${item.id}/plan`;
    if (status === 'returned') return <Button type="primary" danger size="small" icon={<EditOutlined />} onClick={() => navigate(to)}>{t('registry.myWork.revise')}</Button>;
    if (status === 'none' || status === 'draft') return <Button type="primary" size="small" icon={<EditOutlined />} onClick={() => navigate(to)} data-testid={`file-plan-${item.code}`}>{t('registry.myWork.file')}</Button>;
    return <Button size="small" icon={<EyeOutlined />} onClick={() => navigate(to)}>{t('registry.myWork.view')}</Button>;
  };

  const columns: TableColumnsType<MyWorkItem> = [
    {
      title: t('registry.fields.subject'),
      key: 'subject',
      render: (_, item) => (
        <Flex vertical gap={2}>
          <Link to={`/subjects/${item.id}`}>{i18n.language === 'en' && item.titleEn ? item.titleEn : item.titleZh}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            <span style={{ fontFamily: 'monospace' }}>{item.code}</span> · {orgName(item.leadUnitId, item.leadUnitName)}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('registry.myWork.myRole'), dataIndex: 'myRole', width: 130, render: (role: MyWorkItem['myRole']) => <RoleTag role={role} /> },
    { title: t('registry.fields.planStatus'), key: 'plan', width: 170, render: (_, item) => <PlanStatusTag status={item.plan.status} overdue={item.plan.overdue} /> },
    { title: t('registry.myWork.next'), key: 'next', width: 200, render: (_, item) => <NextDue item={item} /> },
    { title: t('registry.fields.acceptanceDate'), key: 'acceptance', width: 150, responsive: ['lg'], render: (_, item) => <AcceptanceDate subject={item} /> },
    { key: 'action', width: 150, align: 'right', render: (_, item) => action(item) },
  ];

  const stats = [
    { key: 'todo', title: t('registry.myWork.statTodo'), value: count(TO_DO), icon: <EditOutlined />, color: '#1d4ed8' },
    { key: 'review', title: t('registry.myWork.statReview'), value: count(IN_REVIEW), icon: <HourglassOutlined />, color: '#7c3aed' },
    { key: 'approved', title: t('registry.myWork.statApproved'), value: count(['approved']), icon: <CheckCircleOutlined />, color: '#16a34a' },
    { key: 'overdue', title: t('registry.myWork.statOverdue'), value: overdue, icon: overdue ? <WarningOutlined /> : <ClockCircleOutlined />, color: overdue ? '#dc2626' : '#64748b' },
  ];

  return (
    <>
      <PageHeader title={t('registry.myWork.title')} subtitle={t('registry.myWork.subtitle')} />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {stats.map((stat) => (
          <Col key={stat.key} xs={12} lg={6}>
            <Card size="small" styles={{ body: { padding: '16px 20px' } }}>
              <Statistic title={stat.title} value={stat.value} prefix={stat.icon} styles={{ content: { color: stat.color } }} />
            </Card>
          </Col>
        ))}
      </Row>
      {overdue > 0 && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={t('registry.myWork.overdueAlert', { count: overdue })} />}
      <Card title={t('registry.myWork.subjects')}>
        <Table<MyWorkItem>
          rowKey="id"
          size="middle"
          data-testid="my-work"
          columns={columns}
          dataSource={items}
          loading={work.isLoading}
          pagination={false}
          locale={{ emptyText: work.isError ? work.error.message : t('registry.myWork.none') }}
          onRow={(item) => ({ style: item.plan.overdue ? { background: '#fef2f2' } : undefined })}
        />
      </Card>
    </>
  );
}
