import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Services } from '../../services';
import { IdParams, Nullable, errors } from '../../platform/schemas';
import { attachment } from '../standards/standards.routes';

const Bilingual = Type.Object({ zh: Type.String(), en: Type.String() });
const CertificateRef = Type.Object({ number: Type.String(), code: Type.String(), issuedAt: Type.String(), verifyUrl: Type.String(), pdfUrl: Type.String() });
const CertificateStatus = Type.Object({
  subjectId: Type.String(), subjectCode: Type.String(), complete: Type.Boolean(), planApproved: Type.Boolean(),
  lines: Type.Array(Type.Object({
    resourceType: Type.String(), typeLabel: Bilingual, planned: Type.Integer(), released: Type.Integer(), inReview: Type.Integer(),
    waiver: Nullable(Type.Object({ reason: Type.String(), byName: Nullable(Type.String()), at: Type.String() })), fulfilled: Type.Boolean(),
  })),
  certificate: Nullable(CertificateRef),
  can: Type.Object({ issue: Type.Boolean(), waive: Type.Boolean() }),
});
const WaiverRequest = Type.Object({ resourceType: Type.String({ minLength: 1, maxLength: 40 }), reason: Type.String({ minLength: 2, maxLength: 2000, pattern: '\\S' }) }, { additionalProperties: false });
const Verification = Type.Object({
  number: Type.String(), subjectCode: Type.String(), subjectTitle: Type.String(), piName: Nullable(Type.String()), units: Type.Array(Type.String()), platformName: Type.String(), issuedAt: Type.String(),
  lines: Type.Array(Type.Object({ resourceType: Type.String(), typeLabel: Type.String(), planned: Type.Integer(), count: Type.Integer(), waiver: Nullable(Type.String()), cstrs: Type.Array(Type.String()) })),
});
const AcceptanceStatus = Type.Object({
  subjectCode: Type.String(), complete: Type.Boolean(),
  lines: Type.Array(Type.Object({ resourceType: Type.String(), planned: Type.Integer(), delivered: Type.Integer(), waived: Type.Boolean(), missing: Type.Integer() })),
  openReviews: Type.Integer(), missing: Type.Array(Type.String()),
  certificate: Nullable(Type.Object({ number: Type.String(), issuedAt: Type.String(), verifyUrl: Type.String(), pdfUrl: Type.String() })),
});

export async function certificateRoutes(fastify: FastifyInstance, { services }: { services: Services }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['certificates'];
  const { certificates } = services;
  const access = { access: 'authenticated' as const };

  app.get('/api/subjects/:id/certificate-status', { config: access, schema: { tags, summary: 'Plan fulfilment per type, waivers and the certificate', params: IdParams, response: { 200: CertificateStatus, ...errors(401, 403, 404) } } },
    async (request) => certificates.status(request.ctx(), request.params.id));
  app.post('/api/subjects/:id/waivers', { config: access, schema: { tags, summary: 'Waive a plan line’s type with a reason (platform)', params: IdParams, body: WaiverRequest, response: { 200: CertificateStatus, ...errors(400, 401, 403, 404, 409, 422) } } },
    async (request) => certificates.waive(request.ctx(), request.params.id, request.body));
  app.post('/api/subjects/:id/certificate', { config: access, schema: { tags, summary: 'Issue the collection certificate (汇交凭证) once every plan line is fulfilled', params: IdParams, response: { 201: CertificateStatus, ...errors(401, 403, 404, 409) } } },
    async (request, reply) => reply.status(201).send(await certificates.issue(request.ctx(), request.params.id)));
  app.get('/api/subjects/:id/certificate.pdf', { config: access, schema: { tags, summary: 'The certificate PDF', params: IdParams, response: { 200: Type.Unsafe<unknown>({ type: 'string', format: 'binary' }), ...errors(401, 403, 404) } } },
    async (request, reply) => {
      const { number, stream } = await certificates.pdf(request.ctx(), request.params.id);
      return reply.header('content-type', 'application/pdf').header('content-disposition', attachment(`汇交凭证-${number}.pdf`)).send(stream);
    });
  app.get('/api/verify/:code', { config: { access: 'public' }, schema: { tags, summary: 'Check a certificate by its verification code (public)', params: Type.Object({ code: Type.String({ maxLength: 40 }) }), response: { 200: Verification, ...errors(404) } } },
    async (request) => certificates.verify(request.params.code.trim().toUpperCase()));
  app.get('/api/subjects/:code/acceptance-status', { config: access, schema: { tags, summary: 'For program management (API token): is collection complete, what is missing, the certificate', params: Type.Object({ code: Type.String({ minLength: 1, maxLength: 60 }) }), response: { 200: AcceptanceStatus, ...errors(401, 403, 404) } } },
    async (request) => certificates.acceptanceStatus(request.ctx(), request.params.code));
}
