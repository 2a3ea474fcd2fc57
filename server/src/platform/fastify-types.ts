import type { Actor, Ctx } from './context';
import type { Lang } from './i18n';

/** How a route is reached: by anyone, or only by an authenticated user. Every /api route says which. */
export type RouteAccess = 'public' | 'authenticated';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    lang: Lang;
    session: { id: string; csrfToken: string } | null;
    ctx(): Ctx;
  }
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}
