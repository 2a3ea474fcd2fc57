import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Services } from '../../services';
import { errors } from '../../platform/schemas';
import { SearchAnswer, SearchQuerystring } from './search.schemas';

export async function searchRoutes(fastify: FastifyInstance, { services }: { services: Services }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get('/api/portal/search', {
    config: { access: 'public' },
    schema: { tags: ['portal'], summary: 'Search listed resources: text (zh/en) or identifier, facet filters, sort, page', querystring: SearchQuerystring, response: { 200: SearchAnswer, ...errors(400) } },
  }, async (request) => {
    const actor = request.ctx().actor;
    return services.search.search(request.query, { userId: actor?.userId || null, ip: request.ip, userAgent: String(request.headers['user-agent'] ?? ''), machine: actor?.via === 'token' });
  });
}
