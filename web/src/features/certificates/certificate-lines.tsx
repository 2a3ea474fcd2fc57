import { Table, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../registry/dates';
import { localLabel } from '../standards/standard-types';
import type { CertificateLine } from './certificate-types';

/** Planned vs released per resource type, with what is in review, waivers, and whether the line is fulfilled. */
export function CertificateLines({ lines }: { lines: readonly CertificateLine[] }) {
  const { t, i18n } = useTranslation();
  const columns: TableColumnsType<CertificateLine> = [
    {
      title: t('certificates.lines.type'),
      key: 'type',
      render: (_, line) => <span data-testid={`certificate-line-${line.resourceType}`}>{localLabel(line.typeLabel, i18n.language)}</span>,
    },
    { title: t('certificates.lines.planned'), dataIndex: 'planned', width: 100, align: 'right' },
    { title: t('certificates.lines.released'), dataIndex: 'released', width: 100, align: 'right' },
    {
      title: t('certificates.lines.inReview'),
      dataIndex: 'inReview',
      width: 100,
      align: 'right',
      render: (count: number) => (count > 0 ? count : <Typography.Text type="secondary">0</Typography.Text>),
    },
    {
      title: t('certificates.lines.waiver'),
      key: 'waiver',
      onCell: () => ({ style: { minWidth: 200 } }),
      render: (_, line) =>
        line.waiver ? (
          <div data-testid={`certificate-waiver-${line.resourceType}`}>
            <Typography.Text>{line.waiver.reason}</Typography.Text>
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {t('certificates.lines.waivedBy', { name: line.waiver.byName ?? t('certificates.lines.someone'), date: formatDay(line.waiver.at, i18n.language) })}
            </Typography.Text>
          </div>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      title: t('certificates.lines.fulfilled'),
      key: 'fulfilled',
      width: 90,
      align: 'center',
      render: (_, line) => {
        const label = line.fulfilled ? t('certificates.lines.yes') : t('certificates.lines.no');
        return (
          <Tooltip title={label}>
            <span role="img" aria-label={label} data-testid={`certificate-fulfilled-${line.resourceType}`} data-fulfilled={String(line.fulfilled)}>
              {line.fulfilled ? <CheckCircleFilled style={{ color: '#16a34a', fontSize: 16 }} /> : <CloseCircleFilled style={{ color: '#dc2626', fontSize: 16 }} />}
            </span>
          </Tooltip>
        );
      },
    },
  ];
  return (
    <Table<CertificateLine>
      rowKey="resourceType"
      size="middle"
      columns={columns}
      dataSource={[...lines]}
      pagination={false}
      scroll={{ x: 720 }}
      locale={{ emptyText: t('certificates.lines.empty') }}
      data-testid="certificate-lines"
    />
  );
}
