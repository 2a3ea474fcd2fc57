import { useEffect } from 'react';
import { App, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors } from '../../components/form-errors';
import { DepositItemsField } from './deposit-items-field';
import { itemsText } from './deposit-list';
import type { DepositItem, InboxItem, ReceiptInput } from './resource-types';
import { useConfirmReceipt } from './resources-api';

interface ReceiptValues {
  outcome: ReceiptInput['outcome'];
  items: DepositItem[];
  condition: string;
  accessionNumbers: string[];
  note?: string;
}

/** The repository confirms what arrived (items, condition, accession numbers) or reports a discrepancy. */
export function ReceiptModal({ deposit, onClose }: { deposit: InboxItem | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReceiptValues>();
  const confirm = useConfirmReceipt();
  const outcome = Form.useWatch('outcome', form);

  useEffect(() => {
    if (deposit) form.setFieldsValue({ outcome: 'received', items: deposit.items.map((item) => ({ ...item })), condition: '', accessionNumbers: [], note: '' });
  }, [deposit, form]);

  const onOk = async () => {
    if (!deposit) return;
    const values = await form.validateFields();
    try {
      await confirm.mutateAsync({
        depositId: deposit.id,
        input: {
          outcome: values.outcome,
          items: values.items.map((item) => ({ name: item.name.trim(), quantity: Number(item.quantity), unit: item.unit.trim() })),
          condition: values.condition.trim(),
          accessionNumbers: values.accessionNumbers.map((number) => number.trim()).filter(Boolean),
          note: values.note?.trim() || null,
        },
      });
      message.success(t(values.outcome === 'received' ? 'resources.inbox.confirmed' : 'resources.inbox.reported'));
      onClose();
    } catch (error) {
      const rest = applyFieldErrors(form, error, { fields: ['items', 'condition', 'accessionNumbers', 'note'] });
      if (rest) message.error(rest);
    }
  };

  const required = { required: true, message: t('validation.required') };
  return (
    <Modal
      open={deposit !== null}
      title={t('resources.inbox.receiptTitle')}
      okText={t('resources.inbox.save')}
      okButtonProps={{ danger: outcome === 'discrepancy', 'data-testid': 'receipt-save' }}
      confirmLoading={confirm.isPending}
      onOk={() => void onOk()}
      onCancel={onClose}
      width={640}
      forceRender
    >
      {deposit && (
        <Typography.Paragraph type="secondary">
          {deposit.subjectCode} · {deposit.resourceTitle || t('resources.untitled')} · {t('resources.inbox.sentItems', { items: itemsText(deposit.items) })}
        </Typography.Paragraph>
      )}
      <Form<ReceiptValues> form={form} layout="vertical">
        <Form.Item name="outcome" label={t('resources.inbox.outcome')} rules={[required]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: 'received', label: t('resources.inbox.outcomeReceived') },
              { value: 'discrepancy', label: t('resources.inbox.outcomeDiscrepancy') },
            ]}
          />
        </Form.Item>
        <Form.Item label={t('resources.inbox.receivedItems')} style={{ marginBottom: 0 }} required>
          <DepositItemsField />
        </Form.Item>
        <Form.Item name="condition" label={t('resources.deposit.condition')} rules={[required]}>
          <Input.TextArea rows={2} placeholder={t('resources.inbox.conditionPlaceholder')} data-testid="receipt-condition" />
        </Form.Item>
        <Form.Item name="accessionNumbers" label={t('resources.deposit.accessionNumbers')} rules={outcome === 'received' ? [required] : []}>
          <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '，', ';', '；', ' ']} placeholder={t('resources.inbox.accessionPlaceholder')} data-testid="receipt-accessions" />
        </Form.Item>
        <Form.Item name="note" label={t('resources.deposit.note')} rules={outcome === 'discrepancy' ? [required] : []}>
          <Input.TextArea rows={2} data-testid="receipt-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
