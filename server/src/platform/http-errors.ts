import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, ERRORS, type ErrorCode, type ErrorDetail } from './errors';
import { localize, type Bilingual, type Lang } from './i18n';

/** Plain-language messages for JSON-schema failures, by Ajv keyword. */
const VALIDATION_MESSAGES: Record<string, Bilingual> = {
  required: { zh: '为必填项', en: 'is required' },
  type: { zh: '类型不正确，应为 {type}', en: 'must be of type {type}' },
  format: { zh: '格式不正确（{format}）', en: 'has an invalid format ({format})' },
  pattern: { zh: '格式不正确', en: 'has an invalid format' },
  minLength: { zh: '至少需要 {limit} 个字符', en: 'needs at least {limit} characters' },
  maxLength: { zh: '最多 {limit} 个字符', en: 'allows at most {limit} characters' },
  minimum: { zh: '不能小于 {limit}', en: 'must be at least {limit}' },
  maximum: { zh: '不能大于 {limit}', en: 'must be at most {limit}' },
  enum: { zh: '取值不在允许范围内（{allowed}）', en: 'must be one of {allowed}' },
  const: { zh: '取值不在允许范围内', en: 'has a value that is not allowed' },
  additionalProperties: { zh: '不允许的字段 {property}', en: 'has an unknown field {property}' },
  minItems: { zh: '至少需要 {limit} 项', en: 'needs at least {limit} items' },
  maxItems: { zh: '最多 {limit} 项', en: 'allows at most {limit} items' },
  anyOf: { zh: '取值不符合要求', en: 'does not match any allowed form' },
};
const FALLBACK_VALIDATION: Bilingual = { zh: '取值不正确', en: 'is invalid' };

interface AjvIssue {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
}

/** Turns schema validation failures into one detail per failing field, with a JSON path. */
function validationDetails(issues: AjvIssue[], context: string | undefined, lang: Lang): ErrorDetail[] {
  const seen = new Set<string>();
  const details: ErrorDetail[] = [];
  for (const issue of issues) {
    let path = issue.instancePath || '';
    const params: Record<string, string | number> = {};
    if (issue.keyword === 'required') path += `/${String(issue.params.missingProperty)}`;
    if (issue.keyword === 'additionalProperties') params.property = String(issue.params.additionalProperty);
    if ('limit' in issue.params) params.limit = Number(issue.params.limit);
    if ('type' in issue.params) params.type = String(issue.params.type);
    if ('format' in issue.params) params.format = String(issue.params.format);
    if ('allowedValues' in issue.params) params.allowed = (issue.params.allowedValues as unknown[]).join(', ');
    const fullPath = context && context !== 'body' ? `${context}${path || ''}` : path || '/';
    const key = `${fullPath}:${issue.keyword}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const text = VALIDATION_MESSAGES[issue.keyword] ?? FALLBACK_VALIDATION;
    const field = path.split('/').filter(Boolean).pop() ?? context ?? '';
    details.push({ path: fullPath, code: `validation.${issue.keyword}`, message: `${field ? `${field} ` : ''}${localize(text, lang, params)}`.trim() });
  }
  return details;
}

function send(reply: FastifyReply, code: ErrorCode, lang: Lang, params: Record<string, string | number>, details: ErrorDetail[]) {
  const spec = ERRORS[code];
  return reply.status(spec.status).send({
    code,
    message: localize(spec, lang, params),
    details: details.map((d) => ({
      path: d.path,
      code: d.code,
      message: d.message ?? localize(d.code in ERRORS ? ERRORS[d.code as ErrorCode] : FALLBACK_VALIDATION, lang, d.params ?? {}),
    })),
  });
}

/** One error handler for the whole API: stable codes, localised messages, never a stack trace. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError | Error, request: FastifyRequest, reply: FastifyReply) => {
    const lang = request.lang ?? 'zh-CN';
    if (error instanceof AppError) {
      for (const [name, value] of Object.entries(error.headers)) reply.header(name, value);
      if (error.status >= 500) request.log.error({ err: error }, error.code);
      return send(reply, error.code, lang, error.params, error.details);
    }
    const fastifyError = error as FastifyError;
    if (fastifyError.validation) {
      return send(reply, 'request.invalid', lang, {}, validationDetails(fastifyError.validation as AjvIssue[], fastifyError.validationContext, lang));
    }
    const status = fastifyError.statusCode ?? 500;
    if (status === 413) return send(reply, 'request.too_large', lang, {}, []);
    if (status === 415) return send(reply, 'request.unsupported_media_type', lang, {}, []);
    if (status >= 400 && status < 500) return send(reply, 'request.malformed', lang, {}, []);
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, 'internal', lang, {}, []);
  });

  app.setNotFoundHandler((request, reply) => send(reply, 'route.not_found', request.lang ?? 'zh-CN', {}, []));
}
