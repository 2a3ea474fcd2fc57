import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Readable } from 'node:stream';
import { Type } from 'typebox';
import type { Services } from '../../services';
import { IdParams, Nullable, errors } from '../../platform/schemas';
import { attachment } from '../standards/standards.routes';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const TypeQuery = Type.Object({ type: Type.String({ minLength: 1, maxLength: 40 }) });
const JobBody = Type.Object({
  id: Type.String(), subjectId: Type.String(), resourceType: Type.String(), status: Type.String(), hasArchive: Type.Boolean(),
  progress: Type.Integer(), total: Type.Integer(), report: Type.Unknown(), createdAt: Type.String(), finishedAt: Nullable(Type.String()),
});

/** Bulk submission: template download, workbook + zip upload, background dry run and all-or-nothing import. */
export async function resourceImportRoutes(fastify: FastifyInstance, { services }: { services: Services }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['resources'];
  const imports = services.resourceImports;
  // Workbooks and archives stream straight into the blob store: no whole-file buffers.
  app.addContentTypeParser([XLSX, 'application/zip', 'application/x-zip-compressed'], { bodyLimit: 100 * 1024 ** 3 }, (_request, payload, done) => done(null, payload));

  app.get('/api/subjects/:id/resource-imports/template', { config: { access: 'authenticated' }, schema: { tags, summary: 'Bulk template: the standard’s columns plus a file-name column', params: IdParams, querystring: TypeQuery, produces: [XLSX], response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }), ...errors(401, 403, 404, 422) } } },
    async (request, reply) => reply.header('content-type', XLSX).header('content-disposition', attachment(`批量汇交模板-${request.query.type}.xlsx`)).send(await imports.template(request.ctx(), request.params.id, request.query.type)));
  app.post('/api/subjects/:id/resource-imports', { config: { access: 'authenticated' }, schema: { tags, summary: 'Start a bulk import with a filled template (body: the .xlsx)', params: IdParams, querystring: TypeQuery, consumes: [XLSX], response: { 201: JobBody, ...errors(400, 401, 403, 404, 415, 422) } } },
    async (request, reply) => reply.status(201).send(await imports.create(request.ctx(), request.params.id, request.query.type, request.body as Readable)));
  app.put('/api/resource-imports/:id/archive', { config: { access: 'authenticated' }, schema: { tags, summary: 'Attach the zip of files (matched by the file-name column)', params: IdParams, consumes: ['application/zip'], response: { 200: JobBody, ...errors(400, 401, 403, 404, 409, 415) } } },
    async (request) => imports.attachArchive(request.ctx(), request.params.id, request.body as Readable));
  app.post('/api/resource-imports/:id/check', { config: { access: 'authenticated' }, schema: { tags, summary: 'Dry run in the background (poll the job)', params: IdParams, response: { 202: JobBody, ...errors(401, 403, 404, 409) } } },
    async (request, reply) => reply.status(202).send(await imports.check(request.ctx(), request.params.id)));
  app.post('/api/resource-imports/:id/commit', { config: { access: 'authenticated' }, schema: { tags, summary: 'Import everything or nothing, in the background', params: IdParams, response: { 202: JobBody, ...errors(401, 403, 404, 409, 422) } } },
    async (request, reply) => reply.status(202).send(await imports.commit(request.ctx(), request.params.id)));
  app.get('/api/resource-imports/:id', { config: { access: 'authenticated' }, schema: { tags, summary: 'Import job status, progress and report', params: IdParams, response: { 200: JobBody, ...errors(401, 403, 404) } } },
    async (request) => imports.get(request.ctx(), request.params.id));
}
