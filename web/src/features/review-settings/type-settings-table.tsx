import { Checkbox, Form, Input, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { localLabel } from '../standards/standard-types';
import type { ReviewSettingsAnswer } from './review-settings-types';
import { cstrCodeProblem } from './settings-values';

type TypeRow = ReviewSettingsAnswer['resourceTypes'][number];
const cell = { style: { marginBottom: 0 } };

/** Per resource type: which review tiers are skipped (platform curation never is) and the CSTR type code. */
export function TypeSettingsTable({ types }: { types: ReviewSettingsAnswer['resourceTypes'] }) {
  const { t, i18n } = useTranslation();

  const columns: TableColumnsType<TypeRow> = [
    { title: t('reviewSettings.types.type'), key: 'type', render: (_, row) => localLabel(row.label, i18n.language) },
    {
      title: t('reviewSettings.types.skipUnit'),
      key: 'unit',
      width: 150,
      align: 'center',
      render: (_, row) => (
        <Form.Item {...cell} name={['skip', row.type, 'unit']} valuePropName="checked">
          <Checkbox aria-label={`${localLabel(row.label, i18n.language)}: ${t('reviewSettings.types.skipUnit')}`} data-testid={`skip-unit-${row.type}`} />
        </Form.Item>
      ),
    },
    {
      title: t('reviewSettings.types.platform'),
      key: 'platform',
      width: 150,
      align: 'center',
      render: () => <Typography.Text type="secondary">{t('reviewSettings.types.platformAlways')}</Typography.Text>,
    },
    {
      title: t('reviewSettings.types.skipExpert'),
      key: 'expert',
      width: 150,
      align: 'center',
      render: (_, row) => (
        <Form.Item {...cell} name={['skip', row.type, 'expert']} valuePropName="checked">
          <Checkbox aria-label={`${localLabel(row.label, i18n.language)}: ${t('reviewSettings.types.skipExpert')}`} data-testid={`skip-expert-${row.type}`} />
        </Form.Item>
      ),
    },
    {
      title: t('reviewSettings.types.cstrCode'),
      key: 'cstr',
      width: 150,
      render: (_, row) => (
        <Form.Item
          {...cell}
          name={['cstrTypeCodes', row.type]}
          rules={[{ validator: async (_rule, value?: string) => { const problem = cstrCodeProblem(value); if (problem) throw new Error(t(`reviewSettings.types.cstr_${problem}`)); } }]}
        >
          <Input maxLength={2} style={{ width: 72, fontFamily: 'monospace' }} data-testid={`cstr-code-${row.type}`} />
        </Form.Item>
      ),
    },
  ];

  return <Table<TypeRow> rowKey="type" size="small" columns={columns} dataSource={types} pagination={false} scroll={{ x: 720 }} data-testid="type-settings" />;
}
