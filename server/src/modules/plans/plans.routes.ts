import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Services } from '../../services';
import { IdParams, Items, errors } from '../../platform/schemas';
import { AmendRequest, CommentRequest, DecisionRequest, LinesRequest, PlanBody, QueueItem, QueueQuery } from './plans.schemas';

export async function planRoutes(fastify: FastifyInstance, { services }: { services: Services }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['plans'];
  const { plans } = services;

  app.get('/api/subjects/:id/plan', { config: { access: 'authenticated' }, schema: { tags, summary: 'The subject’s collection plan: approved and working versions, rounds, comments, diff', params: IdParams, response: { 200: PlanBody, ...errors(400, 401, 403, 404) } } },
    async (request) => plans.get(request.ctx(), request.params.id));
  app.post('/api/subjects/:id/plan', { config: { access: 'authenticated' }, schema: { tags, summary: 'Start the plan as a draft', params: IdParams, body: LinesRequest, response: { 201: PlanBody, ...errors(400, 401, 403, 404, 409, 422) } } },
    async (request, reply) => reply.status(201).send(await plans.create(request.ctx(), request.params.id, request.body.lines)));
  app.post('/api/subjects/:id/plan/amendments', { config: { access: 'authenticated' }, schema: { tags, summary: 'Open an amendment of the approved plan, with a reason', params: IdParams, body: AmendRequest, response: { 201: PlanBody, ...errors(400, 401, 403, 404, 409) } } },
    async (request, reply) => reply.status(201).send(await plans.amend(request.ctx(), request.params.id, request.body.reason)));
  app.put('/api/plan-versions/:id/lines', { config: { access: 'authenticated' }, schema: { tags, summary: 'Replace the lines of a draft or returned version', params: IdParams, body: LinesRequest, response: { 200: PlanBody, ...errors(400, 401, 403, 404, 409, 422) } } },
    async (request) => plans.updateLines(request.ctx(), request.params.id, request.body.lines));
  app.post('/api/plan-versions/:id/submit', { config: { access: 'authenticated' }, schema: { tags, summary: 'Submit for unit review', params: IdParams, response: { 200: PlanBody, ...errors(401, 403, 404, 409, 422) } } },
    async (request) => plans.submit(request.ctx(), request.params.id));
  app.post('/api/plan-versions/:id/decisions', { config: { access: 'authenticated' }, schema: { tags, summary: 'Approve, or return with comments on the plan or its lines', params: IdParams, body: DecisionRequest, response: { 200: PlanBody, ...errors(400, 401, 403, 404, 409, 422) } } },
    async (request) => plans.decide(request.ctx(), request.params.id, request.body));
  app.post('/api/plan-versions/:id/comments', { config: { access: 'authenticated' }, schema: { tags, summary: 'Comment on the plan or a line, or answer a comment', params: IdParams, body: CommentRequest, response: { 201: PlanBody, ...errors(400, 401, 403, 404) } } },
    async (request, reply) => reply.status(201).send(await plans.comment(request.ctx(), request.params.id, request.body)));
  app.post('/api/plan-comments/:id/resolve', { config: { access: 'authenticated' }, schema: { tags, summary: 'Mark a comment thread resolved', params: IdParams, response: { 200: PlanBody, ...errors(401, 403, 404) } } },
    async (request) => plans.resolveComment(request.ctx(), request.params.id));
  app.get('/api/review-queues/plans', { config: { access: 'authenticated' }, schema: { tags, summary: 'Plans waiting at your review step', querystring: QueueQuery, response: { 200: Items(QueueItem), ...errors(400, 401, 403) } } },
    async (request) => ({ items: await plans.queue(request.ctx(), request.query.tier) }));
}
