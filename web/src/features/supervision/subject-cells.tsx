import { Flex, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useTypeLabel } from '../resources/type-label';
import { formatMoney } from './supervision-format';
import type { InReview, SubjectRow } from './supervision-types';

/** What a subject is late with, as red tags: 逾期：计划审核 / 资源审核 / 科学数据 … */
export function OverdueTags({ items }: { items: string[] }) {
  const { t } = useTranslation();
  const typeLabel = useTypeLabel();
  if (items.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  const what = (item: string) => {
    if (item === 'plan_review') return t('supervision.overdue.planReview');
    if (item === 'resource_review') return t('supervision.overdue.resourceReview');
    return item.startsWith('line:') ? typeLabel(item.slice('line:'.length)) : item;
  };
  return (
    <Flex gap={4} wrap>
      {items.map((item) => (
        <Tag key={item} color="error" style={{ marginInlineEnd: 0 }} data-testid={`overdue-${item}`}>
          {t('supervision.overdue.tag', { what: what(item) })}
        </Tag>
      ))}
    </Flex>
  );
}

/** Resources waiting at each review tier; only the tiers with something waiting. */
export function InReviewCell({ inReview }: { inReview: InReview }) {
  const { t } = useTranslation();
  const tiers = (['unit', 'platform', 'expert'] as const).filter((tier) => inReview[tier] > 0);
  if (tiers.length === 0) return <Typography.Text type="secondary">0</Typography.Text>;
  return (
    <Flex vertical gap={0}>
      {tiers.map((tier) => (
        <span key={tier} style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
          {t('supervision.inReviewAt', { tier: t(`supervision.tiers.${tier}`), count: inReview[tier] })}
        </span>
      ))}
    </Flex>
  );
}

export function DaysToAcceptance({ days }: { days: number | null }) {
  const { t } = useTranslation();
  if (days === null) return <Typography.Text type="secondary">—</Typography.Text>;
  if (days < 0) return <Typography.Text type="danger">{t('supervision.acceptance.passed', { count: -days })}</Typography.Text>;
  return <Typography.Text type={days <= 90 ? 'warning' : undefined}>{t('supervision.acceptance.in', { count: days })}</Typography.Text>;
}

const CERTIFICATE_COLORS = { issued: 'success', eligible: 'processing', missing: 'default' } as const;

export function CertificateCell({ certificate }: { certificate: SubjectRow['certificate'] }) {
  const { t } = useTranslation();
  const tag = (
    <Tag color={CERTIFICATE_COLORS[certificate.status]} style={{ marginInlineEnd: 0 }}>
      {t(`supervision.certificate.${certificate.status}`)}
    </Tag>
  );
  return certificate.code ? <Tooltip title={certificate.code}>{tag}</Tooltip> : tag;
}

/** Spent / budget, with a red flag when money was spent and nothing released. */
export function FundingCell({ funding }: { funding: SubjectRow['funding'] }) {
  const { t, i18n } = useTranslation();
  return (
    <Flex vertical gap={2}>
      <span style={{ whiteSpace: 'nowrap', fontSize: 12 }}>
        {formatMoney(funding.spent, i18n.language)} / {formatMoney(funding.budget, i18n.language)}
      </span>
      {funding.flagged && (
        <Tooltip title={t('supervision.funding.flaggedHint')}>
          <Tag color="error" style={{ marginInlineEnd: 0, width: 'fit-content' }} data-testid="funding-flag">
            {t('supervision.funding.flagged')}
          </Tag>
        </Tooltip>
      )}
    </Flex>
  );
}
