import type { Kysely } from 'kysely';
import type { DB, Resource } from '../../db/schema';
import { AppError, fieldError } from '../../platform/errors';
import { authorize, can, orgScopes } from '../../platform/authz';
import { recordAudit } from '../../platform/audit';
import type { Ctx } from '../../platform/context';
import type { RegistryService, SubjectAction } from '../registry/registry.service';
import { ReviewsRepository } from '../reviews/reviews.repository';
import { openRound } from '../reviews/review-chain';
import { loadSettings } from '../reviews/review-settings';
import { isOverdue } from '../reviews/reviews.service';
import type { Config } from '../../config';
import type { StandardsService } from '../standards/standards.service';
import { newestApprovedVersion } from '../standards/standards.repository';
import type { ResourceType, StandardDocument } from '../standards/standard-document';
import { ResourcesRepository } from './resources.repository';
import { planLineFor } from './plan-lines';
import { iso } from '../../platform/format';
import { tierOfStatus } from '../reviews/review-settings';
import { cstrResolverUrl } from '../releases/cstr';

const EDITABLE = new Set(['draft', 'returned']);

export interface DepositInput {
  repositoryOrgId: string;
  items: Array<{ name: string; quantity: number; unit: string }>;
  shippingMethod: string;
  trackingNumber?: string | null;
  sentDate: string;
}

export interface ReceiptInput {
  outcome: 'received' | 'discrepancy';
  items: Array<{ name: string; quantity: number; unit: string }>;
  condition: string;
  accessionNumbers: string[];
  note?: string | null;
}

/** Resources of a subject: metadata against the standard, files, physical deposits, submission. */
export class ResourcesService {
  private readonly repo: ResourcesRepository;

  constructor(private readonly db: Kysely<DB>, private readonly config: Config, private readonly registry: RegistryService, private readonly standards: StandardsService) {
    this.repo = new ResourcesRepository(db);
  }

  /**
   * Loads a resource and checks the action against its subject. Reading is also open to the experts
   * assigned to review it (they hold no grant on the subject).
   */
  async resourceFor(ctx: Ctx, id: string, action: SubjectAction) {
    const resource = await this.repo.find(id);
    if (!resource) throw new AppError('resource.not_found');
    try {
      const { subject, ref } = await this.registry.subjectFor(ctx, resource.subjectId, action);
      return { resource, subject, ref };
    } catch (error) {
      if (action !== 'subject.read' || !(error instanceof AppError) || error.code !== 'auth.forbidden') throw error;
      const { subject, ref } = await this.subjectOf(resource);
      authorize(ctx.actor, 'resource.expert_review', { platformOrgId: subject.platformOrgId, expertIds: await new ReviewsRepository(this.db).expertIds(id) });
      return { resource, subject, ref };
    }
  }

  /** The resource's subject and policy reference, unchecked: for callers that authorise by another rule. */
  subjectOf(resource: Resource) {
    return this.registry.subjectRefOf(resource.subjectId);
  }

  /** Creates a draft of a type the platform's approved standard collects. */
  async create(ctx: Ctx, subjectId: string, input: { resourceType: string; metadata?: Record<string, unknown> }) {
    const { subject } = await this.registry.subjectFor(ctx, subjectId, 'resource.edit');
    const version = await newestApprovedVersion(this.db, subject.platformOrgId);
    if (!version || !(version.document as StandardDocument).resourceTypes[input.resourceType as ResourceType]) {
      throw fieldError('resource.type_not_in_standard', '/resourceType', { type: input.resourceType });
    }
    const metadata = { subjectCode: subject.code, ...(input.metadata ?? {}) };
    const id = await this.db.transaction().execute(async (trx) => {
      const lineageId = crypto.randomUUID();
      const created = await new ResourcesRepository(trx).insert({
        subjectId, resourceType: input.resourceType, standardVersionId: version.id, lineageId, titleZh: titleOf(metadata), metadata, createdBy: ctx.actor?.userId || null,
      });
      await recordAudit(trx, ctx, { action: 'resource.created', objectType: 'resource', objectId: created.id, after: { subjectId, resourceType: input.resourceType, standardVersion: version.version } });
      return created.id;
    });
    return this.get(ctx, id);
  }

  async list(ctx: Ctx, subjectId: string) {
    await this.registry.subjectFor(ctx, subjectId, 'subject.read');
    const rows = await this.repo.listBySubject(subjectId);
    return rows.map((r) => ({ ...r, fileCount: Number(r.fileCount ?? 0), totalBytes: Number(r.totalBytes ?? 0), createdAt: iso(r.createdAt)!, updatedAt: iso(r.updatedAt)!, submittedAt: iso(r.submittedAt) }));
  }

  /** A resource with its metadata, files, deposits, current validation problems and the plan line it counts towards. */
  async get(ctx: Ctx, id: string) {
    const { resource, ref } = await this.resourceFor(ctx, id, 'subject.read');
    const version = (await this.db.selectFrom('standardVersions').selectAll().where('id', '=', resource.standardVersionId).executeTakeFirst())!;
    const validator = this.standards.validatorFor(version);
    const type = resource.resourceType as ResourceType;
    const [files, deposits, openFields, versions] = await Promise.all([this.repo.files(id), this.repo.deposits(id), new ReviewsRepository(this.db).openFields(id), this.repo.versions(resource.lineageId)]);
    return {
      id: resource.id,
      subjectId: resource.subjectId,
      resourceType: resource.resourceType,
      typeLabel: (version.document as StandardDocument).resourceTypes[type]?.label ?? { zh: type, en: type },
      standardVersionId: version.id,
      standardVersion: version.version,
      status: resource.status,
      versionNo: resource.versionNo,
      titleZh: resource.titleZh,
      metadata: resource.metadata as Record<string, unknown>,
      problems: validator.validate(type, resource.metadata, ctx.lang),
      files: files.map((f) => ({ id: f.id, path: f.path, name: f.name, size: Number(f.size), mediaType: f.mediaType, sha256: f.sha256, createdAt: iso(f.createdAt)! })),
      deposits: deposits.map(presentDeposit),
      planLine: await planLineFor(this.db, resource),
      editable: EDITABLE.has(resource.status) && can(ctx.actor, 'resource.edit', ref),
      createdAt: iso(resource.createdAt)!,
      updatedAt: iso(resource.updatedAt)!,
      submittedAt: iso(resource.submittedAt),
      review: { tier: tierOfStatus(resource.status), round: resource.reviewRound, stepDueAt: iso(resource.stepDueAt), overdue: isOverdue(resource), openFields },
      release: resource.cstr && resource.releasedAt ? {
        cstr: resource.cstr, cstrUrl: cstrResolverUrl(resource.cstr), sharingMode: resource.sharingMode!, embargoEnd: resource.embargoEnd, licence: resource.licence!,
        releasedAt: iso(resource.releasedAt)!, withdrawnAt: iso(resource.withdrawnAt), withdrawalReason: resource.withdrawalReason,
      } : null,
      lineageId: resource.lineageId,
      versions: versions.map((v) => ({ id: v.id, versionNo: v.versionNo, status: v.status, cstr: v.cstr, releasedAt: iso(v.releasedAt) })),
    };
  }

  private assertEditable(resource: Resource) {
    if (!EDITABLE.has(resource.status)) throw new AppError('resource.not_editable');
  }

  /** Autosave: drafts may be incomplete, so only wrong values (not missing ones) are reported. */
  async saveMetadata(ctx: Ctx, id: string, metadata: Record<string, unknown>) {
    const { resource } = await this.resourceFor(ctx, id, 'resource.edit');
    this.assertEditable(resource);
    await this.db.transaction().execute(async (trx) => {
      const repo = new ResourcesRepository(trx);
      const locked = (await repo.lock(id))!;
      this.assertEditable(locked);
      await repo.update(id, { metadata, titleZh: titleOf(metadata) });
      await recordAudit(trx, ctx, { action: 'resource.metadata_saved', objectType: 'resource', objectId: id, before: { titleZh: locked.titleZh }, after: { titleZh: titleOf(metadata) } });
    });
    return this.get(ctx, id);
  }

  /** Submits for review: the record must be valid, and a physical resource needs its deposit recorded. */
  async submit(ctx: Ctx, id: string) {
    const { resource } = await this.resourceFor(ctx, id, 'resource.edit');
    this.assertEditable(resource);
    const detail = await this.get(ctx, id);
    if (detail.problems.length > 0) {
      throw new AppError('resource.invalid', { count: detail.problems.length }, detail.problems.map((p) => ({ path: p.path, code: `metadata.${p.code}`, message: p.message })));
    }
    if (resource.resourceType === 'physical' && detail.deposits.length === 0) throw new AppError('resource.deposit_required');
    const { subject } = await this.subjectOf(resource);
    const settings = await loadSettings(this.db, subject.platformOrgId, this.config);
    await this.db.transaction().execute(async (trx) => {
      const repo = new ResourcesRepository(trx);
      const locked = (await repo.lock(id))!;
      this.assertEditable(locked);
      const status = await openRound(trx, locked, ctx.actor?.userId || null, settings);
      await recordAudit(trx, ctx, { action: 'resource.submitted', objectType: 'resource', objectId: id, before: { status: locked.status }, after: { status, round: locked.reviewRound + 1 } });
    });
    return this.get(ctx, id);
  }

  async remove(ctx: Ctx, id: string) {
    const { resource } = await this.resourceFor(ctx, id, 'resource.edit');
    if (resource.status !== 'draft') throw new AppError('resource.not_editable');
    await this.db.transaction().execute(async (trx) => {
      await new ResourcesRepository(trx).delete(id);
      await recordAudit(trx, ctx, { action: 'resource.deleted', objectType: 'resource', objectId: id, before: { titleZh: resource.titleZh, resourceType: resource.resourceType } });
    });
  }

  async removeFile(ctx: Ctx, id: string, fileId: string) {
    const { resource } = await this.resourceFor(ctx, id, 'resource.edit');
    this.assertEditable(resource);
    const file = await this.repo.findFile(fileId);
    if (!file || file.resourceId !== id) throw new AppError('file.not_found');
    await this.db.transaction().execute(async (trx) => {
      await new ResourcesRepository(trx).deleteFile(fileId);
      await recordAudit(trx, ctx, { action: 'file.deleted', objectType: 'resource', objectId: id, before: { path: file.path, sha256: file.sha256, size: Number(file.size) } });
    });
    return this.get(ctx, id);
  }

  /** Delivered vs planned per resource type: the approved plan is the yardstick. */
  async delivery(ctx: Ctx, subjectId: string) {
    await this.registry.subjectFor(ctx, subjectId, 'subject.read');
    const plan = await this.db.selectFrom('plans').select('approvedVersionId').where('subjectId', '=', subjectId).executeTakeFirst();
    const lines = plan?.approvedVersionId ? await this.db.selectFrom('planLines').selectAll().where('planVersionId', '=', plan.approvedVersionId).execute() : [];
    const counts = await this.repo.countsByType(subjectId);
    const types = [...new Set([...lines.map((l) => l.resourceType), ...counts.map((c) => c.resourceType)])];
    return types.map((type) => {
      const of = (statuses: string[]) => counts.filter((c) => c.resourceType === type && statuses.includes(c.status)).reduce((sum, c) => sum + Number(c.n), 0);
      return {
        resourceType: type,
        planned: lines.filter((l) => l.resourceType === type).reduce((sum, l) => sum + l.plannedCount, 0),
        drafts: of(['draft', 'returned']),
        inReview: of(['submitted', 'unit_review', 'platform_review', 'expert_review', 'approved']),
        released: of(['released']),
      };
    });
  }

  /** The submitter records a shipment of physical items to a repository. */
  async recordDeposit(ctx: Ctx, id: string, input: DepositInput) {
    const { resource } = await this.resourceFor(ctx, id, 'resource.edit');
    this.assertEditable(resource);
    if (resource.resourceType !== 'physical') throw new AppError('resource.not_physical');
    const repository = await this.db.selectFrom('organisations').select('kind').where('id', '=', input.repositoryOrgId).executeTakeFirst();
    if (repository?.kind !== 'repository') throw fieldError('deposit.not_repository', '/repositoryOrgId');
    await this.db.transaction().execute(async (trx) => {
      const deposit = await trx.insertInto('physicalDeposits').values({
        resourceId: id, repositoryOrgId: input.repositoryOrgId, items: JSON.stringify(input.items), shippingMethod: input.shippingMethod.trim(),
        trackingNumber: input.trackingNumber?.trim() || null, sentDate: input.sentDate, received: null, accessionNumbers: null, createdBy: ctx.actor?.userId || null,
      }).returning('id').executeTakeFirstOrThrow();
      await recordAudit(trx, ctx, { action: 'deposit.recorded', objectType: 'resource', objectId: id, after: { depositId: deposit.id, ...input } });
    });
    return this.get(ctx, id);
  }

  /** The repository confirms receipt (items, condition, accession numbers) or reports a discrepancy. */
  async confirmDeposit(ctx: Ctx, depositId: string, input: ReceiptInput) {
    const deposit = await this.repo.findDeposit(depositId);
    if (!deposit) throw new AppError('deposit.not_found');
    if (!ctx.actor) throw new AppError('auth.unauthenticated');
    if (!orgScopes(ctx.actor, ['unit_admin']).includes(deposit.repositoryOrgId)) throw new AppError('auth.forbidden');
    await this.db.transaction().execute(async (trx) => {
      const locked = await trx.selectFrom('physicalDeposits').selectAll().where('id', '=', depositId).forUpdate().executeTakeFirstOrThrow();
      if (locked.status !== 'sent') throw new AppError('deposit.already_confirmed');
      await trx.updateTable('physicalDeposits').set({
        status: input.outcome, received: JSON.stringify(input.items), condition: input.condition.trim(), accessionNumbers: JSON.stringify(input.accessionNumbers),
        discrepancyNote: input.note?.trim() || null, confirmedBy: ctx.actor?.userId || null, confirmedAt: new Date(),
      }).where('id', '=', depositId).execute();
      await recordAudit(trx, ctx, { action: `deposit.${input.outcome}`, objectType: 'resource', objectId: deposit.resourceId, after: { depositId, ...input } });
    });
    return presentDeposit({ ...(await this.repo.deposits(deposit.resourceId)).find((d) => d.id === depositId)! });
  }

  /** Deposits addressed to the repositories the actor administers, waiting ones first. */
  async repositoryInbox(ctx: Ctx) {
    if (!ctx.actor) throw new AppError('auth.unauthenticated');
    const repositories = orgScopes(ctx.actor, ['unit_admin']);
    if (repositories.length === 0) throw new AppError('auth.forbidden');
    const rows = await this.db
      .selectFrom('physicalDeposits as d')
      .innerJoin('organisations as o', 'o.id', 'd.repositoryOrgId')
      .innerJoin('resources as r', 'r.id', 'd.resourceId')
      .innerJoin('subjects as s', 's.id', 'r.subjectId')
      .selectAll('d')
      .select(['o.nameZh as repositoryName', 'o.nameEn as repositoryNameEn', 'r.titleZh as resourceTitle', 's.code as subjectCode'])
      .where('d.repositoryOrgId', 'in', repositories)
      .orderBy('d.status', 'desc')
      .orderBy('d.createdAt')
      .execute();
    return rows.map((row) => ({ ...presentDeposit(row), resourceTitle: row.resourceTitle, subjectCode: row.subjectCode }));
  }
}

function titleOf(metadata: Record<string, unknown>): string {
  return typeof metadata.titleZh === 'string' ? metadata.titleZh.slice(0, 500) : '';
}

function presentDeposit(d: { id: string; resourceId: string; repositoryOrgId: string; repositoryName: string; repositoryNameEn: string | null; items: unknown; shippingMethod: string; trackingNumber: string | null; sentDate: string; status: string; received: unknown; condition: string | null; accessionNumbers: unknown; discrepancyNote: string | null; createdAt: Date; confirmedAt: Date | null }) {
  return {
    id: d.id, resourceId: d.resourceId, repositoryOrgId: d.repositoryOrgId, repositoryName: d.repositoryName, repositoryNameEn: d.repositoryNameEn,
    items: d.items as Array<{ name: string; quantity: number; unit: string }>, shippingMethod: d.shippingMethod, trackingNumber: d.trackingNumber, sentDate: d.sentDate,
    status: d.status, received: (d.received ?? null) as Array<{ name: string; quantity: number; unit: string }> | null, condition: d.condition,
    accessionNumbers: (d.accessionNumbers ?? []) as string[], discrepancyNote: d.discrepancyNote, createdAt: iso(d.createdAt)!, confirmedAt: iso(d.confirmedAt),
  };
}
