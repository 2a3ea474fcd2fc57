import { Button, Flex, Form, Input, Table, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { FormListFieldData } from 'antd/es/form/FormList';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { RUBRIC_SIZE, rubricKeyProblem, type SettingsFormValues } from './settings-values';

const cell = { style: { marginBottom: 0 } };

/** The expert rubric: 1–10 criteria, each a key and a Chinese and English label; add, remove, reorder. */
export function RubricEditor() {
  const { t } = useTranslation();

  const columns = (
    count: number,
    remove: (index: number) => void,
    move: (from: number, to: number) => void,
  ): TableColumnsType<FormListFieldData> => [
    { title: '#', key: 'position', width: 44, render: (_, field) => <Typography.Text type="secondary">{field.name + 1}</Typography.Text> },
    {
      title: t('reviewSettings.rubric.key'),
      key: 'key',
      width: 200,
      render: (_, field) => (
        <Form.Item
          {...cell}
          name={[field.name, 'key']}
          rules={[
            ({ getFieldValue }) => ({
              validator: async (_rule, value?: string) => {
                const keys = ((getFieldValue('rubric') ?? []) as SettingsFormValues['rubric']).map((criterion) => criterion?.key);
                const problem = rubricKeyProblem(value, keys);
                if (problem) throw new Error(t(`reviewSettings.rubric.key_${problem}`));
              },
            }),
          ]}
        >
          <Input style={{ fontFamily: 'monospace' }} maxLength={40} placeholder="quality" data-testid={`rubric-key-${field.name}`} />
        </Form.Item>
      ),
    },
    {
      title: t('reviewSettings.rubric.labelZh'),
      key: 'labelZh',
      render: (_, field) => (
        <Form.Item {...cell} name={[field.name, 'label', 'zh']} rules={[{ required: true, whitespace: true, message: t('reviewSettings.rubric.labelRequired') }]}>
          <Input maxLength={100} data-testid={`rubric-label-zh-${field.name}`} />
        </Form.Item>
      ),
    },
    {
      title: t('reviewSettings.rubric.labelEn'),
      key: 'labelEn',
      render: (_, field) => (
        <Form.Item {...cell} name={[field.name, 'label', 'en']} rules={[{ required: true, whitespace: true, message: t('reviewSettings.rubric.labelRequired') }]}>
          <Input maxLength={100} data-testid={`rubric-label-en-${field.name}`} />
        </Form.Item>
      ),
    },
    {
      key: 'actions',
      width: 112,
      render: (_, field) => (
        <Flex gap={2} justify="flex-end">
          <Tooltip title={t('reviewSettings.rubric.up')}>
            <Button type="text" size="small" icon={<ArrowUpOutlined />} aria-label={t('reviewSettings.rubric.up')} disabled={field.name === 0} onClick={() => move(field.name, field.name - 1)} data-testid={`rubric-up-${field.name}`} />
          </Tooltip>
          <Tooltip title={t('reviewSettings.rubric.down')}>
            <Button type="text" size="small" icon={<ArrowDownOutlined />} aria-label={t('reviewSettings.rubric.down')} disabled={field.name === count - 1} onClick={() => move(field.name, field.name + 1)} data-testid={`rubric-down-${field.name}`} />
          </Tooltip>
          <Tooltip title={t('reviewSettings.rubric.remove')}>
            <Button
              type="text"
              size="small"
              danger
              icon={<DeleteOutlined />}
              aria-label={t('reviewSettings.rubric.remove')}
              disabled={count <= RUBRIC_SIZE.min}
              onClick={() => remove(field.name)}
              data-testid={`rubric-remove-${field.name}`}
            />
          </Tooltip>
        </Flex>
      ),
    },
  ];

  return (
    <Form.List
      name="rubric"
      rules={[
        {
          validator: async (_rule, rows?: unknown[]) => {
            const count = rows?.length ?? 0;
            if (count < RUBRIC_SIZE.min || count > RUBRIC_SIZE.max) throw new Error(t('reviewSettings.rubric.size', RUBRIC_SIZE));
          },
        },
      ]}
    >
      {(fields, { add, remove, move }, { errors }) => (
        <div data-testid="rubric-editor">
          <Table<FormListFieldData> rowKey="key" size="small" columns={columns(fields.length, remove, move)} dataSource={fields} pagination={false} scroll={{ x: 720 }} />
          <Form.ErrorList errors={errors} />
          <Button
            type="dashed"
            block
            icon={<PlusOutlined />}
            style={{ marginTop: 12 }}
            disabled={fields.length >= RUBRIC_SIZE.max}
            onClick={() => add({ key: '', label: { zh: '', en: '' } })}
            data-testid="rubric-add"
          >
            {t('reviewSettings.rubric.add', { max: RUBRIC_SIZE.max })}
          </Button>
        </div>
      )}
    </Form.List>
  );
}
