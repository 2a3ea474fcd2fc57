import { useState } from 'react';
import { App, Avatar, Button, Flex, Input, Tag, Typography, theme } from 'antd';
import { CheckOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format';
import type { PlanComment } from './plan-types';
import { useComment, useResolveComment } from './plans-api';

function CommentBody({ comment }: { comment: PlanComment }) {
  const { t, i18n } = useTranslation();
  return (
    <Flex gap={10} align="flex-start">
      <Avatar size="small" icon={<UserOutlined />} style={{ flexShrink: 0, marginTop: 2 }} />
      <div style={{ minWidth: 0, flex: 1 }}>
        <Flex gap={8} align="baseline" wrap>
          <Typography.Text strong>{comment.authorName ?? t('plans.comments.unknownAuthor')}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatDateTime(comment.createdAt, i18n.language)}
          </Typography.Text>
        </Flex>
        <Typography.Paragraph style={{ margin: '2px 0 0', whiteSpace: 'pre-wrap' }} data-testid="comment-body">
          {comment.body}
        </Typography.Paragraph>
      </div>
    </Flex>
  );
}

export interface CommentThreadProps {
  subjectId: string;
  versionId: string;
  root: PlanComment;
  replies: readonly PlanComment[];
  canComment: boolean;
}

/** One comment with its replies; those who may comment answer it or mark it resolved. */
export function CommentThread({ subjectId, versionId, root, replies, canComment }: CommentThreadProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { token } = theme.useToken();
  const [replying, setReplying] = useState(false);
  const [text, setText] = useState('');
  const comment = useComment(subjectId);
  const resolve = useResolveComment(subjectId);
  const resolved = Boolean(root.resolvedAt);

  const onReply = async () => {
    if (!text.trim()) return;
    try {
      await comment.mutateAsync({ versionId, body: text.trim(), linePosition: root.linePosition, parentId: root.id });
      setText('');
      setReplying(false);
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
    }
  };

  const onResolve = async () => {
    try {
      await resolve.mutateAsync(root.id);
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <div
      data-testid="comment-thread"
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
        <Flex gap={4} style={{ flexShrink: 0 }}>
          <Tag style={{ marginInlineEnd: 0 }}>{t('plans.roundN', { n: root.round })}</Tag>
          {resolved && (
            <Tag color="success" icon={<CheckOutlined />} style={{ marginInlineEnd: 0 }}>
              {t('plans.comments.resolved')}
            </Tag>
          )}
        </Flex>
      </Flex>
      {replies.length > 0 && (
        <Flex vertical gap={8} style={{ margin: '10px 0 0 34px', paddingLeft: 12, borderLeft: `2px solid ${token.colorBorderSecondary}` }}>
          {replies.map((reply) => (
            <CommentBody key={reply.id} comment={reply} />
          ))}
        </Flex>
      )}
      {canComment && (
        <div style={{ marginLeft: 34, marginTop: 6 }}>
          {replying ? (
            <Flex vertical gap={8}>
              <Input.TextArea
                autoFocus
                value={text}
                onChange={(event) => setText(event.target.value)}
                autoSize={{ minRows: 2, maxRows: 6 }}
                maxLength={5000}
                placeholder={t('plans.comments.replyPlaceholder')}
                data-testid="comment-reply-text"
              />
              <Flex gap={8} justify="flex-end">
                <Button size="small" onClick={() => setReplying(false)}>
                  {t('common.cancel')}
                </Button>
                <Button size="small" type="primary" loading={comment.isPending} disabled={!text.trim()} onClick={onReply} data-testid="comment-reply-send">
                  {t('plans.comments.reply')}
                </Button>
              </Flex>
            </Flex>
          ) : (
            <Flex gap={4}>
              <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => setReplying(true)} data-testid="comment-reply">
                {t('plans.comments.reply')}
              </Button>
              {!resolved && (
                <Button type="link" size="small" loading={resolve.isPending} onClick={onResolve} data-testid="comment-resolve">
                  {t('plans.comments.resolve')}
                </Button>
              )}
            </Flex>
          )}
        </div>
      )}
    </div>
  );
}
