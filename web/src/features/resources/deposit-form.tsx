import { useState } from 'react';
import { Alert, App, AutoComplete, Button, Card, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import { PlusOutlined, SendOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { localName } from '../../components/format';
import { applyFieldErrors } from '../../components/form-errors';
import { useOrgs } from '../orgs/orgs-api';
import type { DepositItem } from './resource-types';
import { useRecordDeposit } from './resources-api';
import { DepositItemsField } from './deposit-items-field';

interface DepositValues {
  repositoryOrgId: string;
  items: DepositItem[];
  shippingMethod: string;
  trackingNumber?: string;
  sentDate: Dayjs;
}

const SHIPPING_METHODS = ['coldChain', 'dryIce', 'courier', 'handDelivery'] as const;

/**
 * The submitter records a shipment of physical items to a repository (required before a physical
 * resource can be submitted). Once one is recorded, a further shipment starts from a button.
 */
export function DepositForm({ resourceId, collapsed = false }: { resourceId: string; collapsed?: boolean }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<DepositValues>();
  const repositories = useOrgs({ kind: 'repository' });
  const record = useRecordDeposit(resourceId);
  const [opened, setOpened] = useState(false);

  const onFinish = async (values: DepositValues) => {
    try {
      await record.mutateAsync({
        repositoryOrgId: values.repositoryOrgId,
        items: values.items.map((item) => ({ name: item.name.trim(), quantity: Number(item.quantity), unit: item.unit.trim() })),
        shippingMethod: values.shippingMethod.trim(),
        trackingNumber: values.trackingNumber?.trim() || null,
        sentDate: values.sentDate.format('YYYY-MM-DD'),
      });
      message.success(t('resources.deposit.recorded'));
      form.resetFields();
      setOpened(false);
    } catch (error) {
      const rest = applyFieldErrors(form, error, { fields: ['repositoryOrgId', 'items', 'shippingMethod', 'trackingNumber', 'sentDate'] });
      if (rest) message.error(rest);
    }
  };

  const options = (repositories.data ?? []).map((org) => ({ value: org.id, label: localName(org, i18n.language) }));
  const required = { required: true, message: t('validation.required') };
  if (collapsed && !opened) {
    return (
      <Button icon={<PlusOutlined />} onClick={() => setOpened(true)} data-testid="deposit-another" style={{ alignSelf: 'flex-start' }}>
        {t('resources.deposit.another')}
      </Button>
    );
  }
  return (
    <Card size="small" title={t('resources.deposit.formTitle')} data-testid="deposit-form">
      {!repositories.isPending && options.length === 0 && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('resources.deposit.noRepositories')} data-testid="deposit-no-repositories" />
      )}
      <Form<DepositValues>
        form={form}
        layout="vertical"
        onFinish={(values) => void onFinish(values)}
        initialValues={{ items: [{ name: '', quantity: null, unit: '' }], sentDate: dayjs() }}
      >
        <Form.Item name="repositoryOrgId" label={t('resources.deposit.repository')} rules={[required]}>
          <Select options={options} loading={repositories.isPending} showSearch optionFilterProp="label" data-testid="deposit-repository" />
        </Form.Item>
        <Form.Item label={t('resources.deposit.items')} required style={{ marginBottom: 0 }}>
          <DepositItemsField />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="shippingMethod" label={t('resources.deposit.shippingMethod')} rules={[required]}>
              <AutoComplete options={SHIPPING_METHODS.map((key) => ({ value: t(`resources.deposit.methods.${key}`) }))} data-testid="deposit-shipping" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="trackingNumber" label={t('resources.deposit.trackingNumber')}>
              <Input data-testid="deposit-tracking" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="sentDate" label={t('resources.deposit.sentDate')} rules={[required]}>
              <DatePicker style={{ width: '100%' }} data-testid="deposit-sent-date" />
            </Form.Item>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" icon={<SendOutlined />} loading={record.isPending} data-testid="deposit-save">
          {t('resources.deposit.record')}
        </Button>
      </Form>
    </Card>
  );
}
