import { App, Button, DatePicker, Flex, Form, Input, Select, Typography } from 'antd';
import { RocketOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors } from '../../components/form-errors';
import { licenceLabel, sharingModeLabel } from './review-labels';
import { LICENCES, SHARING_MODES, type ExpertAssignment, type ReleaseInput, type SharingMode } from './review-types';
import { useRelease } from './reviews-api';

interface ReleaseValues {
  sharingMode?: SharingMode;
  embargoEnd?: Dayjs | null;
  embargoReason?: string;
  licence?: string;
}

/** An embargo may run 12 months from today; a later end needs a stated reason. */
export function needsEmbargoReason(end: Dayjs | null | undefined, today: Dayjs = dayjs()): boolean {
  return Boolean(end && end.isAfter(today.add(12, 'month'), 'day'));
}

export function releaseInput(values: ReleaseValues): ReleaseInput {
  const sharingMode = values.sharingMode ?? 'open';
  const input: ReleaseInput = { sharingMode, licence: values.licence ?? '' };
  if (sharingMode !== 'embargo' || !values.embargoEnd) return input;
  input.embargoEnd = values.embargoEnd.format('YYYY-MM-DD');
  if (needsEmbargoReason(values.embargoEnd)) input.embargoReason = values.embargoReason?.trim();
  return input;
}

/** The sharing mode most experts recommended, as the form's starting point. */
function recommendedMode(experts: readonly ExpertAssignment[]): SharingMode {
  const counts = new Map<SharingMode, number>();
  for (const expert of experts) {
    const mode = SHARING_MODES.find((m) => m === expert.sharingMode);
    if (expert.submittedAt && mode) counts.set(mode, (counts.get(mode) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'open';
}

/** The platform admin releases an approved resource: sharing mode, embargo end (and reason past 12 months), licence. A CSTR is minted. */
export function ReleaseForm({ resourceId, experts }: { resourceId: string; experts: readonly ExpertAssignment[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReleaseValues>();
  const release = useRelease(resourceId);
  const sharingMode = Form.useWatch('sharingMode', form);
  const embargoEnd = Form.useWatch('embargoEnd', form);
  const embargo = sharingMode === 'embargo';
  const askReason = embargo && needsEmbargoReason(embargoEnd);

  const onFinish = async (values: ReleaseValues) => {
    try {
      const detail = await release.mutateAsync(releaseInput(values));
      message.success(t('reviews.release.released', { cstr: detail.release?.cstr ?? '' }));
    } catch (error) {
      const rest = applyFieldErrors(form, error, { fields: ['sharingMode', 'embargoEnd', 'embargoReason', 'licence'] });
      if (rest) message.error(rest);
    }
  };

  return (
    <Form<ReleaseValues> form={form} layout="vertical" onFinish={onFinish} initialValues={{ sharingMode: recommendedMode(experts) }} data-testid="release-form">
      <Typography.Paragraph type="secondary">{t('reviews.release.intro')}</Typography.Paragraph>
      <Flex gap={16} wrap>
        <Form.Item name="sharingMode" label={t('reviews.release.sharingMode')} rules={[{ required: true, message: t('reviews.release.sharingModeRequired') }]} style={{ minWidth: 220 }}>
          <Select options={SHARING_MODES.map((mode) => ({ value: mode, label: sharingModeLabel(mode, t) }))} data-testid="release-sharing-mode" />
        </Form.Item>
        {embargo && (
          <Form.Item
            name="embargoEnd"
            label={t('reviews.release.embargoEnd')}
            extra={t('reviews.release.embargoHint')}
            rules={[
              { required: true, message: t('reviews.release.embargoEndRequired') },
              { validator: (_, value: Dayjs | null | undefined) => (!value || value.isAfter(dayjs(), 'day') ? Promise.resolve() : Promise.reject(new Error(t('reviews.release.embargoEndFuture')))) },
            ]}
          >
            <DatePicker style={{ width: 200 }} disabledDate={(day) => !day.isAfter(dayjs(), 'day')} data-testid="release-embargo-end" />
          </Form.Item>
        )}
        <Form.Item name="licence" label={t('reviews.release.licence')} rules={[{ required: true, message: t('reviews.release.licenceRequired') }]} style={{ minWidth: 260 }}>
          <Select options={LICENCES.map((licence) => ({ value: licence.code, label: licenceLabel(licence.code, t) }))} placeholder={t('reviews.release.licencePick')} data-testid="release-licence" />
        </Form.Item>
      </Flex>
      {askReason && (
        <Form.Item name="embargoReason" label={t('reviews.release.embargoReason')} rules={[{ required: true, whitespace: true, message: t('reviews.release.embargoReasonRequired') }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} placeholder={t('reviews.release.embargoReasonPlaceholder')} data-testid="release-embargo-reason" />
        </Form.Item>
      )}
      <Flex justify="flex-end">
        <Button type="primary" htmlType="submit" icon={<RocketOutlined />} loading={release.isPending} data-testid="release-submit">
          {t('reviews.release.submit')}
        </Button>
      </Flex>
    </Form>
  );
}
