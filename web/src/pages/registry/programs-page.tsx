import { useState } from 'react';
import { Breadcrumb, Button, Card, Col, Row, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { ManagerOnly } from '../../features/registry/manager-only';
import { ProgramFormModal, type ProgramFormTarget } from '../../features/registry/program-form-modal';
import { usePrograms, useProjects } from '../../features/registry/registry-api';
import type { Program, Project } from '../../features/registry/registry-types';

/** Registry managers keep the programs (计划) and their projects (项目) that subjects hang off. */
export function ProgramsPage() {
  return (
    <ManagerOnly>
      <ProgramsScreen />
    </ManagerOnly>
  );
}

function ProgramsScreen() {
  const { t, i18n } = useTranslation();
  const programs = usePrograms();
  const [selected, setSelected] = useState<string | undefined>();
  const projects = useProjects(selected);
  const [target, setTarget] = useState<ProgramFormTarget | null>(null);
  const title = (item: { titleZh: string; titleEn: string | null }) => (i18n.language === 'en' && item.titleEn ? item.titleEn : item.titleZh);
  const period = (item: { startDate: string | null; endDate: string | null }) =>
    item.startDate || item.endDate ? `${item.startDate ?? '…'} – ${item.endDate ?? '…'}` : '—';
  const status = (value: string) => <Tag color={value === 'active' ? 'processing' : 'default'}>{t(`registry.programStatus.${value}`, { defaultValue: value })}</Tag>;
  const editButton = (onClick: () => void) => (
    <Tooltip title={t('common.edit')}>
      <Button type="text" size="small" icon={<EditOutlined />} aria-label={t('common.edit')} onClick={(event) => { event.stopPropagation(); onClick(); }} />
    </Tooltip>
  );

  const programColumns: TableColumnsType<Program> = [
    {
      title: t('registry.fields.program'),
      key: 'title',
      render: (_, p) => (
        <div>
          <Typography.Text strong>{title(p)}</Typography.Text>
          <div><Typography.Text type="secondary" style={{ fontFamily: 'monospace', fontSize: 12 }}>{p.code}</Typography.Text></div>
        </div>
      ),
    },
    { title: t('registry.programs.projects'), dataIndex: 'projectCount', width: 80, align: 'right' },
    { title: t('registry.programs.subjects'), dataIndex: 'subjectCount', width: 80, align: 'right' },
    { title: t('registry.fields.status'), dataIndex: 'status', width: 90, render: status },
    { key: 'edit', width: 48, render: (_, p) => editButton(() => setTarget({ kind: 'program', item: p })) },
  ];

  const projectColumns: TableColumnsType<Project> = [
    {
      title: t('registry.fields.project'),
      key: 'title',
      render: (_, p) => (
        <div>
          <Typography.Text strong>{title(p)}</Typography.Text>
          <div><Typography.Text type="secondary" style={{ fontFamily: 'monospace', fontSize: 12 }}>{p.code}</Typography.Text></div>
        </div>
      ),
    },
    { title: t('registry.fields.period'), key: 'period', width: 200, responsive: ['xl'], render: (_, p) => period(p) },
    {
      title: t('registry.programs.subjects'),
      dataIndex: 'subjectCount',
      width: 80,
      align: 'right',
      render: (count: number, p) => <Link to={`/subjects?projectId=${p.id}`}>{count}</Link>,
    },
    { title: t('registry.fields.status'), dataIndex: 'status', width: 90, render: status },
    { key: 'edit', width: 48, render: (_, p) => editButton(() => setTarget({ kind: 'project', item: p })) },
  ];

  const selectedProgram = programs.data?.find((p) => p.id === selected);
  return (
    <>
      <Breadcrumb style={{ marginBottom: 12 }} items={[{ title: <Link to="/subjects">{t('nav.subjects')}</Link> }, { title: t('registry.programs.title') }]} />
      <PageHeader title={t('registry.programs.title')} subtitle={t('registry.programs.subtitle')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={11}>
          <Card
            title={t('registry.programs.programsTitle')}
            extra={<Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => setTarget({ kind: 'program' })} data-testid="program-create">{t('registry.programs.create_program')}</Button>}
          >
            <Table<Program>
              rowKey="id"
              size="middle"
              columns={programColumns}
              dataSource={programs.data ?? []}
              loading={programs.isLoading}
              pagination={false}
              onRow={(p) => ({ onClick: () => setSelected(p.id === selected ? undefined : p.id), style: { cursor: 'pointer' } })}
              rowClassName={(p) => (p.id === selected ? 'ant-table-row-selected' : '')}
            />
          </Card>
        </Col>
        <Col xs={24} xl={13}>
          <Card
            title={selectedProgram ? t('registry.programs.projectsOf', { code: selectedProgram.code }) : t('registry.programs.allProjects')}
            extra={<Button size="small" icon={<PlusOutlined />} onClick={() => setTarget({ kind: 'project', programId: selected })} data-testid="project-create">{t('registry.programs.create_project')}</Button>}
          >
            <Table<Project> rowKey="id" size="middle" columns={projectColumns} dataSource={projects.data ?? []} loading={projects.isLoading} pagination={{ pageSize: 20, hideOnSinglePage: true }} />
          </Card>
        </Col>
      </Row>
      <ProgramFormModal target={target} onClose={() => setTarget(null)} />
    </>
  );
}
