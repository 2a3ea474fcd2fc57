import { useState } from 'react';
import { App, Button, Dropdown, Form, Input, Modal, Popconfirm, Typography } from 'antd';
import { CopyOutlined, DownloadOutlined, SendOutlined, StopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { applyFieldErrors } from '../../components/form-errors';
import { templateUrl, useCloneVersion, useRetireVersion } from './standards-api';
import { compareVersions, localLabel, type VersionDetail, type VersionSummary } from './standard-types';
import { SubmitReviewModal } from './submit-review-modal';
import { UploadDocumentButton } from './upload-document';

const SEMVER = /^\d+\.\d+\.\d+$/;

/** The version a copy gets by default: the next minor after the newest version of the standard. */
export function nextMinor(versions: readonly Pick<VersionSummary, 'version'>[], fallback: string): string {
  const newest = versions.map((v) => v.version).sort(compareVersions).pop() ?? fallback;
  const [major = 1, minor = 0] = newest.split('.').map(Number);
  return `${major}.${minor + 1}.0`;
}

/** The Excel template of any resource type of the version. */
export function TemplateDropdown({ version }: { version: VersionDetail }) {
  const { t, i18n } = useTranslation();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: version.types.map((item) => ({
          key: item.type,
          label: (
            <a href={templateUrl(version.id, item.type)} download data-testid={`template-menu-${item.type}`}>
              {localLabel(item.label, i18n.language)}
            </a>
          ),
        })),
      }}
    >
      <Button icon={<DownloadOutlined />} data-testid="template-dropdown">
        {t('standards.template.dropdown')}
      </Button>
    </Dropdown>
  );
}

function CloneModal({ version, versions, open, onClose }: { version: VersionDetail; versions: readonly VersionSummary[]; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ version?: string }>();
  const clone = useCloneVersion();
  const suggested = nextMinor(versions, version.version);

  const onFinish = async ({ version: wanted }: { version?: string }) => {
    try {
      const created = await clone.mutateAsync({ versionId: version.id, version: wanted?.trim() || undefined });
      message.success(t('standards.clone.done', { version: created.version }));
      onClose();
      navigate(`/standards/versions/${created.id}`);
    } catch (error) {
      const rest = applyFieldErrors(form, error, { fields: ['version'], codeFields: { 'standard.version_exists': 'version', 'standard.version_not_newer': 'version' } });
      if (rest) message.error(rest);
    }
  };

  return (
    <Modal
      open={open}
      title={t('standards.clone.title', { version: version.version })}
      okText={t('standards.clone.ok')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={clone.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('standards.clone.hint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item
          name="version"
          label={t('standards.clone.version')}
          extra={t('standards.clone.versionHint', { version: suggested })}
          rules={[{ pattern: SEMVER, message: t('standards.clone.versionInvalid') }]}
        >
          <Input placeholder={suggested} data-testid="clone-version" style={{ width: 200 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** What a platform admin may do with a version: copy, replace or send a draft, retire an approved one. */
export function VersionActions({ version, versions }: { version: VersionDetail; versions: readonly VersionSummary[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [cloning, setCloning] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const retire = useRetireVersion();

  const onRetire = async () => {
    try {
      await retire.mutateAsync(version.id);
      message.success(t('standards.retire.done', { version: version.version }));
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <>
      <TemplateDropdown version={version} />
      {version.canManage && (
        <>
          <Button icon={<CopyOutlined />} onClick={() => setCloning(true)} data-testid="clone-version-open">
            {t('standards.clone.action')}
          </Button>
          {version.status === 'draft' && <UploadDocumentButton target={{ mode: 'replace', versionId: version.id }} label={t('standards.upload.replace')} />}
          {version.status === 'draft' && (
            <Button type="primary" icon={<SendOutlined />} onClick={() => setSubmitting(true)} data-testid="submit-review-open">
              {t('standards.submit.action')}
            </Button>
          )}
          {version.status === 'approved' && (
            <Popconfirm
              title={t('standards.retire.confirm', { version: version.version })}
              description={t('standards.retire.hint')}
              okText={t('standards.retire.action')}
              okButtonProps={{ danger: true }}
              cancelText={t('common.cancel')}
              onConfirm={onRetire}
            >
              <Button danger icon={<StopOutlined />} loading={retire.isPending} data-testid="retire-version">
                {t('standards.retire.action')}
              </Button>
            </Popconfirm>
          )}
          <CloneModal version={version} versions={versions} open={cloning} onClose={() => setCloning(false)} />
          <SubmitReviewModal version={version} open={submitting} onClose={() => setSubmitting(false)} />
        </>
      )}
    </>
  );
}
