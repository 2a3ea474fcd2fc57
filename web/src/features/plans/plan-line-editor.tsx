import { useMemo, useState } from 'react';
import { App, Badge, Button, DatePicker, Flex, Form, Input, InputNumber, Popconfirm, Select, Table, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { FormListFieldData } from 'antd/es/form/FormList';
import { DeleteOutlined, MessageOutlined, PlusOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../registry/dates';
import {
  applyLineErrors, blankLine, countProblem, DATE_FORMAT, dueDateProblem, MAX_COUNT, MAX_LINES, toEditable, toLineInputs, typeLabel,
  type EditableLine,
} from './plan-lines';
import { SHARING_MODES, type Plan, type PlanVersion } from './plan-types';
import { useCreatePlan, useSaveLines, useSubmitPlan } from './plans-api';

interface FormValues {
  lines: EditableLine[];
}

export interface PlanLineEditorProps {
  subjectId: string;
  plan: Plan;
  /** The draft or returned version being edited; null while the subject has no plan yet. */
  version: PlanVersion | null;
  /** Open comment threads per line position, shown beside the line. */
  commentCounts?: ReadonlyMap<number, number>;
  onOpenThread?: (position: number) => void;
}

/** Edits the lines of a draft or returned plan: add and remove lines, check them, save, submit. */
export function PlanLineEditor({ subjectId, plan, version, commentCounts, onOpenThread }: PlanLineEditorProps) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [dirty, setDirty] = useState(false);
  const create = useCreatePlan(subjectId);
  const save = useSaveLines(subjectId);
  const submit = useSubmitPlan(subjectId);
  const busy = create.isPending || save.isPending || submit.isPending;

  const initialValues = useMemo<FormValues>(
    () => ({ lines: version && version.lines.length > 0 ? toEditable(version.lines) : [blankLine(plan.defaultDueDate)] }),
    [version, plan.defaultDueDate],
  );
  const typeOptions = plan.allowedTypes.map((option) => ({ value: option.type, label: typeLabel(plan.allowedTypes, option.type, i18n.language) }));
  const sharingOptions = SHARING_MODES.map((mode) => ({ value: mode, label: t(`plans.sharingModes.${mode}`) }));
  const acceptance = plan.acceptanceDate ? dayjs(plan.acceptanceDate, DATE_FORMAT) : null;

  /** Validates and saves; returns the id of the saved version, or null when something was refused. */
  const persist = async (): Promise<string | null> => {
    let values: FormValues;
    try {
      values = await form.validateFields();
    } catch {
      message.warning(t('plans.editor.fixErrors'));
      return null;
    }
    const lines = toLineInputs(values.lines);
    try {
      if (!version) {
        const created = await create.mutateAsync(lines);
        setDirty(false);
        return created.working?.id ?? null;
      }
      if (dirty) await save.mutateAsync({ versionId: version.id, lines });
      setDirty(false);
      return version.id;
    } catch (error) {
      const rest = applyLineErrors(form, error);
      if (rest) message.error(rest);
      return null;
    }
  };

  const onSave = async () => {
    if (await persist()) message.success(t('plans.editor.saved'));
  };

  const onSubmit = async () => {
    const versionId = await persist();
    if (!versionId) return;
    try {
      await submit.mutateAsync(versionId);
      message.success(t('plans.editor.submitted'));
    } catch (error) {
      const rest = applyLineErrors(form, error);
      if (rest) message.error(rest);
    }
  };

  const cell = { style: { marginBottom: 0 } };
  const columns = (remove: (index: number) => void, count: number): TableColumnsType<FormListFieldData> => [
    { title: '#', key: 'position', width: 44, render: (_, field) => <Typography.Text type="secondary">{field.name + 1}</Typography.Text> },
    {
      title: t('plans.fields.resourceType'),
      key: 'resourceType',
      width: 170,
      render: (_, field) => (
        <Form.Item {...cell} name={[field.name, 'resourceType']} rules={[{ required: true, message: t('plans.editor.typeRequired') }]}>
          <Select options={typeOptions} placeholder={t('plans.editor.typePlaceholder')} data-testid={`plan-line-type-${field.name}`} />
        </Form.Item>
      ),
    },
    {
      title: t('plans.fields.plannedCount'),
      key: 'plannedCount',
      width: 130,
      render: (_, field) => (
        <Form.Item
          {...cell}
          name={[field.name, 'plannedCount']}
          rules={[{ validator: async (_rule, value) => { const problem = countProblem(value); if (problem) throw new Error(t(`plans.editor.count_${problem}`, { max: MAX_COUNT.toLocaleString() })); } }]}
        >
          <InputNumber min={1} max={MAX_COUNT} precision={0} style={{ width: '100%' }} data-testid={`plan-line-count-${field.name}`} />
        </Form.Item>
      ),
    },
    {
      title: t('plans.fields.dueDate'),
      key: 'dueDate',
      width: 160,
      render: (_, field) => (
        <Form.Item
          {...cell}
          name={[field.name, 'dueDate']}
          rules={[{ validator: async (_rule, value) => { const problem = dueDateProblem(value, plan.acceptanceDate); if (problem) throw new Error(t(`plans.editor.due_${problem}`, { date: formatDay(plan.acceptanceDate, i18n.language) })); } }]}
        >
          <DatePicker
            style={{ width: '100%' }}
            format={DATE_FORMAT}
            disabledDate={(day) => Boolean(acceptance && day.isAfter(acceptance, 'day'))}
            data-testid={`plan-line-due-${field.name}`}
          />
        </Form.Item>
      ),
    },
    {
      title: t('plans.fields.sharingMode'),
      key: 'sharingMode',
      width: 150,
      render: (_, field) => (
        <Form.Item {...cell} name={[field.name, 'sharingMode']} rules={[{ required: true, message: t('plans.editor.sharingRequired') }]}>
          <Select options={sharingOptions} placeholder={t('plans.editor.sharingPlaceholder')} data-testid={`plan-line-sharing-${field.name}`} />
        </Form.Item>
      ),
    },
    {
      title: t('plans.fields.notes'),
      key: 'notes',
      render: (_, field) => (
        <Form.Item {...cell} name={[field.name, 'notes']} rules={[{ max: 1000, message: t('plans.editor.notesTooLong') }]}>
          <Input placeholder={t('plans.editor.notesPlaceholder')} data-testid={`plan-line-notes-${field.name}`} />
        </Form.Item>
      ),
    },
    {
      key: 'actions',
      width: 84,
      render: (_, field) => {
        const threads = commentCounts?.get(field.name + 1) ?? 0;
        return (
          <Flex gap={2} justify="flex-end">
            {threads > 0 && (
              <Tooltip title={t('plans.comments.lineThreads', { count: threads })}>
                <Button type="text" size="small" aria-label={t('plans.comments.lineThreads', { count: threads })} onClick={() => onOpenThread?.(field.name + 1)}>
                  <Badge count={threads} size="small" color="orange" offset={[4, -2]}>
                    <MessageOutlined style={{ color: '#d97706' }} />
                  </Badge>
                </Button>
              </Tooltip>
            )}
            <Tooltip title={t('plans.editor.removeLine')}>
              <Button
                type="text"
                size="small"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('plans.editor.removeLine')}
                disabled={count <= 1}
                onClick={() => { remove(field.name); setDirty(true); }}
                data-testid={`plan-line-remove-${field.name}`}
              />
            </Tooltip>
          </Flex>
        );
      },
    },
  ];

  return (
    <Form<FormValues> form={form} initialValues={initialValues} onValuesChange={() => setDirty(true)} data-testid="plan-editor">
      <Form.List
        name="lines"
        rules={[{ validator: async (_rule, lines?: EditableLine[]) => { if (!lines || lines.length === 0) throw new Error(t('plans.editor.atLeastOne')); } }]}
      >
        {(fields, { add, remove }, { errors }) => (
          <>
            <Table<FormListFieldData> rowKey="key" size="middle" columns={columns(remove, fields.length)} dataSource={fields} pagination={false} scroll={{ x: 900 }} />
            <Form.ErrorList errors={errors} />
            <Button
              type="dashed"
              block
              icon={<PlusOutlined />}
              style={{ marginTop: 12 }}
              disabled={fields.length >= MAX_LINES}
              onClick={() => { add(blankLine(plan.defaultDueDate)); setDirty(true); }}
              data-testid="plan-add-line"
            >
              {t('plans.editor.addLine')}
            </Button>
          </>
        )}
      </Form.List>
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginTop: 16 }}>
        <Typography.Text type="secondary">
          {plan.acceptanceDate ? t('plans.editor.acceptanceHint', { date: formatDay(plan.acceptanceDate, i18n.language) }) : t('plans.editor.noAcceptance')}
        </Typography.Text>
        <Flex gap={8}>
          <Button icon={<SaveOutlined />} onClick={onSave} loading={create.isPending || save.isPending} disabled={busy || (Boolean(version) && !dirty)} data-testid="plan-save">
            {t('plans.editor.save')}
          </Button>
          <Popconfirm
            title={t('plans.editor.submitConfirm')}
            description={t('plans.editor.submitHint')}
            okText={t('plans.editor.submit')}
            cancelText={t('common.cancel')}
            onConfirm={onSubmit}
            okButtonProps={{ 'data-testid': 'plan-submit-confirm' } as Record<string, string>}
          >
            <Button type="primary" icon={<SendOutlined />} loading={submit.isPending} disabled={busy} data-testid="plan-submit">
              {t('plans.editor.submit')}
            </Button>
          </Popconfirm>
        </Flex>
      </Flex>
    </Form>
  );
}
