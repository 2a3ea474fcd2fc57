import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Services } from '../../services';
import { Nullable, Paged, errors } from '../../platform/schemas';

const AuditEntry = Type.Object({
  id: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  actorId: Nullable(Type.String()),
  actorLabel: Type.String(),
  action: Type.String(),
  objectType: Type.String(),
  objectId: Nullable(Type.String()),
  before: Type.Unknown(),
  after: Type.Unknown(),
  requestId: Nullable(Type.String()),
  ip: Nullable(Type.String()),
  hash: Type.String(),
});

const AuditQuery = Type.Object({
  action: Type.Optional(Type.String({ maxLength: 100 })),
  objectType: Type.Optional(Type.String({ maxLength: 100 })),
  objectId: Type.Optional(Type.String({ maxLength: 100 })),
  actorId: Type.Optional(Type.String({ format: 'uuid' })),
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
});

const ChainReport = Type.Object({
  ok: Type.Boolean(),
  checked: Type.Integer(),
  firstBrokenId: Nullable(Type.Integer()),
  reason: Nullable(Type.String()),
});

export async function auditRoutes(fastify: FastifyInstance, { services }: { services: Services }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['audit'];

  app.get('/api/audit', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Audit entries, newest first', querystring: AuditQuery, response: { 200: Paged(AuditEntry), ...errors(400, 401, 403) } },
  }, async (request) => services.audit.list(request.ctx(), request.query));

  app.get('/api/audit/verify', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Recompute the hash chain and report the first broken link', response: { 200: ChainReport, ...errors(401, 403) } },
  }, async (request) => services.audit.verify(request.ctx()));
}
