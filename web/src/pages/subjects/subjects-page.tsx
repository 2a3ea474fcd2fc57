import { useEffect, useState } from 'react';
import { Button, Card, Checkbox, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ApartmentOutlined, CloudUploadOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { localName } from '../../components/format';
import { PageHeader } from '../../components/page-header';
import { useSession } from '../../features/auth/session';
import { OrgSelect } from '../../features/orgs/org-select';
import { useOrgs, useRegions } from '../../features/orgs/orgs-api';
import { PlanStatusTag } from '../../features/plans/plan-status-tag';
import { isRegistryManager } from '../../features/registry/registry-access';
import { usePrograms, useProjects, useSubjects } from '../../features/registry/registry-api';
import type { Subject, SubjectFilter } from '../../features/registry/registry-types';
import { hasFilters, parseSubjectFilter, PLAN_FILTER_STATUSES, SUBJECT_STATUSES, subjectFilterParams } from '../../features/registry/subject-filter';
import { SubjectFormDrawer } from '../../features/registry/subject-form-drawer';
import { AcceptanceDate } from '../../features/registry/subject-overview';
import { useOrgName } from '../../features/registry/use-org-name';
import { serverPagination } from '../../components/server-pagination';

/** The registry: every subject in the user's scope, filtered by program, platform, province, unit and plan state. */
export function SubjectsPage() {
  const { t, i18n } = useTranslation();
  const me = useSession();
  const navigate = useNavigate();
  const manager = isRegistryManager(me);
  const [params, setParams] = useSearchParams();
  const filter = parseSubjectFilter(params);
  const [q, setQ] = useState(filter.q ?? '');
  const [creating, setCreating] = useState(false);
  const subjects = useSubjects(filter);
  const programs = usePrograms();
  const projects = useProjects();
  const project = filter.projectId ? projects.data?.find((p) => p.id === filter.projectId) : undefined;
  const platforms = useOrgs({ kind: 'domain_platform' });
  const { data: regions = [] } = useRegions();
  const orgName = useOrgName();

  useEffect(() => setQ(filter.q ?? ''), [filter.q]);
  const change = (patch: Partial<SubjectFilter>) => setParams(subjectFilterParams({ ...filter, page: 1, ...patch }));

  const columns: TableColumnsType<Subject> = [
    {
      title: t('registry.fields.subject'),
      key: 'subject',
      render: (_, s) => (
        <Flex vertical gap={2}>
          <Link to={`/subjects/${s.id}`} data-testid={`subject-link-${s.code}`}>
            {i18n.language === 'en' && s.titleEn ? s.titleEn : s.titleZh}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            <span style={{ fontFamily: 'monospace' }}>{s.code}</span> · {s.projectTitle}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('registry.fields.leadUnit'), key: 'unit', width: 170, ellipsis: true, render: (_, s) => orgName(s.leadUnitId, s.leadUnitName) },
    { title: t('registry.fields.platform'), key: 'platform', width: 190, ellipsis: true, responsive: ['xxl'], render: (_, s) => orgName(s.platformOrgId, s.platformName) },
    { title: t('registry.fields.region'), key: 'region', width: 100, responsive: ['lg'], render: (_, s) => (i18n.language === 'en' ? s.regionNameEn : s.regionName) },
    { title: t('registry.fields.pi'), dataIndex: 'piName', width: 100, render: (value: string | null) => value ?? '—' },
    { title: t('registry.fields.planStatus'), key: 'plan', width: 170, render: (_, s) => <PlanStatusTag status={s.plan.status} overdue={s.plan.overdue} /> },
    { title: t('registry.fields.acceptanceDate'), key: 'acceptance', width: 150, responsive: ['xl'], render: (_, s) => <AcceptanceDate subject={s} /> },
  ];

  return (
    <>
      <PageHeader
        title={t('registry.title')}
        subtitle={manager ? t('registry.subtitleManager') : t('registry.subtitle')}
        extra={
          manager && (
            <>
              <Button icon={<ApartmentOutlined />} onClick={() => navigate('/registry/programs')}>
                {t('registry.programs.title')}
              </Button>
              <Button icon={<CloudUploadOutlined />} onClick={() => navigate('/registry/import')} data-testid="registry-import">
                {t('registry.import.title')}
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="subject-create">
                {t('registry.subjectForm.createTitle')}
              </Button>
            </>
          )
        }
      />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }} data-testid="subject-filters">
          <Input.Search
            allowClear
            value={q}
            onChange={(event) => setQ(event.target.value)}
            onSearch={(value) => change({ q: value.trim() || undefined })}
            placeholder={t('registry.filters.search')}
            style={{ width: 280 }}
            data-testid="subject-search"
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('registry.filters.program')}
            value={filter.programId}
            onChange={(programId?: string) => change({ programId })}
            options={(programs.data ?? []).map((p) => ({ value: p.id, label: `${p.code} ${i18n.language === 'en' && p.titleEn ? p.titleEn : p.titleZh}` }))}
            style={{ width: 240 }}
            popupMatchSelectWidth={false}
          />
          <Select
            allowClear
            placeholder={t('registry.filters.platform')}
            value={filter.platformId}
            onChange={(platformId?: string) => change({ platformId })}
            options={(platforms.data ?? []).map((o) => ({ value: o.id, label: localName(o, i18n.language) }))}
            style={{ width: 200 }}
            popupMatchSelectWidth={false}
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('registry.filters.region')}
            value={filter.regionCode}
            onChange={(regionCode?: string) => change({ regionCode })}
            options={regions.map((r) => ({ value: r.code, label: i18n.language === 'en' ? r.nameEn : r.nameZh }))}
            style={{ width: 140 }}
          />
          <OrgSelect kinds={['unit']} placeholder={t('registry.filters.unit')} value={filter.unitId ?? null} onChange={(unitId) => change({ unitId: unitId ?? undefined })} style={{ width: 200 }} />
          <Select
            allowClear
            placeholder={t('registry.filters.status')}
            value={filter.status}
            onChange={(status?: Subject['status']) => change({ status })}
            options={SUBJECT_STATUSES.map((value) => ({ value, label: t(`registry.subjectStatus.${value}`) }))}
            style={{ width: 140 }}
          />
          <Select
            allowClear
            placeholder={t('registry.filters.planStatus')}
            value={filter.planStatus}
            onChange={(planStatus?: SubjectFilter['planStatus']) => change({ planStatus })}
            options={PLAN_FILTER_STATUSES.map((value) => ({ value, label: t(`plans.status.${value}`) }))}
            style={{ width: 140 }}
            data-testid="filter-plan-status"
          />
          {filter.projectId && (
            <Tag closable onClose={() => change({ projectId: undefined })} style={{ alignSelf: 'center', marginInlineEnd: 0 }}>
              {t('registry.filters.project', { code: project?.code ?? '…' })}
            </Tag>
          )}
          <Checkbox checked={Boolean(filter.overdue)} onChange={(event) => change({ overdue: event.target.checked || undefined })} style={{ alignSelf: 'center' }} data-testid="filter-overdue">
            {t('registry.filters.overdue')}
          </Checkbox>
          {hasFilters(filter) && (
            <Button type="link" onClick={() => setParams(new URLSearchParams())} style={{ paddingInline: 0 }}>
              {t('registry.filters.clear')}
            </Button>
          )}
        </Flex>
        <Table<Subject>
          rowKey="id"
          size="middle"
          data-testid="subject-table"
          columns={columns}
          dataSource={subjects.data?.items ?? []}
          loading={subjects.isFetching}
          locale={{ emptyText: subjects.isError ? subjects.error.message : undefined }}
          pagination={serverPagination(filter, subjects.data?.total, (total) => t('registry.count', { count: total }), (next) => setParams(subjectFilterParams({ ...filter, ...next })))}
        />
      </Card>
      {manager && <SubjectFormDrawer open={creating} onClose={() => setCreating(false)} onCreated={(id) => navigate(`/subjects/${id}`)} />}
    </>
  );
}
