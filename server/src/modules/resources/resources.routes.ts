import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Services } from '../../services';
import { AppError } from '../../platform/errors';
import { IdParams, Items, NoContent, errors } from '../../platform/schemas';
import { attachment } from '../standards/standards.routes';
import {
  CreateResourceRequest, DeliveryRow, DepositBody, DepositRequest, FileParams, InboxItem, MetadataRequest, ReceiptRequest, ResourceDetail, ResourceListItem,
} from './resources.schemas';

/** Parses a single HTTP byte range against a size; null means "the whole file". */
export function parseRange(header: string | undefined, size: number): { start: number; end: number } | null {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) throw new AppError('file.range_invalid');
  let start: number;
  let end: number;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0) throw new AppError('file.range_invalid');
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  if (start >= size || start > end) throw new AppError('file.range_invalid');
  return { start, end };
}

/** Sends a stored file with its checksum as ETag, honouring a single HTTP byte range (206, or 416 with the size). */
export function sendFile(request: FastifyRequest, reply: FastifyReply, file: { name: string; size: number; mediaType: string; sha256: string }, read: (range?: { start: number; end: number }) => Readable) {
  let range: { start: number; end: number } | null;
  try {
    range = parseRange(request.headers.range, file.size);
  } catch (error) {
    reply.header('content-range', `bytes */${file.size}`);
    throw error;
  }
  reply.header('accept-ranges', 'bytes').header('etag', `"${file.sha256}"`).header('content-type', file.mediaType).header('content-disposition', attachment(file.name));
  if (!range) return reply.header('content-length', file.size).send(read());
  return reply.status(206).header('content-range', `bytes ${range.start}-${range.end}/${file.size}`).header('content-length', range.end - range.start + 1).send(read(range));
}

export async function resourceRoutes(fastify: FastifyInstance, { services }: { services: Services }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['resources'];
  const { resources, blobs } = services;

  app.get('/api/subjects/:id/resources', { config: { access: 'authenticated' }, schema: { tags, summary: 'Resources of a subject', params: IdParams, response: { 200: Items(ResourceListItem), ...errors(401, 403, 404) } } },
    async (request) => ({ items: await resources.list(request.ctx(), request.params.id) }));
  app.post('/api/subjects/:id/resources', { config: { access: 'authenticated' }, schema: { tags, summary: 'Create a draft resource of a type the platform standard collects', params: IdParams, body: CreateResourceRequest, response: { 201: ResourceDetail, ...errors(400, 401, 403, 404, 422) } } },
    async (request, reply) => reply.status(201).send(await resources.create(request.ctx(), request.params.id, request.body)));
  app.get('/api/subjects/:id/delivery', { config: { access: 'authenticated' }, schema: { tags, summary: 'Delivered vs planned per resource type', params: IdParams, response: { 200: Items(DeliveryRow), ...errors(401, 403, 404) } } },
    async (request) => ({ items: await resources.delivery(request.ctx(), request.params.id) }));
  app.get('/api/resources/:id', { config: { access: 'authenticated' }, schema: { tags, summary: 'A resource with metadata, files, deposits, problems and its plan line', params: IdParams, response: { 200: ResourceDetail, ...errors(401, 403, 404) } } },
    async (request) => resources.get(request.ctx(), request.params.id));
  app.put('/api/resources/:id/metadata', { config: { access: 'authenticated' }, bodyLimit: 5 * 1024 * 1024, schema: { tags, summary: 'Autosave the description (drafts may be incomplete)', params: IdParams, body: MetadataRequest, response: { 200: ResourceDetail, ...errors(400, 401, 403, 404, 409) } } },
    async (request) => resources.saveMetadata(request.ctx(), request.params.id, request.body.metadata));
  app.post('/api/resources/:id/submit', { config: { access: 'authenticated' }, schema: { tags, summary: 'Submit for review (the description must be valid)', params: IdParams, response: { 200: ResourceDetail, ...errors(401, 403, 404, 409, 422) } } },
    async (request) => resources.submit(request.ctx(), request.params.id));
  app.delete('/api/resources/:id', { config: { access: 'authenticated' }, schema: { tags, summary: 'Delete a draft', params: IdParams, response: { 204: NoContent, ...errors(401, 403, 404, 409) } } },
    async (request, reply) => { await resources.remove(request.ctx(), request.params.id); return reply.status(204).send(null); });
  app.delete('/api/resources/:id/files/:fileId', { config: { access: 'authenticated' }, schema: { tags, summary: 'Remove a file from a draft', params: FileParams, response: { 200: ResourceDetail, ...errors(401, 403, 404, 409) } } },
    async (request) => resources.removeFile(request.ctx(), request.params.id, request.params.fileId));
  app.post('/api/resources/:id/deposits', { config: { access: 'authenticated' }, schema: { tags, summary: 'Record a physical deposit (shipment to a repository)', params: IdParams, body: DepositRequest, response: { 201: ResourceDetail, ...errors(400, 401, 403, 404, 409, 422) } } },
    async (request, reply) => reply.status(201).send(await resources.recordDeposit(request.ctx(), request.params.id, request.body)));
  app.post('/api/deposits/:id/receipt', { config: { access: 'authenticated' }, schema: { tags, summary: 'The repository confirms receipt or reports a discrepancy', params: IdParams, body: ReceiptRequest, response: { 200: DepositBody, ...errors(400, 401, 403, 404, 409) } } },
    async (request) => resources.confirmDeposit(request.ctx(), request.params.id, request.body));
  app.get('/api/deposits/inbox', { config: { access: 'authenticated' }, schema: { tags, summary: 'Deposits addressed to your repository', response: { 200: Items(InboxItem), ...errors(401, 403) } } },
    async (request) => ({ items: await resources.repositoryInbox(request.ctx()) }));

  app.get('/api/resources/:id/files/:fileId/content', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Download a file (HTTP Range supported)', params: FileParams, response: { 200: Type.Unsafe<unknown>({ type: 'string', format: 'binary' }), 206: Type.Unsafe<unknown>({ type: 'string', format: 'binary' }), ...errors(401, 403, 404, 416) } },
  }, async (request, reply) => {
    const detail = await resources.get(request.ctx(), request.params.id);
    const file = detail.files.find((f) => f.id === request.params.fileId);
    if (!file) throw new AppError('file.not_found');
    return sendFile(request, reply, file, (range) => blobs.read(file.sha256, range));
  });
}
