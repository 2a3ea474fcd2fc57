import { Badge, Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime, localName } from '../../components/format';
import { ItemList } from '../../components/item-list';
import { useMyReviews } from './standards-api';
import { VersionStatusTag } from './version-status-tag';

/** An expert's standard review assignments, open ones first (the API sorts them). */
export function MyReviewsCard({ enabled }: { enabled: boolean }) {
  const { t, i18n } = useTranslation();
  const reviews = useMyReviews(enabled);
  if (!enabled || (reviews.isSuccess && reviews.data.length === 0)) return null;
  const open = reviews.data?.filter((review) => review.open).length ?? 0;

  return (
    <Card
      data-testid="my-reviews"
      style={{ marginBottom: 16 }}
      title={
        <Flex gap={8} align="center">
          {t('standards.myReviews.title')}
          <Badge count={open} />
        </Flex>
      }
    >
      <ItemList
        loading={reviews.isLoading}
        empty={t('standards.myReviews.none')}
        items={(reviews.data ?? []).map((review) => ({
          key: review.id,
          title: (
            <Flex gap={8} align="center" wrap>
              <Link to={`/standards/versions/${review.versionId}?tab=review`} data-testid="my-review-link">
                {localName(review, i18n.language)} v{review.version}
              </Link>
              <VersionStatusTag status={review.status} />
              {review.open && <Tag color="gold">{t('standards.myReviews.open')}</Tag>}
            </Flex>
          ),
          description: t('standards.myReviews.line', { round: review.round, date: formatDateTime(review.assignedAt, i18n.language) }),
          extra: review.decision ? (
            <Tag color={review.decision === 'approve' ? 'success' : 'error'}>{t(`standards.review.decisions.${review.decision}`)}</Tag>
          ) : (
            <Typography.Text type="secondary">{t('standards.review.decisions.pending')}</Typography.Text>
          ),
        }))}
      />
    </Card>
  );
}
