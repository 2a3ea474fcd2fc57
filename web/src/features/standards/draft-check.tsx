import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Empty, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { VersionDetail } from './standard-types';

interface RevalidationRow {
  resourceId: string;
  subjectCode: string;
  resourceType: string;
  titleZh: string;
  status: string;
  currentVersion: string;
  typeCollected: boolean;
  problems: Array<{ path: string; label: string; message: string }>;
}

/**
 * Before moving submitters to this version: which of the platform's unsubmitted resources would
 * break under it, and how (checked by the server against this version's schemas).
 */
export function DraftCheck({ version }: { version: VersionDetail }) {
  const { t } = useTranslation();
  const check = useMutation({
    mutationFn: () => api.post<{ items: RevalidationRow[] }>(`/api/standard-versions/${encodeURIComponent(version.id)}/revalidate`).then((r) => r.items),
  });
  const rows = check.data ?? [];
  const broken = rows.filter((r) => !r.typeCollected || r.problems.length > 0).length;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>{t('standards.draftCheck.intro', { version: version.version })}</Typography.Paragraph>
      <Button type="primary" onClick={() => check.mutate()} loading={check.isPending} data-testid="draft-check">{t('standards.draftCheck.run')}</Button>
      {check.error && <Alert type="error" showIcon message={(check.error as Error).message} />}
      {check.isSuccess && (rows.length === 0 ? <Empty description={t('standards.draftCheck.none')} /> : (
        <>
          <Alert type={broken ? 'warning' : 'success'} showIcon message={t('standards.draftCheck.summary', { total: rows.length, broken })} />
          <Table<RevalidationRow>
            rowKey="resourceId"
            size="small"
            dataSource={rows}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            columns={[
              { title: t('standards.draftCheck.subject'), dataIndex: 'subjectCode', width: 150 },
              { title: t('standards.draftCheck.resource'), dataIndex: 'titleZh', render: (title: string) => title || t('standards.draftCheck.untitled') },
              { title: t('standards.draftCheck.type'), dataIndex: 'resourceType', width: 130 },
              { title: t('standards.draftCheck.current'), dataIndex: 'currentVersion', width: 110, render: (v: string) => `v${v}` },
              {
                title: t('standards.draftCheck.result'),
                render: (_: unknown, row) => !row.typeCollected
                  ? <Tag color="red">{t('standards.draftCheck.typeDropped')}</Tag>
                  : row.problems.length === 0
                    ? <Tag color="green">{t('standards.draftCheck.ok')}</Tag>
                    : <Space direction="vertical" size={0}>{row.problems.map((p) => <Typography.Text key={`${p.path}${p.message}`} type="danger">{p.message}</Typography.Text>)}</Space>,
              },
            ]}
          />
        </>
      ))}
    </Space>
  );
}
