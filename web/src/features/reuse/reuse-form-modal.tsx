import { App, Form, Input, Modal, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors } from '../../components/form-errors';
import { useReportReuse } from './reuse-api';
import { bareDoi, DOI_PATTERN, isHttpUrl, reuseInput, type ReuseFormValues } from './reuse-form';
import { REUSE_KINDS, type ReuseReport } from './reuse-types';

const FIELDS = ['kind', 'description', 'citation', 'doi', 'url'];

/** Reports a citation of the resource or a benefit of its use; the platform reviews it before it counts. */
export function ReuseFormModal({ resourceId, resourceTitle, open, onClose, onReported }: {
  resourceId: string;
  resourceTitle: string;
  open: boolean;
  onClose: () => void;
  onReported: (report: ReuseReport) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReuseFormValues>();
  const report = useReportReuse(resourceId);
  const kind = Form.useWatch('kind', form);

  const onOk = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    try {
      onReported(await report.mutateAsync(reuseInput(values)));
      onClose();
    } catch (error) {
      const rest = applyFieldErrors(form, error, { fields: FIELDS });
      if (rest) message.error(rest);
    }
  };

  return (
    <Modal
      open={open}
      title={t('reuse.form.title')}
      okText={t('reuse.form.submit')}
      cancelText={t('common.cancel')}
      onOk={() => void onOk()}
      onCancel={onClose}
      confirmLoading={report.isPending}
      okButtonProps={{ 'data-testid': 'reuse-submit' } as Record<string, string>}
      width={640}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('reuse.form.intro', { title: resourceTitle })}</Typography.Paragraph>
      <Form<ReuseFormValues> form={form} layout="vertical" preserve={false} initialValues={{ kind: 'citation' }} data-testid="reuse-form">
        <Form.Item name="kind" label={t('reuse.form.kind')} rules={[{ required: true, message: t('validation.required') }]}>
          <Radio.Group data-testid="reuse-kind">
            {REUSE_KINDS.map((value) => (
              <Radio key={value} value={value} data-testid={`reuse-kind-${value}`}>
                {t(`reuse.form.kinds.${value}`)}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="description"
          label={kind === 'benefit' ? t('reuse.form.benefit') : t('reuse.form.description')}
          rules={[{ required: true, whitespace: true, message: t('reuse.form.descriptionRequired') }, { max: 2000, message: t('reuse.form.tooLong', { max: 2000 }) }]}
        >
          <Input.TextArea
            rows={4}
            maxLength={2000}
            showCount
            placeholder={kind === 'benefit' ? t('reuse.form.benefitPlaceholder') : t('reuse.form.descriptionPlaceholder')}
            data-testid="reuse-description"
          />
        </Form.Item>
        <Form.Item name="citation" label={t('reuse.form.citation')} rules={[{ max: 1000, message: t('reuse.form.tooLong', { max: 1000 }) }]}>
          <Input.TextArea rows={2} maxLength={1000} placeholder={t('reuse.form.citationPlaceholder')} data-testid="reuse-citation" />
        </Form.Item>
        <Form.Item
          name="doi"
          label="DOI"
          extra={t('reuse.form.doiHint')}
          rules={[
            { validator: async (_rule, value?: string) => { if (value?.trim() && !DOI_PATTERN.test(bareDoi(value))) throw new Error(t('reuse.form.doiInvalid')); } },
            { max: 300, message: t('reuse.form.tooLong', { max: 300 }) },
          ]}
        >
          <Input placeholder="10.1234/abcd.5678" data-testid="reuse-doi" />
        </Form.Item>
        <Form.Item
          name="url"
          label={t('reuse.form.url')}
          rules={[
            { max: 2000, message: t('reuse.form.tooLong', { max: 2000 }) },
            { validator: async (_rule, value?: string) => { if (value?.trim() && !isHttpUrl(value.trim())) throw new Error(t('reuse.form.urlInvalid')); } },
          ]}
        >
          <Input placeholder="https://" data-testid="reuse-url" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
