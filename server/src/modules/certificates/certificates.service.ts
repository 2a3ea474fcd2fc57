import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { Config } from '../../config';
import type { DB, Subject } from '../../db/schema';
import { AppError, fieldError } from '../../platform/errors';
import { can } from '../../platform/authz';
import { recordAudit } from '../../platform/audit';
import type { BlobStore } from '../../platform/blobs';
import type { Ctx } from '../../platform/context';
import { localize, type Bilingual } from '../../platform/i18n';
import { chinaDate } from '../../platform/china-time';
import { iso } from '../../platform/format';
import type { RegistryService } from '../registry/registry.service';
import { RegistryRepository } from '../registry/registry.repository';
import { newestApprovedVersion } from '../standards/standards.repository';
import { RESOURCE_TYPE_LABELS, type ResourceType, type StandardDocument } from '../standards/standard-document';
import { CertificatesRepository } from './certificates.repository';
import { renderCertificate, type CertificateContent } from './certificate-pdf';

const IN_REVIEW = ['submitted', 'unit_review', 'platform_review', 'expert_review', 'approved'];
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** An unguessable verification code: 16 characters (80 bits) from an unambiguous alphabet, grouped by four. */
export function verificationCode(): string {
  const bytes = randomBytes(16);
  const chars = [...bytes].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
  return chars.match(/.{4}/g)!.join('-');
}

/** Plan fulfilment, waivers, the collection certificate (汇交凭证) and the acceptance gate. */
export class CertificatesService {
  private readonly repo: CertificatesRepository;

  constructor(private readonly db: Kysely<DB>, private readonly config: Config, private readonly registry: RegistryService, private readonly blobs: BlobStore) {
    this.repo = new CertificatesRepository(db);
  }

  /** Planned vs released per type of the approved plan; a type is fulfilled by count or by a platform waiver. */
  private async fulfilment(subject: Subject) {
    const [lines, counts, waivers, standard] = await Promise.all([
      this.repo.approvedLines(subject.id), this.repo.counts(subject.id), this.repo.waivers(subject.id), newestApprovedVersion(this.db, subject.platformOrgId),
    ]);
    const labelOf = (type: string): Bilingual => (standard?.document as StandardDocument | undefined)?.resourceTypes[type as ResourceType]?.label ?? RESOURCE_TYPE_LABELS[type as ResourceType] ?? { zh: type, en: type };
    const types = [...new Set((lines ?? []).map((l) => l.resourceType))];
    const rows = types.map((type) => {
      const of = (statuses: string[]) => counts.filter((c) => c.resourceType === type && statuses.includes(c.status)).reduce((sum, c) => sum + Number(c.n), 0);
      const planned = (lines ?? []).filter((l) => l.resourceType === type).reduce((sum, l) => sum + l.plannedCount, 0);
      const released = of(['released']);
      const waiver = waivers.find((w) => w.resourceType === type) ?? null;
      return {
        resourceType: type, typeLabel: labelOf(type), planned, released, inReview: of(IN_REVIEW),
        waiver: waiver ? { reason: waiver.reason, byName: waiver.byName, at: iso(waiver.createdAt)! } : null,
        fulfilled: released >= planned || waiver !== null,
      };
    });
    return { planApproved: lines !== null, lines: rows, complete: lines !== null && rows.length > 0 && rows.every((r) => r.fulfilled) };
  }

  private presentCertificate(certificate: { number: string; code: string; issuedAt: Date; subjectId: string }) {
    return {
      number: certificate.number, code: certificate.code, issuedAt: iso(certificate.issuedAt)!,
      verifyUrl: `${this.config.publicUrl}/verify/${certificate.code}`, pdfUrl: `/api/subjects/${certificate.subjectId}/certificate.pdf`,
    };
  }

  async status(ctx: Ctx, subjectId: string) {
    const { subject, ref } = await this.registry.subjectFor(ctx, subjectId, 'subject.read');
    const [fulfilment, certificate] = await Promise.all([this.fulfilment(subject), this.repo.findBySubject(subjectId)]);
    const certify = can(ctx.actor, 'subject.certify', ref);
    return {
      subjectId, subjectCode: subject.code, ...fulfilment,
      certificate: certificate ? this.presentCertificate(certificate) : null,
      can: { issue: certify && fulfilment.complete && !certificate, waive: certify && !certificate },
    };
  }

  /** The platform waives a plan line's type with a reason (e.g. the work produced no such resource). */
  async waive(ctx: Ctx, subjectId: string, input: { resourceType: string; reason: string }) {
    const { subject } = await this.registry.subjectFor(ctx, subjectId, 'subject.certify');
    const { lines } = await this.fulfilment(subject);
    const line = lines.find((l) => l.resourceType === input.resourceType);
    if (!line) throw fieldError('certificate.unknown_line', '/resourceType', { type: input.resourceType });
    if (line.waiver) throw new AppError('certificate.already_waived');
    if (line.fulfilled) throw new AppError('certificate.line_fulfilled');
    if (await this.repo.findBySubject(subjectId)) throw new AppError('certificate.exists');
    await this.db.transaction().execute(async (trx) => {
      const created = await new CertificatesRepository(trx).insertWaiver({ subjectId, resourceType: input.resourceType, reason: input.reason.trim(), waivedBy: ctx.actor?.userId || null });
      if (!created) throw new AppError('certificate.already_waived');
      await recordAudit(trx, ctx, { action: 'plan.line_waived', objectType: 'subject', objectId: subjectId, after: { resourceType: input.resourceType, reason: input.reason.trim(), planned: line.planned, released: line.released } });
    });
    return this.status(ctx, subjectId);
  }

  /** Issues the certificate once every line is fulfilled: the PDF is stored first, then recorded with its number and code. */
  async issue(ctx: Ctx, subjectId: string) {
    const { subject } = await this.registry.subjectFor(ctx, subjectId, 'subject.certify');
    if (await this.repo.findBySubject(subjectId)) throw new AppError('certificate.exists');
    const fulfilment = await this.fulfilment(subject);
    if (!fulfilment.complete) throw new AppError('certificate.incomplete', { missing: this.missing(fulfilment, ctx.lang === 'en' ? 'en' : 'zh').join('; ') });
    const [parties, released] = await Promise.all([this.repo.parties(subjectId), this.repo.released(subjectId)]);
    const issuedOn = chinaDate();
    const number = `HJPZ-${issuedOn.slice(0, 4)}-${String(await this.repo.nextNumber()).padStart(6, '0')}`;
    const code = verificationCode();
    const label = (type: string) => fulfilment.lines.find((l) => l.resourceType === type)?.typeLabel.zh ?? RESOURCE_TYPE_LABELS[type as ResourceType]?.zh ?? type;
    const content: CertificateContent = {
      number, subjectCode: parties.code, subjectTitle: parties.titleZh, projectCode: parties.projectCode, projectTitle: parties.projectTitle, programTitle: parties.programTitle,
      piName: parties.piName, leadUnit: parties.leadUnit, coUnits: parties.coUnits, platformName: parties.platformName, issuedOn,
      lines: fulfilment.lines.map((l) => ({ resourceType: l.resourceType, typeLabel: l.typeLabel.zh, planned: l.planned, released: l.released, waiver: l.waiver?.reason ?? null })),
      resources: released.map((r) => ({ resourceType: r.resourceType, typeLabel: label(r.resourceType), title: r.titleZh, cstr: r.cstr ?? '' })),
    };
    const pdf = await renderCertificate(content, code, `${this.config.publicUrl}/verify/${code}`);
    // The blob goes in before the row that names it: a crash in between leaves an unreferenced blob, never a dangling row.
    const stored = await this.blobs.putStream(Readable.from([pdf]));
    await this.db.transaction().execute(async (trx) => {
      const repo = new CertificatesRepository(trx);
      await repo.insertBlob(stored.sha256, stored.size);
      if (await repo.findBySubject(subjectId)) throw new AppError('certificate.exists');
      const certificate = await repo.insertCertificate({ subjectId, number, code, platformOrgId: subject.platformOrgId, content, pdfSha256: stored.sha256, issuedBy: ctx.actor?.userId || null });
      await recordAudit(trx, ctx, { action: 'certificate.issued', objectType: 'subject', objectId: subjectId, after: { number, certificateId: certificate.id, pdfSha256: stored.sha256 } });
    });
    return this.status(ctx, subjectId);
  }

  async pdf(ctx: Ctx, subjectId: string) {
    await this.registry.subjectFor(ctx, subjectId, 'subject.read');
    const certificate = await this.repo.findBySubject(subjectId);
    if (!certificate) throw new AppError('certificate.not_found');
    return { number: certificate.number, stream: this.blobs.read(certificate.pdfSha256) };
  }

  /** Public check of a certificate by its verification code: what it stated when issued. */
  async verify(code: string) {
    const certificate = /^[A-Z0-9]{4}(-[A-Z0-9]{4}){3}$/.test(code) ? await this.repo.findByCode(code) : undefined;
    if (!certificate) throw new AppError('certificate.not_found');
    const content = certificate.content as CertificateContent;
    return {
      number: certificate.number, subjectCode: content.subjectCode, subjectTitle: content.subjectTitle, piName: content.piName,
      units: [content.leadUnit, ...content.coUnits], platformName: content.platformName, issuedAt: iso(certificate.issuedAt)!,
      lines: content.lines.map((l) => ({
        resourceType: l.resourceType, typeLabel: l.typeLabel, planned: l.planned, count: l.released, waiver: l.waiver,
        cstrs: content.resources.filter((r) => r.resourceType === l.resourceType).map((r) => r.cstr),
      })),
    };
  }

  /** For program management: is collection complete, what is missing, and the certificate. Looks the subject up by code. */
  async acceptanceStatus(ctx: Ctx, code: string) {
    const found = await new RegistryRepository(this.db).findSubjectByCode(code);
    if (!found) throw new AppError('subject.not_found');
    const { subject } = await this.registry.subjectFor(ctx, found.id, 'subject.read');
    const [fulfilment, certificate, openReviews] = await Promise.all([this.fulfilment(subject), this.repo.findBySubject(subject.id), this.repo.openReviews(subject.id)]);
    const lang = ctx.lang === 'en' ? 'en' : 'zh';
    return {
      subjectCode: subject.code,
      complete: fulfilment.complete,
      lines: fulfilment.lines.map((l) => ({ resourceType: l.resourceType, planned: l.planned, delivered: l.released, waived: l.waiver !== null, missing: l.fulfilled ? 0 : l.planned - l.released })),
      openReviews,
      missing: this.missing(fulfilment, lang),
      certificate: certificate ? (({ code: _code, ...rest }) => rest)(this.presentCertificate(certificate)) : null,
    };
  }

  private missing(fulfilment: Awaited<ReturnType<CertificatesService['fulfilment']>>, lang: 'zh' | 'en'): string[] {
    if (!fulfilment.planApproved) return [localize({ zh: '汇交计划尚未批准', en: 'the collection plan is not approved yet' }, lang === 'en' ? 'en' : 'zh-CN')];
    return fulfilment.lines.filter((l) => !l.fulfilled).map((l) => lang === 'en'
      ? `${l.typeLabel.en}: ${l.planned - l.released} more to release (planned ${l.planned}, released ${l.released})`
      : `${l.typeLabel.zh}：还差 ${l.planned - l.released} 项（计划 ${l.planned}，已发布 ${l.released}）`);
  }
}
