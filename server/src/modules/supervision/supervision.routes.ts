import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Services } from '../../services';
import { errors } from '../../platform/schemas';
import { attachment } from '../standards/standards.routes';
import { chinaDate } from '../../platform/china-time';
import {
  Breakdown, BreakdownQuery, Charts, ChartsQuery, CodeParams, ExportQuery, FilterQuery, FundingBody, FundingRequest, Overview,
  ReminderLog, ReminderLogQuery, ReminderRequest, ReminderResults, ReminderSettings, SubjectsPage, SubjectsQuery,
} from './supervision.schemas';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Supervision dashboards, reminders and collection funding (docs/supervision-and-evaluation.md). */
export async function supervisionRoutes(fastify: FastifyInstance, { services }: { services: Services }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['supervision'];
  const { supervision } = services;
  const config = { access: 'authenticated' as const };

  app.get('/api/supervision/overview', { config, schema: { tags, summary: 'Collection progress, reviews, overdue items, certificates and funding of the subjects in your scope', querystring: FilterQuery, response: { 200: Overview, ...errors(400, 401, 403) } } },
    async (request) => supervision.overview(request.ctx(), request.query));
  app.get('/api/supervision/breakdown', { config, schema: { tags, summary: 'The same figures per province, lead unit, platform or program', querystring: BreakdownQuery, response: { 200: Breakdown, ...errors(400, 401, 403) } } },
    async (request) => {
      const { by, ...filter } = request.query;
      return supervision.breakdown(request.ctx(), by, filter);
    });
  app.get('/api/supervision/subjects', { config, schema: { tags, summary: 'Subjects in your scope with progress, overdue items and whether you may remind them', querystring: SubjectsQuery, response: { 200: SubjectsPage, ...errors(400, 401, 403) } } },
    async (request) => supervision.subjects(request.ctx(), request.query));
  app.get('/api/supervision/export.xlsx', { config, schema: { tags, summary: 'The subjects list (all pages) and the overview as an Excel workbook', querystring: ExportQuery, produces: [XLSX], response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }), ...errors(400, 401, 403) } } },
    async (request, reply) => {
      const workbook = await supervision.export(request.ctx(), request.query);
      return reply.header('content-type', XLSX).header('content-disposition', attachment(`汇交监督-${chinaDate()}.xlsx`)).send(workbook);
    });
  app.get('/api/supervision/charts', { config, schema: { tags, summary: 'Monthly completion, overdue lines, review turnaround per tier and usage', querystring: ChartsQuery, response: { 200: Charts, ...errors(400, 401, 403) } } },
    async (request) => supervision.chartData(request.ctx(), request.query));

  app.post('/api/supervision/reminders', { config, schema: { tags, summary: 'Remind the PIs and submitters of subjects (at most once per subject, person and day)', body: ReminderRequest, response: { 200: ReminderResults, ...errors(400, 401, 403) } } },
    async (request) => supervision.reminders.send(request.ctx(), request.body));
  app.get('/api/supervision/reminders', { config, schema: { tags, summary: 'Reminders sent about the subjects in your scope, newest first', querystring: ReminderLogQuery, response: { 200: ReminderLog, ...errors(400, 401, 403) } } },
    async (request) => supervision.reminders.log(request.ctx(), request.query));
  app.get('/api/supervision/reminder-settings', { config, schema: { tags, summary: 'The automatic reminder schedule', response: { 200: ReminderSettings, ...errors(401, 403) } } },
    async (request) => supervision.reminders.getSettings(request.ctx()));
  app.put('/api/supervision/reminder-settings', { config, schema: { tags, summary: 'Set the automatic reminder schedule (ministry)', body: ReminderSettings, response: { 200: ReminderSettings, ...errors(400, 401, 403, 422) } } },
    async (request) => supervision.reminders.saveSettings(request.ctx(), request.body));

  app.get('/api/subjects/:code/funding', { config, schema: { tags, summary: 'Collection budget, funding spent (newest report) and the reports', params: CodeParams, response: { 200: FundingBody, ...errors(401, 403, 404) } } },
    async (request) => supervision.funding.get(request.ctx(), request.params.code));
  app.put('/api/subjects/:code/funding', { config, schema: { tags, summary: 'Report the collection funding spent (lead unit admin or ministry)', params: CodeParams, body: FundingRequest, response: { 200: FundingBody, ...errors(400, 401, 403, 404, 422) } } },
    async (request) => supervision.funding.report(request.ctx(), request.params.code, request.body));
}
