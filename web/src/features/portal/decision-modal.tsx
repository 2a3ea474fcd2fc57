import { App, DatePicker, Descriptions, Form, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors } from '../../components/form-errors';
import { formatDateTime } from '../../components/format';
import { useDecideApplication } from './portal-api';
import type { Application } from './portal-types';

interface FormValues {
  expiresAt?: Dayjs | null;
  reason?: string;
}

/** Approves an application until a date (12 months from today unless changed), or rejects it with a reason the applicant sees. */
export function DecisionModal({ application, decision, onClose }: { application: Application | null; decision: 'approve' | 'reject'; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const decide = useDecideApplication();
  const approve = decision === 'approve';

  const onOk = async () => {
    if (!application) return;
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const reason = values.reason?.trim();
    try {
      await decide.mutateAsync(
        approve
          ? { id: application.id, decision: 'approve', expiresAt: (values.expiresAt ?? dayjs().add(12, 'month')).format('YYYY-MM-DD'), ...(reason ? { reason } : {}) }
          : { id: application.id, decision: 'reject', reason: reason ?? '' },
      );
      message.success(approve ? t('portal.inbox.approved') : t('portal.inbox.rejected'));
      onClose();
    } catch (error) {
      const rest = applyFieldErrors(form, error, { fields: ['expiresAt', 'reason'] });
      if (rest) message.error(rest);
    }
  };

  return (
    <Modal
      open={application !== null}
      title={approve ? t('portal.inbox.approveTitle') : t('portal.inbox.rejectTitle')}
      okText={approve ? t('portal.inbox.approve') : t('portal.inbox.reject')}
      okButtonProps={{ danger: !approve, ...({ 'data-testid': 'decision-submit' } as Record<string, string>) }}
      cancelText={t('common.cancel')}
      onOk={() => void onOk()}
      onCancel={onClose}
      confirmLoading={decide.isPending}
      destroyOnHidden
    >
      {application && (
        <Descriptions
          size="small"
          column={1}
          bordered
          style={{ marginBottom: 16 }}
          styles={{ label: { width: 110 } }}
          items={[
            { key: 'resource', label: t('portal.applications.resource'), children: application.resourceTitle },
            { key: 'applicant', label: t('portal.inbox.applicant'), children: `${application.applicant.displayName}${application.applicant.email ? ` <${application.applicant.email}>` : ''}` },
            { key: 'purpose', label: t('portal.apply.purpose'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{application.purpose}</span> },
            { key: 'use', label: t('portal.apply.intendedUse'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{application.intendedUse}</span> },
            { key: 'created', label: t('portal.applications.createdAt'), children: formatDateTime(application.createdAt, i18n.language) },
          ]}
        />
      )}
      <Form<FormValues> form={form} layout="vertical" preserve={false} initialValues={{ expiresAt: dayjs().add(12, 'month') }} data-testid="decision-form">
        {approve && (
          <Form.Item name="expiresAt" label={t('portal.inbox.expiresAt')} extra={t('portal.inbox.expiresAtHint')} rules={[{ required: true, message: t('validation.required') }]}>
            <DatePicker allowClear={false} disabledDate={(day) => day.isBefore(dayjs().add(1, 'day'), 'day') || day.isAfter(dayjs().add(3, 'year'), 'day')} style={{ width: 200 }} data-testid="decision-expires" />
          </Form.Item>
        )}
        <Form.Item
          name="reason"
          label={approve ? t('portal.inbox.note') : t('portal.inbox.reason')}
          rules={approve ? [{ max: 2000 }] : [{ required: true, whitespace: true, message: t('portal.inbox.reasonRequired') }, { max: 2000 }]}
        >
          <Input.TextArea rows={3} maxLength={2000} placeholder={approve ? t('portal.inbox.notePlaceholder') : t('portal.inbox.reasonPlaceholder')} data-testid="decision-reason" />
        </Form.Item>
        {!approve && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('portal.inbox.reasonHint')}
          </Typography.Text>
        )}
      </Form>
    </Modal>
  );
}
