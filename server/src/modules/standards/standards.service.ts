import type { Kysely } from 'kysely';
import type { DB, StandardVersion } from '../../db/schema';
import { AppError } from '../../platform/errors';
import { authorize, can } from '../../platform/authz';
import { recordAudit } from '../../platform/audit';
import type { Ctx } from '../../platform/context';
import { localize, type Lang } from '../../platform/i18n';
import { StandardsRepository } from './standards.repository';
import { isPublished, type StandardRef } from './standards.policy';
import {
  PROBLEM_MESSAGES, checkStandardDocument, compareVersions, isSemver, loadCoreFields,
  type ResourceType, type StandardDocument,
} from './standard-document';
import { StandardValidator, fieldTable } from './record-validator';
import { diffStandards } from './standard-diff';
import { buildTemplate, parseWorkbook } from './excel-template';
import { iso } from '../../platform/format';


/** Versions, their lifecycle (draft → in_review → approved → retired), expert review and validation. */
export class StandardsService {
  private readonly repo: StandardsRepository;
  private readonly validators = new Map<string, StandardValidator>();

  constructor(private readonly db: Kysely<DB>) {
    this.repo = new StandardsRepository(db);
  }

  /** A compiled validator per version; drafts are keyed by their last edit so edits recompile. */
  validatorFor(version: StandardVersion): StandardValidator {
    const key = `${version.id}:${new Date(version.updatedAt).getTime()}`;
    let validator = this.validators.get(key);
    if (!validator) {
      validator = new StandardValidator(version.document as StandardDocument, loadCoreFields());
      this.validators.set(key, validator);
    }
    return validator;
  }

  private async ref(version: StandardVersion): Promise<StandardRef> {
    const standard = await this.repo.findStandard(version.standardId);
    const reviews = await this.repo.reviewsOf(version.id);
    return {
      platformOrgId: standard?.platformOrgId ?? null,
      status: version.status,
      expertIds: reviews.filter((r) => r.round === version.reviewRound).map((r) => r.expertId),
    };
  }

  /** Loads a version the actor may read: drafts and versions in review are 401/403 to others. */
  private async readable(ctx: Ctx, id: string) {
    const version = await this.repo.findVersion(id);
    if (!version) throw new AppError('standard.not_found');
    const ref = await this.ref(version);
    if (!isPublished(version.status) && !can(ctx.actor, 'standard.read', ref)) {
      authorize(ctx.actor, 'standard.read', ref);
    }
    return { version, ref };
  }

  private problemsError(problems: ReturnType<typeof checkStandardDocument>, lang: Lang) {
    return new AppError('standard.invalid', { count: problems.length }, problems.map((p) => ({
      path: p.path, code: p.code, message: localize(PROBLEM_MESSAGES[p.code], lang, p.params ?? {}),
    })));
  }

  /** Standards with the versions this actor may see. */
  async list(ctx: Ctx) {
    const standards = await this.repo.listStandards();
    const versions = await this.repo.listVersions(standards.map((s) => s.id));
    return standards.map((standard) => {
      const own = versions
        .filter((v) => v.standardId === standard.id)
        .filter((v) => isPublished(v.status) || can(ctx.actor, 'standard.read', { platformOrgId: standard.platformOrgId, status: v.status, expertIds: [] }))
        .sort((a, b) => compareVersions(b.version, a.version));
      return {
        id: standard.id,
        domain: standard.domain,
        nameZh: standard.nameZh,
        nameEn: standard.nameEn,
        platformOrgId: standard.platformOrgId,
        platformName: standard.platformNameZh,
        platformNameEn: standard.platformNameEn,
        canManage: ctx.actor ? can(ctx.actor, 'standard.manage', { platformOrgId: standard.platformOrgId }) : false,
        versions: own.map((v) => ({ id: v.id, version: v.version, status: v.status, reviewRound: v.reviewRound, approvedAt: iso(v.approvedAt), updatedAt: iso(v.updatedAt) })),
      };
    });
  }

  /** One version: its document, field tables per type, and the review rounds for those involved. */
  async get(ctx: Ctx, id: string) {
    const { version, ref } = await this.readable(ctx, id);
    const standard = (await this.repo.findStandard(version.standardId))!;
    const own = version.document as StandardDocument;
    // Core vocabularies and groups are part of every standard, whether or not the file repeats them.
    const core = loadCoreFields();
    const document: StandardDocument = {
      ...own,
      vocabularies: { ...core.vocabularies, ...own.vocabularies },
      groups: [...core.groups.filter((g) => !own.groups?.some((o) => o.id === g.id)), ...(own.groups ?? [])],
    };
    const involved = ctx.actor !== null && (can(ctx.actor, 'standard.manage', ref) || ref.expertIds.includes(ctx.actor.userId) || can(ctx.actor, 'standard.read', { ...ref, status: 'draft' }));
    const reviews = involved ? await this.repo.reviewsOf(version.id) : [];
    return {
      id: version.id,
      standardId: standard.id,
      domain: standard.domain,
      platformOrgId: standard.platformOrgId,
      version: version.version,
      status: version.status,
      quorum: version.quorum,
      reviewRound: version.reviewRound,
      basedOnId: version.basedOnId,
      createdAt: iso(version.createdAt)!,
      updatedAt: iso(version.updatedAt)!,
      approvedAt: iso(version.approvedAt),
      document,
      types: Object.entries(document.resourceTypes).map(([type, definition]) => ({
        type, label: definition!.label, fields: fieldTable(definition!.schema),
      })),
      canManage: ctx.actor ? can(ctx.actor, 'standard.manage', ref) : false,
      canReview: ctx.actor ? can(ctx.actor, 'standard.review', ref) && version.status === 'in_review' && reviews.some((r) => r.round === version.reviewRound && r.expertId === ctx.actor!.userId && !r.decision) : false,
      reviews: reviews.map((r) => ({ id: r.id, round: r.round, expertId: r.expertId, expertName: r.expertName, decision: r.decision, comment: r.comment, decidedAt: iso(r.decidedAt) })),
    };
  }

  async createStandard(ctx: Ctx, input: { domain: string; nameZh: string; nameEn: string; platformOrgId?: string | null }) {
    authorize(ctx.actor, 'standard.create', null);
    return this.db.transaction().execute(async (trx) => {
      const repo = new StandardsRepository(trx);
      if (await repo.findStandardByDomain(input.domain)) throw new AppError('standard.domain_taken');
      await this.assertPlatform(trx, input.platformOrgId ?? null);
      const standard = await repo.insertStandard({ domain: input.domain, nameZh: input.nameZh.trim(), nameEn: input.nameEn.trim(), platformOrgId: input.platformOrgId ?? null });
      await recordAudit(trx, ctx, { action: 'standard.created', objectType: 'standard', objectId: standard.id, after: standard });
      return standard;
    });
  }

  /** Links a standard to its domain platform (sysadmin). */
  async linkPlatform(ctx: Ctx, id: string, platformOrgId: string | null) {
    authorize(ctx.actor, 'standard.create', null);
    return this.db.transaction().execute(async (trx) => {
      const repo = new StandardsRepository(trx);
      const before = await repo.findStandard(id);
      if (!before) throw new AppError('standard.not_found');
      await this.assertPlatform(trx, platformOrgId);
      const after = await repo.updateStandard(id, { platformOrgId });
      await recordAudit(trx, ctx, { action: 'standard.platform_linked', objectType: 'standard', objectId: id, before, after });
      return after;
    });
  }

  private async assertPlatform(db: Kysely<DB>, platformOrgId: string | null) {
    if (!platformOrgId) return;
    const org = await db.selectFrom('organisations').select('kind').where('id', '=', platformOrgId).executeTakeFirst();
    if (org?.kind !== 'domain_platform') throw new AppError('org.parent_invalid', {}, [{ path: '/platformOrgId', code: 'org.parent_invalid' }]);
  }

  /** Uploads a new draft version of a standard (the document is checked in full first). */
  async addVersion(ctx: Ctx, standardId: string, input: unknown, basedOnId: string | null = null) {
    const standard = await this.repo.findStandard(standardId);
    if (!standard) throw new AppError('standard.not_found');
    authorize(ctx.actor, 'standard.manage', standard);
    const problems = checkStandardDocument(input, loadCoreFields(), standard.domain);
    if (problems.length > 0) throw this.problemsError(problems, ctx.lang);
    const document = input as StandardDocument;
    return this.db.transaction().execute(async (trx) => {
      const repo = new StandardsRepository(trx);
      const existing = await repo.versionsOf(standardId);
      if (existing.some((v) => v.version === document.version)) throw new AppError('standard.version_exists', { version: document.version });
      const latest = existing.map((v) => v.version).sort(compareVersions).pop();
      if (latest && compareVersions(document.version, latest) <= 0) throw new AppError('standard.version_not_newer', { latest });
      const version = await repo.insertVersion({ standardId, version: document.version, document, basedOnId, createdBy: ctx.actor?.userId || null });
      await recordAudit(trx, ctx, { action: 'standard.version_created', objectType: 'standard_version', objectId: version.id, after: { standard: standard.domain, version: version.version, basedOnId } });
      return { id: version.id, version: version.version, status: version.status };
    });
  }

  /** Copies a version into a new draft with the next minor version (or the one given). */
  async clone(ctx: Ctx, id: string, nextVersion?: string) {
    const { version } = await this.readable(ctx, id);
    const standard = (await this.repo.findStandard(version.standardId))!;
    authorize(ctx.actor, 'standard.manage', standard);
    const existing = (await this.repo.versionsOf(standard.id)).map((v) => v.version).sort(compareVersions);
    const latest = existing[existing.length - 1] ?? version.version;
    const [major, minor] = latest.split('.').map(Number);
    const target = nextVersion ?? `${major}.${(minor ?? 0) + 1}.0`;
    if (!isSemver(target)) throw new AppError('standard.invalid', { count: 1 }, [{ path: '/version', code: 'standard.bad_version', message: localize(PROBLEM_MESSAGES['standard.bad_version'], ctx.lang) }]);
    return this.addVersion(ctx, standard.id, { ...(version.document as StandardDocument), version: target }, version.id);
  }

  /** Replaces the document of a draft; approved versions are immutable (409). */
  async updateDraft(ctx: Ctx, id: string, input: unknown) {
    const { version, ref } = await this.readable(ctx, id);
    authorize(ctx.actor, 'standard.manage', ref);
    if (version.status !== 'draft') throw new AppError('standard.not_editable');
    const standard = (await this.repo.findStandard(version.standardId))!;
    const problems = checkStandardDocument(input, loadCoreFields(), standard.domain);
    if (problems.length > 0) throw this.problemsError(problems, ctx.lang);
    if ((input as StandardDocument).version !== version.version) throw new AppError('standard.version_mismatch', { version: version.version });
    await this.db.transaction().execute(async (trx) => {
      const locked = await new StandardsRepository(trx).lockVersion(id);
      if (locked?.status !== 'draft') throw new AppError('standard.not_editable');
      const after = await new StandardsRepository(trx).updateVersion(id, { document: input });
      await recordAudit(trx, ctx, { action: 'standard.draft_updated', objectType: 'standard_version', objectId: id, before: { updatedAt: iso(version.updatedAt) }, after: { updatedAt: iso(after.updatedAt), diff: diffStandards(version.document as StandardDocument, input as StandardDocument) } });
    });
    return this.get(ctx, id);
  }

  /** Sends a draft to the platform's expert committee: a new review round with the chosen experts. */
  async submitForReview(ctx: Ctx, id: string, input: { expertIds: string[]; quorum: 'majority' | 'all' }) {
    const { version, ref } = await this.readable(ctx, id);
    authorize(ctx.actor, 'standard.manage', ref);
    if (!ref.platformOrgId) throw new AppError('standard.no_platform');
    const experts = new Set((await this.repo.expertsOf(ref.platformOrgId)).map((e) => e.id));
    const chosen = [...new Set(input.expertIds)];
    const outsiders = chosen.filter((expertId) => !experts.has(expertId));
    if (chosen.length === 0 || outsiders.length > 0) {
      throw new AppError('standard.not_an_expert', {}, outsiders.map((expertId) => ({ path: '/expertIds', code: 'standard.not_an_expert', params: { expertId } })));
    }
    await this.db.transaction().execute(async (trx) => {
      const repo = new StandardsRepository(trx);
      const locked = await repo.lockVersion(id);
      if (locked?.status !== 'draft') throw new AppError('standard.wrong_status', { status: locked?.status ?? '-' });
      const round = version.reviewRound + 1;
      await repo.updateVersion(id, { status: 'in_review', quorum: input.quorum, reviewRound: round, submittedAt: new Date() });
      await repo.insertReviews(chosen.map((expertId) => ({ versionId: id, round, expertId, assignedBy: ctx.actor?.userId || null })));
      await recordAudit(trx, ctx, { action: 'standard.submitted', objectType: 'standard_version', objectId: id, before: { status: 'draft' }, after: { status: 'in_review', round, experts: chosen, quorum: input.quorum } });
    });
    return this.get(ctx, id);
  }

  /** An assigned expert approves or requests changes; the quorum rule then settles the round. */
  async review(ctx: Ctx, id: string, input: { decision: 'approve' | 'request_changes'; comment?: string | null }) {
    const { ref } = await this.readable(ctx, id);
    authorize(ctx.actor, 'standard.review', ref);
    const comment = input.comment?.trim() || null;
    if (input.decision === 'request_changes' && !comment) throw new AppError('standard.comment_required', {}, [{ path: '/comment', code: 'standard.comment_required' }]);
    await this.db.transaction().execute(async (trx) => {
      const repo = new StandardsRepository(trx);
      const locked = await repo.lockVersion(id);
      if (locked?.status !== 'in_review') throw new AppError('standard.wrong_status', { status: locked?.status ?? '-' });
      const round = (await repo.reviewsOf(id)).filter((r) => r.round === locked.reviewRound);
      const mine = round.find((r) => r.expertId === ctx.actor?.userId);
      if (!mine) throw new AppError('auth.forbidden');
      if (mine.decision) throw new AppError('standard.already_decided');
      await repo.decide(mine.id, input.decision, comment);
      await recordAudit(trx, ctx, { action: 'standard.reviewed', objectType: 'standard_version', objectId: id, after: { round: locked.reviewRound, decision: input.decision, comment } });

      const decisions = round.map((r) => (r.id === mine.id ? input.decision : r.decision));
      const outcome = settleRound(decisions, locked.quorum);
      if (outcome === 'approved') {
        await repo.updateVersion(id, { status: 'approved', approvedAt: new Date() });
        await recordAudit(trx, ctx, { action: 'standard.approved', objectType: 'standard_version', objectId: id, before: { status: 'in_review' }, after: { status: 'approved', round: locked.reviewRound } });
      } else if (outcome === 'returned') {
        await repo.updateVersion(id, { status: 'draft' });
        await recordAudit(trx, ctx, { action: 'standard.returned', objectType: 'standard_version', objectId: id, before: { status: 'in_review' }, after: { status: 'draft', round: locked.reviewRound } });
      }
    });
    return this.get(ctx, id);
  }

  async retire(ctx: Ctx, id: string) {
    const { ref } = await this.readable(ctx, id);
    authorize(ctx.actor, 'standard.manage', ref);
    await this.db.transaction().execute(async (trx) => {
      const repo = new StandardsRepository(trx);
      const locked = await repo.lockVersion(id);
      if (locked?.status !== 'approved') throw new AppError('standard.wrong_status', { status: locked?.status ?? '-' });
      await repo.updateVersion(id, { status: 'retired', retiredAt: new Date() });
      await recordAudit(trx, ctx, { action: 'standard.retired', objectType: 'standard_version', objectId: id, before: { status: 'approved' }, after: { status: 'retired' } });
    });
    return this.get(ctx, id);
  }

  async diff(ctx: Ctx, id: string, baseId: string) {
    const { version } = await this.readable(ctx, id);
    const { version: base } = await this.readable(ctx, baseId);
    if (base.standardId !== version.standardId) throw new AppError('standard.not_found');
    return { base: base.version, version: version.version, ...diffStandards(base.document as StandardDocument, version.document as StandardDocument) };
  }

  private async typedValidator(ctx: Ctx, id: string, type: ResourceType) {
    const { version } = await this.readable(ctx, id);
    const validator = this.validatorFor(version);
    if (!validator.schema(type)) throw new AppError('standard.type_not_collected', { type });
    return { validator, version };
  }

  /** Validates one record; drafts (partial) skip required-field checks. */
  async validate(ctx: Ctx, id: string, type: ResourceType, record: unknown, partial = false) {
    const { validator } = await this.typedValidator(ctx, id, type);
    const errors = validator.validate(type, record, ctx.lang, { partial });
    return { valid: errors.length === 0, errors };
  }

  async template(ctx: Ctx, id: string, type: ResourceType) {
    const { validator, version } = await this.typedValidator(ctx, id, type);
    const document = version.document as StandardDocument;
    return { buffer: await buildTemplate(validator, type), filename: `${document.name.zh}-${version.version}-${localize(document.resourceTypes[type]!.label, 'zh-CN')}-模板.xlsx` };
  }

  /** Parses a filled template: all rows validated; any error means nothing is accepted. */
  async parseTemplate(ctx: Ctx, id: string, type: ResourceType, data: Buffer) {
    const { validator } = await this.typedValidator(ctx, id, type);
    const parsed = await parseWorkbook(validator, type, data, ctx.lang);
    return { valid: parsed.errors.length === 0, rowCount: parsed.records.length, records: parsed.errors.length === 0 ? parsed.records : [], errors: parsed.errors };
  }

  /**
   * Re-validates the platform's unsubmitted resources (drafts and returned ones) against this
   * version and lists, per resource, what would break if they moved to it.
   */
  async revalidateDrafts(ctx: Ctx, id: string) {
    const { version, ref } = await this.readable(ctx, id);
    authorize(ctx.actor, 'standard.manage', ref);
    if (!ref.platformOrgId) throw new AppError('standard.no_platform');
    const validator = this.validatorFor(version);
    const drafts = await this.db
      .selectFrom('resources as r')
      .innerJoin('subjects as s', 's.id', 'r.subjectId')
      .innerJoin('standardVersions as v', 'v.id', 'r.standardVersionId')
      .select(['r.id', 'r.resourceType', 'r.titleZh', 'r.metadata', 'r.status', 's.code as subjectCode', 'v.version as currentVersion'])
      .where('s.platformOrgId', '=', ref.platformOrgId)
      .where('r.status', 'in', ['draft', 'returned'])
      .orderBy('s.code')
      .execute();
    return drafts.map((draft) => {
      const collected = validator.schema(draft.resourceType as ResourceType) !== undefined;
      const problems = collected ? validator.validate(draft.resourceType as ResourceType, draft.metadata, ctx.lang) : [];
      return {
        resourceId: draft.id, subjectCode: draft.subjectCode, resourceType: draft.resourceType, titleZh: draft.titleZh, status: draft.status,
        currentVersion: draft.currentVersion, typeCollected: collected, problems,
      };
    });
  }

  /** Experts of the version's platform, for the assignment form. */
  async experts(ctx: Ctx, id: string) {
    const { ref } = await this.readable(ctx, id);
    authorize(ctx.actor, 'standard.manage', ref);
    return ref.platformOrgId ? this.repo.expertsOf(ref.platformOrgId) : [];
  }

  /** The signed-in expert's review assignments, open ones first. */
  async myReviews(ctx: Ctx) {
    if (!ctx.actor) throw new AppError('auth.unauthenticated');
    const rows = await this.repo.reviewsForExpert(ctx.actor.userId);
    return rows
      .map((r) => ({ ...r, open: r.status === 'in_review' && r.round === r.reviewRound && !r.decision, assignedAt: iso(r.assignedAt)!, decidedAt: iso(r.decidedAt) }))
      .sort((a, b) => Number(b.open) - Number(a.open));
  }
}

/** The quorum rule: 'majority' approves once more than half approve, 'all' needs every expert. */
export function settleRound(decisions: Array<'approve' | 'request_changes' | null>, quorum: 'majority' | 'all'): 'approved' | 'returned' | 'pending' {
  const total = decisions.length;
  const approvals = decisions.filter((d) => d === 'approve').length;
  const changes = decisions.filter((d) => d === 'request_changes').length;
  if (quorum === 'all') {
    if (changes > 0) return 'returned';
    return approvals === total ? 'approved' : 'pending';
  }
  if (approvals * 2 > total) return 'approved';
  // Returned once a majority of approvals can no longer be reached.
  if ((total - changes) * 2 <= total) return 'returned';
  return 'pending';
}
