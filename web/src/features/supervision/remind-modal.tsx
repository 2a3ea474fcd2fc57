import { useState } from 'react';
import { Alert, Button, Input, List, Modal, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session';
import { reminderPreview } from './reminder-preview';
import { useSendReminders } from './supervision-api';
import type { ReminderResult, ReminderStatus, SubjectRow } from './supervision-types';

const STATUS_COLORS: Record<ReminderStatus, string> = {
  sent: 'success',
  already_today: 'default',
  no_recipients: 'warning',
  forbidden: 'error',
  not_found: 'error',
};

const MAX_NOTE = 2000;

/** The Chinese mail for the first selected subject, so the sender sees what goes out (type names in Chinese, as in the mail). */
function usePreview(subject: SubjectRow | undefined, note: string): string {
  const { i18n } = useTranslation();
  const me = useSession();
  if (!subject) return '';
  const zh = i18n.getFixedT('zh-CN');
  const typeLabel = (type: string) => zh(`resources.types.${type}`, { defaultValue: type });
  return reminderPreview({ subject, sender: me.user.displayName, note, typeLabel, origin: window.location.origin });
}

interface RemindModalProps {
  open: boolean;
  subjects: SubjectRow[];
  /** sent: the reminders went out (the selection can be cleared). */
  onClose: (sent: boolean) => void;
}

/** Confirms a reminder to the PIs and submitters of the selected subjects, with an optional note, then shows what happened per subject. */
export function RemindModal({ open, subjects, onClose }: RemindModalProps) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [results, setResults] = useState<ReminderResult[] | null>(null);
  const send = useSendReminders();
  const preview = usePreview(subjects[0], note);

  const close = () => {
    const sent = results !== null;
    setNote('');
    setResults(null);
    send.reset();
    onClose(sent);
  };
  const submit = () =>
    send.mutate({ subjectCodes: subjects.map((s) => s.code), message: note.trim() || undefined }, { onSuccess: (answer) => setResults(answer) });
  const resultOf = (code: string) => results?.find((result) => result.code === code);

  return (
    <Modal
      open={open}
      title={t('supervision.remind.title', { count: subjects.length })}
      onCancel={close}
      width={640}
      destroyOnHidden
      footer={
        results ? (
          <Button type="primary" onClick={close} data-testid="remind-done">
            {t('supervision.remind.done')}
          </Button>
        ) : (
          <>
            <Button onClick={close}>{t('common.cancel')}</Button>
            <Button type="primary" loading={send.isPending} disabled={subjects.length === 0} onClick={submit} data-testid="remind-send">
              {t('supervision.remind.send')}
            </Button>
          </>
        )
      }
    >
      <div data-testid="remind-modal">
        <Typography.Paragraph type="secondary">{t('supervision.remind.explain')}</Typography.Paragraph>
        <List
          size="small"
          bordered
          dataSource={subjects}
          style={{ maxHeight: 220, overflowY: 'auto', marginBottom: 12 }}
          renderItem={(subject) => {
            const result = resultOf(subject.code);
            return (
              <List.Item
                data-testid={`remind-subject-${subject.code}`}
                extra={
                  result && (
                    <Tag color={STATUS_COLORS[result.status]} style={{ marginInlineEnd: 0 }} data-testid={`remind-result-${subject.code}`}>
                      {t(`supervision.remind.status.${result.status}`, { count: result.recipients })}
                    </Tag>
                  )
                }
              >
                <span>
                  <Typography.Text style={{ fontFamily: 'monospace', marginRight: 8 }}>{subject.code}</Typography.Text>
                  {subject.titleZh}
                </span>
              </List.Item>
            );
          }}
        />
        {send.isError && <Alert type="error" showIcon title={send.error.message} style={{ marginBottom: 12 }} data-testid="remind-error" />}
        {results ? (
          <Alert type="info" showIcon title={summary(results, t)} data-testid="remind-summary" />
        ) : (
          <>
            <Typography.Text strong>{t('supervision.remind.note')}</Typography.Text>
            <Input.TextArea
              value={note}
              onChange={(event) => setNote(event.target.value)}
              maxLength={MAX_NOTE}
              showCount
              rows={3}
              placeholder={t('supervision.remind.notePlaceholder')}
              style={{ margin: '4px 0 16px' }}
              data-testid="remind-note"
            />
            <Typography.Text strong>{t('supervision.remind.preview', { count: subjects.length })}</Typography.Text>
            <pre
              style={{ whiteSpace: 'pre-wrap', background: '#f8fafc', border: '1px solid #e2e8f0', borderRadius: 6, padding: 12, fontSize: 12, marginTop: 4, fontFamily: 'inherit' }}
              data-testid="remind-preview"
            >
              {preview}
            </pre>
          </>
        )}
      </div>
    </Modal>
  );
}

function summary(results: ReminderResult[], t: TFunction): string {
  const sent = results.filter((result) => result.status === 'sent');
  return t('supervision.remind.summary', {
    subjects: sent.length,
    people: sent.reduce((sum, result) => sum + result.recipients, 0),
    skipped: results.length - sent.length,
  });
}
