import { Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from './audit-api';

function Json({ value }: { value: unknown }) {
  if (value === null || value === undefined) {
    return (
      <div>
        <Typography.Text type="secondary">—</Typography.Text>
      </div>
    );
  }
  return (
    <pre
      style={{
        margin: 0,
        padding: 12,
        background: '#f6f8fa',
        border: '1px solid #eaeef2',
        borderRadius: 6,
        fontSize: 12,
        lineHeight: 1.5,
        maxHeight: 360,
        overflow: 'auto',
        whiteSpace: 'pre-wrap',
        wordBreak: 'break-all',
      }}
    >
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}

/** The before/after state of an audited change, side by side, plus the entry's provenance. */
export function AuditChange({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  return (
    <div style={{ padding: '4px 8px' }}>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Typography.Text strong>{t('audit.before')}</Typography.Text>
          <Json value={entry.before} />
        </Col>
        <Col xs={24} md={12}>
          <Typography.Text strong>{t('audit.after')}</Typography.Text>
          <Json value={entry.after} />
        </Col>
      </Row>
      <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0', fontSize: 12 }}>
        {t('audit.requestId')}: <Typography.Text code>{entry.requestId ?? '—'}</Typography.Text>
        {'  ·  '}
        {t('audit.hash')}: <Typography.Text code copyable>{entry.hash}</Typography.Text>
      </Typography.Paragraph>
    </div>
  );
}
