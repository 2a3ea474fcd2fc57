import type { SubjectRow } from './supervision-types';

/**
 * The Chinese part of the reminder mail for one subject, as the server's template `supervisionReminder`
 * (server/src/platform/mail-templates.ts) writes it: the lines not yet fulfilled, the sender's note, the link.
 */
export function reminderPreview(input: { subject: SubjectRow; sender: string; note: string; typeLabel: (type: string) => string; origin: string }): string {
  const { subject, sender, typeLabel } = input;
  const lines = subject.byType
    .filter((line) => line.delivered < line.planned)
    .map((line) => `- ${typeLabel(line.type)}：计划 ${line.planned} 项，已发布 ${line.delivered} 项${line.dueDate ? `，截止 ${line.dueDate}` : ''}${line.overdue ? '（已逾期）' : ''}`);
  const note = input.note.trim();
  return [
    '（接收人姓名），您好：',
    '',
    `${sender}提醒您关注课题“${subject.titleZh}”（${subject.code}）的资源汇交进度：`,
    ...(lines.length > 0 ? lines : ['- 汇交计划中暂无待完成的条目']),
    ...(note ? ['', `留言：${note}`] : []),
    '',
    `请登录平台查看并处理：${input.origin}/subjects/${subject.code}`,
  ].join('\n');
}
