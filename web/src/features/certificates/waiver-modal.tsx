import { App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors } from '../../components/form-errors';
import { localLabel } from '../standards/standard-types';
import type { CertificateLine } from './certificate-types';
import { useWaive } from './certificates-api';

interface FormValues {
  resourceType?: string;
  reason?: string;
}

/** The lines a platform may still waive: not fulfilled and not waived already. */
export function waivableLines(lines: readonly CertificateLine[]): CertificateLine[] {
  return lines.filter((line) => !line.fulfilled && !line.waiver);
}

/** Waives one unfulfilled resource type of the plan, with a reason that is kept and shown on the line. */
export function WaiverModal({ subjectId, lines, open, onClose }: { subjectId: string; lines: readonly CertificateLine[]; open: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const waive = useWaive(subjectId);
  const options = waivableLines(lines).map((line) => ({ value: line.resourceType, label: localLabel(line.typeLabel, i18n.language) }));

  const onOk = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    try {
      await waive.mutateAsync({ resourceType: values.resourceType ?? '', reason: (values.reason ?? '').trim() });
      message.success(t('certificates.waiver.done'));
      onClose();
    } catch (error) {
      const rest = applyFieldErrors(form, error, { fields: ['resourceType', 'reason'] });
      if (rest) message.error(rest);
    }
  };

  return (
    <Modal
      open={open}
      title={t('certificates.waiver.title')}
      okText={t('certificates.waiver.submit')}
      cancelText={t('common.cancel')}
      onOk={() => void onOk()}
      onCancel={onClose}
      confirmLoading={waive.isPending}
      okButtonProps={{ 'data-testid': 'waiver-submit' } as Record<string, string>}
      destroyOnHidden
    >
      <Form<FormValues> form={form} layout="vertical" preserve={false} initialValues={{ resourceType: options.length === 1 ? options[0]?.value : undefined }} data-testid="waiver-form">
        <Form.Item name="resourceType" label={t('certificates.waiver.type')} rules={[{ required: true, message: t('certificates.waiver.typeRequired') }]}>
          <Select options={options} placeholder={t('certificates.waiver.typePlaceholder')} data-testid="waiver-type" />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('certificates.waiver.reason')}
          extra={t('certificates.waiver.reasonHint')}
          rules={[{ required: true, whitespace: true, message: t('certificates.waiver.reasonRequired') }, { max: 1000, message: t('certificates.waiver.reasonTooLong') }]}
        >
          <Input.TextArea rows={4} maxLength={1000} showCount data-testid="waiver-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
