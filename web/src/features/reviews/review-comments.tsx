import { useState } from 'react';
import { App, Avatar, Button, Empty, Flex, Input, Select, Tag, Typography, theme } from 'antd';
import { CheckOutlined, FileOutlined, FormOutlined, MessageOutlined, SendOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format';
import { localLabel } from '../standards/standard-types';
import type { FieldOption } from './review-labels';
import type { CommentInput, ReviewComment, ReviewDetail } from './review-types';
import { useAddComment, useResolveComment } from './reviews-api';

/** Where a comment points: the whole resource, a field or a file (encoded for selects: general, field:<key>, file:<path>). */
export type CommentTarget = 'general' | `field:${string}` | `file:${string}`;

export function targetOf(comment: Pick<ReviewComment, 'field' | 'filePath'>): CommentTarget {
  if (comment.field) return `field:${comment.field}`;
  if (comment.filePath) return `file:${comment.filePath}`;
  return 'general';
}

/** The request fields of a target: { field } or { filePath } or nothing. */
export function targetInput(target: CommentTarget): Pick<CommentInput, 'field' | 'filePath'> {
  if (target.startsWith('field:')) return { field: target.slice('field:'.length) };
  if (target.startsWith('file:')) return { filePath: target.slice('file:'.length) };
  return {};
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

function CommentBody({ comment }: { comment: ReviewComment }) {
  const { t, i18n } = useTranslation();
  return (
    <Flex gap={10} align="flex-start">
      <Avatar size="small" icon={<UserOutlined />} style={{ flexShrink: 0, marginTop: 2, background: comment.fromReviewer ? '#1d4ed8' : undefined }} />
      <div style={{ minWidth: 0, flex: 1 }}>
        <Flex gap={8} align="baseline" wrap>
          <Typography.Text strong>{comment.authorName}</Typography.Text>
          {comment.fromReviewer && <Tag color="blue" style={{ marginInlineEnd: 0 }}>{t('reviews.comments.reviewer')}</Tag>}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatDateTime(comment.createdAt, i18n.language)}</Typography.Text>
        </Flex>
        <Typography.Paragraph style={{ margin: '2px 0 0', whiteSpace: 'pre-wrap' }} data-testid="review-comment-body">{comment.body}</Typography.Paragraph>
      </div>
    </Flex>
  );
}

interface ThreadProps {
  resourceId: string;
  root: ReviewComment;
  replies: readonly ReviewComment[];
  can: ReviewDetail['can'];
}

/** One comment with its replies; submitters and reviewers answer, reviewers mark it resolved. */
function Thread({ resourceId, root, replies, can }: ThreadProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { token } = theme.useToken();
  const [replying, setReplying] = useState(false);
  const [text, setText] = useState('');
  const add = useAddComment(resourceId);
  const resolve = useResolveComment(resourceId);
  const resolved = Boolean(root.resolvedAt);

  const onReply = async () => {
    try {
      await add.mutateAsync({ body: text.trim(), ...targetInput(targetOf(root)), parentId: root.id });
      setText('');
      setReplying(false);
    } catch (error) {
      message.error(errorText(error));
    }
  };
  const onResolve = () => resolve.mutateAsync(root.id).catch((error: unknown) => message.error(errorText(error)));

  return (
    <div
      data-testid="review-thread"
      data-resolved={resolved}
      style={{
        border: `1px solid ${resolved ? token.colorBorderSecondary : token.colorWarningBorder}`,
        background: resolved ? token.colorFillQuaternary : token.colorWarningBg,
        borderRadius: token.borderRadiusLG,
        padding: '10px 12px',
        opacity: resolved ? 0.75 : 1,
      }}
    >
      <Flex justify="space-between" align="flex-start" gap={8}>
        <CommentBody comment={root} />
        <Flex gap={4} style={{ flexShrink: 0 }} wrap justify="flex-end">
          <Tag style={{ marginInlineEnd: 0 }}>{t('reviews.roundN', { n: root.round })}</Tag>
          {root.tier && <Tag style={{ marginInlineEnd: 0 }}>{t(`reviews.tiers.${root.tier}`)}</Tag>}
          {resolved && <Tag color="success" icon={<CheckOutlined />} style={{ marginInlineEnd: 0 }}>{t('reviews.comments.resolved')}</Tag>}
        </Flex>
      </Flex>
      {replies.length > 0 && (
        <Flex vertical gap={8} style={{ margin: '10px 0 0 34px', paddingLeft: 12, borderLeft: `2px solid ${token.colorBorderSecondary}` }}>
          {replies.map((reply) => <CommentBody key={reply.id} comment={reply} />)}
        </Flex>
      )}
      {(can.comment || (can.resolve && !resolved)) && (
        <div style={{ marginLeft: 34, marginTop: 6 }}>
          {replying ? (
            <Flex vertical gap={8}>
              <Input.TextArea autoFocus value={text} onChange={(event) => setText(event.target.value)} autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} placeholder={t('reviews.comments.replyPlaceholder')} data-testid="review-thread-reply-text" />
              <Flex gap={8} justify="flex-end">
                <Button size="small" onClick={() => setReplying(false)}>{t('common.cancel')}</Button>
                <Button size="small" type="primary" loading={add.isPending} disabled={!text.trim()} onClick={() => void onReply()} data-testid="review-thread-reply-send">
                  {t('reviews.comments.reply')}
                </Button>
              </Flex>
            </Flex>
          ) : (
            <Flex gap={4}>
              {can.comment && (
                <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => setReplying(true)} data-testid="review-thread-reply">{t('reviews.comments.reply')}</Button>
              )}
              {can.resolve && !resolved && (
                <Button type="link" size="small" loading={resolve.isPending} onClick={() => void onResolve()} data-testid="review-thread-resolve">{t('reviews.comments.resolve')}</Button>
              )}
            </Flex>
          )}
        </div>
      )}
    </div>
  );
}

export interface ReviewCommentsProps {
  resourceId: string;
  review: ReviewDetail;
  fields: readonly FieldOption[];
  filePaths: readonly string[];
}

/** The discussion of a resource: threads grouped by what they point at (the resource, a field, a file), and a box to start one. */
export function ReviewComments({ resourceId, review, fields, filePaths }: ReviewCommentsProps) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [target, setTarget] = useState<CommentTarget>('general');
  const [text, setText] = useState('');
  const add = useAddComment(resourceId);

  const roots = review.comments.filter((comment) => !comment.parentId);
  const repliesOf = (id: string) => review.comments.filter((comment) => comment.parentId === id);
  const targets = [...new Set(roots.map(targetOf))].sort((a, b) => (a === 'general' ? -1 : b === 'general' ? 1 : 0));
  const titleOf = (value: CommentTarget) => {
    if (value === 'general') return <><MessageOutlined /> {t('reviews.comments.general')}</>;
    if (value.startsWith('file:')) return <><FileOutlined /> {value.slice('file:'.length)}</>;
    const key = value.slice('field:'.length);
    const label = roots.find((comment) => comment.field === key)?.fieldLabel;
    return <><FormOutlined /> {label ? localLabel(label, i18n.language) : (fields.find((f) => f.value === key)?.label ?? key)}</>;
  };

  const onSend = async () => {
    try {
      await add.mutateAsync({ body: text.trim(), ...targetInput(target) });
      setText('');
    } catch (error) {
      message.error(errorText(error));
    }
  };

  return (
    <Flex vertical gap={16} data-testid="review-comments">
      {roots.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reviews.comments.none')} />}
      {targets.map((value) => (
        <div key={value} data-testid={`review-threads-${value}`}>
          <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>{titleOf(value)}</Typography.Text>
          <Flex vertical gap={8}>
            {roots.filter((root) => targetOf(root) === value).map((root) => (
              <Thread key={root.id} resourceId={resourceId} root={root} replies={repliesOf(root.id)} can={review.can} />
            ))}
          </Flex>
        </div>
      ))}
      {review.can.comment && (
        <Flex vertical gap={8} style={{ borderTop: '1px solid rgba(5, 5, 5, 0.06)', paddingTop: 16 }}>
          <Select<CommentTarget>
            value={target}
            onChange={setTarget}
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: '100%' }}
            options={[
              { value: 'general', label: t('reviews.comments.general') },
              ...(fields.length > 0 ? [{ label: t('reviews.pins.fields'), options: fields.map((f) => ({ value: `field:${f.value}`, label: f.label })) }] : []),
              ...(filePaths.length > 0 ? [{ label: t('reviews.pins.files'), options: filePaths.map((path) => ({ value: `file:${path}`, label: path })) }] : []),
            ]}
            data-testid="review-comment-target"
          />
          <Input.TextArea value={text} onChange={(event) => setText(event.target.value)} autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} placeholder={t('reviews.comments.placeholder')} data-testid="review-comment-text" />
          <Flex justify="flex-end">
            <Button icon={<SendOutlined />} loading={add.isPending} disabled={!text.trim()} onClick={() => void onSend()} data-testid="review-comment-send">
              {t('reviews.comments.send')}
            </Button>
          </Flex>
        </Flex>
      )}
    </Flex>
  );
}
