import type { Kysely } from 'kysely';
import type { Config } from '../../config';
import type { DB, PlanLine, PlanVersion, Subject } from '../../db/schema';
import { AppError, fieldError } from '../../platform/errors';
import { can } from '../../platform/authz';
import { recordAudit } from '../../platform/audit';
import type { Ctx } from '../../platform/context';
import { queueMail, type OutgoingMail } from '../../platform/mail';
import { mailTemplates } from '../../platform/mail-templates';
import { addWorkingDays, chinaDate, pastDue } from '../../platform/china-time';
import { orgScopes } from '../../platform/authz';
import type { StandardDocument } from '../standards/standard-document';
import { newestApprovedVersion } from '../standards/standards.repository';
import type { RegistryService } from '../registry/registry.service';
import { subtreeIds } from '../orgs/orgs.repository';
import { PlansRepository, type LineValues } from './plans.repository';
import { diffLines, type LineSnapshot } from './plan-diff';
import { iso } from '../../platform/format';

export const SHARING_MODES = ['open', 'registered', 'application', 'embargo', 'offline', 'restricted'] as const;
const OPEN_STATUSES = ['draft', 'unit_review', 'platform_review', 'returned'] as const;

export interface LineInput { resourceType: string; plannedCount: number; dueDate: string; sharingMode: string; notes?: string | null }

const snapshot = (lines: PlanLine[]): LineSnapshot[] =>
  lines.map((l) => ({ position: l.position, resourceType: l.resourceType, plannedCount: l.plannedCount, dueDate: l.dueDate, sharingMode: l.sharingMode, notes: l.notes }));

/** The collection plan (汇交计划): versions, unit → platform review with returns, amendments, deadlines. */
export class PlansService {
  private readonly repo: PlansRepository;

  constructor(private readonly db: Kysely<DB>, private readonly config: Config, private readonly registry: RegistryService) {
    this.repo = new PlansRepository(db);
  }

  /** Resource types of the platform's newest approved standard, which plan lines must name. */
  async allowedTypes(platformOrgId: string): Promise<Array<{ type: string; label: { zh: string; en: string } }>> {
    const newest = await newestApprovedVersion(this.db, platformOrgId);
    if (!newest) return [];
    return Object.entries((newest.document as StandardDocument).resourceTypes).map(([type, d]) => ({ type, label: d!.label }));
  }

  defaultDueDate(subject: Subject): string | null {
    if (!subject.acceptanceDate) return null;
    const date = new Date(`${subject.acceptanceDate}T00:00:00Z`);
    date.setUTCDate(date.getUTCDate() - this.config.planLeadDays);
    return date.toISOString().slice(0, 10);
  }

  /** Everything the plan page shows: approved and working versions, rounds, decisions, comments, diff. */
  async get(ctx: Ctx, subjectId: string) {
    const { subject, ref } = await this.registry.subjectFor(ctx, subjectId, 'subject.read');
    const plan = await this.repo.findPlanBySubject(subjectId);
    const versions = plan ? await this.repo.versions(plan.id) : [];
    const approved = versions.find((v) => v.id === plan?.approvedVersionId) ?? null;
    const working = versions.filter((v) => (OPEN_STATUSES as readonly string[]).includes(v.status)).pop() ?? null;
    const describe = async (version: PlanVersion | null) => {
      if (!version) return null;
      const [lines, rounds, decisions, comments] = await Promise.all([this.repo.lines(version.id), this.repo.rounds(version.id), this.repo.decisions(version.id), this.repo.comments(version.id)]);
      const previousRound = rounds.length >= 2 ? (rounds[rounds.length - 2]!.lines as LineSnapshot[]) : null;
      const base = previousRound ?? (version.kind === 'amendment' && approved ? snapshot(await this.repo.lines(approved.id)) : null);
      return {
        id: version.id, versionNo: version.versionNo, kind: version.kind, amendmentReason: version.amendmentReason, status: version.status, round: version.round,
        stepDueAt: iso(version.stepDueAt), overdue: pastDue(version.stepDueAt) && ['unit_review', 'platform_review', 'returned'].includes(version.status),
        submittedAt: iso(version.submittedAt), approvedAt: iso(version.approvedAt), createdAt: iso(version.createdAt)!,
        lines: snapshot(lines).map((l, i) => ({ ...l, id: lines[i]!.id })),
        rounds: rounds.map((r) => ({ round: r.round, submittedAt: iso(r.submittedAt)!, lines: r.lines as LineSnapshot[] })),
        decisions: decisions.map((d) => ({ round: d.round, tier: d.tier, decision: d.decision, comment: d.comment, reviewerName: d.reviewerName, decidedAt: iso(d.decidedAt)! })),
        comments: comments.map((c) => ({ id: c.id, round: c.round, linePosition: c.linePosition, parentId: c.parentId, authorName: c.authorName, body: c.body, resolvedAt: iso(c.resolvedAt), createdAt: iso(c.createdAt)! })),
        diff: base ? diffLines(base, snapshot(lines)) : [],
        diffBase: previousRound ? 'previous_round' : base ? 'approved_version' : null,
      };
    };
    return {
      subjectId,
      planId: plan?.id ?? null,
      approved: await describe(approved),
      working: await describe(working),
      history: versions.map((v) => ({ id: v.id, versionNo: v.versionNo, kind: v.kind, status: v.status, approvedAt: iso(v.approvedAt), amendmentReason: v.amendmentReason })),
      allowedTypes: await this.allowedTypes(subject.platformOrgId),
      defaultDueDate: this.defaultDueDate(subject),
      acceptanceDate: subject.acceptanceDate,
      can: {
        edit: can(ctx.actor, 'plan.edit', ref),
        reviewUnit: can(ctx.actor, 'plan.review_unit', ref),
        reviewPlatform: can(ctx.actor, 'plan.review_platform', ref),
        comment: can(ctx.actor, 'plan.comment', ref),
      },
    };
  }

  /** Checks lines against the platform standard; the type list is read before any transaction (PGlite has one connection). */
  private async checkLines(subject: Subject, lines: LineInput[], types?: Array<{ type: string }>): Promise<LineValues[]> {
    const allowed = new Set((types ?? (await this.allowedTypes(subject.platformOrgId))).map((t) => t.type));
    if (allowed.size === 0) throw new AppError('plan.no_standard');
    return lines.map((line, i) => {
      if (!allowed.has(line.resourceType)) throw fieldError('plan.unknown_type', `/lines/${i}/resourceType`, { type: line.resourceType });
      if (subject.acceptanceDate && line.dueDate > subject.acceptanceDate) throw fieldError('plan.due_after_acceptance', `/lines/${i}/dueDate`, { date: subject.acceptanceDate });
      return { resourceType: line.resourceType, plannedCount: line.plannedCount, dueDate: line.dueDate, sharingMode: line.sharingMode, notes: line.notes?.trim() || null };
    });
  }

  /** Starts the subject's plan as a draft (PI or submitter). */
  async create(ctx: Ctx, subjectId: string, lines: LineInput[]) {
    const { subject } = await this.registry.subjectFor(ctx, subjectId, 'plan.edit');
    const values = await this.checkLines(subject, lines);
    await this.db.transaction().execute(async (trx) => {
      const repo = new PlansRepository(trx);
      if (await repo.findPlanBySubject(subjectId)) throw new AppError('plan.exists');
      const plan = await repo.insertPlan(subjectId);
      const version = await repo.insertVersion({ planId: plan.id, versionNo: 1, kind: 'initial', amendmentReason: null, createdBy: ctx.actor?.userId || null });
      await repo.replaceLines(version.id, values);
      await recordAudit(trx, ctx, { action: 'plan.created', objectType: 'plan_version', objectId: version.id, after: { subjectId, lines: values } });
    });
    return this.get(ctx, subjectId);
  }

  /** Loads a version with its subject, checking the action against the subject. */
  private async versionFor(ctx: Ctx, versionId: string, action: 'plan.edit' | 'plan.review_unit' | 'plan.review_platform' | 'plan.comment' | 'subject.read') {
    const version = await this.repo.findVersion(versionId);
    if (!version) throw new AppError('plan.not_found');
    const plan = (await this.repo.findPlan(version.planId))!;
    const { subject } = await this.registry.subjectFor(ctx, plan.subjectId, action);
    return { version, plan, subject };
  }

  async updateLines(ctx: Ctx, versionId: string, lines: LineInput[]) {
    const { subject } = await this.versionFor(ctx, versionId, 'plan.edit');
    const values = await this.checkLines(subject, lines);
    await this.db.transaction().execute(async (trx) => {
      const repo = new PlansRepository(trx);
      const locked = await repo.lockVersion(versionId);
      if (locked?.status !== 'draft' && locked?.status !== 'returned') throw new AppError('plan.not_editable', { status: locked?.status ?? '-' });
      const before = await repo.lines(versionId);
      await repo.replaceLines(versionId, values);
      await repo.updateVersion(versionId, {});
      await recordAudit(trx, ctx, { action: 'plan.lines_updated', objectType: 'plan_version', objectId: versionId, before: snapshot(before), after: values });
    });
    return this.get(ctx, subject.id);
  }

  /** Sends a draft or returned version to the lead unit for review; a new round with a snapshot of its lines. */
  async submit(ctx: Ctx, versionId: string) {
    const { subject } = await this.versionFor(ctx, versionId, 'plan.edit');
    const types = await this.allowedTypes(subject.platformOrgId);
    await this.db.transaction().execute(async (trx) => {
      const repo = new PlansRepository(trx);
      const locked = await repo.lockVersion(versionId);
      if (locked?.status !== 'draft' && locked?.status !== 'returned') throw new AppError('plan.wrong_status', { status: locked?.status ?? '-' });
      const lines = await repo.lines(versionId);
      if (lines.length === 0) throw new AppError('plan.no_lines');
      await this.checkLines(subject, lines, types);
      const round = locked.round + 1;
      await repo.insertRound({ planVersionId: versionId, round, submittedBy: ctx.actor?.userId || null, lines: snapshot(lines) });
      await repo.updateVersion(versionId, { status: 'unit_review', round, submittedAt: new Date(), stepDueAt: addWorkingDays(new Date(), this.config.planReviewDays) });
      await recordAudit(trx, ctx, { action: 'plan.submitted', objectType: 'plan_version', objectId: versionId, before: { status: locked.status }, after: { status: 'unit_review', round } });
    });
    return this.get(ctx, subject.id);
  }

  /** A unit or platform reviewer approves, or returns with comments on the plan or on lines. */
  async decide(ctx: Ctx, versionId: string, input: { decision: 'approve' | 'return'; comment?: string | null; lineComments?: Array<{ position: number; body: string }> }) {
    const version = await this.repo.findVersion(versionId);
    if (!version) throw new AppError('plan.not_found');
    const tier = version.status === 'unit_review' ? 'unit' : version.status === 'platform_review' ? 'platform' : null;
    if (!tier) {
      await this.versionFor(ctx, versionId, 'subject.read');
      throw new AppError('plan.wrong_status', { status: version.status });
    }
    const { plan, subject } = await this.versionFor(ctx, versionId, tier === 'unit' ? 'plan.review_unit' : 'plan.review_platform');
    const comment = input.comment?.trim() || null;
    const lineComments = (input.lineComments ?? []).filter((c) => c.body.trim());
    if (input.decision === 'return' && !comment && lineComments.length === 0) throw fieldError('plan.comment_required', '/comment');

    await this.db.transaction().execute(async (trx) => {
      const repo = new PlansRepository(trx);
      const locked = await repo.lockVersion(versionId);
      if (locked?.status !== version.status) throw new AppError('plan.wrong_status', { status: locked?.status ?? '-' });
      const positions = new Set((await repo.lines(versionId)).map((l) => l.position));
      for (const [i, c] of lineComments.entries()) if (!positions.has(c.position)) throw fieldError('plan.not_found', `/lineComments/${i}/position`);
      await repo.insertDecision({ planVersionId: versionId, round: locked.round, tier, decision: input.decision, reviewerId: ctx.actor?.userId || null, comment });
      // A return's comment opens a thread for the submitter; an approval's comment stays on the decision.
      if (comment && input.decision === 'return') await repo.insertComment({ planVersionId: versionId, round: locked.round, linePosition: null, parentId: null, authorId: ctx.actor?.userId || null, body: comment });
      for (const c of lineComments) await repo.insertComment({ planVersionId: versionId, round: locked.round, linePosition: c.position, parentId: null, authorId: ctx.actor?.userId || null, body: c.body.trim() });

      let status: PlanVersion['status'];
      if (input.decision === 'return') {
        status = 'returned';
        await repo.updateVersion(versionId, { status, stepDueAt: addWorkingDays(new Date(), this.config.planReviewDays) });
      } else if (tier === 'unit') {
        status = 'platform_review';
        await repo.updateVersion(versionId, { status, stepDueAt: addWorkingDays(new Date(), this.config.planReviewDays) });
      } else {
        status = 'approved';
        if (plan.approvedVersionId) await repo.updateVersion(plan.approvedVersionId, { status: 'superseded' });
        await repo.updateVersion(versionId, { status, stepDueAt: null, approvedAt: new Date() });
        await repo.setApproved(plan.id, versionId);
      }
      await recordAudit(trx, ctx, { action: `plan.${tier}_${input.decision === 'approve' ? 'approved' : 'returned'}`, objectType: 'plan_version', objectId: versionId, before: { status: locked.status }, after: { status, round: locked.round, comment, lineComments } });
      const outcome = status === 'returned' ? '已退回修改' : status === 'approved' ? '已批准' : '已通过单位审核，待平台审核';
      await queueMail(trx, await this.mailSubjectPeople(trx, subject, (person) => mailTemplates.planDecision({ to: person.email, name: person.displayName, subject: subject.titleZh, outcome, comment, link: `${this.config.publicUrl}/subjects/${subject.id}/plan` })));
    });
    return this.get(ctx, subject.id);
  }

  private async mailSubjectPeople(trx: Kysely<DB>, subject: Subject, build: (person: { email: string; displayName: string }) => OutgoingMail) {
    const people = await trx.selectFrom('roleGrants as g').innerJoin('users as u', 'u.id', 'g.userId').select(['u.email', 'u.displayName'])
      .where('g.scopeType', '=', 'subject').where('g.scopeId', '=', subject.id).where('u.email', 'is not', null).where('u.status', '=', 'active').execute();
    return people.map((p) => build({ email: p.email!, displayName: p.displayName }));
  }

  /** A threaded comment on the plan or one of its lines (the submitter answers, the reviewer resolves). */
  async comment(ctx: Ctx, versionId: string, input: { body: string; linePosition?: number | null; parentId?: string | null }) {
    const { version, subject } = await this.versionFor(ctx, versionId, 'plan.comment');
    if (input.parentId) {
      const parent = await this.repo.findComment(input.parentId);
      if (!parent || parent.planVersionId !== versionId) throw fieldError('comment.not_found', '/parentId');
    }
    await this.db.transaction().execute(async (trx) => {
      const created = await new PlansRepository(trx).insertComment({ planVersionId: versionId, round: version.round, linePosition: input.linePosition ?? null, parentId: input.parentId ?? null, authorId: ctx.actor?.userId || null, body: input.body.trim() });
      await recordAudit(trx, ctx, { action: 'plan.commented', objectType: 'plan_version', objectId: versionId, after: { commentId: created.id, linePosition: created.linePosition, parentId: created.parentId } });
    });
    return this.get(ctx, subject.id);
  }

  async resolveComment(ctx: Ctx, commentId: string) {
    const comment = await this.repo.findComment(commentId);
    if (!comment) throw new AppError('comment.not_found');
    const { subject } = await this.versionFor(ctx, comment.planVersionId, 'plan.comment');
    await this.db.transaction().execute(async (trx) => {
      await new PlansRepository(trx).resolveComment(commentId);
      await recordAudit(trx, ctx, { action: 'plan.comment_resolved', objectType: 'plan_comment', objectId: commentId });
    });
    return this.get(ctx, subject.id);
  }

  /** Opens an amendment: a new version copied from the approved one; the approved plan stands until it is approved. */
  async amend(ctx: Ctx, subjectId: string, reason: string) {
    await this.registry.subjectFor(ctx, subjectId, 'plan.edit');
    await this.db.transaction().execute(async (trx) => {
      const repo = new PlansRepository(trx);
      const plan = await repo.findPlanBySubject(subjectId);
      if (!plan?.approvedVersionId) throw new AppError('plan.not_approved');
      const versions = await repo.versions(plan.id);
      if (versions.some((v) => (OPEN_STATUSES as readonly string[]).includes(v.status))) throw new AppError('plan.amendment_open');
      const version = await repo.insertVersion({ planId: plan.id, versionNo: versions.length + 1, kind: 'amendment', amendmentReason: reason.trim(), createdBy: ctx.actor?.userId || null });
      const lines = await repo.lines(plan.approvedVersionId);
      await repo.replaceLines(version.id, lines.map((l) => ({ resourceType: l.resourceType, plannedCount: l.plannedCount, dueDate: l.dueDate, sharingMode: l.sharingMode, notes: l.notes })));
      await recordAudit(trx, ctx, { action: 'plan.amendment_opened', objectType: 'plan_version', objectId: version.id, after: { reason: reason.trim(), basedOn: plan.approvedVersionId } });
    });
    return this.get(ctx, subjectId);
  }

  /** Plans waiting at the actor's review step (unit or platform), oldest deadline first. */
  async queue(ctx: Ctx, tier: 'unit' | 'platform') {
    if (!ctx.actor) throw new AppError('auth.unauthenticated');
    const roots = orgScopes(ctx.actor, [tier === 'unit' ? 'unit_admin' : 'platform_admin']);
    if (roots.length === 0) throw new AppError('auth.forbidden');
    let query = this.repo.queue(tier === 'unit' ? 'unit_review' : 'platform_review');
    query = tier === 'unit' ? query.where('s.leadUnitId', 'in', subtreeIds(this.db, roots)) : query.where('s.platformOrgId', 'in', roots);
    const rows = await query.orderBy('v.stepDueAt').execute();
    const now = Date.now();
    return rows.map((r) => ({
      versionId: r.versionId, versionNo: r.versionNo, kind: r.kind, round: r.round, subjectId: r.subjectId, code: r.code, titleZh: r.titleZh,
      leadUnitName: r.leadUnitName, piName: r.piName, since: iso(tier === 'unit' ? r.submittedAt ?? r.updatedAt : r.updatedAt)!, dueAt: iso(r.stepDueAt), overdue: pastDue(r.stepDueAt, now),
    }));
  }

  /** Mails whoever holds an overdue step, at most once per step, person and day. Returns how many were sent. */
  async remindOverdue(now = new Date()): Promise<number> {
    const day = chinaDate(now);
    let queued = 0;
    for (const step of await this.repo.overdue(now)) {
      const recipients = step.status === 'returned'
        ? await this.db.selectFrom('roleGrants as g').innerJoin('users as u', 'u.id', 'g.userId').select(['u.id', 'u.email', 'u.displayName']).where('g.scopeType', '=', 'subject').where('g.scopeId', '=', step.subjectId).execute()
        : await this.db.selectFrom('roleGrants as g').innerJoin('users as u', 'u.id', 'g.userId').select(['u.id', 'u.email', 'u.displayName'])
          .where('g.role', '=', step.status === 'unit_review' ? 'unit_admin' : 'platform_admin')
          .where('g.scopeId', '=', step.status === 'unit_review' ? step.leadUnitId : step.platformOrgId).execute();
      for (const person of recipients.filter((r) => r.email)) {
        await this.db.transaction().execute(async (trx) => {
          const inserted = await trx.insertInto('reminders').values({ itemType: 'plan_step', itemId: `${step.id}:${step.status}`, recipientId: person.id, day, reason: 'overdue' })
            .onConflict((oc) => oc.columns(['itemType', 'itemId', 'recipientId', 'day']).doNothing()).returning('id').executeTakeFirst();
          if (!inserted) return;
          const what = step.status === 'returned' ? `课题“${step.titleZh}”退回的汇交计划` : `课题“${step.titleZh}”的汇交计划审核`;
          await queueMail(trx, [mailTemplates.overdue({ to: person.email!, name: person.displayName, what, due: chinaDate(new Date(step.stepDueAt!)), link: `${this.config.publicUrl}/subjects/${step.subjectId}/plan` })]);
          queued += 1;
        });
      }
    }
    return queued;
  }
}
