import fs from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Services } from '../../services';
import { IdParams, errors } from '../../platform/schemas';
import { attachment } from '../standards/standards.routes';
import { clientOf } from '../portal/portal.routes';
import { CITATION_FORMATS, type CitationFormat } from './citations';
import { FALLBACK_SHELL, injectLanding } from './landing';

const open = { access: 'public' as const };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const Binary = (mediaType: string) => Type.Unsafe<unknown>({ type: 'string', format: 'binary', description: mediaType });

/** OAI-PMH arguments from a query string or form body; repeated names are kept (repeating one is an error). */
function oaiParams(query: string): Map<string, string[]> {
  const params = new Map<string, string[]>();
  for (const [name, value] of new URLSearchParams(query)) params.set(name, [...(params.get(name) ?? []), value]);
  return params;
}

/**
 * Interoperability: citations, DataCite and BagIt exports under /api/portal; OAI-PMH at /oai; landing
 * HTML with metadata for crawlers at /r/:id; the sitemap. Everything public, each under the portal's
 * access rule (restricted resources do not exist here).
 */
export async function interopRoutes(fastify: FastifyInstance, { services }: { services: Services }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['interop'];
  const { interop, oai, config } = services;

  app.get('/api/portal/resources/:id/citation', {
    config: open,
    schema: {
      tags, summary: 'How to cite the resource: GB/T 7714-2015, BibTeX or RIS', params: IdParams,
      querystring: Type.Object({ format: Type.Optional(Type.Enum([...CITATION_FORMATS])), download: Type.Optional(Type.Enum(['1', 'true', '0', 'false'])) }),
      response: { 200: Type.String({ description: 'text/plain (RIS: application/x-research-info-systems)' }), ...errors(400, 404) },
    },
  }, async (request, reply) => {
    const format = (request.query.format ?? 'gbt7714') as CitationFormat;
    const citation = await interop.citation(request.ctx(), request.params.id, format);
    if (request.query.download === '1' || request.query.download === 'true') reply.header('content-disposition', attachment(citation.filename));
    return reply.type(citation.mediaType).send(citation.text);
  });

  app.get('/api/portal/resources/:id/datacite.xml', { config: open, schema: { tags, summary: 'DataCite kernel 4 XML (identifier: the CSTR)', params: IdParams, response: { 200: Binary('application/xml'), ...errors(400, 404) } } },
    async (request, reply) => {
      const { xml } = await interop.dataciteXml(request.ctx(), request.params.id);
      return reply.type('application/xml; charset=utf-8').send(xml);
    });
  app.get('/api/portal/resources/:id/datacite.json', { config: open, schema: { tags, summary: 'DataCite kernel 4 as JSON (DataCite REST attribute names)', params: IdParams, response: { 200: Type.Unsafe<unknown>({ type: 'object', additionalProperties: true }), ...errors(400, 404) } } },
    async (request, reply) => {
      const { record } = await interop.datacite(request.ctx(), request.params.id);
      return reply.type('application/vnd.datacite.datacite+json; charset=utf-8').send(JSON.stringify(record));
    });

  app.get('/api/portal/resources/:id/bag.zip', { config: open, schema: { tags, summary: 'BagIt 1.0 bag of the files and metadata (same access as the files)', params: IdParams, response: { 200: Binary('application/zip'), ...errors(400, 401, 403, 404, 410) } } },
    async (request, reply) => {
      const { stream, filename, record } = await interop.bag(request.ctx(), request.params.id);
      services.usage.record({ resourceId: record.id, kind: 'download', userId: request.ctx().actor?.userId ?? null, ...clientOf(request) });
      return reply.type('application/zip').header('content-disposition', attachment(filename)).header('cache-control', 'private, no-store').send(stream);
    });

  // OAI-PMH: protocol errors are XML answers with status 200, never the API's JSON errors.
  const answerOai = async (reply: FastifyReply, params: Map<string, string[]>) => reply.type('text/xml; charset=utf-8').header('cache-control', 'no-cache').send(await oai.respond(params));
  app.get('/oai', { config: open, schema: { tags, summary: 'OAI-PMH 2.0 (oai_dc, oai_datacite)', response: { 200: Binary('text/xml') } } },
    async (request, reply) => answerOai(reply, oaiParams(request.url.split('?')[1] ?? '')));
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_request, body, done) => done(null, body));
  app.post('/oai', { config: open, schema: { tags, summary: 'OAI-PMH 2.0 by POST (application/x-www-form-urlencoded)', response: { 200: Binary('text/xml') } } },
    async (request, reply) => answerOai(reply, oaiParams(typeof request.body === 'string' ? request.body : '')));

  // Landing pages: the web app's HTML with the resource's metadata put in, for crawlers without JavaScript.
  const shell = async () => fs.readFile(path.join(config.webDist, 'index.html'), 'utf8').catch(() => FALLBACK_SHELL);
  const landing = async (reply: FastifyReply, answer: Awaited<ReturnType<typeof interop.landing>>) => {
    const page = await shell();
    reply.status(answer.status).type('text/html; charset=utf-8').header('cache-control', answer.private ? 'private, no-cache' : 'no-cache');
    return reply.send(answer.page ? injectLanding(page, answer.page) : page);
  };
  const notFound = { status: 404 as const, page: null, private: false };
  app.get('/r/:id', { config: open, schema: { hide: true, params: Type.Object({ id: Type.String() }) } },
    async (request, reply) => landing(reply, UUID.test(request.params.id) ? await interop.landing(request.ctx(), request.params.id) : notFound));
  app.get('/r/:id/v/:n', { config: open, schema: { hide: true, params: Type.Object({ id: Type.String(), n: Type.String() }) } },
    async (request, reply) => {
      const n = Number(request.params.n);
      if (!UUID.test(request.params.id) || !Number.isInteger(n) || n < 1 || n > 100_000) return landing(reply, notFound);
      const id = await interop.versionId(request.params.id, n);
      return landing(reply, id ? await interop.landing(request.ctx(), id) : notFound);
    });

  app.get('/sitemap.xml', { config: open, schema: { hide: true } }, async (_request, reply) => reply.type('application/xml; charset=utf-8').send(await interop.sitemap()));
  app.get('/sitemaps/:file', { config: open, schema: { hide: true, params: Type.Object({ file: Type.String() }) } }, async (request, reply) => {
    const page = /^([1-9]\d{0,4})\.xml$/.exec(request.params.file);
    if (!page) return reply.callNotFound();
    return reply.type('application/xml; charset=utf-8').send(await interop.sitemapPage(Number(page[1])));
  });
}
