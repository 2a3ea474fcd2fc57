import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Services } from '../../services';
import { AppError } from '../../platform/errors';
import { IdParams, Items, errors } from '../../platform/schemas';
import { sendFile } from '../resources/resources.routes';
import type { Client } from './portal.service';
import { ApplicationBody, ApplyRequest, ContactRequest, DecisionRequest, PortalResource, RegisterRequest, VerifyEmailRequest } from './portal.schemas';

/** What a usage event needs to know about the request. */
export function clientOf(request: FastifyRequest): Client {
  return { ip: request.ip, userAgent: String(request.headers['user-agent'] ?? ''), machine: request.ctx().actor?.via === 'token' };
}

export async function portalRoutes(fastify: FastifyInstance, { services }: { services: Services }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['portal'];
  const { portal, applications, registration } = services;
  const open = { access: 'public' as const };
  const authenticated = { access: 'authenticated' as const };

  app.get('/api/portal/resources/:id', { config: open, schema: { tags, summary: 'A released resource’s public page data (restricted: 404)', params: IdParams, querystring: Type.Object({ version: Type.Optional(Type.Integer({ minimum: 1 })) }), response: { 200: PortalResource, ...errors(404) } } },
    async (request) => portal.resource(request.ctx(), request.params.id, request.query.version, clientOf(request)));

  app.get('/api/portal/resources/:id/files/:fileId', {
    config: open,
    schema: { tags, summary: 'File bytes, as the sharing mode allows (HTTP Range supported)', params: Type.Object({ id: Type.String({ format: 'uuid' }), fileId: Type.String({ format: 'uuid' }) }), response: { 200: Type.Unsafe<unknown>({ type: 'string', format: 'binary' }), 206: Type.Unsafe<unknown>({ type: 'string', format: 'binary' }), ...errors(401, 403, 404, 410, 416) } },
  }, async (request, reply) => {
    const { file, read } = await portal.file(request.ctx(), request.params.id, request.params.fileId, clientOf(request));
    return sendFile(request, reply, file, read);
  });

  app.post('/api/portal/resources/:id/applications', { config: authenticated, schema: { tags, summary: 'Apply for access (application sharing mode)', params: IdParams, body: ApplyRequest, response: { 201: ApplicationBody, ...errors(400, 401, 404, 409, 422) } } },
    async (request, reply) => reply.status(201).send(await applications.apply(request.ctx(), request.params.id, request.body)));
  app.post('/api/portal/resources/:id/contact-requests', { config: open, schema: { tags, summary: 'Ask the provider for an offline resource', params: IdParams, body: ContactRequest, response: { 201: Type.Null(), ...errors(400, 404, 409) } } },
    async (request, reply) => {
      await applications.contact(request.ctx(), request.params.id, request.body);
      return reply.status(201).send(null);
    });
  app.get('/api/applications/mine', { config: authenticated, schema: { tags, summary: 'Your access applications', response: { 200: Items(ApplicationBody), ...errors(401) } } },
    async (request) => ({ items: await applications.mine(request.ctx()) }));
  app.get('/api/applications/inbox', { config: authenticated, schema: { tags, summary: 'Applications to decide (subject PIs, platform admins)', response: { 200: Items(ApplicationBody), ...errors(401, 403) } } },
    async (request) => ({ items: await applications.inbox(request.ctx()) }));
  app.post('/api/applications/:id/decision', { config: authenticated, schema: { tags, summary: 'Approve with an expiry, or reject with a reason', params: IdParams, body: DecisionRequest, response: { 200: ApplicationBody, ...errors(400, 401, 403, 404, 409, 422) } } },
    async (request) => applications.decide(request.ctx(), request.params.id, request.body, clientOf(request)));

  app.post('/api/auth/register', { config: open, schema: { tags: ['auth'], summary: 'Register as a member; a verification link is mailed', body: RegisterRequest, response: { 201: Type.Object({ status: Type.Literal('verification_sent') }), ...errors(400, 409, 422, 429) } } },
    async (request, reply) => {
      if (request.ctx().actor) throw new AppError('request.invalid');
      return reply.status(201).send(await registration.register(request.ctx(), request.body));
    });
  app.post('/api/auth/verify-email', { config: open, schema: { tags: ['auth'], summary: 'Verify the e-mail address with the mailed token', body: VerifyEmailRequest, response: { 200: Type.Object({ username: Type.String() }), ...errors(400) } } },
    async (request) => registration.verifyEmail(request.ctx(), request.body.token));
}


