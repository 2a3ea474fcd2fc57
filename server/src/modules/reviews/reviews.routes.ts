import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Services } from '../../services';
import { IdParams, Items, errors } from '../../platform/schemas';
import {
  AssignmentParams, AssignRequest, BulkRequest, BulkResult, Candidate, CommentRequest, ConflictRequest, DecisionRequest, OpinionRequest, QueueItem, QueueQuery,
  ReviewDetail, ReviewSettingsAnswer, ReviewSettingsBody,
} from './reviews.schemas';

export async function reviewRoutes(fastify: FastifyInstance, { services }: { services: Services }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['reviews'];
  const { reviews, experts } = services;
  const access = { access: 'authenticated' as const };

  app.get('/api/review-queue', { config: access, schema: { tags, summary: 'Resources waiting at a review tier in your scope, oldest deadline first', querystring: QueueQuery, response: { 200: Items(QueueItem), ...errors(400, 401, 403) } } },
    async (request) => ({ items: await reviews.queue(request.ctx(), request.query.tier) }));
  app.post('/api/review-queue/bulk', { config: access, schema: { tags, summary: 'Approve or return many resources with one comment (each checked as if alone)', body: BulkRequest, response: { 200: BulkResult, ...errors(400, 401, 422) } } },
    async (request) => ({ results: await reviews.bulk(request.ctx(), request.body) }));
  app.get('/api/resources/:id/review', { config: access, schema: { tags, summary: 'Review rounds, decisions, comment threads, diff and expert opinions', params: IdParams, response: { 200: ReviewDetail, ...errors(401, 403, 404) } } },
    async (request) => reviews.detail(request.ctx(), request.params.id));
  app.post('/api/resources/:id/decision', { config: access, schema: { tags, summary: 'Approve, or return with comments pinned to fields or files (unit and platform tiers)', params: IdParams, body: DecisionRequest, response: { 200: ReviewDetail, ...errors(400, 401, 403, 404, 409, 422) } } },
    async (request) => {
      await reviews.decide(request.ctx(), request.params.id, request.body);
      return reviews.detail(request.ctx(), request.params.id);
    });
  app.post('/api/resources/:id/comments', { config: access, schema: { tags, summary: 'Comment or reply in a review thread', params: IdParams, body: CommentRequest, response: { 200: ReviewDetail, ...errors(400, 401, 403, 404, 422) } } },
    async (request) => {
      await reviews.comment(request.ctx(), request.params.id, request.body);
      return reviews.detail(request.ctx(), request.params.id);
    });
  app.post('/api/review-comments/:id/resolve', { config: access, schema: { tags, summary: 'Resolve a comment thread (reviewers)', params: IdParams, response: { 200: ReviewDetail, ...errors(401, 403, 404) } } },
    async (request) => reviews.detail(request.ctx(), await reviews.resolve(request.ctx(), request.params.id)));

  app.get('/api/resources/:id/expert-candidates', { config: access, schema: { tags, summary: 'Experts of the platform, with conflicts of interest marked', params: IdParams, response: { 200: Items(Candidate), ...errors(401, 403, 404) } } },
    async (request) => ({ items: await experts.candidates(request.ctx(), request.params.id) }));
  app.post('/api/resources/:id/experts', { config: access, schema: { tags, summary: 'Assign experts to the current round (platform)', params: IdParams, body: AssignRequest, response: { 200: ReviewDetail, ...errors(400, 401, 403, 404, 409, 422) } } },
    async (request) => {
      await experts.assign(request.ctx(), request.params.id, request.body.expertIds);
      return reviews.detail(request.ctx(), request.params.id);
    });
  app.post('/api/expert-assignments/:id/conflict', { config: access, schema: { tags, summary: 'Declare no conflict of interest, or a conflict (ends the assignment)', params: AssignmentParams, body: ConflictRequest, response: { 200: ReviewDetail, ...errors(400, 401, 403, 404, 409, 422) } } },
    async (request) => {
      const resourceId = await experts.declare(request.ctx(), request.params.id, request.body);
      return reviews.detail(request.ctx(), resourceId);
    });
  app.post('/api/expert-assignments/:id/opinion', { config: access, schema: { tags, summary: 'Score the rubric and recommend a decision, sharing mode and embargo', params: AssignmentParams, body: OpinionRequest, response: { 200: ReviewDetail, ...errors(400, 401, 403, 404, 409, 422) } } },
    async (request) => {
      const resourceId = await experts.opinion(request.ctx(), request.params.id, request.body);
      return reviews.detail(request.ctx(), resourceId);
    });

  app.get('/api/platforms/:id/review-settings', { config: access, schema: { tags, summary: 'A platform’s review settings (deadlines, skipped tiers, rubric, rule, CSTR type codes)', params: IdParams, response: { 200: ReviewSettingsAnswer, ...errors(401, 403, 404) } } },
    async (request) => reviews.getSettings(request.ctx(), request.params.id));
  app.put('/api/platforms/:id/review-settings', { config: access, schema: { tags, summary: 'Save a platform’s review settings', params: IdParams, body: ReviewSettingsBody, response: { 200: ReviewSettingsAnswer, ...errors(400, 401, 403, 404, 422) } } },
    async (request) => reviews.saveSettings(request.ctx(), request.params.id, request.body));
}
