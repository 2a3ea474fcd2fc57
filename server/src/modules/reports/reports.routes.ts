import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Services } from '../../services';
import { IdParams, Paged, errors } from '../../platform/schemas';
import { attachment } from '../standards/standards.routes';
import { Contacts, FileQuery, ProgramCodeParams, Report, ReportQuery, ReportRequest, ReportSchedule } from './reports.schemas';

const Binary = Type.Unsafe<unknown>({ type: 'string', format: 'binary' });

/** Utilisation reports (docs/supervision-and-evaluation.md): ordered, listed, downloaded; schedule and program contacts. */
export async function reportRoutes(fastify: FastifyInstance, { services }: { services: Services }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['reports'];
  const { reports } = services;
  const access = { access: 'authenticated' as const };
  reports.log = fastify.log;
  // Reports still being generated in the background finish before the database closes.
  fastify.addHook('onClose', async () => reports.settled());

  app.post('/api/reports', { config: access, schema: { tags, summary: 'Order a utilisation report of a program or project for a period; generated in the background', body: ReportRequest, response: { 202: Report, ...errors(400, 401, 403, 404, 422) } } },
    async (request, reply) => reply.status(202).send(await reports.create(request.ctx(), request.body)));
  app.get('/api/reports', { config: access, schema: { tags, summary: 'Utilisation reports, newest first', querystring: ReportQuery, response: { 200: Paged(Report), ...errors(400, 401, 403) } } },
    async (request) => reports.list(request.ctx(), request.query));
  app.get('/api/reports/settings', { config: access, schema: { tags, summary: 'Which scheduled reports are generated', response: { 200: ReportSchedule, ...errors(401, 403) } } },
    async (request) => reports.settings(request.ctx()));
  app.put('/api/reports/settings', { config: access, schema: { tags, summary: 'Set which scheduled reports are generated (ministry)', body: ReportSchedule, response: { 200: ReportSchedule, ...errors(400, 401, 403) } } },
    async (request) => reports.updateSettings(request.ctx(), request.body));
  app.get('/api/reports/:id', { config: access, schema: { tags, summary: 'One utilisation report with its progress and summary', params: IdParams, response: { 200: Report, ...errors(401, 403, 404) } } },
    async (request) => reports.get(request.ctx(), request.params.id));
  for (const kind of ['pdf', 'xlsx'] as const) {
    // Public route: the service admits a session that may read reports, or the report's download key (mailed links).
    app.get(`/api/reports/:id/${kind}`, { config: { access: 'public' }, schema: { tags, summary: `The report as ${kind === 'pdf' ? 'PDF' : 'Excel workbook'} (session, or ?key= from the mailed link)`, params: IdParams, querystring: FileQuery, response: { 200: Binary, ...errors(401, 403, 404, 409) } } },
      async (request, reply) => {
        const file = await reports.file(request.ctx(), request.params.id, kind, request.query.key);
        return reply.header('content-type', file.contentType).header('content-disposition', attachment(file.filename)).header('cache-control', 'private, no-store').send(file.stream);
      });
  }
  app.get('/api/programs/:code/contacts', { config: access, schema: { tags, summary: 'Who receives the program’s utilisation reports', params: ProgramCodeParams, response: { 200: Contacts, ...errors(401, 403, 404) } } },
    async (request) => reports.contacts(request.ctx(), request.params.code));
  app.put('/api/programs/:code/contacts', { config: access, schema: { tags, summary: 'Replace the program’s report contacts (≤ 20)', params: ProgramCodeParams, body: Contacts, response: { 200: Contacts, ...errors(400, 401, 403, 404, 422) } } },
    async (request) => reports.updateContacts(request.ctx(), request.params.code, request.body));
}
