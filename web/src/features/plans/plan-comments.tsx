import { useState } from 'react';
import { App, Button, Empty, Flex, Input, Select, Typography } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { CommentThread } from './plan-comment-thread';
import { typeLabel } from './plan-lines';
import type { PlanComment, PlanVersion, ResourceTypeOption } from './plan-types';
import { useComment } from './plans-api';

/** Unresolved comment threads per line position (for the badges beside lines). */
export function openThreadCounts(comments: readonly PlanComment[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const comment of comments) {
    if (comment.parentId || comment.resolvedAt || comment.linePosition === null) continue;
    counts.set(comment.linePosition, (counts.get(comment.linePosition) ?? 0) + 1);
  }
  return counts;
}

export const threadAnchor = (position: number | null) => (position === null ? 'thread-plan' : `thread-line-${position}`);

export interface PlanCommentsProps {
  subjectId: string;
  version: PlanVersion;
  types: readonly ResourceTypeOption[];
  canComment: boolean;
}

/** The discussion of a plan version: threads on the whole plan and on each line, and a box to start one. */
export function PlanComments({ subjectId, version, types, canComment }: PlanCommentsProps) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [target, setTarget] = useState<number | 'plan'>('plan');
  const [text, setText] = useState('');
  const comment = useComment(subjectId);

  const roots = version.comments.filter((c) => !c.parentId);
  const repliesOf = (id: string) => version.comments.filter((c) => c.parentId === id);
  const positions = [...new Set(roots.map((c) => c.linePosition))].sort((a, b) => (a ?? 0) - (b ?? 0));
  const lineTitle = (position: number) => {
    const line = version.lines.find((l) => l.position === position);
    const label = t('plans.lineN', { n: position });
    return line ? `${label} · ${typeLabel(types, line.resourceType, i18n.language)}` : `${label} · ${t('plans.comments.lineGone')}`;
  };

  const onSend = async () => {
    if (!text.trim()) return;
    try {
      await comment.mutateAsync({ versionId: version.id, body: text.trim(), linePosition: target === 'plan' ? null : target });
      setText('');
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <Flex vertical gap={16} data-testid="plan-comments">
      {roots.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('plans.comments.none')} />}
      {positions.map((position) => (
        <div key={position ?? 'plan'} id={threadAnchor(position)} style={{ scrollMarginTop: 80 }}>
          <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>
            {position === null ? t('plans.comments.onPlan') : lineTitle(position)}
          </Typography.Text>
          <Flex vertical gap={8}>
            {roots
              .filter((root) => root.linePosition === position)
              .map((root) => (
                <CommentThread key={root.id} subjectId={subjectId} versionId={version.id} root={root} replies={repliesOf(root.id)} canComment={canComment} />
              ))}
          </Flex>
        </div>
      ))}
      {canComment && (
        <Flex vertical gap={8} style={{ borderTop: '1px solid rgba(5, 5, 5, 0.06)', paddingTop: 16 }}>
          <Select<number | 'plan'>
            value={target}
            onChange={setTarget}
            style={{ width: '100%' }}
            options={[
              { value: 'plan', label: t('plans.comments.onPlan') },
              ...version.lines.map((line) => ({ value: line.position, label: lineTitle(line.position) })),
            ]}
            data-testid="comment-target"
          />
          <Input.TextArea
            value={text}
            onChange={(event) => setText(event.target.value)}
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={5000}
            placeholder={t('plans.comments.placeholder')}
            data-testid="comment-text"
          />
          <Flex justify="flex-end">
            <Button icon={<SendOutlined />} loading={comment.isPending} disabled={!text.trim()} onClick={onSend} data-testid="comment-send">
              {t('plans.comments.send')}
            </Button>
          </Flex>
        </Flex>
      )}
    </Flex>
  );
}
