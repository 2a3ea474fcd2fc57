import { App, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors } from '../../components/form-errors';
import { useAmendPlan } from './plans-api';

/** Opens an amendment of the approved plan; the approved plan stays in force until the amendment is approved. */
export function AmendModal({ subjectId, open, onClose }: { subjectId: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const amend = useAmendPlan(subjectId);

  const onFinish = async ({ reason }: { reason: string }) => {
    try {
      await amend.mutateAsync(reason.trim());
      message.success(t('plans.amend.opened'));
      onClose();
    } catch (error) {
      const rest = applyFieldErrors(form, error, { fields: ['reason'] });
      if (rest) message.error(rest);
    }
  };

  return (
    <Modal
      open={open}
      title={t('plans.amend.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('plans.amend.open')}
      cancelText={t('common.cancel')}
      confirmLoading={amend.isPending}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'amend-confirm' } as Record<string, string>}
    >
      <Typography.Paragraph type="secondary">{t('plans.amend.intro')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item
          name="reason"
          label={t('plans.amend.reason')}
          rules={[
            { required: true, whitespace: true, message: t('plans.amend.reasonRequired') },
            { min: 2, message: t('plans.amend.reasonRequired') },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} showCount data-testid="amend-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
