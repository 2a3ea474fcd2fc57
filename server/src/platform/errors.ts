import type { Bilingual } from './i18n';

interface ErrorSpec extends Bilingual {
  status: number;
}

/** Every error the API can return: a stable code, its HTTP status and zh/en messages. */
export const ERRORS = {
  'request.invalid': { status: 400, zh: '请求内容有误，请检查标出的字段', en: 'The request is invalid; check the fields listed' },
  'request.malformed': { status: 400, zh: '请求无法解析', en: 'The request body could not be parsed' },
  'request.too_large': { status: 413, zh: '请求内容过大', en: 'The request is too large' },
  'request.unsupported_media_type': { status: 415, zh: '不支持的内容类型', en: 'Unsupported content type' },
  'route.not_found': { status: 404, zh: '接口不存在', en: 'No such endpoint' },
  'internal': { status: 500, zh: '服务器内部错误，请稍后重试', en: 'Internal server error; please try again later' },
  'unavailable': { status: 503, zh: '服务暂不可用', en: 'Service unavailable' },

  'auth.unauthenticated': { status: 401, zh: '请先登录', en: 'Please log in first' },
  'auth.invalid_credentials': { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
  'auth.session_expired': { status: 401, zh: '登录已过期，请重新登录', en: 'Your session has expired; please log in again' },
  'auth.token_invalid': { status: 401, zh: 'API 令牌无效、已过期或已撤销', en: 'The API token is invalid, expired or revoked' },
  'auth.account_disabled': { status: 403, zh: '账号已停用', en: 'This account is disabled' },
  'auth.rate_limited': { status: 429, zh: '登录失败次数过多，请 {minutes} 分钟后再试', en: 'Too many failed logins; try again in {minutes} minutes' },
  'auth.registration_rate_limited': { status: 429, zh: '该网络地址注册账号过于频繁，请 {minutes} 分钟后再试', en: 'Too many accounts registered from this network address; try again in {minutes} minutes' },
  'auth.csrf_failed': { status: 403, zh: '安全校验失败，请刷新页面后重试', en: 'Security check failed; reload the page and try again' },
  'auth.token_read_only': { status: 403, zh: '只读令牌不能修改数据', en: 'A read-only token cannot change data' },
  'auth.wrong_password': { status: 422, zh: '当前密码不正确', en: 'The current password is wrong' },
  'auth.weak_password': { status: 422, zh: '密码至少 10 位，且须包含字母和数字', en: 'Passwords need at least 10 characters with letters and digits' },
  'auth.forbidden': { status: 403, zh: '您没有权限执行此操作', en: 'You are not allowed to do this' },
  'token.not_found': { status: 404, zh: '令牌不存在', en: 'Token not found' },

  'org.not_found': { status: 404, zh: '机构不存在', en: 'Organisation not found' },
  'org.invalid_credit_code': { status: 422, zh: '统一社会信用代码无效（须为 18 位且校验位正确）', en: 'Invalid unified social credit code (18 characters with a valid check character)' },
  'org.credit_code_required': { status: 422, zh: '承担单位须填写统一社会信用代码', en: 'Undertaking units need a unified social credit code' },
  'org.credit_code_taken': { status: 409, zh: '该统一社会信用代码已被机构“{name}”使用', en: 'This credit code is already used by "{name}"' },
  'org.region_required': { status: 422, zh: '省级科技管理部门须选择行政区划', en: 'Provincial departments need a region' },
  'org.region_unknown': { status: 422, zh: '行政区划代码不存在', en: 'Unknown region code' },
  'org.parent_invalid': { status: 422, zh: '该类型机构不能设在所选上级机构之下', en: 'This kind of organisation cannot sit under the chosen parent' },
  'org.parent_cycle': { status: 422, zh: '上级机构不能是自身或其下级机构', en: 'The parent cannot be the organisation itself or one below it' },
  'org.name_taken': { status: 409, zh: '同一上级下已有同名机构', en: 'An organisation with this name already exists under the same parent' },
  'org.has_dependants': { status: 409, zh: '机构仍被引用（下级机构 {children}、用户 {users}、授权 {grants}、课题 {subjects}、标准 {standards}），不能删除', en: 'The organisation is still referenced ({children} children, {users} users, {grants} grants, {subjects} subjects, {standards} standards)' },

  'user.not_found': { status: 404, zh: '用户不存在', en: 'User not found' },
  'user.username_taken': { status: 409, zh: '用户名已被使用', en: 'This username is taken' },
  'user.email_taken': { status: 409, zh: '邮箱已被使用', en: 'This email is already registered' },
  'user.cannot_disable_self': { status: 422, zh: '不能停用自己的账号', en: 'You cannot disable your own account' },

  'grant.not_found': { status: 404, zh: '授权不存在', en: 'Role grant not found' },
  'grant.scope_mismatch': { status: 422, zh: '角色“{role}”的授权范围须为：{expected}', en: 'The role "{role}" must be scoped to: {expected}' },
  'grant.scope_not_found': { status: 422, zh: '授权范围对象不存在', en: 'The scope object does not exist' },
  'grant.duplicate': { status: 409, zh: '该用户已拥有此授权', en: 'The user already holds this grant' },
  'grant.last_sysadmin': { status: 409, zh: '不能撤销最后一个系统管理员', en: 'The last system administrator cannot be revoked' },

  'standard.not_found': { status: 404, zh: '标准或版本不存在', en: 'Standard or version not found' },
  'standard.invalid': { status: 422, zh: '标准文件有 {count} 处问题，请逐项修改', en: 'The standard has {count} problems; fix each one' },
  'standard.domain_taken': { status: 409, zh: '该领域标识已有标准', en: 'A standard with this domain already exists' },
  'standard.version_exists': { status: 409, zh: '版本 {version} 已存在', en: 'Version {version} already exists' },
  'standard.version_not_newer': { status: 422, zh: '新版本号须高于已有的 {latest}', en: 'The new version must be higher than {latest}' },
  'standard.version_mismatch': { status: 422, zh: '文件中的版本号须为 {version}', en: 'The document version must be {version}' },
  'standard.not_editable': { status: 409, zh: '只有草稿可以修改；已批准的版本不可变更，请新建版本', en: 'Only drafts can be edited; approved versions are immutable — create a new version' },
  'standard.wrong_status': { status: 409, zh: '当前状态（{status}）不允许此操作', en: 'Not possible in the current status ({status})' },
  'standard.no_platform': { status: 422, zh: '该标准尚未关联领域平台', en: 'This standard is not linked to a domain platform yet' },
  'standard.not_an_expert': { status: 422, zh: '所选用户不是该平台的评审专家', en: 'A selected user is not an expert of this platform' },
  'standard.already_decided': { status: 409, zh: '您已对本轮评审作出决定', en: 'You have already decided in this review round' },
  'standard.comment_required': { status: 422, zh: '要求修改时须填写意见', en: 'A comment is required when requesting changes' },
  'standard.type_not_collected': { status: 404, zh: '该标准版本不包含资源类型“{type}”', en: 'This standard version does not cover resource type "{type}"' },
  'standard.not_approved': { status: 409, zh: '只有已批准的标准版本可以接收汇交', en: 'Only approved standard versions accept submissions' },
  'workbook.invalid': { status: 422, zh: '表格有 {count} 处问题，未导入任何数据', en: 'The workbook has {count} problems; nothing was imported' },

  'program.not_found': { status: 404, zh: '计划不存在', en: 'Program not found' },
  'project.not_found': { status: 404, zh: '项目不存在', en: 'Project not found' },
  'subject.not_found': { status: 404, zh: '课题不存在', en: 'Subject not found' },
  'registry.code_taken': { status: 409, zh: '编号 {code} 已被使用', en: 'Code {code} is already used' },
  'registry.bad_code': { status: 422, zh: '编号格式不正确（如 2021YFA0100100）', en: 'Invalid code (e.g. 2021YFA0100100)' },
  'registry.bad_unit': { status: 422, zh: '所选机构不是承担单位', en: 'The organisation is not an undertaking unit' },
  'registry.bad_platform': { status: 422, zh: '所选机构不是领域平台', en: 'The organisation is not a domain platform' },
  'registry.bad_dates': { status: 422, zh: '结束日期不能早于开始日期', en: 'The end date cannot be before the start date' },
  'designation.duplicate': { status: 409, zh: '该用户已是本课题的汇交义务人', en: 'This user is already a submitter of the subject' },
  'designation.not_found': { status: 404, zh: '该用户不是本课题的汇交义务人', en: 'This user is not a submitter of the subject' },
  'invitation.invalid': { status: 404, zh: '邀请链接无效、已使用或已过期', en: 'The invitation link is invalid, used or expired' },
  'import.unreadable': { status: 422, zh: '无法读取文件：请上传 .xlsx 或 .csv（UTF-8 或 GB18030）', en: 'Cannot read the file: upload .xlsx or .csv (UTF-8 or GB18030)' },
  'import.invalid': { status: 422, zh: '导入文件有 {count} 处问题，未导入任何数据', en: 'The file has {count} problems; nothing was imported' },
  'plan.not_found': { status: 404, zh: '汇交计划不存在', en: 'Collection plan not found' },
  'plan.exists': { status: 409, zh: '该课题已有汇交计划', en: 'This subject already has a collection plan' },
  'plan.not_editable': { status: 409, zh: '汇交计划当前状态（{status}）不可修改', en: 'The plan cannot be edited in its current status ({status})' },
  'plan.wrong_status': { status: 409, zh: '汇交计划当前状态（{status}）不允许此操作', en: 'Not possible while the plan is {status}' },
  'plan.no_lines': { status: 422, zh: '汇交计划至少需要一行', en: 'A plan needs at least one line' },
  'plan.unknown_type': { status: 422, zh: '资源类型“{type}”不在平台已批准的汇交标准中', en: 'Resource type "{type}" is not in the platform’s approved standard' },
  'plan.due_after_acceptance': { status: 422, zh: '计划完成日期不能晚于验收日期 {date}', en: 'The due date cannot be after the acceptance date {date}' },
  'plan.amendment_open': { status: 409, zh: '已有未完成的计划变更', en: 'An amendment is already in progress' },
  'plan.not_approved': { status: 409, zh: '只有已批准的计划可以变更', en: 'Only an approved plan can be amended' },
  'plan.comment_required': { status: 422, zh: '退回时须填写意见', en: 'A comment is required when returning' },
  'plan.no_standard': { status: 422, zh: '该课题的领域平台还没有已批准的汇交标准', en: 'The subject’s platform has no approved collection standard yet' },
  'comment.not_found': { status: 404, zh: '意见不存在', en: 'Comment not found' },

  'resource.not_found': { status: 404, zh: '资源不存在', en: 'Resource not found' },
  'resource.type_not_in_standard': { status: 422, zh: '该课题所属平台的已批准标准不包含资源类型“{type}”', en: 'The platform’s approved standard does not cover resource type "{type}"' },
  'resource.not_editable': { status: 409, zh: '资源已提交审核，退回修改前不能编辑', en: 'The resource is under review and cannot be edited until a reviewer returns it' },
  'resource.invalid': { status: 422, zh: '描述信息有 {count} 处问题，请修改后再提交', en: 'The description has {count} problems; fix them before submitting' },
  'resource.deposit_required': { status: 422, zh: '实物资源须先登记实物寄送信息', en: 'A physical resource needs its deposit recorded first' },
  'resource.not_physical': { status: 422, zh: '只有实物资源可以登记实物汇交', en: 'Only physical resources have deposits' },
  'deposit.not_found': { status: 404, zh: '实物汇交记录不存在', en: 'Deposit not found' },
  'deposit.not_repository': { status: 422, zh: '所选机构不是资源保藏机构', en: 'The organisation is not a repository' },
  'deposit.already_confirmed': { status: 409, zh: '该实物汇交已确认', en: 'This deposit has already been confirmed' },
  'file.not_found': { status: 404, zh: '文件不存在', en: 'File not found' },
  'file.bad_name': { status: 400, zh: '文件名或路径无效（不能包含控制字符、“..”或以“/”开头）', en: 'Invalid file name or path (no control characters, no "..", not absolute)' },
  'file.too_large': { status: 413, zh: '文件超过上限 {limit}', en: 'The file exceeds the limit of {limit}' },
  'file.over_quota': { status: 413, zh: '超出课题存储配额（已用 {used}，配额 {quota}）', en: 'Over the subject’s storage quota ({used} used of {quota})' },
  'file.checksum_mismatch': { status: 460, zh: '数据校验和不一致，请重新上传该段', en: 'Checksum mismatch; upload the chunk again' },
  'file.range_invalid': { status: 416, zh: '请求的字节范围无效', en: 'The requested range is not satisfiable' },
  'upload.not_found': { status: 404, zh: '上传任务不存在或已过期', en: 'Upload not found or expired' },
  'upload.bad_metadata': { status: 400, zh: '上传元数据缺少 resourceId 或 filename', en: 'Upload metadata needs resourceId and filename' },
  'import.wrong_status': { status: 409, zh: '导入任务当前状态（{status}）不允许此操作', en: 'Not possible while the import is {status}' },
  'import.job_not_found': { status: 404, zh: '导入任务不存在', en: 'Import job not found' },
  'review.wrong_status': { status: 409, zh: '资源当前状态（{status}）不允许此操作', en: 'Not possible while the resource is {status}' },
  'review.comment_required': { status: 422, zh: '退回修改时须填写意见', en: 'A comment is required when returning' },
  'review.unknown_field': { status: 422, zh: '字段“{field}”不在该资源的标准中', en: 'Field "{field}" is not in the resource’s standard' },
  'review.unknown_file': { status: 422, zh: '文件“{path}”不属于该资源', en: 'File "{path}" does not belong to the resource' },
  'review.comment_not_found': { status: 404, zh: '审核意见不存在', en: 'Review comment not found' },
  'review.not_expert': { status: 422, zh: '该用户不是本平台的评审专家', en: 'The user is not an expert of this platform' },
  'review.expert_conflict': { status: 422, zh: '专家 {name} 来自课题承担单位，存在利益冲突，不能指派', en: 'Expert {name} belongs to an undertaking unit of the subject (conflict of interest)' },
  'review.assignment_not_found': { status: 404, zh: '专家评审任务不存在', en: 'Expert assignment not found' },
  'review.already_declared': { status: 409, zh: '已声明过利益冲突情况', en: 'The conflict of interest has already been declared' },
  'review.declare_first': { status: 409, zh: '请先声明无利益冲突', en: 'Declare that you have no conflict of interest first' },
  'review.opinion_given': { status: 409, zh: '已提交评审意见', en: 'The opinion has already been given' },
  'review.conflict_note_required': { status: 422, zh: '声明存在利益冲突时须说明情况', en: 'Describe the conflict of interest' },
  'review.bad_scores': { status: 422, zh: '须为每项评分标准打 1–5 分', en: 'Score every criterion of the rubric from 1 to 5' },
  'review.bad_sharing_mode': { status: 422, zh: '共享方式“{mode}”无效', en: 'Unknown sharing mode "{mode}"' },
  'review.settings_invalid': { status: 422, zh: '审核设置有误，请检查标出的字段', en: 'The review settings are invalid; check the fields listed' },
  'release.embargo_end_required': { status: 422, zh: '保护期共享须填写保护期截止日期', en: 'An embargo needs its end date' },
  'release.embargo_past': { status: 422, zh: '保护期截止日期须晚于今天', en: 'The embargo must end after today' },
  'release.embargo_reason_required': { status: 422, zh: '保护期超过 12 个月时须说明理由', en: 'An embargo longer than 12 months needs a reason' },
  'release.embargo_not_applicable': { status: 422, zh: '只有“保护期”共享方式可以设置保护期截止日期', en: 'Only the embargo sharing mode takes an embargo end' },
  'release.unknown_licence': { status: 422, zh: '许可协议“{licence}”无效', en: 'Unknown licence "{licence}"' },
  'release.deposit_unconfirmed': { status: 409, zh: '实物资源须经保藏机构确认接收后才能发布', en: 'A physical resource is released only after the repository has confirmed receipt' },
  'release.version_open': { status: 409, zh: '该资源已有未发布的新版本', en: 'A newer version of this resource is already in progress' },
  'release.not_latest': { status: 409, zh: '只能基于最新发布的版本创建新版本', en: 'A new version can only be made from the latest released version' },
  'portal.not_found': { status: 404, zh: '资源不存在或未公开', en: 'No such public resource' },
  'access.login_required': { status: 401, zh: '请登录后下载', en: 'Log in to download' },
  'access.embargoed': { status: 403, zh: '文件在保护期内，{date} 后开放', en: 'The files are under embargo until {date}' },
  'access.application_required': { status: 403, zh: '该资源须申请并获批准后下载', en: 'Apply for access and wait for approval to download' },
  'access.application_pending': { status: 403, zh: '您的使用申请正在审核中', en: 'Your application is being reviewed' },
  'access.application_expired': { status: 403, zh: '您的使用授权已过期，请重新申请', en: 'Your access has expired; apply again' },
  'access.offline': { status: 403, zh: '该资源线下共享，请联系提供方', en: 'This resource is shared offline; contact the provider' },
  'access.withdrawn': { status: 410, zh: '该资源已撤回', en: 'This resource has been withdrawn' },
  'application.not_found': { status: 404, zh: '使用申请不存在', en: 'Application not found' },
  'application.not_applicable': { status: 409, zh: '该资源的共享方式不需要申请', en: 'This resource is not shared by application' },
  'application.exists': { status: 409, zh: '您已有待审核或有效的申请', en: 'You already have a pending or valid application' },
  'application.agreement_required': { status: 422, zh: '须阅读并同意数据使用协议', en: 'Read and accept the data use agreement' },
  'application.decided': { status: 409, zh: '该申请已处理', en: 'This application has already been decided' },
  'application.reason_required': { status: 422, zh: '拒绝申请须说明理由', en: 'A reason is required to reject' },
  'application.bad_expiry': { status: 422, zh: '授权截止日期须晚于今天且不超过 3 年', en: 'The expiry must be after today and within 3 years' },
  'auth.email_unverified': { status: 403, zh: '请先点击验证邮件中的链接激活账号', en: 'Open the link in the verification e-mail to activate your account first' },
  'auth.verification_invalid': { status: 400, zh: '验证链接无效或已过期', en: 'The verification link is invalid or has expired' },
  'usage.bad_period': { status: 422, zh: '统计区间无效：起始月份不能晚于结束月份，且最长 {max} 个月', en: 'Invalid period: from must not be after to, and it spans at most {max} months' },
  'certificate.not_found': { status: 404, zh: '未找到该汇交凭证，凭证号或校验码无效', en: 'No such collection certificate; the code is not valid' },
  'certificate.incomplete': { status: 409, zh: '汇交计划尚未完成：{missing}', en: 'Collection is not complete yet: {missing}' },
  'certificate.exists': { status: 409, zh: '该课题已签发汇交凭证', en: 'A certificate has already been issued for this subject' },
  'certificate.unknown_line': { status: 422, zh: '已批准的汇交计划中没有资源类型“{type}”', en: 'The approved plan has no line of type "{type}"' },
  'certificate.already_waived': { status: 409, zh: '该类型已豁免', en: 'This type has already been waived' },
  'certificate.line_fulfilled': { status: 409, zh: '该类型已完成，无需豁免', en: 'This type is already fulfilled' },
  'report.not_found': { status: 404, zh: '报告不存在或下载链接无效', en: 'Report not found, or the download link is not valid' },
  'report.bad_period': { status: 422, zh: '统计期间无效：开始日期不能晚于结束日期，且最长不超过 5 年', en: 'Invalid period: the start must not be after the end, and it spans less than five years' },
  'report.not_ready': { status: 409, zh: '报告尚未生成完成（当前状态：{status}）', en: 'The report is not ready yet (status: {status})' },
  'report.duplicate_contact': { status: 422, zh: '联系人邮箱 {email} 重复', en: 'The contact e-mail {email} appears twice' },
  'supervision.bad_schedule': { status: 422, zh: '提醒时间表无效：提前天数和逾期天数各最多 10 个，须为 1—365 之间互不重复的整数', en: 'Invalid reminder schedule: each list holds at most 10 distinct whole numbers of days from 1 to 365' },
  'funding.bad_amount': { status: 422, zh: '已支出金额须在 0 至 1 万亿元之间，最多两位小数', en: 'The amount spent must be between 0 and 1,000,000,000,000 with at most two decimals' },
  'evaluation.weights_sum': { status: 422, zh: '“{groupZh}”的权重之和须为 1（当前为 {sum}）', en: 'The {groupEn} weights must sum to 1 (they sum to {sum})' },
  'evaluation.rules_not_found': { status: 404, zh: '评价规则版本不存在', en: 'No such evaluation rule version' },
  'evaluation.run_not_found': { status: 404, zh: '评价批次不存在', en: 'No such evaluation run' },
  'evaluation.bad_as_of': { status: 422, zh: '评价时点不能晚于当前时间', en: 'The as-of moment cannot be in the future' },
  'evaluation.not_scored': { status: 404, zh: '该课题在此次评价中没有得分（尚无已批准的汇交计划）', en: 'The subject has no score in this evaluation run (no approved collection plan)' },
  'reuse.not_found': { status: 404, zh: '再利用报告不存在', en: 'No such reuse report' },
  'reuse.already_decided': { status: 409, zh: '该再利用报告已审核', en: 'This reuse report has already been decided' },
} satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof ERRORS;

/** One failing field of a request, with its JSON path; the handler localises the message. */
export interface ErrorDetail {
  path: string;
  code: string;
  params?: Record<string, string | number>;
  message?: string;
}

/** An error with a stable code; the error handler turns it into the API error shape. */
export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
    readonly details: ErrorDetail[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(code);
    this.status = ERRORS[code].status;
  }
}

/** Shorthand for the error a field-level business rule raises, pointing at that field. */
export function fieldError(code: ErrorCode, path: string, params: Record<string, string | number> = {}): AppError {
  return new AppError(code, params, [{ path, code, params }]);
}
