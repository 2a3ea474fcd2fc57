import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Services } from '../../services';
import { Type } from 'typebox';
import { IdParams, Items, NoContent, errors } from '../../platform/schemas';
import {
  CloneRequest, CreateStandardRequest, CreatedVersion, DiffQuery, DiffResponse, ExpertBody, LinkPlatformRequest, MyReview,
  ParseResponse, RevalidationRow, ReviewRequest, StandardDocumentBody, StandardSummary, SubmitRequest, TypeQuery, ValidateRequest,
  ValidateResponse, VersionDetail,
} from './standards.schemas';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCUMENT_LIMIT = 10 * 1024 * 1024;

/** RFC 6266/5987 attachment header that keeps a Chinese filename. */
export function attachment(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export async function standardRoutes(fastify: FastifyInstance, { services }: { services: Services }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['standards'];
  app.addContentTypeParser([XLSX, 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: 50 * 1024 * 1024 }, (_request, body, done) => done(null, body));

  app.get('/api/standards', {
    config: { access: 'public' },
    schema: { tags, summary: 'Collection standards with the versions you may see', response: { 200: Items(StandardSummary) } },
  }, async (request) => ({ items: await services.standards.list(request.ctx()) }));

  app.post('/api/standards', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Create a standard for a domain (sysadmin)', body: CreateStandardRequest, response: { 201: Type.Object({ id: Type.String() }), ...errors(400, 401, 403, 409, 422) } },
  }, async (request, reply) => reply.status(201).send({ id: (await services.standards.createStandard(request.ctx(), request.body)).id }));

  app.put('/api/standards/:id/platform', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Link a standard to its domain platform (sysadmin)', params: IdParams, body: LinkPlatformRequest, response: { 204: NoContent, ...errors(400, 401, 403, 404, 422) } },
  }, async (request, reply) => {
    await services.standards.linkPlatform(request.ctx(), request.params.id, request.body.platformOrgId);
    return reply.status(204).send(null);
  });

  app.post('/api/standards/:id/versions', {
    config: { access: 'authenticated' },
    bodyLimit: DOCUMENT_LIMIT,
    schema: { tags, summary: 'Upload a new draft version (JSON document)', params: IdParams, body: StandardDocumentBody, response: { 201: CreatedVersion, ...errors(400, 401, 403, 404, 409, 422) } },
  }, async (request, reply) => reply.status(201).send(await services.standards.addVersion(request.ctx(), request.params.id, request.body)));

  app.get('/api/standard-versions/:id', {
    config: { access: 'public' },
    schema: { tags, summary: 'A standard version with its field tables', params: IdParams, response: { 200: VersionDetail, ...errors(400, 401, 404) } },
  }, async (request) => services.standards.get(request.ctx(), request.params.id));

  app.put('/api/standard-versions/:id', {
    config: { access: 'authenticated' },
    bodyLimit: DOCUMENT_LIMIT,
    schema: { tags, summary: 'Replace the document of a draft (approved versions are immutable: 409)', params: IdParams, body: StandardDocumentBody, response: { 200: VersionDetail, ...errors(400, 401, 403, 404, 409, 422) } },
  }, async (request) => services.standards.updateDraft(request.ctx(), request.params.id, request.body));

  app.post('/api/standard-versions/:id/clone', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Copy a version into a new draft', params: IdParams, body: CloneRequest, response: { 201: CreatedVersion, ...errors(400, 401, 403, 404, 409, 422) } },
  }, async (request, reply) => reply.status(201).send(await services.standards.clone(request.ctx(), request.params.id, request.body.version)));

  app.get('/api/standard-versions/:id/experts', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Experts of the platform who can review this version', params: IdParams, response: { 200: Items(ExpertBody), ...errors(401, 403, 404) } },
  }, async (request) => ({ items: await services.standards.experts(request.ctx(), request.params.id) }));

  app.post('/api/standard-versions/:id/submit', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Send a draft to expert review', params: IdParams, body: SubmitRequest, response: { 200: VersionDetail, ...errors(400, 401, 403, 404, 409, 422) } },
  }, async (request) => services.standards.submitForReview(request.ctx(), request.params.id, request.body));

  app.post('/api/standard-versions/:id/reviews', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Record your decision as an assigned expert', params: IdParams, body: ReviewRequest, response: { 200: VersionDetail, ...errors(400, 401, 403, 404, 409, 422) } },
  }, async (request) => services.standards.review(request.ctx(), request.params.id, request.body));

  app.post('/api/standard-versions/:id/retire', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Retire an approved version', params: IdParams, response: { 200: VersionDetail, ...errors(401, 403, 404, 409) } },
  }, async (request) => services.standards.retire(request.ctx(), request.params.id));

  app.get('/api/standard-versions/:id/diff', {
    config: { access: 'public' },
    schema: { tags, summary: 'Fields and vocabularies changed since another version', params: IdParams, querystring: DiffQuery, response: { 200: DiffResponse, ...errors(400, 401, 404) } },
  }, async (request) => services.standards.diff(request.ctx(), request.params.id, request.query.base));

  app.post('/api/standard-versions/:id/validate', {
    config: { access: 'public' },
    schema: { tags, summary: 'Validate a record; every error names its field in your language', params: IdParams, body: ValidateRequest, response: { 200: ValidateResponse, ...errors(400, 401, 404) } },
  }, async (request) => services.standards.validate(request.ctx(), request.params.id, request.body.type, request.body.record, request.body.partial ?? false));

  app.get('/api/standard-versions/:id/template', {
    config: { access: 'public' },
    schema: { tags, summary: 'Download the Excel template of a resource type', params: IdParams, querystring: TypeQuery, produces: [XLSX], response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }), ...errors(400, 401, 404) } },
  }, async (request, reply) => {
    const { buffer, filename } = await services.standards.template(request.ctx(), request.params.id, request.query.type);
    return reply.header('content-type', XLSX).header('content-disposition', attachment(filename)).send(buffer);
  });

  app.post('/api/standard-versions/:id/template/parse', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Check a filled template (body: the .xlsx file); nothing is imported', params: IdParams, querystring: TypeQuery, consumes: [XLSX], response: { 200: ParseResponse, ...errors(400, 401, 404, 413, 415) } },
  }, async (request) => services.standards.parseTemplate(request.ctx(), request.params.id, request.query.type, request.body as Buffer));

  app.post('/api/standard-versions/:id/revalidate', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Check the platform’s unsubmitted resources against this version: what breaks, per resource', params: IdParams, response: { 200: Items(RevalidationRow), ...errors(401, 403, 404, 422) } },
  }, async (request) => ({ items: await services.standards.revalidateDrafts(request.ctx(), request.params.id) }));

  app.get('/api/standard-reviews/mine', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Your review assignments as an expert', response: { 200: Items(MyReview), ...errors(401) } },
  }, async (request) => ({ items: await services.standards.myReviews(request.ctx()) }));
}
