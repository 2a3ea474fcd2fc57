import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Services } from '../../services';
import { IdParams, errors } from '../../platform/schemas';
import { attachment } from '../standards/standards.routes';
import {
  NewRules, NewRulesAnswer, PersonParams, RecordAnswer, ReuseDecision, ReuseQuery, ReuseReport, ReuseRequest, RuleSetVersion, RulesAnswer, Run, RunQuery, RunRequest,
  RunsAnswer, RunsQuery, ScoresAnswer, ScoresQuery, SubjectDetail, SubjectParams, UnitParams, VersionParams,
} from './evaluation.schemas';
import type { EvaluationRecord } from './records.service';

const Pdf = Type.Unsafe<unknown>({ type: 'string', format: 'binary' });

/** Evaluation (绩效评价): rules, runs, scores, records (token or session) and reported reuse. */
export async function evaluationRoutes(fastify: FastifyInstance, { services }: { services: Services }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['evaluation'];
  const { evaluation, reuse } = services;
  const access = { access: 'authenticated' as const };
  evaluation.log = fastify.log;
  fastify.addHook('onClose', async () => evaluation.settled());

  app.get('/api/evaluation/rules', { config: access, schema: { tags, summary: 'The current rule set and every version, newest first', response: { 200: RulesAnswer, ...errors(401, 403) } } },
    async (request) => evaluation.rules(request.ctx()));
  app.get('/api/evaluation/rules/:version', { config: access, schema: { tags, summary: 'One rule set version', params: VersionParams, response: { 200: RuleSetVersion, ...errors(401, 403, 404) } } },
    async (request) => evaluation.ruleVersion(request.ctx(), request.params.version));
  app.post('/api/evaluation/rules', { config: access, schema: { tags, summary: 'Save a new rule set version (immutable) and queue a run under it', body: NewRules, response: { 201: NewRulesAnswer, ...errors(400, 401, 403, 422) } } },
    async (request, reply) => reply.status(201).send(await evaluation.createRules(request.ctx(), request.body)));

  app.get('/api/evaluation/runs', { config: access, schema: { tags, summary: 'Evaluation runs, newest first', querystring: RunsQuery, response: { 200: RunsAnswer, ...errors(401, 403) } } },
    async (request) => evaluation.runs(request.ctx(), request.query.page, request.query.pageSize));
  // A program system may post without a body: a run as of now.
  app.post('/api/evaluation/runs', { config: access, preValidation: async (request) => { request.body ??= {}; }, schema: { tags, summary: 'Queue a manual run under the current rules (computed in the background)', body: RunRequest, response: { 202: Run, ...errors(400, 401, 403, 422) } } },
    async (request, reply) => reply.status(202).send(await evaluation.startRun(request.ctx(), request.body)));
  app.post('/api/evaluation/runs/:id/recompute', { config: access, schema: { tags, summary: 'Queue the same run again (same rule version and as_of)', params: IdParams, response: { 202: Run, ...errors(401, 403, 404) } } },
    async (request, reply) => reply.status(202).send(await evaluation.recompute(request.ctx(), request.params.id)));

  app.get('/api/evaluation/scores', { config: access, schema: { tags, summary: 'Scores of a run per subject, PI, unit, province, platform or program, within the caller’s scope, with trends', querystring: ScoresQuery, response: { 200: ScoresAnswer, ...errors(400, 401, 403, 404) } } },
    async (request) => evaluation.scores(request.ctx(), request.query));
  app.get('/api/evaluation/subjects/:code', { config: access, schema: { tags, summary: 'A subject’s score with every input and component, and its history', params: SubjectParams, querystring: RunQuery, response: { 200: SubjectDetail, ...errors(401, 403, 404) } } },
    async (request) => evaluation.subject(request.ctx(), request.params.code, request.query.run));

  const sendPdf = async (record: EvaluationRecord, reply: { header(name: string, value: string): unknown; send(body: Buffer): unknown }) => {
    const pdf = await evaluation.records.pdf(record);
    reply.header('content-type', 'application/pdf');
    reply.header('content-disposition', attachment(`汇交与共享履历-${record.name}.pdf`));
    return reply.send(pdf);
  };
  app.get('/api/records/people/:id', { config: access, schema: { tags, summary: 'A person’s record as PI: subjects, scores, certificates (API tokens welcome)', params: PersonParams, response: { 200: RecordAnswer, ...errors(401, 403, 404) } } },
    async (request) => evaluation.records.person(request.ctx(), request.params.id));
  app.get('/api/records/people/:id/pdf', { config: access, schema: { tags, summary: 'The person’s record as a Chinese PDF', params: PersonParams, response: { 200: Pdf, ...errors(401, 403, 404) } } },
    async (request, reply) => sendPdf(await evaluation.records.person(request.ctx(), request.params.id), reply));
  app.get('/api/records/units/:creditCode', { config: access, schema: { tags, summary: 'A unit’s record: subjects it leads or co-undertakes, scores, certificates (API tokens welcome)', params: UnitParams, response: { 200: RecordAnswer, ...errors(400, 401, 403, 404) } } },
    async (request) => evaluation.records.unit(request.ctx(), request.params.creditCode));
  app.get('/api/records/units/:creditCode/pdf', { config: access, schema: { tags, summary: 'The unit’s record as a Chinese PDF', params: UnitParams, response: { 200: Pdf, ...errors(400, 401, 403, 404) } } },
    async (request, reply) => sendPdf(await evaluation.records.unit(request.ctx(), request.params.creditCode), reply));

  app.post('/api/resources/:id/reuse', { config: access, schema: { tags, summary: 'Report a citation or benefit of a publicly listed released resource', params: IdParams, body: ReuseRequest, response: { 201: ReuseReport, ...errors(400, 401, 404) } } },
    async (request, reply) => reply.status(201).send(await reuse.report(request.ctx(), request.params.id, request.body)));
  app.get('/api/resources/:id/reuse', { config: { access: 'public' }, schema: { tags, summary: 'Accepted reuse of a resource (and the caller’s own pending reports)', params: IdParams, response: { 200: Type.Object({ items: Type.Array(ReuseReport) }), ...errors(404) } } },
    async (request) => reuse.ofResource(request.ctx(), request.params.id));
  app.get('/api/reuse', { config: access, schema: { tags, summary: 'Reuse reports on the platform admin’s resources (the ministry sees all)', querystring: ReuseQuery, response: { 200: Type.Object({ total: Type.Integer(), items: Type.Array(ReuseReport) }), ...errors(401, 403) } } },
    async (request) => reuse.inbox(request.ctx(), request.query));
  app.post('/api/reuse/:id/decision', { config: access, schema: { tags, summary: 'Accept or reject a reuse report (the resource’s platform); the reporter is mailed', params: IdParams, body: ReuseDecision, response: { 200: ReuseReport, ...errors(400, 401, 403, 404, 409) } } },
    async (request) => reuse.decide(request.ctx(), request.params.id, request.body));
}
