import { Alert, App, Badge, Card, Flex, Tabs, theme } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useSession } from '../auth/session';
import { isSettled, SettledNotice } from '../reviews/release-info';
import { hasReview, ReviewTab } from '../reviews/review-tab';
import { formatDateTime } from '../../components/format';
import { DepositForm } from './deposit-form';
import { DepositList } from './deposit-list';
import { FileList } from './file-list';
import { ResourceForm } from './resource-form';
import { DraftActions, ResourceHeader } from './resource-header';
import type { ResourceDetail } from './resource-types';
import { resourceKey } from './resources-api';
import { UploadPanel } from './upload-panel';
import { useResourceDraft } from './use-resource-draft';
import { useUploads } from './use-uploads';

type TabKey = 'description' | 'files' | 'deposits' | 'review';

/** The resource editor: description (autosaved, checked by the server), entity files, physical deposits, submission. */
export function ResourceWorkspace({ resource }: { resource: ResourceDetail }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { token } = theme.useToken();
  const me = useSession();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const draft = useResourceDraft(resource, me.csrfToken);
  const uploads = useUploads(resource.id, me.csrfToken, () => void queryClient.invalidateQueries({ queryKey: resourceKey(resource.id) }));
  const physical = resource.resourceType === 'physical';
  const requested = params.get('tab') as TabKey | null;
  const reviewed = hasReview(resource);
  const tab: TabKey = requested === 'files' || (requested === 'deposits' && physical) || (requested === 'review' && reviewed) ? requested : 'description';
  const setTab = (key: string) => setParams(key === 'description' ? {} : { tab: key }, { replace: true });

  const onSubmit = async () => {
    const outcome = await draft.submit();
    if (outcome === 'submitted') message.success(t('resources.editor.submitted'));
    if (outcome === 'invalid') {
      setTab('description');
      message.error(t('resources.editor.invalid'));
      document.querySelector('[data-testid="resource-form"]')?.scrollIntoView?.({ block: 'start', behavior: 'smooth' });
    }
  };

  const locked = !resource.editable;
  return (
    <>
      <ResourceHeader resource={resource} draft={draft} onSubmit={() => void onSubmit()} />
      <Flex vertical gap={12} style={{ marginBottom: 12 }}>
        <SettledNotice resource={resource} />
        {locked && resource.status !== 'draft' && resource.status !== 'returned' && !isSettled(resource.status) && (
          <Alert
            type="info"
            showIcon
            data-testid="resource-locked"
            title={t('resources.editor.locked', { date: formatDateTime(resource.submittedAt, i18n.language) })}
            description={t('resources.editor.lockedHint')}
          />
        )}
        {resource.status === 'returned' && resource.editable && <Alert type="warning" showIcon title={t('resources.editor.returned')} />}
        {draft.submitError && <Alert type="error" showIcon closable title={draft.submitError} data-testid="submit-error" />}
        {physical && resource.editable && resource.deposits.length === 0 && <Alert type="warning" showIcon title={t('resources.deposit.requiredHint')} />}
      </Flex>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'description',
            label: t('resources.tabs.description'),
            children: (
              <>
                <ResourceForm resource={resource} draft={draft} />
                {resource.editable && (
                  <div style={{ position: 'sticky', bottom: 0, zIndex: 5, marginTop: 16, padding: '10px 16px', background: token.colorBgElevated, borderTop: `1px solid ${token.colorBorderSecondary}`, boxShadow: token.boxShadowTertiary }}>
                    <Flex justify="flex-end">
                      <DraftActions draft={draft} onSubmit={() => void onSubmit()} testId="resource-submit-bottom" />
                    </Flex>
                  </div>
                )}
              </>
            ),
          },
          {
            key: 'files',
            label: (
              <span data-testid="files-tab">
                {t('resources.tabs.files')} <Badge count={resource.files.length} showZero color="#94a3b8" size="small" />
              </span>
            ),
            children: (
              <Flex vertical gap={16}>
                {resource.editable && (
                  <Card size="small" title={t('resources.upload.title')}>
                    <UploadPanel resourceId={resource.id} uploads={uploads} />
                  </Card>
                )}
                <Card size="small" title={t('resources.files.title')}>
                  <FileList resourceId={resource.id} files={resource.files} editable={resource.editable} />
                </Card>
              </Flex>
            ),
          },
          ...(physical
            ? [{
                key: 'deposits',
                label: <span data-testid="deposits-tab">{t('resources.tabs.deposits')} <Badge count={resource.deposits.length} showZero color="#94a3b8" size="small" /></span>,
                children: (
                  <Flex vertical gap={16}>
                    <DepositList deposits={resource.deposits} />
                    {resource.editable && <DepositForm resourceId={resource.id} collapsed={resource.deposits.length > 0} />}
                  </Flex>
                ),
              }]
            : []),
          ...(reviewed ? [{ key: 'review', label: <span data-testid="review-tab-label">{t('reviews.tab')}</span>, children: <ReviewTab resource={resource} /> }] : []),
        ]}
      />
    </>
  );
}
