import { useState } from 'react';
import { Button, Form, Modal, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format';
import type { RuleSetVersion } from './evaluation-types';
import { RuleFields } from './rule-fields';

/** Every version of the rules, newest first; each can be opened read-only. */
export function RuleVersions({ versions, current }: { versions: RuleSetVersion[]; current: number }) {
  const { t, i18n } = useTranslation();
  const [viewing, setViewing] = useState<RuleSetVersion | null>(null);
  const columns: TableColumnsType<RuleSetVersion> = [
    {
      title: t('evaluation.versions.version'),
      dataIndex: 'version',
      width: 140,
      render: (version: number) => (
        <>
          {t('evaluation.run.version', { version })} {version === current && <Tag color="blue">{t('evaluation.versions.current')}</Tag>}
        </>
      ),
    },
    { title: t('evaluation.versions.note'), dataIndex: 'note', render: (note: string | null) => note ?? '—' },
    { title: t('evaluation.versions.by'), dataIndex: 'createdByName', width: 120, render: (name: string | null) => name ?? t('evaluation.versions.system') },
    { title: t('evaluation.versions.at'), dataIndex: 'createdAt', width: 180, render: (at: string) => formatDateTime(at, i18n.language) },
    {
      title: '',
      key: 'view',
      width: 80,
      render: (_, version) => (
        <Button type="link" size="small" onClick={() => setViewing(version)} data-testid={`rules-version-view-${version.version}`}>
          {t('evaluation.versions.view')}
        </Button>
      ),
    },
  ];
  return (
    <>
      <Table<RuleSetVersion> rowKey="version" size="small" columns={columns} dataSource={versions} pagination={{ pageSize: 10, hideOnSinglePage: true }} data-testid="rules-versions" />
      <Modal
        open={viewing !== null}
        onCancel={() => setViewing(null)}
        footer={null}
        width={1000}
        title={viewing && t('evaluation.versions.viewTitle', { version: viewing.version })}
        destroyOnHidden
      >
        {viewing && (
          <Form key={viewing.version} layout="vertical" disabled initialValues={viewing.rules} data-testid="rules-version-view">
            <RuleFields />
          </Form>
        )}
      </Modal>
    </>
  );
}
