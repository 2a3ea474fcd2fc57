import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Services } from '../../services';
import { IdParams, Items, NoContent, Paged, errors } from '../../platform/schemas';
import { attachment } from '../standards/standards.routes';
import {
  AcceptInvitationRequest, CreateProgramRequest, CreateProjectRequest, CreateSubjectRequest, Designation, ImportQuery, ImportResultBody,
  ImportRowsRequest, InvitationBody, MyWorkItem, PersonRequest, ProgramBody, ProjectBody, SubjectBody, SubjectDetail, SubjectQuery,
  SubmitterParams, TokenParams, UpdateProgramRequest, UpdateProjectRequest, UpdateSubjectRequest,
} from './registry.schemas';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function registryRoutes(fastify: FastifyInstance, { services }: { services: Services }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['registry'];
  app.addContentTypeParser([XLSX, 'text/csv', 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: 50 * 1024 * 1024 }, (_request, body, done) => done(null, body));
  const { registry, registryImport } = services;

  app.get('/api/programs', { config: { access: 'authenticated' }, schema: { tags, summary: 'Programs', response: { 200: Items(ProgramBody), ...errors(401, 403) } } },
    async (request) => ({ items: await registry.listPrograms(request.ctx()) }));
  app.post('/api/programs', { config: { access: 'authenticated' }, schema: { tags, summary: 'Create a program', body: CreateProgramRequest, response: { 201: ProgramBody, ...errors(400, 401, 403, 409, 422) } } },
    async (request, reply) => reply.status(201).send(await registry.createProgram(request.ctx(), request.body)));
  app.patch('/api/programs/:id', { config: { access: 'authenticated' }, schema: { tags, summary: 'Update a program', params: IdParams, body: UpdateProgramRequest, response: { 200: ProgramBody, ...errors(400, 401, 403, 404, 422) } } },
    async (request) => registry.updateProgram(request.ctx(), request.params.id, request.body));

  app.get('/api/projects', { config: { access: 'authenticated' }, schema: { tags, summary: 'Projects, optionally of one program', querystring: Type.Object({ programId: Type.Optional(Type.String({ format: 'uuid' })) }), response: { 200: Items(ProjectBody), ...errors(400, 401, 403) } } },
    async (request) => ({ items: await registry.listProjects(request.ctx(), request.query.programId) }));
  app.post('/api/projects', { config: { access: 'authenticated' }, schema: { tags, summary: 'Create a project', body: CreateProjectRequest, response: { 201: ProjectBody, ...errors(400, 401, 403, 404, 409, 422) } } },
    async (request, reply) => reply.status(201).send(await registry.createProject(request.ctx(), request.body)));
  app.patch('/api/projects/:id', { config: { access: 'authenticated' }, schema: { tags, summary: 'Update a project', params: IdParams, body: UpdateProjectRequest, response: { 200: ProjectBody, ...errors(400, 401, 403, 404, 422) } } },
    async (request) => registry.updateProject(request.ctx(), request.params.id, request.body));

  app.get('/api/subjects', { config: { access: 'authenticated' }, schema: { tags, summary: 'Subjects in your scope, filtered', querystring: SubjectQuery, response: { 200: Paged(SubjectBody), ...errors(400, 401, 403) } } },
    async (request) => registry.listSubjects(request.ctx(), request.query));
  app.post('/api/subjects', { config: { access: 'authenticated' }, schema: { tags, summary: 'Register a subject (and invite its PI)', body: CreateSubjectRequest, response: { 201: SubjectDetail, ...errors(400, 401, 403, 404, 409, 422) } } },
    async (request, reply) => reply.status(201).send(await registry.createSubject(request.ctx(), request.body)));
  app.get('/api/subjects/:id', { config: { access: 'authenticated' }, schema: { tags, summary: 'A subject with units, people and what you may do', params: IdParams, response: { 200: SubjectDetail, ...errors(400, 401, 403, 404) } } },
    async (request) => registry.getSubject(request.ctx(), request.params.id));
  app.patch('/api/subjects/:id', { config: { access: 'authenticated' }, schema: { tags, summary: 'Update a subject', params: IdParams, body: UpdateSubjectRequest, response: { 200: SubjectDetail, ...errors(400, 401, 403, 404, 422) } } },
    async (request) => registry.updateSubject(request.ctx(), request.params.id, request.body));
  app.put('/api/subjects/:id/pi', { config: { access: 'authenticated' }, schema: { tags, summary: 'Set the PI (invited by email if new)', params: IdParams, body: PersonRequest, response: { 204: NoContent, ...errors(400, 401, 403, 404) } } },
    async (request, reply) => { await registry.people.setPi(request.ctx(), request.params.id, request.body); return reply.status(204).send(null); });
  app.post('/api/subjects/:id/submitters', { config: { access: 'authenticated' }, schema: { tags, summary: 'Designate a submitter (汇交义务人); new people are invited', params: IdParams, body: PersonRequest, response: { 201: Designation, ...errors(400, 401, 403, 404, 409) } } },
    async (request, reply) => reply.status(201).send(await registry.people.designate(request.ctx(), request.params.id, request.body)));
  app.delete('/api/subjects/:id/submitters/:userId', { config: { access: 'authenticated' }, schema: { tags, summary: 'Revoke a submitter', params: SubmitterParams, response: { 204: NoContent, ...errors(401, 403, 404) } } },
    async (request, reply) => { await registry.people.revoke(request.ctx(), request.params.id, request.params.userId); return reply.status(204).send(null); });
  app.get('/api/my-work', { config: { access: 'authenticated' }, schema: { tags, summary: 'Your subjects as PI or submitter, with plan state and what is due', response: { 200: Items(MyWorkItem), ...errors(401) } } },
    async (request) => ({ items: await registry.myWork(request.ctx()) }));

  app.get('/api/invitations/:token', { config: { access: 'public' }, schema: { tags, summary: 'What a one-time invitation link is for', params: TokenParams, response: { 200: InvitationBody, ...errors(400, 404) } } },
    async (request) => registry.people.invitation(request.params.token));
  app.post('/api/invitations/:token/accept', { config: { access: 'public' }, schema: { tags, summary: 'Set your password from an invitation link', params: TokenParams, body: AcceptInvitationRequest, response: { 200: Type.Object({ username: Type.String() }), ...errors(400, 404, 422) } } },
    async (request) => registry.people.acceptInvitation(request.ctx(), request.params.token, request.body.password));

  app.get('/api/registry/template', { config: { access: 'authenticated' }, schema: { tags, summary: 'The .xlsx import template', produces: [XLSX], response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }), ...errors(401) } } },
    async (_request, reply) => reply.header('content-type', XLSX).header('content-disposition', attachment('课题登记导入模板.xlsx')).send(await registryImport.template()));
  app.post('/api/registry/import', { config: { access: 'authenticated' }, schema: { tags, summary: 'Import subjects from .xlsx or .csv (UTF-8/GB18030); dryRun=true reports problems and changes nothing', querystring: ImportQuery, consumes: [XLSX, 'text/csv'], response: { 200: ImportResultBody, ...errors(400, 401, 403, 413, 415, 422) } } },
    async (request) => registryImport.importFile(request.ctx(), request.body as Buffer, request.query.dryRun));
  app.post('/api/registry/import/rows', { config: { access: 'authenticated' }, bodyLimit: 50 * 1024 * 1024, schema: { tags, summary: 'Import subjects as JSON rows (same columns as the template)', body: ImportRowsRequest, response: { 200: ImportResultBody, ...errors(400, 401, 403, 422) } } },
    async (request) => registryImport.importJson(request.ctx(), request.body.rows, request.body.dryRun));
}
