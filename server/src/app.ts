import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { Config } from './config';
import type { Database } from './db/database';
import { createServices, type Services } from './services';
import { installAuthentication } from './platform/authentication';
import { installErrorHandling } from './platform/http-errors';
import { installMetrics } from './platform/metrics';
import { ErrorBody } from './platform/schemas';
import { healthRoutes } from './modules/health/health.routes';
import { authRoutes } from './modules/auth/auth.routes';
import { orgRoutes } from './modules/orgs/orgs.routes';
import { userRoutes } from './modules/users/users.routes';
import { auditRoutes } from './modules/audit/audit.routes';
import { standardRoutes } from './modules/standards/standards.routes';
import { registryRoutes } from './modules/registry/registry.routes';
import { planRoutes } from './modules/plans/plans.routes';
import { resourceRoutes } from './modules/resources/resources.routes';
import { reviewRoutes } from './modules/reviews/reviews.routes';
import { releaseRoutes } from './modules/releases/releases.routes';
import { certificateRoutes } from './modules/certificates/certificates.routes';
import { searchRoutes } from './modules/search/search.routes';
import { usageRoutes } from './modules/usage/usage.routes';
import { portalRoutes } from './modules/portal/portal.routes';
import { interopRoutes } from './modules/interop/interop.routes';
import { supervisionRoutes } from './modules/supervision/supervision.routes';
import { evaluationRoutes } from './modules/evaluation/evaluation.routes';
import { reportRoutes } from './modules/reports/reports.routes';
import { uploadRoutes } from './modules/files/uploads.routes';
import { resourceImportRoutes } from './modules/resources/resource-import.routes';

export interface AppDeps {
  config: Config;
  database: Database;
  logger?: FastifyServerOptions['logger'];
}

export interface App {
  server: FastifyInstance;
  services: Services;
}

/** Builds the Fastify app: plugins, then modules. No business logic lives here. */
export async function buildApp({ config, database, logger }: AppDeps): Promise<App> {
  const server = Fastify({
    logger: logger ?? { level: config.logLevel },
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && /^[\w.-]{1,64}$/.test(incoming) ? incoming : randomUUID();
    },
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: true } },
  });
  const services = createServices(database, config);

  installErrorHandling(server);
  await server.register(cookie);
  installAuthentication(server, services.auth);
  installMetrics(server, database, [services.usage.metrics]);
  server.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  server.addSchema(ErrorBody);
  await server.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Huijiao 汇交 API', version: '0.1.0', description: 'Collection, review and open sharing of S&T program resources' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'hj_session' },
          token: { type: 'http', scheme: 'bearer', description: 'Personal API token (hjt_…)' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });
  await server.register(swaggerUi, { routePrefix: '/api/docs' });
  server.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => server.swagger());

  await server.register(healthRoutes, { database });
  await server.register(authRoutes, { services, config });
  await server.register(orgRoutes, { services });
  await server.register(userRoutes, { services });
  await server.register(auditRoutes, { services });
  await server.register(standardRoutes, { services });
  await server.register(registryRoutes, { services });
  await server.register(planRoutes, { services });
  await server.register(resourceRoutes, { services });
  await server.register(uploadRoutes, { services });
  await server.register(resourceImportRoutes, { services });
  await server.register(reviewRoutes, { services });
  await server.register(releaseRoutes, { services });
  await server.register(certificateRoutes, { services });
  await server.register(searchRoutes, { services });
  await server.register(usageRoutes, { services });
  await server.register(portalRoutes, { services });
  await server.register(interopRoutes, { services });
  await server.register(supervisionRoutes, { services });
  await server.register(evaluationRoutes, { services });
  await server.register(reportRoutes, { services });

  serveWebApp(server, config.webDist);
  return { server, services };
}

/**
 * Serves the built web app: any file in dist/web as it is now (a rebuild needs no restart), and
 * index.html for client-side routes that are not files.
 */
function serveWebApp(server: FastifyInstance, webDist: string): void {
  if (!fs.existsSync(path.join(webDist, 'index.html'))) return;
  void server.register(fastifyStatic, { root: webDist, index: false, wildcard: false, serve: false });
  server.get('/*', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const pathname = decodeURIComponent((request.url.split('?')[0] ?? '/').replace(/^\/+/, ''));
    if (request.url.startsWith('/api/')) return reply.callNotFound();
    const file = path.resolve(webDist, pathname);
    if (pathname && file.startsWith(webDist + path.sep) && fs.statSync(file, { throwIfNoEntry: false })?.isFile()) {
      if (pathname.startsWith('assets/')) reply.header('cache-control', 'public, max-age=31536000, immutable');
      return reply.sendFile(pathname);
    }
    reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html');
  });
}
