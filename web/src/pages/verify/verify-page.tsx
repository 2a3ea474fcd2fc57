import { useEffect } from 'react';
import { Alert, Button, Card, Descriptions, Flex, Form, Input, Result, Skeleton, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { SafetyCertificateOutlined, SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { Brand } from '../../components/app-layout';
import { LanguageSwitch } from '../../components/language-switch';
import type { Verification } from '../../features/certificates/certificate-types';
import { useVerification } from '../../features/certificates/certificates-api';
import { formatDay } from '../../features/registry/dates';
import { localLabel } from '../../features/standards/standard-types';

type VerifiedLine = Verification['lines'][number];

/** Types a verification code and opens its page. */
function CodeForm({ initial }: { initial?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ code: string }>();
  useEffect(() => form.setFieldsValue({ code: initial ?? '' }), [form, initial]);
  return (
    <Form<{ code: string }>
      form={form}
      layout="inline"
      style={{ rowGap: 8 }}
      initialValues={{ code: initial ?? '' }}
      onFinish={({ code }) => navigate(`/verify/${encodeURIComponent(code.trim())}`)}
      data-testid="verify-form"
    >
      <Form.Item name="code" style={{ flex: 1, minWidth: 240 }} rules={[{ required: true, whitespace: true, message: t('certificates.verify.codeRequired') }]}>
        <Input placeholder={t('certificates.verify.codePlaceholder')} style={{ fontFamily: 'monospace' }} maxLength={100} data-testid="verify-code" />
      </Form.Item>
      <Form.Item style={{ marginInlineEnd: 0 }}>
        <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="verify-submit">
          {t('certificates.verify.check')}
        </Button>
      </Form.Item>
    </Form>
  );
}

/** What a valid certificate attests: subject, people, platform, date and the delivered resources with their CSTRs. */
function VerifiedCertificate({ certificate }: { certificate: Verification }) {
  const { t, i18n } = useTranslation();
  const units = Array.isArray(certificate.units) ? certificate.units.join(t('common.listSeparator')) : certificate.units;
  const columns: TableColumnsType<VerifiedLine> = [
    {
      title: t('certificates.lines.type'),
      key: 'type',
      width: 160,
      render: (_, line) => (typeof line.typeLabel === 'string' ? line.typeLabel : localLabel(line.typeLabel, i18n.language)),
    },
    { title: t('certificates.verify.count'), dataIndex: 'count', width: 90, align: 'right' },
    {
      title: 'CSTR',
      key: 'cstrs',
      render: (_, line) =>
        line.cstrs.length === 0 ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          <Flex wrap gap={4}>
            {line.cstrs.map((cstr) => (
              <Tag key={cstr} style={{ fontFamily: 'monospace', marginInlineEnd: 0 }}>
                {cstr}
              </Tag>
            ))}
          </Flex>
        ),
    },
  ];
  return (
    <div data-testid="verify-valid">
      <Result
        status="success"
        icon={<SafetyCertificateOutlined />}
        title={t('certificates.verify.valid')}
        subTitle={t('certificates.verify.validHint')}
        style={{ padding: '16px 0 24px' }}
      />
      <Descriptions bordered column={1} size="small" styles={{ label: { width: 160 } }}>
        <Descriptions.Item label={t('certificates.issued.number')}>
          <Typography.Text strong data-testid="verify-number">{certificate.number}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('certificates.verify.subjectCode')}>
          <Typography.Text style={{ fontFamily: 'monospace' }}>{certificate.subjectCode}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('certificates.verify.subjectTitle')}>{certificate.subjectTitle}</Descriptions.Item>
        <Descriptions.Item label={t('certificates.verify.pi')}>{certificate.piName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('certificates.verify.units')}>{units || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('certificates.verify.platform')}>{certificate.platformName}</Descriptions.Item>
        <Descriptions.Item label={t('certificates.issued.issuedAt')}>{formatDay(certificate.issuedAt, i18n.language)}</Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('certificates.verify.delivered')}
      </Typography.Title>
      <Table<VerifiedLine> rowKey="resourceType" size="small" columns={columns} dataSource={certificate.lines} pagination={false} data-testid="verify-lines" />
    </div>
  );
}

function VerifyResult({ code }: { code: string }) {
  const { t } = useTranslation();
  const verification = useVerification(code);
  if (verification.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (verification.isError) {
    const error = verification.error;
    if (error instanceof ApiError && (error.status === 404 || error.status === 400)) {
      return (
        <div data-testid="verify-invalid">
          <Result status="error" title={t('certificates.verify.invalid')} subTitle={t('certificates.verify.invalidHint', { code })} />
        </div>
      );
    }
    return <Alert type="error" showIcon title={t('certificates.verify.failed')} description={error.message} data-testid="verify-error" />;
  }
  return <VerifiedCertificate certificate={verification.data} />;
}

/** /verify and /verify/:code (no login): checks that a collection certificate (汇交凭证) is genuine. */
export function VerifyPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  return (
    <Flex vertical style={{ minHeight: '100vh', background: '#f5f7fb' }}>
      <Flex justify="space-between" align="center" style={{ padding: '0 32px' }}>
        <Brand dark={false} />
        <LanguageSwitch />
      </Flex>
      <Flex flex={1} justify="center" style={{ padding: 24 }}>
        <Card style={{ width: '100%', maxWidth: 880, alignSelf: 'flex-start', boxShadow: '0 12px 40px rgba(15, 23, 42, 0.06)' }} styles={{ body: { padding: 32 } }}>
          <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }}>
            {t('certificates.verify.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('certificates.verify.subtitle')}</Typography.Paragraph>
          <CodeForm initial={code} />
          {code && (
            <div style={{ marginTop: 24 }}>
              <VerifyResult code={code} />
            </div>
          )}
        </Card>
      </Flex>
      <Typography.Text type="secondary" style={{ textAlign: 'center', padding: 20, fontSize: 12 }}>
        {t('app.footer')}
      </Typography.Text>
    </Flex>
  );
}
