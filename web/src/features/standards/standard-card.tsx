import { Card, Flex, Table, Tag, Typography, theme } from 'antd';
import type { TableColumnsType } from 'antd';
import { BankOutlined, StarFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../components/format';
import type { StandardSummary, VersionSummary } from './standard-types';
import { UploadDocumentButton } from './upload-document';
import { VersionStatusTag } from './version-status-tag';

/** The version submitters use now: the newest approved one (versions come newest first). */
export function currentVersion(versions: readonly VersionSummary[]): VersionSummary | undefined {
  return versions.find((version) => version.status === 'approved');
}

/** One standard: its platform, the version in force, and every version the user may see. */
export function StandardCard({ standard }: { standard: StandardSummary }) {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const language = i18n.language;
  const current = currentVersion(standard.versions);
  const name = language === 'en' ? standard.nameEn : standard.nameZh;
  const platform = language === 'en' ? (standard.platformNameEn ?? standard.platformName) : standard.platformName;

  const columns: TableColumnsType<VersionSummary> = [
    {
      title: t('standards.version.version'),
      key: 'version',
      width: 220,
      render: (_, version) => (
        <Flex gap={8} align="center">
          <Link to={`/standards/versions/${version.id}`} data-testid={`version-link-${standard.domain}-${version.version}`}>
            <Typography.Text strong={version.id === current?.id} style={{ color: 'inherit' }}>
              v{version.version}
            </Typography.Text>
          </Link>
          {version.id === current?.id && (
            <Tag color="gold" icon={<StarFilled />} data-testid="current-version">
              {t('standards.version.current')}
            </Tag>
          )}
        </Flex>
      ),
    },
    { title: t('standards.version.status'), dataIndex: 'status', width: 120, render: (status: VersionSummary['status']) => <VersionStatusTag status={status} /> },
    {
      title: t('standards.version.reviewRound'),
      dataIndex: 'reviewRound',
      width: 110,
      responsive: ['md'],
      render: (round: number) => (round > 0 ? t('standards.version.rounds', { count: round }) : '—'),
    },
    { title: t('standards.version.approvedAt'), dataIndex: 'approvedAt', render: (value: string | null) => formatDateTime(value, language) },
    { title: t('standards.version.updatedAt'), dataIndex: 'updatedAt', responsive: ['lg'], render: (value: string | null) => formatDateTime(value, language) },
  ];

  return (
    <Card
      data-testid={`standard-${standard.domain}`}
      title={
        <Flex gap={10} align="center" wrap style={{ padding: '12px 0' }}>
          <Typography.Text strong style={{ fontSize: 16 }}>
            {name}
          </Typography.Text>
          <Typography.Text type="secondary" code style={{ fontSize: 12, fontWeight: 'normal' }}>
            {standard.domain}
          </Typography.Text>
        </Flex>
      }
      extra={standard.canManage && <UploadDocumentButton target={{ mode: 'new', standardId: standard.id }} label={t('standards.upload.newVersion')} />}
    >
      <Flex gap={24} wrap style={{ marginBottom: 12, color: token.colorTextSecondary }}>
        <span>
          <BankOutlined style={{ marginInlineEnd: 6 }} />
          {t('standards.platformLine', { name: platform ?? t('standards.noPlatform') })}
        </span>
        <span>
          {t('standards.version.inForce')}
          {current ? <Link to={`/standards/versions/${current.id}`}>v{current.version}</Link> : t('standards.version.noneInForce')}
        </span>
      </Flex>
      <Table<VersionSummary>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={standard.versions}
        pagination={false}
        onRow={(version) => (version.id === current?.id ? { style: { background: token.colorWarningBg } } : {})}
      />
    </Card>
  );
}
