import { useState } from 'react';
import { Alert, App, Descriptions, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../registry/dates';
import { useDecideReuse } from './reuse-api';
import { ReuseKindTag, ReuseLinks } from './reuse-item';
import type { ReuseReport } from './reuse-types';

export type ReuseDecision = 'accept' | 'reject';

/** Accepts (it then counts for the subject's evaluation) or rejects a reuse report, with an optional note the reporter is mailed. */
export function ReuseDecisionModal({ report, decision, onClose }: { report: ReuseReport | null; decision: ReuseDecision; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note?: string }>();
  const decide = useDecideReuse();
  const [failure, setFailure] = useState<string | null>(null);
  const accept = decision === 'accept';

  const close = () => {
    setFailure(null);
    decide.reset();
    onClose();
  };

  const onOk = async () => {
    if (!report) return;
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const note = values.note?.trim();
    try {
      await decide.mutateAsync({ id: report.id, decision, ...(note ? { note } : {}) });
      message.success(accept ? t('reuse.inbox.accepted') : t('reuse.inbox.rejected'));
      close();
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <Modal
      open={report !== null}
      title={accept ? t('reuse.inbox.acceptTitle') : t('reuse.inbox.rejectTitle')}
      okText={accept ? t('reuse.inbox.accept') : t('reuse.inbox.reject')}
      okButtonProps={{ danger: !accept, ...({ 'data-testid': 'reuse-decision-submit' } as Record<string, string>) }}
      cancelText={t('common.cancel')}
      onOk={() => void onOk()}
      onCancel={close}
      confirmLoading={decide.isPending}
      width={620}
      destroyOnHidden
    >
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} data-testid="reuse-decision-error" />}
      {report && (
        <Descriptions
          size="small"
          column={1}
          bordered
          style={{ marginBottom: 16 }}
          styles={{ label: { width: 100 } }}
          items={[
            { key: 'resource', label: t('reuse.inbox.resource'), children: `${report.resourceTitle}${report.cstr ? ` (${report.cstr})` : ''}` },
            { key: 'kind', label: t('reuse.inbox.kind'), children: <ReuseKindTag kind={report.kind} /> },
            { key: 'description', label: t('reuse.inbox.description'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{report.description}</span> },
            ...(report.citation ? [{ key: 'citation', label: t('reuse.form.citation'), children: report.citation }] : []),
            ...(report.doi || report.url ? [{ key: 'links', label: t('reuse.inbox.links'), children: <ReuseLinks report={report} /> }] : []),
            { key: 'reporter', label: t('reuse.inbox.reporter'), children: `${report.reportedByName} · ${formatDay(report.reportedAt, i18n.language)}` },
          ]}
        />
      )}
      <Form form={form} layout="vertical" preserve={false} data-testid="reuse-decision-form">
        <Form.Item name="note" label={t('reuse.inbox.note')} extra={t('reuse.inbox.noteHint')} rules={[{ max: 500, message: t('reuse.form.tooLong', { max: 500 }) }]}>
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="reuse-decision-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
