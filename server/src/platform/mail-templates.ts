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
  /** A supervisor's (or the schedule's) reminder of a subject's collection: what is due or overdue per type, and the note. */
  supervisionReminder(input: {
    to: string; name: string; code: string; title: string; sender: { zh: string; en: string }; note: string | null; link: string;
    lines: Array<{ type: { zh: string; en: string }; planned: number; delivered: number; dueDate: string | null; overdue: boolean }>;
  }): OutgoingMail {
    const zhLines = input.lines.map((l) => `- ${l.type.zh}：计划 ${l.planned} 项，已发布 ${l.delivered} 项${l.dueDate ? `，截止 ${l.dueDate}` : ''}${l.overdue ? '（已逾期）' : ''}`);
    const enLines = input.lines.map((l) => `- ${l.type.en}: ${l.delivered} of ${l.planned} released${l.dueDate ? `, due ${l.dueDate}` : ''}${l.overdue ? ' (overdue)' : ''}`);
    const anyOverdue = input.lines.some((l) => l.overdue);
    return {
      to: input.to,
      kind: 'supervision.reminder',
      subject: `【汇交平台】汇交提醒${anyOverdue ? '（已逾期）' : ''}：${input.title}（${input.code}） / Collection reminder`,
      body: [
        `${input.name}，您好：`,
        '',
        `${input.sender.zh}提醒您关注课题“${input.title}”（${input.code}）的资源汇交进度：`,
        ...(zhLines.length > 0 ? zhLines : ['- 汇交计划中暂无待完成的条目']),
        ...(input.note ? ['', `留言：${input.note}`] : []),
        '',
        `请登录平台查看并处理：${input.link}`,
        '',
        `Dear ${input.name},`,
        `${input.sender.en} reminds you of the collection progress of the subject "${input.title}" (${input.code}):`,
        ...(enLines.length > 0 ? enLines : ['- no open lines in the collection plan']),
        ...(input.note ? [`Note: ${input.note}`] : []),
        `Open the subject: ${input.link}`,
        '',
        '—— 国家科技计划资源汇交平台 Huijiao',
      ].join('\n'),
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
  applicationReceived(input: { to: string; name: string; resource: string; applicant: string; purpose: string; link: string }): OutgoingMail {
    return {
      to: input.to,
      kind: 'application.received',
      subject: `【汇交平台】新的资源使用申请 / New access application`,
      body: `${input.name}，您好：\n\n${input.applicant}申请使用资源“${input.resource}”。\n用途：${input.purpose}\n请审批：${input.link}\n\n${input.applicant} applied for access to "${input.resource}". Decide here: ${input.link}\n\n—— 国家科技计划资源汇交平台 Huijiao`,
    };
  },
  applicationDecided(input: { to: string; name: string; resource: string; approved: boolean; reason: string | null; until: string | null; link: string }): OutgoingMail {
    const zh = input.approved ? `已获批准，授权有效期至 ${input.until}` : `未获批准${input.reason ? `，理由：${input.reason}` : ''}`;
    const en = input.approved ? `was approved; access is valid until ${input.until}` : `was not approved${input.reason ? ` (${input.reason})` : ''}`;
    return {
      to: input.to,
      kind: input.approved ? 'application.approved' : 'application.rejected',
      subject: `【汇交平台】资源使用申请${input.approved ? '已批准' : '未获批准'} / Access application ${input.approved ? 'approved' : 'rejected'}`,
      body: `${input.name}，您好：\n\n您对资源“${input.resource}”的使用申请${zh}。\n${input.link}\n\nYour application for "${input.resource}" ${en}.\n\n—— 国家科技计划资源汇交平台 Huijiao`,
    };
  },
  contactRequest(input: { to: string; name: string; resource: string; from: string; replyTo: string; message: string; link: string }): OutgoingMail {
    return {
      to: input.to,
      kind: 'resource.contact_request',
      subject: `【汇交平台】线下共享资源获取请求 / Offline access request`,
      body: `${input.name}，您好：\n\n${input.from}（${input.replyTo}）希望获取线下共享资源“${input.resource}”：\n${input.message}\n\n请直接回复该邮箱联系。${input.link}\n\n${input.from} (${input.replyTo}) asks for the offline resource "${input.resource}".\n\n—— 国家科技计划资源汇交平台 Huijiao`,
    };
  },
  reuseDecided(input: { to: string; name: string; resource: string; kind: 'citation' | 'benefit'; accepted: boolean; note: string | null; link: string }): OutgoingMail {
    const what = input.kind === 'citation' ? '引用' : '应用成效';
    return {
      to: input.to,
      kind: input.accepted ? 'reuse.accepted' : 'reuse.rejected',
      subject: `【汇交平台】再利用报告${input.accepted ? '已确认' : '未获确认'} / Reuse report ${input.accepted ? 'accepted' : 'not accepted'}`,
      body: `${input.name}，您好：\n\n您报告的资源“${input.resource}”的${what}${input.accepted ? '已由平台确认，将计入该资源的共享绩效' : '未获平台确认'}。${input.note ? `\n说明：${input.note}` : ''}\n${input.link}\n\nYour reuse report (${input.kind}) for "${input.resource}" was ${input.accepted ? 'accepted by the platform and counts towards the resource\'s sharing record' : 'not accepted by the platform'}.${input.note ? ` Note: ${input.note}` : ''}\n\n—— 国家科技计划资源汇交平台 Huijiao`,
    };
  },
  emailVerification(input: { to: string; name: string; link: string; hours: number }): OutgoingMail {
    return {
      to: input.to,
      kind: 'auth.email_verification',
      subject: `【汇交平台】请验证您的邮箱 / Verify your e-mail`,
      body: `${input.name}，您好：\n\n感谢注册国家科技计划资源汇交平台。请在 ${input.hours} 小时内打开以下链接完成邮箱验证（仅可使用一次）：\n${input.link}\n\nThank you for registering. Open the link above within ${input.hours} hours to verify your e-mail address.\n\n—— 国家科技计划资源汇交平台 Huijiao`,
    };
  },
  utilisationReport(input: { to: string; name: string; title: string; period: string; pdfLink: string; xlsxLink: string; subjects: number; released: number; downloads: number }): OutgoingMail {
    return {
      to: input.to,
      kind: 'report.utilisation',
      subject: `【汇交平台】${input.title}（${input.period}） / Utilisation report`,
      body: [
        `${input.name}，您好：`,
        '',
        `《${input.title}》（${input.period}）已生成：课题 ${input.subjects} 个，本期发布资源 ${input.released} 项，下载 ${input.downloads} 次。`,
        `PDF 报告：${input.pdfLink}`,
        `Excel 明细：${input.xlsxLink}`,
        '（下载链接无需登录，请勿转发。）',
        '',
        `Dear ${input.name},`,
        `The utilisation report "${input.title}" for ${input.period} is ready: ${input.subjects} subjects, ${input.released} resources released in the period, ${input.downloads} downloads.`,
        `PDF: ${input.pdfLink}`,
        `Excel: ${input.xlsxLink}`,
        'The links work without logging in; please do not forward them.',
        '',
        '—— 国家科技计划资源汇交平台 Huijiao',
      ].join('\n'),
    };
  },
};
