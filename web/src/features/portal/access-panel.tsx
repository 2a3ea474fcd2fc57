import { useState } from 'react';
import { Alert, Button, Flex } from 'antd';
import { FormOutlined, LoginOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { useMe } from '../auth/auth-api';
import { formatDay } from '../registry/dates';
import { ApplyModal } from './apply-modal';
import { ContactCard } from './contact-request';
import type { PortalResource } from './portal-types';

/** Why the files can or cannot be downloaded, in words (the same sentence on the panel and the disabled buttons). */
export function accessText(resource: PortalResource, t: TFunction, language: string): string {
  const { access } = resource;
  const date = (value: string | null | undefined) => formatDay(value, language);
  switch (access.reason) {
    case 'open':
      return t('portal.access.open');
    case 'registered':
      return t('portal.access.registered');
    case 'embargo_over':
      return t('portal.access.embargoOver', { date: date(access.embargoEnd ?? resource.embargoEnd) });
    case 'application_approved':
      return access.application?.expiresAt ? t('portal.access.approvedUntil', { date: date(access.application.expiresAt) }) : t('portal.access.approved');
    case 'provider':
      return t('portal.access.provider');
    case 'login_required':
      return resource.sharingMode === 'application' ? t('portal.access.loginToApply') : t('portal.access.loginRequired');
    case 'embargo':
      return t('portal.access.embargo', { date: date(access.embargoEnd ?? resource.embargoEnd) });
    case 'application_required':
      return access.application?.status === 'rejected'
        ? t('portal.access.rejected', { reason: access.application.reason ?? '—' })
        : t('portal.access.applicationRequired');
    case 'application_pending':
      return t('portal.access.pending');
    case 'application_expired':
      return t('portal.access.expired', { date: date(access.application?.expiresAt) });
    case 'offline':
      return t('portal.access.offline');
    case 'withdrawn':
      return t('portal.access.withdrawn');
    default:
      return t('portal.access.unavailable');
  }
}

const TONES: Record<string, 'success' | 'info' | 'warning' | 'error'> = {
  embargo: 'warning',
  application_expired: 'warning',
  withdrawn: 'error',
  not_released: 'warning',
};

/** The download state of a landing page and what the visitor can do about it: log in, apply, wait, or write to the provider. */
export function AccessPanel({ resource }: { resource: PortalResource }) {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const me = useMe().data ?? null;
  const [applying, setApplying] = useState(false);
  const { access } = resource;
  const here = location.pathname + location.search;

  const onApply = () => {
    if (!me) navigate('/login', { state: { from: here } });
    else setApplying(true);
  };

  const canApply = access.reason === 'application_required' || access.reason === 'application_expired';
  const actions = (
    <Flex gap={8} wrap style={{ marginTop: 8 }}>
      {access.reason === 'login_required' && (
        <>
          <Link to="/login" state={{ from: here }} data-testid="access-login">
            <Button type="primary" size="small" icon={<LoginOutlined />}>
              {t('portal.access.login')}
            </Button>
          </Link>
          <Link to="/register" data-testid="access-register">
            <Button size="small">{t('portal.layout.register')}</Button>
          </Link>
        </>
      )}
      {canApply && (
        <Button type="primary" size="small" icon={<FormOutlined />} onClick={onApply} data-testid="apply-button">
          {access.reason === 'application_expired' || access.application?.status === 'rejected' ? t('portal.access.reapply') : t('portal.access.apply')}
        </Button>
      )}
      {access.reason === 'application_pending' && me && (
        <Link to="/applications" data-testid="access-my-applications">
          <Button size="small">{t('portal.access.myApplications')}</Button>
        </Link>
      )}
    </Flex>
  );
  const hasActions = access.reason === 'login_required' || canApply || (access.reason === 'application_pending' && Boolean(me));

  return (
    <Flex vertical gap={12} data-testid="access-panel" data-reason={access.reason}>
      <Alert
        type={access.canDownload ? 'success' : (TONES[access.reason] ?? 'info')}
        showIcon
        title={<span data-testid="access-reason">{accessText(resource, t, i18n.language)}</span>}
        description={hasActions ? actions : undefined}
      />
      {access.reason === 'offline' && <ContactCard resourceId={resource.id} contact={access.contact} />}
      {canApply && me && <ApplyModal resource={resource} open={applying} onClose={() => setApplying(false)} />}
    </Flex>
  );
}
