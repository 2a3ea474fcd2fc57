import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Config } from '../../config';
import type { Services } from '../../services';
import { SESSION_COOKIE, sessionCookieOptions } from '../../platform/authentication';
import { IdParams, Items, NoContent, errors } from '../../platform/schemas';
import {
  CreateTokenRequest, CreatedToken, LocaleRequest, LoginRequest, LoginResponse, MeResponse, PasswordRequest, TokenBody,
} from './auth.schemas';

export async function authRoutes(fastify: FastifyInstance, { services, config }: { services: Services; config: Config }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['auth'];

  app.post('/api/auth/login', {
    config: { access: 'public' },
    schema: { tags, summary: 'Log in with username or email and password', body: LoginRequest, response: { 200: LoginResponse, ...errors(400, 401, 403, 429) } },
  }, async (request, reply) => {
    const session = await services.auth.login(request.ctx(), { ...request.body, userAgent: request.headers['user-agent'] ?? null });
    reply.setCookie(SESSION_COOKIE, session.token, sessionCookieOptions(config, session.expiresAt));
    return { expiresAt: session.expiresAt.toISOString() };
  });

  app.post('/api/auth/logout', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'End the current session', response: { 204: NoContent, ...errors(401, 403) } },
  }, async (request, reply) => {
    if (request.session) await services.auth.logout(request.ctx(), request.session.id);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  app.get('/api/auth/me', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'The signed-in user, grants, capabilities and CSRF token', response: { 200: MeResponse, ...errors(401) } },
  }, async (request) => services.auth.me(request.ctx(), request.session?.csrfToken ?? null));

  app.put('/api/auth/password', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Change your password (ends your other sessions)', body: PasswordRequest, response: { 204: NoContent, ...errors(400, 401, 403, 422) } },
  }, async (request, reply) => {
    await services.auth.changePassword(request.ctx(), request.session?.id ?? null, request.body);
    return reply.status(204).send(null);
  });

  app.put('/api/auth/locale', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Save your interface language', body: LocaleRequest, response: { 204: NoContent, ...errors(400, 401, 403) } },
  }, async (request, reply) => {
    await services.auth.setLocale(request.ctx(), request.body.locale);
    return reply.status(204).send(null);
  });

  app.get('/api/auth/tokens', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Your personal API tokens', response: { 200: Items(TokenBody), ...errors(401, 403) } },
  }, async (request) => ({ items: await services.auth.listTokens(request.ctx()) }));

  app.post('/api/auth/tokens', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Create a personal API token (the secret is shown once)', body: CreateTokenRequest, response: { 201: CreatedToken, ...errors(400, 401, 403) } },
  }, async (request, reply) => reply.status(201).send(await services.auth.createToken(request.ctx(), request.body)));

  app.delete('/api/auth/tokens/:id', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Revoke a personal API token', params: IdParams, response: { 204: NoContent, ...errors(401, 403, 404) } },
  }, async (request, reply) => {
    await services.auth.revokeToken(request.ctx(), request.params.id);
    return reply.status(204).send(null);
  });

}
