import { useState, type ReactNode } from 'react';
import { App, Button, Modal, Typography, Upload, theme } from 'antd';
import { ExclamationCircleFilled, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError, type ApiErrorDetail } from '../../api/client';
import { useReplaceDraft, useUploadVersion } from './standards-api';
import type { StandardDocument } from './standard-types';


async function readDocument(file: File, notJson: string): Promise<StandardDocument> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await file.text());
  } catch {
    throw new Error(notJson);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error(notJson);
  return parsed as StandardDocument;
}

/** Every problem the API found in an uploaded standard (422 standard.invalid), with where it is. */
export function ProblemsModal({ problems, title, onClose }: { problems: ApiErrorDetail[] | null; title: ReactNode; onClose: () => void }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  return (
    <Modal
      open={problems !== null}
      title={
        <span>
          <ExclamationCircleFilled style={{ color: token.colorError, marginInlineEnd: 8 }} />
          {title}
        </span>
      }
      onCancel={onClose}
      footer={<Button onClick={onClose}>{t('standards.upload.close')}</Button>}
      width={760}
    >
      <Typography.Paragraph type="secondary">{t('standards.upload.problemsHint')}</Typography.Paragraph>
      <ol data-testid="upload-problems" style={{ paddingInlineStart: 20, maxHeight: 420, overflowY: 'auto', margin: 0 }}>
        {(problems ?? []).map((problem, index) => (
          <li key={`${problem.path}:${problem.code}:${index}`} style={{ marginBottom: 6 }}>
            <div>{problem.message}</div>
            <Typography.Text type="secondary" code style={{ fontSize: 12 }}>
              {problem.path}
            </Typography.Text>
          </li>
        ))}
      </ol>
    </Modal>
  );
}

export type UploadTarget = { mode: 'new'; standardId: string } | { mode: 'replace'; versionId: string };

/**
 * Uploads a standard document (a JSON file) as a new draft version, or as the replacement of a
 * draft; problems the API finds are listed in a dialog.
 */
export function UploadDocumentButton({ target, label, type = 'default' }: { target: UploadTarget; label: ReactNode; type?: 'default' | 'primary' }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const create = useUploadVersion();
  const replace = useReplaceDraft();
  const [problems, setProblems] = useState<ApiErrorDetail[] | null>(null);
  const [problemsTitle, setProblemsTitle] = useState('');

  const send = async (file: File) => {
    try {
      const document = await readDocument(file, t('standards.upload.notJson', { name: file.name }));
      if (target.mode === 'new') {
        const created = await create.mutateAsync({ standardId: target.standardId, document });
        message.success(t('standards.upload.created', { version: created.version }));
        navigate(`/standards/versions/${created.id}`);
      } else {
        await replace.mutateAsync({ versionId: target.versionId, document });
        message.success(t('standards.upload.replaced'));
      }
    } catch (error) {
      if (error instanceof ApiError && error.details.length > 0) {
        setProblemsTitle(error.message);
        setProblems(error.details);
      } else {
        message.error(error instanceof Error ? error.message : String(error));
      }
    }
  };

  return (
    <>
      <Upload
        accept=".json,application/json"
        showUploadList={false}
        beforeUpload={(file) => {
          void send(file);
          return false;
        }}
      >
        <Button type={type} icon={<UploadOutlined />} loading={create.isPending || replace.isPending} data-testid={target.mode === 'new' ? 'upload-version' : 'replace-draft'}>
          {label}
        </Button>
      </Upload>
      <ProblemsModal problems={problems} title={problemsTitle} onClose={() => setProblems(null)} />
    </>
  );
}
