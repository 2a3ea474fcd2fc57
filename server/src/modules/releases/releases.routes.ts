import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Services } from '../../services';
import { IdParams, Nullable, errors } from '../../platform/schemas';
import { ResourceDetail } from '../resources/resources.schemas';

const ReleaseRequest = Type.Object({
  sharingMode: Type.Enum(['open', 'registered', 'application', 'embargo', 'offline', 'restricted']),
  embargoEnd: Type.Optional(Nullable(Type.String({ format: 'date' }))),
  embargoReason: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  licence: Type.String({ minLength: 1, maxLength: 40 }),
}, { additionalProperties: false });
const WithdrawRequest = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 2000, pattern: '\\S' }) }, { additionalProperties: false });

export async function releaseRoutes(fastify: FastifyInstance, { services }: { services: Services }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['releases'];
  const { releases, resources } = services;
  const access = { access: 'authenticated' as const };

  app.post('/api/resources/:id/release', { config: access, schema: { tags, summary: 'Release an approved resource: sharing mode, embargo, licence; mints its CSTR', params: IdParams, body: ReleaseRequest, response: { 200: ResourceDetail, ...errors(400, 401, 403, 404, 409, 422) } } },
    async (request) => {
      await releases.release(request.ctx(), request.params.id, request.body);
      return resources.get(request.ctx(), request.params.id);
    });
  app.post('/api/resources/:id/versions', { config: access, schema: { tags, summary: 'Start a new version of a released resource (a draft copy)', params: IdParams, response: { 201: ResourceDetail, ...errors(401, 403, 404, 409) } } },
    async (request, reply) => reply.status(201).send(await resources.get(request.ctx(), await releases.newVersion(request.ctx(), request.params.id))));
  app.post('/api/resources/:id/withdraw', { config: access, schema: { tags, summary: 'Withdraw a released resource (tombstone: description and reason, no files)', params: IdParams, body: WithdrawRequest, response: { 200: ResourceDetail, ...errors(400, 401, 403, 404, 409) } } },
    async (request) => {
      await releases.withdraw(request.ctx(), request.params.id, request.body.reason);
      return resources.get(request.ctx(), request.params.id);
    });
}
