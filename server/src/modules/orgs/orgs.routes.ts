import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Services } from '../../services';
import { IdParams, Items, NoContent, errors } from '../../platform/schemas';
import { CreateOrgRequest, OrgBody, OrgQuery, RegionBody, UpdateOrgRequest } from './orgs.schemas';

export async function orgRoutes(fastify: FastifyInstance, { services }: { services: Services }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['organisations'];

  app.get('/api/regions', {
    config: { access: 'public' },
    schema: { tags, summary: 'Provincial-level divisions (GB/T 2260)', response: { 200: Items(RegionBody) } },
  }, async () => ({ items: await services.orgs.regions() }));

  app.get('/api/orgs', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Organisations you may see', querystring: OrgQuery, response: { 200: Items(OrgBody), ...errors(400, 401) } },
  }, async (request) => ({ items: await services.orgs.list(request.ctx(), request.query) }));

  app.get('/api/orgs/:id', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'One organisation', params: IdParams, response: { 200: OrgBody, ...errors(400, 401, 403, 404) } },
  }, async (request) => services.orgs.get(request.ctx(), request.params.id));

  app.post('/api/orgs', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Create an organisation', body: CreateOrgRequest, response: { 201: OrgBody, ...errors(400, 401, 403, 409, 422) } },
  }, async (request, reply) => reply.status(201).send(await services.orgs.create(request.ctx(), request.body)));

  app.patch('/api/orgs/:id', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Update an organisation', params: IdParams, body: UpdateOrgRequest, response: { 200: OrgBody, ...errors(400, 401, 403, 404, 409, 422) } },
  }, async (request) => services.orgs.update(request.ctx(), request.params.id, request.body));

  app.delete('/api/orgs/:id', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Delete an organisation without children or users', params: IdParams, response: { 204: NoContent, ...errors(401, 403, 404, 409) } },
  }, async (request, reply) => {
    await services.orgs.remove(request.ctx(), request.params.id);
    return reply.status(204).send(null);
  });
}
