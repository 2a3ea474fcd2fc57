import { App, Checkbox, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors } from '../../components/form-errors';
import { localLabel } from '../standards/standard-types';
import { useApply } from './portal-api';
import type { PortalResource } from './portal-types';

interface FormValues {
  purpose?: string;
  intendedUse?: string;
  agreementAccepted?: boolean;
}

/** Applies for access to a resource in application mode: purpose, intended use, and the data use agreement, which must be accepted. */
export function ApplyModal({ resource, open, onClose }: { resource: PortalResource; open: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const apply = useApply(resource.id);
  const agreement = localLabel(resource.access.agreement, i18n.language);

  const onOk = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    try {
      await apply.mutateAsync({ purpose: (values.purpose ?? '').trim(), intendedUse: (values.intendedUse ?? '').trim(), agreementAccepted: true });
      message.success(t('portal.apply.sent'));
      onClose();
    } catch (error) {
      const rest = applyFieldErrors(form, error, { fields: ['purpose', 'intendedUse', 'agreementAccepted'] });
      if (rest) message.error(rest);
    }
  };

  return (
    <Modal
      open={open}
      title={t('portal.apply.title')}
      okText={t('portal.apply.submit')}
      cancelText={t('common.cancel')}
      onOk={() => void onOk()}
      onCancel={onClose}
      confirmLoading={apply.isPending}
      okButtonProps={{ 'data-testid': 'apply-submit' } as Record<string, string>}
      width={640}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('portal.apply.intro', { title: resource.titleZh })}</Typography.Paragraph>
      <Form<FormValues> form={form} layout="vertical" preserve={false} data-testid="apply-form">
        <Form.Item
          name="purpose"
          label={t('portal.apply.purpose')}
          rules={[{ required: true, whitespace: true, message: t('portal.apply.purposeRequired') }, { min: 4, message: t('portal.apply.tooShort') }, { max: 2000 }]}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount placeholder={t('portal.apply.purposePlaceholder')} data-testid="apply-purpose" />
        </Form.Item>
        <Form.Item
          name="intendedUse"
          label={t('portal.apply.intendedUse')}
          rules={[{ required: true, whitespace: true, message: t('portal.apply.intendedUseRequired') }, { min: 4, message: t('portal.apply.tooShort') }, { max: 2000 }]}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount placeholder={t('portal.apply.intendedUsePlaceholder')} data-testid="apply-intended-use" />
        </Form.Item>
        <Typography.Text strong>{t('portal.apply.agreement')}</Typography.Text>
        <div
          data-testid="apply-agreement-text"
          style={{ maxHeight: 200, overflowY: 'auto', whiteSpace: 'pre-wrap', background: '#f8fafc', border: '1px solid #e5e7eb', borderRadius: 6, padding: '10px 12px', margin: '6px 0 12px', fontSize: 13 }}
        >
          {agreement || t('portal.apply.noAgreement')}
        </div>
        <Form.Item
          name="agreementAccepted"
          valuePropName="checked"
          rules={[{ validator: async (_rule, value?: boolean) => { if (!value) throw new Error(t('portal.apply.agreementRequired')); } }]}
        >
          <Checkbox data-testid="apply-agree">{t('portal.apply.agree')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
