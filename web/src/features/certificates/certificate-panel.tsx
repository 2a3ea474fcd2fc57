import { useState } from 'react';
import { Alert, App, Button, Card, Col, Descriptions, Flex, Row, Skeleton, Tooltip, Typography } from 'antd';
import { FilePdfOutlined, SafetyCertificateOutlined, StopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../registry/dates';
import { localLabel } from '../standards/standard-types';
import { CertificateLines } from './certificate-lines';
import type { CertificateLine, CertificateStatus, IssuedCertificate } from './certificate-types';
import { useCertificateStatus, useIssueCertificate } from './certificates-api';
import { WaiverModal, waivableLines } from './waiver-modal';

/** How many resources a line still lacks (0 when fulfilled or waived). */
const missingCount = (line: CertificateLine) => (line.fulfilled ? 0 : Math.max(0, line.planned - line.released));

/** Whether the subject's collection is complete, and if not, which lines are missing what. */
function CompletenessBanner({ status }: { status: CertificateStatus }) {
  const { t, i18n } = useTranslation();
  const missing = status.lines.filter((line) => !line.fulfilled);
  if (!status.planApproved) {
    return <Alert type="info" showIcon title={t('certificates.banner.noPlan')} data-testid="certificate-banner" data-complete="false" />;
  }
  if (status.complete) {
    return (
      <Alert
        type="success"
        showIcon
        title={status.certificate ? t('certificates.banner.issued') : t('certificates.banner.complete')}
        data-testid="certificate-banner"
        data-complete="true"
      />
    );
  }
  return (
    <Alert
      type="warning"
      showIcon
      title={t('certificates.banner.incomplete')}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="certificate-missing">
          {missing.map((line) => (
            <li key={line.resourceType}>
              {t('certificates.banner.missingLine', {
                type: localLabel(line.typeLabel, i18n.language),
                count: missingCount(line),
                released: line.released,
                planned: line.planned,
              })}
              {line.inReview > 0 && <Typography.Text type="secondary">{t('certificates.banner.inReview', { count: line.inReview })}</Typography.Text>}
            </li>
          ))}
        </ul>
      }
      data-testid="certificate-banner"
      data-complete="false"
    />
  );
}

/** An issued certificate: number, date, verification code and link, and the PDF. */
function IssuedCard({ certificate }: { certificate: IssuedCertificate }) {
  const { t, i18n } = useTranslation();
  const verifyPath = `/verify/${encodeURIComponent(certificate.code)}`;
  return (
    <Card
      size="small"
      title={
        <Flex align="center" gap={8}>
          <SafetyCertificateOutlined style={{ color: '#16a34a' }} />
          {t('certificates.issued.title')}
        </Flex>
      }
      extra={
        <Button type="primary" icon={<FilePdfOutlined />} href={certificate.pdfUrl} target="_blank" rel="noopener" data-testid="certificate-pdf">
          {t('certificates.issued.pdf')}
        </Button>
      }
      data-testid="certificate-issued"
    >
      <Descriptions column={1} size="small" styles={{ label: { width: 120 } }}>
        <Descriptions.Item label={t('certificates.issued.number')}>
          <Typography.Text strong data-testid="certificate-number">{certificate.number}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('certificates.issued.issuedAt')}>{formatDay(certificate.issuedAt, i18n.language)}</Descriptions.Item>
        <Descriptions.Item label={t('certificates.issued.code')}>
          <Typography.Text code copyable data-testid="certificate-code">{certificate.code}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('certificates.issued.verify')}>
          <Typography.Link href={verifyPath} target="_blank" rel="noopener" data-testid="certificate-verify-link">
            {certificate.verifyUrl || verifyPath}
          </Typography.Link>
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

/** The subject's 汇交凭证 tab: fulfilment per plan line, waivers, issuing the certificate and the issued one. */
export function CertificatePanel({ subjectId }: { subjectId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const status = useCertificateStatus(subjectId);
  const issue = useIssueCertificate(subjectId);
  const [waiving, setWaiving] = useState(false);

  if (status.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (status.isError) return <Alert type="error" showIcon title={status.error.message} data-testid="certificate-error" />;
  const s = status.data;
  const canWaive = s.can.waive && !s.certificate && waivableLines(s.lines).length > 0;
  // can.issue is "may issue now" (certifier and complete); a certifier (who may waive) sees the button, disabled until complete.
  const canIssue = (s.can.issue || s.can.waive) && !s.certificate;

  const onIssue = async () => {
    try {
      await issue.mutateAsync(undefined);
      message.success(t('certificates.issue.done'));
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <Flex vertical gap={16} data-testid="certificate-panel">
      <CompletenessBanner status={s} />
      <Row gutter={[16, 16]}>
        <Col xs={24}>
          <Card
            size="small"
            title={t('certificates.lines.title')}
            extra={
              <Flex gap={8}>
                {canWaive && (
                  <Button icon={<StopOutlined />} onClick={() => setWaiving(true)} data-testid="certificate-waive">
                    {t('certificates.waiver.button')}
                  </Button>
                )}
                {canIssue && (
                  <Tooltip title={s.complete ? undefined : t('certificates.issue.notComplete')}>
                    <Button
                      type="primary"
                      icon={<SafetyCertificateOutlined />}
                      disabled={!s.complete}
                      loading={issue.isPending}
                      onClick={() => void onIssue()}
                      data-testid="certificate-issue"
                    >
                      {t('certificates.issue.button')}
                    </Button>
                  </Tooltip>
                )}
              </Flex>
            }
          >
            <CertificateLines lines={s.lines} />
          </Card>
        </Col>
        {s.certificate && (
          <Col xs={24}>
            <IssuedCard certificate={s.certificate} />
          </Col>
        )}
      </Row>
      {s.can.waive && <WaiverModal subjectId={subjectId} lines={s.lines} open={waiving} onClose={() => setWaiving(false)} />}
    </Flex>
  );
}
