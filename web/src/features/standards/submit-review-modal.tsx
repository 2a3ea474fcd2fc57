import type { ButtonProps } from 'antd';
import { App, Alert, Checkbox, Empty, Form, Modal, Radio, Skeleton, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors } from '../../components/form-errors';
import { useExperts, useSubmitForReview } from './standards-api';
import type { Quorum, VersionDetail } from './standard-types';

interface FormValues {
  expertIds: string[];
  quorum: Quorum;
}

/** Sends a draft to the platform's expert committee: which experts, and how many must approve. */
export function SubmitReviewModal({ version, open, onClose }: { version: VersionDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const experts = useExperts(version.id, open);
  const submit = useSubmitForReview();

  const onFinish = async (values: FormValues) => {
    try {
      await submit.mutateAsync({ versionId: version.id, expertIds: values.expertIds, quorum: values.quorum });
      message.success(t('standards.submit.done', { count: values.expertIds.length }));
      onClose();
    } catch (error) {
      const rest = applyFieldErrors(form, error, { fields: ['expertIds', 'quorum'], codeFields: { 'standard.not_an_expert': 'expertIds' } });
      if (rest) message.error(rest);
    }
  };

  const list = experts.data ?? [];
  return (
    <Modal
      open={open}
      title={t('standards.submit.title', { version: version.version })}
      okText={t('standards.submit.ok')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={submit.isPending}
      okButtonProps={{ disabled: list.length === 0, 'data-testid': 'submit-review-ok' } as ButtonProps}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('standards.submit.hint')}</Typography.Paragraph>
      {experts.isLoading && <Skeleton active paragraph={{ rows: 3 }} />}
      {experts.isError && <Alert type="error" showIcon title={experts.error.message} />}
      {experts.isSuccess && list.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('standards.submit.noExperts')} />}
      {list.length > 0 && (
        <Form<FormValues> form={form} layout="vertical" onFinish={onFinish} initialValues={{ quorum: 'majority', expertIds: [] }}>
          <Form.Item
            name="expertIds"
            label={t('standards.submit.experts')}
            rules={[{ required: true, type: 'array', min: 1, message: t('standards.submit.expertsRequired') }]}
          >
            <Checkbox.Group data-testid="submit-experts">
              <Space orientation="vertical">
                {list.map((expert) => (
                  <Checkbox key={expert.id} value={expert.id}>
                    {expert.displayName}{' '}
                    <Typography.Text type="secondary">({expert.username})</Typography.Text>
                  </Checkbox>
                ))}
              </Space>
            </Checkbox.Group>
          </Form.Item>
          <Form.Item name="quorum" label={t('standards.submit.quorum')}>
            <Radio.Group>
              <Space orientation="vertical">
                <Radio value="majority">
                  {t('standards.quorum.majority')} <Typography.Text type="secondary">— {t('standards.submit.majorityHint')}</Typography.Text>
                </Radio>
                <Radio value="all">
                  {t('standards.quorum.all')} <Typography.Text type="secondary">— {t('standards.submit.allHint')}</Typography.Text>
                </Radio>
              </Space>
            </Radio.Group>
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
