import { useState } from 'react';
import { App, Button, Card, Col, Form, Input, Modal, Popconfirm, Row, Space, Tag, Typography } from 'antd';
import { MailOutlined, UserAddOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors } from '../../components/form-errors';
import { ItemList } from '../../components/item-list';
import { RoleTag } from '../users/role-tag';
import { useDesignateSubmitter, useRevokeSubmitter, useSetPi } from './registry-api';
import type { Person, SubjectDetail } from './registry-types';

const PERSON_FIELDS = ['email', 'displayName'] as const;
const PERSON_CODES = { 'designation.duplicate': 'email' };

/** Email and name of a person to designate or appoint; new people get an invitation mail. */
function PersonFields({ prefix }: { prefix: string }) {
  const { t } = useTranslation();
  return (
    <Row gutter={12}>
      <Col xs={24} md={13}>
        <Form.Item name="email" label={t('registry.people.email')} rules={[{ required: true, message: t('validation.required') }, { type: 'email', message: t('validation.email') }]}>
          <Input prefix={<MailOutlined />} autoComplete="off" data-testid={`${prefix}-email`} />
        </Form.Item>
      </Col>
      <Col xs={24} md={11}>
        <Form.Item name="displayName" label={t('registry.people.name')} rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 100 }]}>
          <Input autoComplete="off" data-testid={`${prefix}-name`} />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** The PI's form to designate a submitter (汇交义务人). */
function DesignateForm({ subjectId }: { subjectId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Person>();
  const designate = useDesignateSubmitter(subjectId);
  const onFinish = async (values: Person) => {
    try {
      const person = await designate.mutateAsync({ email: values.email.trim(), displayName: values.displayName.trim() });
      message.success(person.activated ? t('registry.people.designated', { name: person.displayName }) : t('registry.people.invited', { name: person.displayName }));
      form.resetFields();
    } catch (error) {
      const rest = applyFieldErrors(form, error, { fields: PERSON_FIELDS, codeFields: PERSON_CODES });
      if (rest) message.error(rest);
    }
  };
  return (
    <Form<Person> form={form} layout="vertical" onFinish={onFinish} requiredMark={false} data-testid="designate-form">
      <Typography.Text strong style={{ display: 'block', margin: '8px 0 12px' }}>
        {t('registry.people.designateTitle')}
      </Typography.Text>
      <PersonFields prefix="designate" />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('registry.people.designateHint')}
      </Typography.Paragraph>
      <Button type="primary" htmlType="submit" icon={<UserAddOutlined />} loading={designate.isPending} data-testid="designate-submit">
        {t('registry.people.designate')}
      </Button>
    </Form>
  );
}

/** The registry managers appoint or replace the subject's PI. */
function PiModal({ subjectId, open, onClose }: { subjectId: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Person>();
  const setPi = useSetPi(subjectId);
  const onFinish = async (values: Person) => {
    try {
      await setPi.mutateAsync({ email: values.email.trim(), displayName: values.displayName.trim() });
      message.success(t('registry.people.piSet'));
      onClose();
    } catch (error) {
      const rest = applyFieldErrors(form, error, { fields: PERSON_FIELDS });
      if (rest) message.error(rest);
    }
  };
  return (
    <Modal open={open} title={t('registry.people.setPi')} onCancel={onClose} onOk={() => form.submit()} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={setPi.isPending} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('registry.people.setPiHint')}</Typography.Paragraph>
      <Form<Person> form={form} layout="vertical" onFinish={onFinish}>
        <PersonFields prefix="pi" />
      </Form>
    </Modal>
  );
}

/** The subject's PI and submitters; the PI designates and revokes submitters, managers appoint the PI. */
export function PeopleCard({ subject, canSetPi }: { subject: SubjectDetail; canSetPi: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const revoke = useRevokeSubmitter(subject.id);
  const [piOpen, setPiOpen] = useState(false);
  const people = [...subject.people].sort((a, b) => (a.role === b.role ? a.since.localeCompare(b.since) : a.role === 'pi' ? -1 : 1));

  const onRevoke = async (userId: string) => {
    try {
      await revoke.mutateAsync(userId);
      message.success(t('registry.people.revoked'));
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <Card
      title={t('registry.people.title')}
      extra={canSetPi && <Button size="small" icon={<UserSwitchOutlined />} onClick={() => setPiOpen(true)}>{t('registry.people.setPi')}</Button>}
    >
      <ItemList
        data-testid="subject-people"
        empty={t('registry.people.none')}
        items={people.map((person) => ({
          key: `${person.role}-${person.userId}`,
          title: (
            <Space size={8} wrap>
              <Typography.Text strong>{person.displayName}</Typography.Text>
              <RoleTag role={person.role} />
              {!person.activated && <Tag color="orange">{t('registry.people.pending')}</Tag>}
            </Space>
          ),
          description: person.email ?? person.username,
          extra:
            subject.can.designate && person.role === 'submitter' ? (
              <Popconfirm
                title={t('registry.people.revokeConfirm', { name: person.displayName })}
                okText={t('registry.people.revoke')}
                okButtonProps={{ danger: true }}
                cancelText={t('common.cancel')}
                onConfirm={() => onRevoke(person.userId)}
              >
                <Button type="link" danger size="small" data-testid={`revoke-${person.username}`}>
                  {t('registry.people.revoke')}
                </Button>
              </Popconfirm>
            ) : null,
        }))}
      />
      {subject.can.designate && <DesignateForm subjectId={subject.id} />}
      {canSetPi && <PiModal subjectId={subject.id} open={piOpen} onClose={() => setPiOpen(false)} />}
    </Card>
  );
}
