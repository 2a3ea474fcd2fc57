import { useMemo } from 'react';
import { App, Button, Col, DatePicker, Divider, Drawer, Flex, Form, Input, InputNumber, Radio, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors } from '../../components/form-errors';
import { localName } from '../../components/format';
import { OrgSelect } from '../orgs/org-select';
import { useOrgs, useRegions } from '../orgs/orgs-api';
import { useCreateSubject, useProjects, useUpdateSubject } from './registry-api';
import type { SubjectDetail, SubjectStatus } from './registry-types';

const FIELDS = ['projectId', 'code', 'titleZh', 'titleEn', 'startDate', 'endDate', 'leadUnitId', 'coUnitIds', 'regionCode', 'platformOrgId', 'collectionBudget', 'acceptanceDate', 'status'] as const;
const CODE_FIELDS = { 'registry.code_taken': 'code', 'registry.bad_code': 'code' };
export const CODE_PATTERN = /^\d{4}[A-Z]{2,4}\d{5,9}$/;

interface FormValues {
  projectId: string;
  code: string;
  titleZh: string;
  titleEn?: string;
  startDate?: Dayjs | null;
  endDate?: Dayjs | null;
  leadUnitId: string;
  coUnitIds?: string[];
  regionCode: string;
  platformOrgId: string;
  collectionBudget?: number | null;
  acceptanceDate?: Dayjs | null;
  status?: SubjectStatus;
  pi?: { email?: string; displayName?: string };
}

const day = (value: string | null | undefined) => (value ? dayjs(value) : null);
const iso = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : null);

/** Registers a subject (registry managers) or edits its record (managers and the lead unit's admin). */
export function SubjectFormDrawer({ open, subject, onClose, onCreated }: { open: boolean; subject?: SubjectDetail; onClose: () => void; onCreated?: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const projects = useProjects();
  const units = useOrgs({ kind: 'unit' });
  const platforms = useOrgs({ kind: 'domain_platform' });
  const { data: regions = [] } = useRegions();
  const create = useCreateSubject();
  const update = useUpdateSubject(subject?.id ?? '');

  const initialValues = useMemo<Partial<FormValues>>(
    () =>
      subject
        ? {
            projectId: subject.projectId, code: subject.code, titleZh: subject.titleZh, titleEn: subject.titleEn ?? '',
            startDate: day(subject.startDate), endDate: day(subject.endDate), leadUnitId: subject.leadUnitId,
            coUnitIds: subject.coUnits.map((u) => u.id), regionCode: subject.regionCode, platformOrgId: subject.platformOrgId,
            collectionBudget: subject.collectionBudget, acceptanceDate: day(subject.acceptanceDate), status: subject.status,
          }
        : { collectionBudget: 0 },
    [subject],
  );

  const projectOptions = useMemo(() => {
    const groups = new Map<string, { label: string; options: Array<{ value: string; label: string }> }>();
    for (const project of projects.data ?? []) {
      const key = project.programId;
      if (!groups.has(key)) groups.set(key, { label: `${project.programCode ?? ''} ${project.programTitle ?? ''}`.trim(), options: [] });
      groups.get(key)!.options.push({ value: project.id, label: `${project.code} ${project.titleZh}` });
    }
    return [...groups.values()];
  }, [projects.data]);

  const onFinish = async (values: FormValues) => {
    const common = {
      projectId: values.projectId, titleZh: values.titleZh.trim(), titleEn: values.titleEn?.trim() || null,
      startDate: iso(values.startDate), endDate: iso(values.endDate), leadUnitId: values.leadUnitId, coUnitIds: values.coUnitIds ?? [],
      regionCode: values.regionCode, platformOrgId: values.platformOrgId, collectionBudget: values.collectionBudget ?? 0, acceptanceDate: iso(values.acceptanceDate),
    };
    try {
      if (subject) {
        await update.mutateAsync({ ...common, status: values.status });
        message.success(t('registry.subjectForm.updated'));
        onClose();
      } else {
        const email = values.pi?.email?.trim();
        const name = values.pi?.displayName?.trim();
        const created = await create.mutateAsync({ ...common, code: values.code.trim(), pi: email && name ? { email, displayName: name } : null });
        message.success(t('registry.subjectForm.created'));
        onClose();
        onCreated?.(created.id);
      }
    } catch (error) {
      const rest = applyFieldErrors(form, error, { fields: FIELDS, codeFields: CODE_FIELDS });
      if (rest) message.error(rest);
    }
  };

  // A lead unit usually sits in the subject's region: fill it in when still empty.
  const onLeadUnit = (id: string | null) => {
    const unit = units.data?.find((u) => u.id === id);
    if (unit?.regionCode && !form.getFieldValue('regionCode')) form.setFieldValue('regionCode', unit.regionCode);
  };

  const required = { required: true, message: t('validation.required') };
  const orgOptions = (list: typeof units.data) => (list ?? []).map((org) => ({ value: org.id, label: localName(org, i18n.language) }));
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={720}
      destroyOnHidden
      title={subject ? t('registry.subjectForm.editTitle', { code: subject.code }) : t('registry.subjectForm.createTitle')}
      extra={
        <Flex gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={create.isPending || update.isPending} onClick={() => form.submit()} data-testid="subject-save">
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      <Form<FormValues> form={form} layout="vertical" initialValues={initialValues} onFinish={onFinish}>
        <Form.Item name="projectId" label={t('registry.fields.project')} rules={[required]}>
          <Select options={projectOptions} showSearch={{ optionFilterProp: 'label' }} loading={projects.isLoading} placeholder={t('registry.subjectForm.projectPlaceholder')} data-testid="subject-project" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={10}>
            <Form.Item name="code" label={t('registry.fields.code')} extra={t('registry.codeHint')} rules={[required, { pattern: CODE_PATTERN, message: t('registry.codeInvalid') }]}>
              <Input disabled={Boolean(subject)} style={{ fontFamily: 'monospace' }} data-testid="subject-code" />
            </Form.Item>
          </Col>
          <Col xs={24} md={14}>
            <Form.Item name="titleZh" label={t('registry.fields.titleZh')} rules={[{ ...required, whitespace: true }, { max: 300 }]}>
              <Input data-testid="subject-title" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="titleEn" label={t('registry.fields.titleEn')} rules={[{ max: 300 }]}>
          <Input />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="leadUnitId" label={t('registry.fields.leadUnit')} rules={[required]}>
              <OrgSelect kinds={['unit']} onChange={onLeadUnit} data-testid="subject-lead-unit" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="coUnitIds" label={t('registry.fields.coUnits')}>
              <Select mode="multiple" options={orgOptions(units.data)} showSearch={{ optionFilterProp: 'label' }} allowClear />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="platformOrgId" label={t('registry.fields.platform')} rules={[required]}>
              <Select options={orgOptions(platforms.data)} data-testid="subject-platform" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="regionCode" label={t('registry.fields.region')} rules={[required]}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                options={regions.map((r) => ({ value: r.code, label: i18n.language === 'en' ? r.nameEn : r.nameZh }))}
                data-testid="subject-region"
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="startDate" label={t('registry.fields.startDate')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="endDate" label={t('registry.fields.endDate')} dependencies={['startDate']} rules={[({ getFieldValue }) => ({ validator: async (_r, value?: Dayjs | null) => { const start = getFieldValue('startDate') as Dayjs | null; if (value && start && value.isBefore(start, 'day')) throw new Error(t('registry.endBeforeStart')); } })]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="acceptanceDate" label={t('registry.fields.acceptanceDate')}>
              <DatePicker style={{ width: '100%' }} data-testid="subject-acceptance" />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="collectionBudget" label={t('registry.fields.collectionBudget')}>
              <InputNumber min={0} max={1e12} step={10000} style={{ width: '100%' }} suffix={t('registry.yuan')} />
            </Form.Item>
          </Col>
          {subject && (
            <Col xs={24} md={16}>
              <Form.Item name="status" label={t('registry.fields.status')}>
                <Radio.Group optionType="button" options={(['active', 'accepted', 'terminated'] as const).map((value) => ({ value, label: t(`registry.subjectStatus.${value}`) }))} />
              </Form.Item>
            </Col>
          )}
        </Row>
        {!subject && (
          <>
            <Divider titlePlacement="start">{t('registry.subjectForm.piTitle')}</Divider>
            <Row gutter={16}>
              <Col xs={24} md={14}>
                <Form.Item name={['pi', 'email']} label={t('registry.people.email')} rules={[{ type: 'email', message: t('validation.email') }]} extra={t('registry.subjectForm.piHint')}>
                  <Input autoComplete="off" data-testid="subject-pi-email" />
                </Form.Item>
              </Col>
              <Col xs={24} md={10}>
                <Form.Item name={['pi', 'displayName']} label={t('registry.people.name')} dependencies={[['pi', 'email']]} rules={[({ getFieldValue }) => ({ validator: async (_r, value?: string) => { if (getFieldValue(['pi', 'email']) && !value?.trim()) throw new Error(t('validation.required')); } })]}>
                  <Input autoComplete="off" data-testid="subject-pi-name" />
                </Form.Item>
              </Col>
            </Row>
          </>
        )}
      </Form>
    </Drawer>
  );
}
