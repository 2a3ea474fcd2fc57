import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config';
import type { AuthService } from '../modules/auth/auth.service';
import { AppError } from './errors';
import { resolveLang } from './i18n';
import './fastify-types';

export const SESSION_COOKIE = 'hj_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Who is calling: a session cookie or a Bearer API token. Enforces each route's declared access,
 * read-only tokens and CSRF on cookie-authenticated writes, before any handler runs.
 */
export function installAuthentication(app: FastifyInstance, auth: AuthService): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);
  app.decorateRequest('lang', 'zh-CN');
  app.decorateRequest('ctx', function ctx(this: FastifyRequest) {
    return { actor: this.actor, requestId: String(this.id), ip: this.ip, lang: this.lang };
  });

  // Every /api route must say who may reach it; a route without that is refused at start-up.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/') && !route.config?.access && !route.url.startsWith('/api/docs')) {
      throw new Error(`Route ${route.method} ${route.url} declares no access (config.access)`);
    }
  });

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    request.lang = resolveLang(null, request.headers['accept-language']);
    const access = request.routeOptions.config?.access;
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (bearer) {
      request.actor = await auth.resolveToken(bearer);
    } else {
      const cookie = request.cookies[SESSION_COOKIE];
      if (cookie) {
        try {
          const session = await auth.resolveSession(cookie);
          request.actor = session.actor;
          request.session = { id: session.sessionId, csrfToken: session.csrfToken };
        } catch (error) {
          reply.clearCookie(SESSION_COOKIE, { path: '/' });
          if (access === 'authenticated') throw error;
        }
      }
    }
    if (request.actor) request.lang = resolveLang(request.actor.locale, request.headers['accept-language']);

    if (access === 'authenticated' && !request.actor) throw new AppError('auth.unauthenticated');
    if (!request.actor || SAFE_METHODS.has(request.method)) return;
    if (request.actor.via === 'token') {
      if (request.actor.readOnly) throw new AppError('auth.token_read_only');
      return;
    }
    if (request.headers['x-csrf-token'] !== request.session?.csrfToken) throw new AppError('auth.csrf_failed');
  });

}

/** Cookie options for the session cookie: httpOnly, SameSite=Lax, Secure behind https. */
export function sessionCookieOptions(config: Config, expires: Date) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: config.publicUrl.startsWith('https://'),
    expires,
  };
}
