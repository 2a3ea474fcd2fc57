import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Services } from '../../services';
import { IdParams, errors } from '../../platform/schemas';
import { ResourceUsage, SummaryQuery, UsageSummary } from './usage.schemas';

/** Usage figures (DESIGN §7); the flusher writes what is buffered when the server closes. */
export async function usageRoutes(fastify: FastifyInstance, { services }: { services: Services }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['usage'];
  const { usage } = services;
  usage.log = fastify.log;
  fastify.addHook('onClose', async () => usage.close());

  app.get('/api/usage/resources/:id', { config: { access: 'public' }, schema: { tags, summary: 'A resource’s usage (COUNTER R5), all time and per month; 404 where its page is not public', params: IdParams, response: { 200: ResourceUsage, ...errors(404) } } },
    async (request) => usage.resourceUsage(request.ctx(), request.params.id));
  app.get('/api/usage/summary', { config: { access: 'authenticated' }, schema: { tags, summary: 'Usage per month of a resource, subject, project, unit, program or platform, within the caller’s scope', querystring: SummaryQuery, response: { 200: UsageSummary, ...errors(400, 401, 403, 404, 422) } } },
    async (request) => usage.summary(request.ctx(), request.query));
}
