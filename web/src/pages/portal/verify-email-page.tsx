import { Button, Flex, Result, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useVerifyEmail } from '../../features/portal/portal-api';
import { PublicFrame } from '../../features/portal/public-frame';

/** /verify-email/:token (public): opens the emailed link, which activates the account. */
export function VerifyEmailPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const verify = useVerifyEmail(token);

  const body = () => {
    if (verify.isPending) {
      return (
        <Flex vertical align="center" gap={16} style={{ padding: '48px 0' }}>
          <Spin size="large" />
          <Typography.Text type="secondary">{t('portal.verifyEmail.checking')}</Typography.Text>
        </Flex>
      );
    }
    if (verify.isError) {
      return (
        <div data-testid="verify-email-failed">
          <Result
            status="error"
            title={t('portal.verifyEmail.failed')}
            subTitle={verify.error.message}
            extra={
              <Link to="/register">
                <Button>{t('portal.verifyEmail.registerAgain')}</Button>
              </Link>
            }
          />
        </div>
      );
    }
    return (
      <div data-testid="verify-email-done">
        <Result
          status="success"
          title={t('portal.verifyEmail.done')}
          subTitle={t('portal.verifyEmail.doneHint', { username: verify.data.username })}
          extra={
            <Link to="/login">
              <Button type="primary" data-testid="verify-email-login">
                {t('portal.verifyEmail.toLogin')}
              </Button>
            </Link>
          }
        />
      </div>
    );
  };

  return <PublicFrame>{body()}</PublicFrame>;
}
