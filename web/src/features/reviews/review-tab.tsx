import { Alert, Card, Col, Flex, Row, Skeleton, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ResourceDetail } from '../resources/resource-types';
import { DecisionForm } from './decision-form';
import { MyAssignment } from './expert-opinion';
import { AssignExperts, ExpertSummaryView } from './expert-summary';
import { ReleaseForm } from './release-form';
import { NewVersionButton, ReleaseInfo, VersionList, WithdrawButton } from './release-info';
import { ReviewComments } from './review-comments';
import { ReviewDiffView } from './review-diff';
import { ReviewHistory } from './review-history';
import { useFieldOptions } from './review-labels';
import { ReviewRoute } from './review-route';
import { useReviewDetail } from './reviews-api';

/** The review tab is there once the resource has left its first draft. */
export function hasReview(resource: Pick<ResourceDetail, 'status' | 'review'>): boolean {
  return resource.status !== 'draft' || resource.review.round > 0;
}

/**
 * The resource's review: where it is on its route, the decision (unit / platform), the experts,
 * release and what follows it (withdrawal, new version), the discussion, the changes since the
 * previous round and the history.
 */
export function ReviewTab({ resource }: { resource: ResourceDetail }) {
  const { t } = useTranslation();
  const query = useReviewDetail(resource.id);
  const fields = useFieldOptions(resource);
  if (query.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (query.isError) return <Alert type="error" showIcon title={query.error.message} data-testid="review-error" />;

  const review = query.data;
  const { can } = review;
  const filePaths = resource.files.map((file) => file.path);
  const rubric = review.expertSummary?.rubric ?? [];
  const showExperts = review.experts.length > 0 || can.assignExperts || review.status === 'expert_review';
  const showRelease = Boolean(resource.release) || can.release || can.withdraw || can.newVersion;

  return (
    <Row gutter={[16, 16]} data-testid="review-tab">
      <Col xs={24} xl={16}>
        <Flex vertical gap={16}>
          <Card size="small" title={t('reviews.route.title')}>
            <ReviewRoute review={review} />
          </Card>
          {can.decide && <DecisionForm resourceId={resource.id} review={review} fields={fields.options} filePaths={filePaths} />}
          {review.myAssignment && (
            <Card title={t('reviews.opinion.title')} data-testid="my-assignment" style={{ borderColor: '#93c5fd' }} styles={{ header: { background: '#eff6ff' } }}>
              <MyAssignment resourceId={resource.id} assignment={review.myAssignment} rubric={rubric} />
            </Card>
          )}
          {showExperts && (
            <Card title={t('reviews.experts.title')} data-testid="experts-card">
              <Flex vertical gap={16}>
                {can.assignExperts && <AssignExperts resourceId={resource.id} review={review} />}
                <ExpertSummaryView review={review} />
              </Flex>
            </Card>
          )}
          {showRelease && (
            <Card
              title={t('reviews.release.title')}
              data-testid="release-card"
              extra={
                <Space>
                  {can.newVersion && <NewVersionButton resourceId={resource.id} />}
                  {can.withdraw && <WithdrawButton resourceId={resource.id} />}
                </Space>
              }
            >
              <Flex vertical gap={16}>
                {resource.release && <ReleaseInfo release={resource.release} />}
                {can.release && <ReleaseForm resourceId={resource.id} experts={review.experts} />}
              </Flex>
            </Card>
          )}
          <Card title={t('reviews.comments.title')}>
            <ReviewComments resourceId={resource.id} review={review} fields={fields.options} filePaths={filePaths} />
          </Card>
          <Card title={review.diff.baseRound === null ? t('reviews.diff.title') : t('reviews.diff.titleSince', { n: review.diff.baseRound })}>
            <ReviewDiffView diff={review.diff} />
          </Card>
        </Flex>
      </Col>
      <Col xs={24} xl={8}>
        <Flex vertical gap={16}>
          <Card size="small" title={t('reviews.history.title')}>
            <ReviewHistory review={review} />
          </Card>
          {resource.versions.length > 0 && (
            <Card size="small" title={t('reviews.versions.title')}>
              <VersionList resource={resource} />
            </Card>
          )}
        </Flex>
      </Col>
    </Row>
  );
}
