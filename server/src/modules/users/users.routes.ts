import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Services } from '../../services';
import { IdParams, Items, NoContent, Paged, errors } from '../../platform/schemas';
import { GrantBody, UserBody } from '../auth/auth.schemas';
import { CreateGrantRequest, CreateUserRequest, UpdateUserRequest, UserDetail, UserListItem, UserQuery } from './users.schemas';

export async function userRoutes(fastify: FastifyInstance, { services }: { services: Services }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['users'];

  app.get('/api/users', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Users you may manage', querystring: UserQuery, response: { 200: Paged(UserListItem), ...errors(400, 401, 403) } },
  }, async (request) => services.users.list(request.ctx(), request.query));

  app.get('/api/users/:id', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'One user with grants', params: IdParams, response: { 200: UserDetail, ...errors(400, 401, 403, 404) } },
  }, async (request) => services.users.get(request.ctx(), request.params.id));

  app.post('/api/users', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Create a user', body: CreateUserRequest, response: { 201: UserBody, ...errors(400, 401, 403, 404, 409, 422) } },
  }, async (request, reply) => reply.status(201).send(await services.users.create(request.ctx(), request.body)));

  app.patch('/api/users/:id', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Update, disable or reset the password of a user', params: IdParams, body: UpdateUserRequest, response: { 200: UserBody, ...errors(400, 401, 403, 404, 409, 422) } },
  }, async (request) => services.users.update(request.ctx(), request.params.id, request.body));

  app.get('/api/users/:id/grants', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Role grants of a user', params: IdParams, response: { 200: Items(GrantBody), ...errors(401, 403, 404) } },
  }, async (request) => ({ items: await services.users.grants(request.ctx(), request.params.id) }));

  app.post('/api/users/:id/grants', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Grant a role with its scope', params: IdParams, body: CreateGrantRequest, response: { 201: GrantBody, ...errors(400, 401, 403, 404, 409, 422) } },
  }, async (request, reply) => reply.status(201).send(await services.users.grant(request.ctx(), request.params.id, request.body)));

  app.delete('/api/grants/:id', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Revoke a role grant', params: IdParams, response: { 204: NoContent, ...errors(401, 403, 404, 409) } },
  }, async (request, reply) => {
    await services.users.revoke(request.ctx(), request.params.id);
    return reply.status(204).send(null);
  });
}
