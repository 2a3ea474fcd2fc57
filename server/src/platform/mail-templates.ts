import type { OutgoingMail } from './mail';

/** Mail texts, Chinese first with the English below, as Chinese offices expect. */
export const mailTemplates = {
  invitation(input: { to: string; name: string; link: string; role: string; subject: string; expiresDays: number }): OutgoingMail {
    return {
      to: input.to,
      kind: 'invitation',
      subject: `【汇交平台】请激活您的账号 / Activate your Huijiao account`,
      body: [
        `${input.name}，您好：`,
        '',
        `您已被设为课题“${input.subject}”的${input.role}。请在 ${input.expiresDays} 天内打开以下链接设置密码并激活账号（链接仅可使用一次）：`,
        input.link,
        '',
        `Dear ${input.name},`,
        `You have been named ${input.role} of the subject "${input.subject}". Open the link above within ${input.expiresDays} days to set your password (it works once).`,
        '',
        '—— 国家科技计划资源汇交平台 Huijiao',
      ].join('\n'),
    };
  },
  designation(input: { to: string; name: string; subject: string; by: string; action: 'designated' | 'revoked' }): OutgoingMail {
    const zh = input.action === 'designated' ? `已将您指定为课题“${input.subject}”的汇交义务人` : `已撤销您在课题“${input.subject}”中的汇交义务人身份`;
    const en = input.action === 'designated' ? `named you submitter of the subject "${input.subject}"` : `revoked your submitter role on the subject "${input.subject}"`;
    return {
      to: input.to,
      kind: `designation.${input.action}`,
      subject: `【汇交平台】汇交义务人变更 / Submitter ${input.action}`,
      body: `${input.name}，您好：\n\n${input.by}${zh}。\n\n${input.by} has ${en}.\n\n—— 国家科技计划资源汇交平台 Huijiao`,
    };
  },
  overdue(input: { to: string; name: string; what: string; due: string; link: string }): OutgoingMail {
    return {
      to: input.to,
      kind: 'reminder.overdue',
      subject: `【汇交平台】逾期提醒：${input.what} / Overdue`,
      body: `${input.name}，您好：\n\n${input.what}已于 ${input.due} 到期，请尽快处理：\n${input.link}\n\n${input.what} was due on ${input.due}. Please act on it: ${input.link}\n\n—— 国家科技计划资源汇交平台 Huijiao`,
    };
  },
  planDecision(input: { to: string; name: string; subject: string; outcome: string; comment: string | null; link: string }): OutgoingMail {
    return {
      to: input.to,
      kind: 'plan.decision',
      subject: `【汇交平台】汇交计划${input.outcome} / Collection plan update`,
      body: `${input.name}，您好：\n\n课题“${input.subject}”的汇交计划${input.outcome}。${input.comment ? `\n意见：${input.comment}` : ''}\n${input.link}\n\nThe collection plan of "${input.subject}" has an update (${input.outcome}).\n\n—— 国家科技计划资源汇交平台 Huijiao`,
    };
  },
  resourceDecision(input: { to: string; name: string; resource: string; outcome: string; comment: string | null; link: string }): OutgoingMail {
    return {
      to: input.to,
      kind: 'resource.decision',
      subject: `【汇交平台】资源审核进展：${input.outcome} / Review update`,
      body: `${input.name}，您好：\n\n资源“${input.resource}”${input.outcome}。${input.comment ? `\n意见：${input.comment}` : ''}\n${input.link}\n\nThe review of "${input.resource}" has an update (${input.outcome}).\n\n—— 国家科技计划资源汇交平台 Huijiao`,
    };
  },
  expertAssigned(input: { to: string; name: string; resource: string; subject: string; link: string }): OutgoingMail {
    return {
      to: input.to,
      kind: 'review.expert_assigned',
      subject: `【汇交平台】专家评审邀请 / Expert review request`,
      body: `${input.name}专家，您好：\n\n平台邀请您评审课题“${input.subject}”的资源“${input.resource}”。请先声明是否存在利益冲突，再按评分标准给出意见：\n${input.link}\n\nYou are asked to review "${input.resource}" (subject "${input.subject}"). Declare any conflict of interest first, then score the rubric.\n\n—— 国家科技计划资源汇交平台 Huijiao`,
    };
  },
};
