import { useState } from 'react';
import { Alert, App, Button, Checkbox, Form, Input, InputNumber, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors } from '../../components/form-errors';
import { useCreateToken, type CreatedToken } from './tokens-api';

interface FormValues {
  name: string;
  expiresInDays: number;
  readOnly: boolean;
}

/** Creates an API token, then shows its secret once with a copy button. */
export function CreateTokenModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateToken();
  const [created, setCreated] = useState<CreatedToken | null>(null);

  const close = () => {
    setCreated(null);
    create.reset();
    onClose();
  };

  const onFinish = async (values: FormValues) => {
    try {
      setCreated(await create.mutateAsync({ ...values, name: values.name.trim() }));
    } catch (error) {
      const rest = applyFieldErrors(form, error, { fields: ['name', 'expiresInDays', 'readOnly'] });
      if (rest) message.error(rest);
    }
  };

  if (created) {
    return (
      <Modal
        open={open}
        title={t('tokens.createdTitle')}
        onCancel={close}
        maskClosable={false}
        footer={
          <Button type="primary" onClick={close} data-testid="token-done">
            {t('tokens.savedIt')}
          </Button>
        }
      >
        <Alert type="warning" showIcon title={t('tokens.showOnce')} style={{ marginBottom: 16 }} />
        <Typography.Paragraph
          copyable={{ text: created.token, tooltips: [t('common.copy'), t('common.copied')] }}
          code
          data-testid="token-secret"
          style={{ wordBreak: 'break-all', fontSize: 13 }}
        >
          {created.token}
        </Typography.Paragraph>
        <Typography.Text type="secondary">{t('tokens.usage')}</Typography.Text>
        <Typography.Paragraph code style={{ marginTop: 4 }}>
          Authorization: Bearer {created.prefix}…
        </Typography.Paragraph>
      </Modal>
    );
  }

  return (
    <Modal
      open={open}
      title={t('tokens.createTitle')}
      onCancel={close}
      onOk={() => form.submit()}
      okText={t('tokens.create')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ expiresInDays: 90, readOnly: true }}
        style={{ marginTop: 16 }}
      >
        <Form.Item
          name="name"
          label={t('tokens.name')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 100 }]}
          extra={t('tokens.nameHint')}
        >
          <Input data-testid="token-name" />
        </Form.Item>
        <Form.Item name="expiresInDays" label={t('tokens.expiresInDays')} rules={[{ required: true, message: t('validation.required') }]}>
          <InputNumber min={1} max={365} precision={0} suffix={t('tokens.days')} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="readOnly" valuePropName="checked" extra={t('tokens.readOnlyHint')}>
          <Checkbox>{t('tokens.readOnly')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
