import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Input, InputNumber, Modal, Skeleton, Tag, Timeline, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { formatDateTime } from '../../components/format';
import { applyFieldErrors } from '../../components/form-errors';
import { useFunding, useSaveFunding } from './supervision-api';
import { formatMoney } from './supervision-format';
import type { SubjectFunding } from './supervision-types';

interface FundingForm {
  amountSpent: number | null;
  note?: string;
}

/** 汇交经费 of a subject: budget, what was spent, the flag when money went out and nothing was released, and the reports. */
export function FundingCard({ subjectCode, canEdit }: { subjectCode: string; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const funding = useFunding(subjectCode);
  const [editing, setEditing] = useState(false);

  // Not everyone who sees a subject sees its money: a refusal hides the card rather than showing an error.
  if (funding.isError && funding.error instanceof ApiError && (funding.error.status === 403 || funding.error.status === 404)) return null;
  const f = funding.data;
  return (
    <Card
      size="small"
      title={t('supervision.funding.title')}
      data-testid="funding-card"
      extra={
        canEdit &&
        f && (
          <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="funding-edit">
            {t('supervision.funding.report')}
          </Button>
        )
      }
    >
      {funding.isPending && <Skeleton active paragraph={{ rows: 2 }} />}
      {funding.isError && <Alert type="error" showIcon title={funding.error.message} />}
      {f && (
        <>
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'budget', label: t('supervision.funding.budget'), children: <span data-testid="funding-budget">{formatMoney(f.budget, i18n.language)}</span> },
              {
                key: 'spent',
                label: t('supervision.funding.spent'),
                children: (
                  <span>
                    <span data-testid="funding-spent">{formatMoney(f.spent, i18n.language)}</span>
                    {f.flagged && (
                      <Tag color="error" style={{ marginInlineStart: 8 }} data-testid="funding-flag">
                        {t('supervision.funding.flagged')}
                      </Tag>
                    )}
                  </span>
                ),
              },
            ]}
          />
          {f.flagged && <Typography.Paragraph type="danger" style={{ fontSize: 12, marginBottom: 8 }}>{t('supervision.funding.flaggedHint')}</Typography.Paragraph>}
          {f.reports.length > 0 ? (
            <Timeline
              style={{ marginTop: 12 }}
              data-testid="funding-history"
              items={f.reports.map((report, index) => ({
                key: `${report.reportedAt}-${index}`,
                content: (
                  <div>
                    <div>
                      {t('supervision.funding.reportLine', { amount: formatMoney(report.amountSpent, i18n.language), by: report.reportedByName ?? '—' })}
                    </div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatDateTime(report.reportedAt, i18n.language)}
                      {report.note ? ` · ${report.note}` : ''}
                    </Typography.Text>
                  </div>
                ),
              }))}
            />
          ) : (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('supervision.funding.noReports')}
            </Typography.Text>
          )}
        </>
      )}
      {canEdit && f && <FundingModal open={editing} subjectCode={subjectCode} current={f} onClose={() => setEditing(false)} />}
    </Card>
  );
}

function FundingModal({ open, subjectCode, current, onClose }: { open: boolean; subjectCode: string; current: SubjectFunding; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FundingForm>();
  const save = useSaveFunding(subjectCode);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = (values: FundingForm) => {
    setProblem(null);
    const note = values.note?.trim();
    save.mutate(
      { amountSpent: Number(values.amountSpent), ...(note ? { note } : {}) },
      {
        onSuccess: () => {
          message.success(t('supervision.funding.saved'));
          onClose();
        },
        onError: (error) => setProblem(applyFieldErrors(form, error, { fields: ['amountSpent', 'note'], codeFields: { 'funding.bad_amount': 'amountSpent' } })),
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('supervision.funding.reportTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'funding-save' }}
      destroyOnHidden
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <Form<FundingForm> form={form} layout="vertical" initialValues={{ amountSpent: Number(current.spent), note: '' }} onFinish={submit} preserve={false} data-testid="funding-form">
        <Form.Item
          name="amountSpent"
          label={t('supervision.funding.amountSpent')}
          extra={t('supervision.funding.amountHint')}
          rules={[{ required: true, message: t('supervision.funding.amountRequired') }]}
        >
          <InputNumber<number> min={0} max={1e12} precision={2} step={1000} prefix="¥" style={{ width: '100%' }} data-testid="funding-amount" />
        </Form.Item>
        <Form.Item name="note" label={t('supervision.funding.note')}>
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="funding-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
