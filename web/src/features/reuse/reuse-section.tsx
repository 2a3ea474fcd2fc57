import { useState } from 'react';
import { Alert, Button, Card, Divider, Empty, Flex, Skeleton, Typography } from 'antd';
import { FormOutlined, LoginOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { ApiError } from '../../api/client';
import { useMe } from '../auth/auth-api';
import { useResourceReuse } from './reuse-api';
import { ReuseFormModal } from './reuse-form-modal';
import { ReuseItem } from './reuse-item';

/**
 * 引用与应用成效 on a landing page: accepted citations and benefits (and the visitor's own pending reports);
 * logged-in users may report one, anonymous visitors are asked to log in first.
 */
export function ReuseSection({ resource }: { resource: { id: string; titleZh: string; status: string } }) {
  const { t } = useTranslation();
  const location = useLocation();
  const me = useMe();
  const reuse = useResourceReuse(resource.id);
  const [open, setOpen] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  // A version the server does not list reuse for (404) simply has none to show.
  const missing = reuse.isError && reuse.error instanceof ApiError && reuse.error.status === 404;
  const items = reuse.data ?? [];
  const accepted = items.filter((item) => item.status === 'accepted');
  const own = items.filter((item) => item.status !== 'accepted');
  // Only the current release takes new reports (the server refuses older versions and withdrawn ones).
  const reportable = resource.status === 'released';

  let action = null;
  if (reportable && me.data) {
    action = (
      <Button size="small" icon={<FormOutlined />} onClick={() => setOpen(true)} data-testid="reuse-report-button">
        {t('reuse.section.report')}
      </Button>
    );
  } else if (reportable && me.data === null) {
    action = (
      <Link to="/login" state={{ from: location.pathname + location.search }} data-testid="reuse-login">
        <LoginOutlined /> {t('reuse.section.login')}
      </Link>
    );
  }

  return (
    <Card title={t('reuse.section.title')} extra={action} style={{ marginBottom: 16 }} data-testid="landing-reuse">
      {submitted && (
        <Alert type="success" showIcon closable onClose={() => setSubmitted(false)} title={t('reuse.section.submitted')} style={{ marginBottom: 12 }} data-testid="reuse-submitted" />
      )}
      {reuse.isPending && <Skeleton active paragraph={{ rows: 2 }} />}
      {reuse.isError && !missing && <Typography.Text type="secondary">{t('reuse.section.failed')}</Typography.Text>}
      {(reuse.isSuccess || missing) && accepted.length === 0 && own.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reuse.section.empty')} data-testid="reuse-empty" />
      )}
      <Flex vertical gap={14} data-testid="reuse-list">
        {accepted.map((item) => (
          <ReuseItem key={item.id} report={item} />
        ))}
      </Flex>
      {own.length > 0 && (
        <>
          <Divider titlePlacement="start" plain style={{ margin: '16px 0 10px', fontSize: 13 }}>
            {t('reuse.section.mine')}
          </Divider>
          <Flex vertical gap={14} data-testid="reuse-mine">
            {own.map((item) => (
              <ReuseItem key={item.id} report={item} />
            ))}
          </Flex>
        </>
      )}
      {me.data && (
        <ReuseFormModal
          resourceId={resource.id}
          resourceTitle={resource.titleZh}
          open={open}
          onClose={() => setOpen(false)}
          onReported={() => setSubmitted(true)}
        />
      )}
    </Card>
  );
}
