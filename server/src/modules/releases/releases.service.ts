import type { Kysely } from 'kysely';
import type { Config } from '../../config';
import type { DB, SharingMode } from '../../db/schema';
import { AppError, fieldError } from '../../platform/errors';
import { authorize } from '../../platform/authz';
import { recordAudit } from '../../platform/audit';
import type { Ctx } from '../../platform/context';
import { queueMail } from '../../platform/mail';
import { mailTemplates } from '../../platform/mail-templates';
import { chinaDate } from '../../platform/china-time';
import type { ResourcesService } from '../resources/resources.service';
import { LICENCES, loadSettings, SHARING_MODES } from '../reviews/review-settings';
import { ReviewsRepository } from '../reviews/reviews.repository';
import { ReleasesRepository } from './releases.repository';
import { mintCstr } from './cstr';
import type { Registrar } from './registrar';
import { PostgresSearchIndex, type SearchIndex } from '../search/search-index';

export interface ReleaseInput {
  sharingMode: string;
  embargoEnd?: string | null;
  embargoReason?: string | null;
  licence: string;
}

/** The date `months` calendar months after `day` (YYYY-MM-DD), clamped to the month's end. */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

/** Release with a CSTR, new versions of released resources, and withdrawal with a tombstone. */
export class ReleasesService {
  private readonly repo: ReleasesRepository;

  constructor(private readonly db: Kysely<DB>, private readonly config: Config, private readonly resources: ResourcesService, private readonly registrar: Registrar, private readonly search: SearchIndex = new PostgresSearchIndex(db)) {
    this.repo = new ReleasesRepository(db);
  }

  /** Checks sharing mode, embargo (1–12 months unless a reason is stated) and licence; returns the values to store. */
  private checkRelease(input: ReleaseInput, today = chinaDate()) {
    if (!(SHARING_MODES as readonly string[]).includes(input.sharingMode)) throw fieldError('review.bad_sharing_mode', '/sharingMode', { mode: input.sharingMode });
    if (!LICENCES.some((l) => l.id === input.licence)) throw fieldError('release.unknown_licence', '/licence', { licence: input.licence });
    const embargoEnd = input.embargoEnd || null;
    const embargoReason = input.embargoReason?.trim() || null;
    if (input.sharingMode !== 'embargo') {
      if (embargoEnd) throw fieldError('release.embargo_not_applicable', '/embargoEnd');
      return { sharingMode: input.sharingMode as SharingMode, embargoEnd: null, embargoReason: null, licence: input.licence };
    }
    if (!embargoEnd) throw fieldError('release.embargo_end_required', '/embargoEnd');
    if (embargoEnd <= today) throw fieldError('release.embargo_past', '/embargoEnd');
    if (embargoEnd > addMonths(today, 12) && !embargoReason) throw fieldError('release.embargo_reason_required', '/embargoReason');
    return { sharingMode: 'embargo' as const, embargoEnd, embargoReason, licence: input.licence };
  }

  /** The platform releases an approved resource: immutable from now on, with a CSTR minted once and queued for registration. */
  async release(ctx: Ctx, id: string, input: ReleaseInput) {
    const { resource, subject, ref } = await this.resources.resourceFor(ctx, id, 'subject.read');
    authorize(ctx.actor, 'resource.release', ref);
    if (resource.status !== 'approved') throw new AppError('review.wrong_status', { status: resource.status });
    const values = this.checkRelease(input);
    if (resource.resourceType === 'physical') {
      const received = await this.db.selectFrom('physicalDeposits').select('id').where('resourceId', '=', id).where('status', '=', 'received').executeTakeFirst();
      if (!received) throw new AppError('release.deposit_unconfirmed');
    }
    const settings = await loadSettings(this.db, subject.platformOrgId, this.config);
    const people = await new ReviewsRepository(this.db).subjectPeople(subject.id);
    const cstr = await this.db.transaction().execute(async (trx) => {
      const repo = new ReleasesRepository(trx);
      const locked = await new ReviewsRepository(trx).lockResource(id);
      if (locked?.status !== 'approved') throw new AppError('review.wrong_status', { status: locked?.status ?? '-' });
      const minted = mintCstr({
        raCode: this.config.cstrRaCode, typeCode: settings.cstrTypeCodes[locked.resourceType] ?? '99', sequence: await repo.nextCstrSequence(),
        year: Number(chinaDate().slice(0, 4)), versionNo: locked.versionNo, firstCstr: (await repo.firstCstr(locked.lineageId))?.cstr ?? null,
      });
      await repo.markReleased(id, { ...values, cstr: minted, releasedBy: ctx.actor?.userId || null });
      const superseded = await repo.supersedeOlder(locked.lineageId, locked.versionNo);
      // Search changes in the same transaction: the new version listed, older ones gone.
      await this.search.index(trx, id);
      await this.search.remove(trx, superseded.map((s) => s.id));
      await repo.queueRegistration({ resourceId: id, cstr: minted, registrar: this.registrar.name });
      await recordAudit(trx, ctx, { action: 'resource.released', objectType: 'resource', objectId: id, before: { status: 'approved' }, after: { ...values, cstr: minted, superseded: superseded.map((s) => s.id) } });
      const link = `${this.config.publicUrl}/resources/${id}`;
      await queueMail(trx, people.filter((p) => p.email).map((p) => mailTemplates.resourceDecision({ to: p.email!, name: p.displayName, resource: locked.titleZh, outcome: `已发布，科技资源标识 ${minted}`, comment: null, link })));
      return minted;
    });
    return { id, cstr };
  }

  /** A change to a released resource starts a new version: a draft copy in the same lineage, reviewed like the first. */
  async newVersion(ctx: Ctx, id: string) {
    const { resource } = await this.resources.resourceFor(ctx, id, 'resource.edit');
    if (resource.status !== 'released') throw new AppError('review.wrong_status', { status: resource.status });
    return this.db.transaction().execute(async (trx) => {
      const repo = new ReleasesRepository(trx);
      const lineage = await repo.lineage(resource.lineageId);
      const newest = lineage[lineage.length - 1]!;
      if (newest.id !== id) throw new AppError(newest.status === 'released' || newest.status === 'superseded' ? 'release.not_latest' : 'release.version_open');
      const created = await repo.insertVersion({
        subjectId: resource.subjectId, resourceType: resource.resourceType, standardVersionId: resource.standardVersionId, lineageId: resource.lineageId,
        versionNo: newest.versionNo + 1, titleZh: resource.titleZh, metadata: resource.metadata, createdBy: ctx.actor?.userId || null,
      });
      await repo.copyFiles(id, created.id, ctx.actor?.userId || null);
      await recordAudit(trx, ctx, { action: 'resource.version_started', objectType: 'resource', objectId: created.id, after: { basedOn: id, versionNo: newest.versionNo + 1 } });
      return created.id;
    });
  }

  /** The platform withdraws a released version: a tombstone keeps the description and the reason; files are removed. */
  async withdraw(ctx: Ctx, id: string, reason: string) {
    const { resource, ref } = await this.resources.resourceFor(ctx, id, 'subject.read');
    authorize(ctx.actor, 'resource.release', ref);
    if (resource.status !== 'released' && resource.status !== 'superseded') throw new AppError('review.wrong_status', { status: resource.status });
    await this.db.transaction().execute(async (trx) => {
      const repo = new ReleasesRepository(trx);
      const locked = await new ReviewsRepository(trx).lockResource(id);
      if (locked?.status !== 'released' && locked?.status !== 'superseded') throw new AppError('review.wrong_status', { status: locked?.status ?? '-' });
      await repo.markWithdrawn(id, reason.trim());
      const files = await repo.deleteFiles(id);
      await this.search.remove(trx, [id]);
      await recordAudit(trx, ctx, { action: 'resource.withdrawn', objectType: 'resource', objectId: id, before: { status: locked.status, files }, after: { status: 'withdrawn', reason: reason.trim() } });
    });
  }
}
