import { useMemo } from 'react';
import { App, Col, DatePicker, Form, Input, Modal, Radio, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors } from '../../components/form-errors';
import { usePrograms, useSaveProgram, useSaveProject } from './registry-api';
import type { Program, Project } from './registry-types';
import { CODE_PATTERN } from './subject-form-drawer';

/** What the modal edits: a new or existing program, or a new or existing project (of a program). */
export type ProgramFormTarget =
  | { kind: 'program'; item?: Program }
  | { kind: 'project'; item?: Project; programId?: string };

interface FormValues {
  programId?: string;
  code: string;
  titleZh: string;
  titleEn?: string;
  startDate?: Dayjs | null;
  endDate?: Dayjs | null;
  status?: string;
}

const FIELDS = ['programId', 'code', 'titleZh', 'titleEn', 'startDate', 'endDate', 'status'] as const;
const STATUSES = { program: ['active', 'closed'], project: ['active', 'accepted', 'terminated'] } as const;
const iso = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : null);

/** Creates or edits a program (计划) or a project (项目); codes are fixed once created. */
export function ProgramFormModal({ target, onClose }: { target: ProgramFormTarget | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const programs = usePrograms();
  const saveProgram = useSaveProgram();
  const saveProject = useSaveProject();
  const kind = target?.kind ?? 'program';
  const item = target?.item;

  const initialValues = useMemo<Partial<FormValues>>(() => {
    if (!target) return {};
    const programId = target.kind === 'project' ? (target.item?.programId ?? target.programId) : undefined;
    if (!item) return { programId };
    return {
      programId, code: item.code, titleZh: item.titleZh, titleEn: item.titleEn ?? '', status: item.status,
      startDate: item.startDate ? dayjs(item.startDate) : null, endDate: item.endDate ? dayjs(item.endDate) : null,
    };
  }, [target, item]);

  const onFinish = async (values: FormValues) => {
    const common = { titleZh: values.titleZh.trim(), titleEn: values.titleEn?.trim() || null, startDate: iso(values.startDate), endDate: iso(values.endDate) };
    try {
      if (kind === 'program') {
        await saveProgram.mutateAsync(item ? { id: item.id, input: { ...common, status: values.status } } : { input: { ...common, code: values.code.trim() } });
      } else {
        await saveProject.mutateAsync(
          item ? { id: item.id, input: { ...common, programId: values.programId, status: values.status } } : { input: { ...common, programId: values.programId, code: values.code.trim() } },
        );
      }
      message.success(t(item ? 'registry.programs.updated' : 'registry.programs.created'));
      onClose();
    } catch (error) {
      const rest = applyFieldErrors(form, error, { fields: FIELDS, codeFields: { 'registry.code_taken': 'code', 'registry.bad_code': 'code' } });
      if (rest) message.error(rest);
    }
  };

  const required = { required: true, whitespace: true, message: t('validation.required') };
  const title = t(`registry.programs.${item ? 'edit' : 'create'}_${kind}`);
  return (
    <Modal
      open={Boolean(target)}
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saveProgram.isPending || saveProject.isPending}
      destroyOnHidden
      width={620}
      okButtonProps={{ 'data-testid': 'program-save' } as Record<string, string>}
    >
      <Form<FormValues> form={form} layout="vertical" initialValues={initialValues} onFinish={onFinish} style={{ marginTop: 16 }}>
        {kind === 'project' && (
          <Form.Item name="programId" label={t('registry.fields.program')} rules={[{ required: true, message: t('validation.required') }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={(programs.data ?? []).map((p) => ({ value: p.id, label: `${p.code} ${i18n.language === 'en' && p.titleEn ? p.titleEn : p.titleZh}` }))}
            />
          </Form.Item>
        )}
        <Form.Item name="code" label={t('registry.fields.code')} extra={t('registry.codeHint')} rules={[required, { pattern: CODE_PATTERN, message: t('registry.codeInvalid') }]}>
          <Input disabled={Boolean(item)} style={{ fontFamily: 'monospace' }} data-testid="program-code" />
        </Form.Item>
        <Form.Item name="titleZh" label={t('registry.fields.titleZh')} rules={[required, { max: 300 }]}>
          <Input data-testid="program-title" />
        </Form.Item>
        <Form.Item name="titleEn" label={t('registry.fields.titleEn')} rules={[{ max: 300 }]}>
          <Input />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="startDate" label={t('registry.fields.startDate')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="endDate" label={t('registry.fields.endDate')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        {item && (
          <Form.Item name="status" label={t('registry.fields.status')}>
            <Radio.Group optionType="button" options={STATUSES[kind].map((value) => ({ value, label: t(`registry.programStatus.${value}`) }))} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
