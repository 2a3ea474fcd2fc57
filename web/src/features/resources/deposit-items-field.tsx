import { Button, Col, Form, Input, InputNumber, Row } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

/** The lines of a shipment or a receipt: name, quantity, unit. */
export function DepositItemsField({ name = 'items', minItems = 1 }: { name?: string; minItems?: number }) {
  const { t } = useTranslation();
  const required = { required: true, message: t('validation.required') };
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <>
          {fields.map((field) => (
            <Row key={field.key} gutter={8} align="top">
              <Col flex="auto">
                <Form.Item name={[field.name, 'name']} rules={[required]} style={{ marginBottom: 8 }}>
                  <Input placeholder={t('resources.deposit.itemName')} data-testid="deposit-item-name" />
                </Form.Item>
              </Col>
              <Col flex="120px">
                <Form.Item name={[field.name, 'quantity']} rules={[required]} style={{ marginBottom: 8 }}>
                  <InputNumber min={0} style={{ width: '100%' }} placeholder={t('resources.deposit.quantity')} data-testid="deposit-item-quantity" />
                </Form.Item>
              </Col>
              <Col flex="100px">
                <Form.Item name={[field.name, 'unit']} rules={[required]} style={{ marginBottom: 8 }}>
                  <Input placeholder={t('resources.deposit.unit')} data-testid="deposit-item-unit" />
                </Form.Item>
              </Col>
              <Col flex="32px">
                <Button type="text" danger icon={<DeleteOutlined />} disabled={fields.length <= minItems} onClick={() => remove(field.name)} aria-label={t('resources.deposit.removeItem')} />
              </Col>
            </Row>
          ))}
          <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ name: '', quantity: null, unit: '' })} style={{ marginBottom: 16 }}>
            {t('resources.deposit.addItem')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
