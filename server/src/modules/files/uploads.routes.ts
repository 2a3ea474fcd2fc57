import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Server as TusServer } from '@tus/server';
import type { Services } from '../../services';
import { AppError } from '../../platform/errors';
import { errors } from '../../platform/schemas';
import { uploadRequestContext } from './hashing-file-store';

const TUS_PATH = '/api/uploads';

/** tus metadata: "key base64,key base64". */
function parseMetadata(header: string | undefined): Record<string, string> {
  const metadata: Record<string, string> = {};
  for (const pair of (header ?? '').split(',')) {
    const [key, value] = pair.trim().split(' ');
    if (key) metadata[key] = value ? Buffer.from(value, 'base64').toString('utf8') : '';
  }
  return metadata;
}

/**
 * Resumable uploads (tus 1.0: creation, termination, expiration, checksum) under /api/uploads.
 * Our checks run first (who, which resource, name, size, quota); then the raw request goes to tus.
 */
export async function uploadRoutes(fastify: FastifyInstance, { services }: { services: Services }) {
  const { uploads } = services;
  // The request body is the upload itself: leave the stream untouched for tus.
  fastify.addContentTypeParser('application/offset+octet-stream', (_request, _payload, done) => done(null));

  const tus = new TusServer({
    path: TUS_PATH,
    datastore: uploads.store,
    relativeLocation: true,
    maxSize: services.config.maxFileBytes,
    respectForwardedHeaders: true,
    async onUploadCreate(_req, upload) {
      const state = uploadRequestContext.getStore() as RequestState;
      await uploads.recordCreation(state.ctx, { id: upload.id, resourceId: state.resourceId!, path: state.path!, name: state.name!, size: upload.size ?? 0, mediaType: upload.metadata?.filetype ?? '' });
      return {};
    },
    async onUploadFinish(_req, upload) {
      const state = uploadRequestContext.getStore() as RequestState;
      const { fileId, sha256 } = await uploads.finalise(state.ctx, upload.id);
      return { status_code: 204, headers: { 'Upload-Sha256': sha256, 'Upload-File-Id': fileId } };
    },
  });

  interface RequestState { ctx: ReturnType<FastifyRequest['ctx']>; checksum?: string; resourceId?: string; path?: string; name?: string }

  // PATCH carries the bytes, so it is served directly from the Node request stream (no web-stream
  // conversion); the other tus verbs go through @tus/server.
  const inFlight = new Set<string>();
  const patch = async (request: FastifyRequest, reply: FastifyReply, id: string, state: RequestState) => {
    const tusHeaders = { 'tus-resumable': '1.0.0', 'cache-control': 'no-store' };
    const fail = (status: number, body: string) => reply.code(status).headers(tusHeaders).type('text/plain').send(body);
    if (request.headers['tus-resumable'] !== '1.0.0') return fail(412, 'Unsupported version\n');
    if (request.headers['content-type'] !== 'application/offset+octet-stream') return fail(415, 'Invalid or missing content-type header\n');
    const offset = Number(request.headers['upload-offset']);
    if (!Number.isSafeInteger(offset) || offset < 0) return fail(400, 'Missing or invalid Upload-Offset header\n');
    if (inFlight.has(id)) return fail(423, 'Upload is locked by another request\n');
    inFlight.add(id);
    try {
      const upload = await uploads.store.getUpload(id);
      if (upload.offset !== offset) return fail(409, 'Upload-Offset conflict\n');
      const remaining = (upload.size ?? 0) - offset;
      let received = 0;
      const limited = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          received += chunk.length;
          callback(received > remaining ? Object.assign(new Error('too large'), { status_code: 413 }) : null, chunk);
        },
      });
      // pipeline (not pipe) so a dropped client destroys the chain and the write ends instead of waiting.
      pipeline(request.raw, limited).catch(() => undefined);
      const newOffset = await uploadRequestContext.run(state, () => uploads.store.write(limited, id, offset));
      const headers: Record<string, string> = { ...tusHeaders, 'upload-offset': String(newOffset) };
      if (newOffset === upload.size) {
        const { fileId, sha256 } = await uploads.finalise(state.ctx, id);
        Object.assign(headers, { 'upload-sha256': sha256, 'upload-file-id': fileId });
      }
      return reply.code(204).headers(headers).send();
    } catch (error) {
      const tusError = error as { status_code?: number; body?: string };
      if (tusError.status_code) return fail(tusError.status_code, tusError.body ?? 'Upload failed\n');
      throw error;
    } finally {
      inFlight.delete(id);
    }
  };

  const handle = async (request: FastifyRequest, reply: FastifyReply) => {
    const ctx = request.ctx();
    const state: RequestState = { ctx, checksum: request.headers['upload-checksum'] as string | undefined };
    const id = (request.params as { id?: string }).id;
    if (request.method === 'POST') {
      const metadata = parseMetadata(request.headers['upload-metadata'] as string | undefined);
      if (!metadata.resourceId || !metadata.filename) throw new AppError('upload.bad_metadata');
      const size = Number(request.headers['upload-length']);
      if (!Number.isSafeInteger(size) || size < 0) throw new AppError('upload.bad_metadata');
      const checked = await uploads.checkCreation(ctx, { resourceId: metadata.resourceId, filename: metadata.filename, relativePath: metadata.relativePath, size });
      Object.assign(state, { resourceId: checked.resource.id, path: checked.relativePath, name: checked.name });
    } else if (id && request.method !== 'OPTIONS') {
      await uploads.ownUpload(ctx, id);
      if (request.method === 'PATCH') return patch(request, reply, id, state);
    }
    reply.hijack();
    await uploadRequestContext.run(state, () => tus.handle(request.raw, reply.raw));
  };

  const tusResponse = (description: string) => Type.Null({ description });
  const schema = {
    tags: ['files'],
    response: {
      200: tusResponse('HEAD: Upload-Offset and Upload-Length headers; OPTIONS: Tus-Version, Tus-Extension, Tus-Max-Size'),
      201: tusResponse('Created: the Location header is the upload URL'),
      204: tusResponse('PATCH: new Upload-Offset (and Upload-Sha256, Upload-File-Id when complete); DELETE: terminated'),
      ...errors(400, 401, 403, 404, 409, 413, 460),
    },
  };
  fastify.route({ method: ['POST', 'OPTIONS'], url: TUS_PATH, config: { access: 'authenticated' }, schema: { ...schema, summary: 'tus 1.0 upload creation (metadata: resourceId, filename, relativePath, filetype)' }, handler: handle });
  fastify.route({
    method: ['HEAD', 'PATCH', 'DELETE', 'OPTIONS'], url: `${TUS_PATH}/:id`, config: { access: 'authenticated' },
    schema: { ...schema, summary: 'tus 1.0: offset (HEAD), append (PATCH, optional Upload-Checksum), terminate (DELETE)', params: Type.Object({ id: Type.String({ pattern: '^[A-Za-z0-9_-]{8,128}$' }) }) },
    handler: handle,
  });
}
