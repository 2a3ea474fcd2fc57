import { Alert, Card, Empty, Flex, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header';
import { useSession } from '../../features/auth/session';
import { MyReviewsCard } from '../../features/standards/my-reviews-card';
import { StandardCard } from '../../features/standards/standard-card';
import { useStandards } from '../../features/standards/standards-api';

/** The collection standards of every domain platform, their versions, and an expert's reviews. */
export function StandardsPage() {
  const { t } = useTranslation();
  const me = useSession();
  const standards = useStandards();
  const isExpert = me.grants.some((grant) => grant.role === 'expert');

  return (
    <>
      <PageHeader title={t('standards.title')} subtitle={t('standards.subtitle')} />
      <MyReviewsCard enabled={isExpert} />
      {standards.isLoading && (
        <Card>
          <Skeleton active />
        </Card>
      )}
      {standards.isError && <Alert type="error" showIcon title={standards.error.message} />}
      {standards.isSuccess && standards.data.length === 0 && (
        <Card>
          <Empty description={t('standards.none')} />
        </Card>
      )}
      <Flex vertical gap={16} data-testid="standard-list">
        {(standards.data ?? []).map((standard) => (
          <StandardCard key={standard.id} standard={standard} />
        ))}
      </Flex>
    </>
  );
}
