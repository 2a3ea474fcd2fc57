import type { Kysely } from 'kysely';
import type { Config } from '../../config';
import type { DB, Resource, Subject } from '../../db/schema';
import { AppError, ERRORS, fieldError } from '../../platform/errors';
import { authorize, can, orgScopes } from '../../platform/authz';
import { recordAudit } from '../../platform/audit';
import type { Ctx } from '../../platform/context';
import { localize } from '../../platform/i18n';
import { queueMail } from '../../platform/mail';
import { mailTemplates } from '../../platform/mail-templates';
import { chinaDate, pastDue } from '../../platform/china-time';
import { iso } from '../../platform/format';
import { subtreeIds } from '../orgs/orgs.repository';
import type { ResourcesService } from '../resources/resources.service';
import type { StandardDocument, ResourceType, FieldSchema } from '../standards/standard-document';
import { ReviewsRepository, type FileSnapshot } from './reviews.repository';
import { moveOn, returnToSubmitter } from './review-chain';
import { diffFiles, diffMetadata, fieldLabel } from './review-diff';
import { checkSettings, LICENCES, loadSettings, routeFor, tierOfStatus, type ReviewSettings } from './review-settings';
import { presentAssignment, summariseExperts } from './expert-rule';
import { RESOURCE_TYPE_LABELS, RESOURCE_TYPES } from '../standards/standard-document';

export interface DecisionInput {
  decision: 'approve' | 'return';
  comment?: string | null;
  fieldComments?: Array<{ field: string; body: string }>;
  fileComments?: Array<{ path: string; body: string }>;
}

const STATUS_LABEL: Record<string, string> = { platform_review: '已通过单位审核，进入平台审核', expert_review: '已通过平台审核，进入专家评审', approved: '已通过审核，待平台发布', returned: '已退回修改' };

/** The review chain (unit → platform → expert): queues, decisions with pinned comments, threads, diffs, deadlines. */
export class ReviewsService {
  readonly repo: ReviewsRepository;

  constructor(private readonly db: Kysely<DB>, private readonly config: Config, private readonly resources: ResourcesService) {
    this.repo = new ReviewsRepository(db);
  }

  settingsFor(platformOrgId: string): Promise<ReviewSettings> {
    return loadSettings(this.db, platformOrgId, this.config);
  }

  private async schemaOf(resource: Resource): Promise<FieldSchema | undefined> {
    const version = await this.db.selectFrom('standardVersions').select('document').where('id', '=', resource.standardVersionId).executeTakeFirstOrThrow();
    return (version.document as StandardDocument).resourceTypes[resource.resourceType as ResourceType]?.schema;
  }

  /** Everything the review tab shows, shaped for the viewer (experts' names only to the platform). */
  async detail(ctx: Ctx, id: string) {
    const { resource, subject, ref } = await this.resources.resourceFor(ctx, id, 'subject.read');
    const [settings, schema, rounds, decisions, comments, assignments, openFields] = await Promise.all([
      this.settingsFor(subject.platformOrgId), this.schemaOf(resource), this.repo.rounds(id), this.repo.decisions(id), this.repo.comments(id), this.repo.assignments(id), this.repo.openFields(id),
    ]);
    const tier = tierOfStatus(resource.status);
    const platformView = can(ctx.actor, 'resource.review_platform', ref);
    const mine = assignments.find((a) => a.expertId === ctx.actor?.userId && a.round === resource.reviewRound) ?? null;
    const experts = assignments.map((a, i) => presentAssignment(a, platformView || a.expertId === ctx.actor?.userId ? a.expertName : localize({ zh: `评审专家 ${i + 1}`, en: `Expert ${i + 1}` }, ctx.lang), platformView || a.expertId === ctx.actor?.userId));
    const current = assignments.filter((a) => a.round === resource.reviewRound);
    const last = rounds[rounds.length - 1];
    const previous = rounds[rounds.length - 2];
    return {
      resourceId: id,
      status: resource.status,
      round: resource.reviewRound,
      tier,
      stepDueAt: iso(resource.stepDueAt),
      overdue: isOverdue(resource),
      route: routeFor(settings, resource.resourceType),
      rounds: rounds.map((r) => ({ round: r.round, submittedAt: iso(r.submittedAt)!, submittedByName: r.submittedByName, outcome: r.outcome })),
      decisions: decisions.map((d) => ({ id: d.id, round: d.round, tier: d.tier, decision: d.decision, comment: d.comment, reviewerName: d.reviewerId === null ? localize(d.decision === 'skipped' ? { zh: '按平台审核设置', en: 'Platform settings' } : { zh: '专家评审规则', en: 'Expert decision rule' }, ctx.lang) : d.tier === 'expert' && !platformView ? null : d.reviewerName, decidedAt: iso(d.decidedAt)! })),
      comments: comments.map((c) => ({
        id: c.id, round: c.round, tier: c.tier, field: c.field, fieldLabel: c.field ? fieldLabel(schema, c.field) : null, filePath: c.filePath, parentId: c.parentId,
        authorName: c.tier === 'expert' && c.fromReviewer && !platformView && c.authorId !== ctx.actor?.userId ? localize({ zh: '评审专家', en: 'Expert' }, ctx.lang) : (c.authorName ?? localize({ zh: '专家评审', en: 'Expert review' }, ctx.lang)),
        fromReviewer: c.fromReviewer, body: c.body, createdAt: iso(c.createdAt)!, resolvedAt: iso(c.resolvedAt),
      })),
      openFields,
      diff: last && previous
        ? { baseRound: previous.round, fields: diffMetadata(schema, previous.metadata as Record<string, unknown>, last.metadata as Record<string, unknown>), files: diffFiles(previous.files as FileSnapshot[], last.files as FileSnapshot[]) }
        : { baseRound: null, fields: [], files: [] },
      experts: platformView ? experts : experts.filter((e, i) => assignments[i]!.expertId === ctx.actor?.userId || e.submittedAt !== null),
      expertSummary: tier === 'expert' || current.length > 0 ? summariseExperts(settings, current) : null,
      myAssignment: mine ? presentAssignment(mine, mine.expertName, true) : null,
      can: {
        decide: (tier === 'unit' && can(ctx.actor, 'resource.review_unit', ref)) || (tier === 'platform' && platformView),
        comment: can(ctx.actor, 'resource.comment', ref) || (mine !== null && mine.conflict !== 'conflict'),
        resolve: can(ctx.actor, 'resource.resolve_comment', ref) || (mine !== null && mine.conflict !== 'conflict'),
        assignExperts: tier === 'expert' && platformView,
        release: resource.status === 'approved' && can(ctx.actor, 'resource.release', ref),
        withdraw: ['released', 'superseded'].includes(resource.status) && can(ctx.actor, 'resource.release', ref),
        newVersion: resource.status === 'released' && can(ctx.actor, 'resource.edit', ref),
      },
    };
  }

  /** A unit or platform reviewer approves (the chain moves on) or returns with comments pinned to fields or files. */
  async decide(ctx: Ctx, id: string, input: DecisionInput) {
    const { resource, subject, ref } = await this.resources.resourceFor(ctx, id, 'subject.read');
    const tier = tierOfStatus(resource.status);
    if (tier !== 'unit' && tier !== 'platform') throw new AppError('review.wrong_status', { status: resource.status });
    authorize(ctx.actor, tier === 'unit' ? 'resource.review_unit' : 'resource.review_platform', ref);
    const comment = input.comment?.trim() || null;
    const pins = await this.checkPins(resource, input);
    if (input.decision === 'return' && !comment && pins.length === 0) throw fieldError('review.comment_required', '/comment');
    const settings = await this.settingsFor(subject.platformOrgId);
    const people = await this.repo.subjectPeople(subject.id);

    const status = await this.db.transaction().execute(async (trx) => {
      const repo = new ReviewsRepository(trx);
      const locked = await repo.lockResource(id);
      if (locked?.status !== resource.status || locked.reviewRound !== resource.reviewRound) throw new AppError('review.wrong_status', { status: locked?.status ?? '-' });
      await repo.insertDecision({ resourceId: id, round: locked.reviewRound, tier, decision: input.decision, reviewerId: ctx.actor?.userId || null, comment });
      if (comment && input.decision === 'return') await repo.insertComment({ resourceId: id, round: locked.reviewRound, tier, field: null, filePath: null, parentId: null, authorId: ctx.actor?.userId || null, fromReviewer: true, body: comment });
      for (const pin of pins) await repo.insertComment({ resourceId: id, round: locked.reviewRound, tier, field: pin.field, filePath: pin.filePath, parentId: null, authorId: ctx.actor?.userId || null, fromReviewer: true, body: pin.body });
      const next = input.decision === 'return' ? await returnToSubmitter(trx, locked, settings) : await moveOn(trx, locked, tier, settings);
      await recordAudit(trx, ctx, { action: `resource.${tier}_${input.decision === 'approve' ? 'approved' : 'returned'}`, objectType: 'resource', objectId: id, before: { status: locked.status, round: locked.reviewRound }, after: { status: next, comment, pins } });
      await this.notify(trx, subject, locked, next, comment, people);
      return next;
    });
    return { status };
  }

  /** Comments pinned to a field must name a field of the resource's standard, and to a file a file of the resource. */
  private async checkPins(resource: Resource, input: Pick<DecisionInput, 'fieldComments' | 'fileComments'>) {
    const schema = await this.schemaOf(resource);
    const files = new Set((await this.repo.fileSnapshot(resource.id)).map((f) => f.path));
    const pins: Array<{ field: string | null; filePath: string | null; body: string }> = [];
    for (const [i, c] of (input.fieldComments ?? []).entries()) {
      if (!c.body.trim()) continue;
      if (!schema?.properties?.[c.field]) throw fieldError('review.unknown_field', `/fieldComments/${i}/field`, { field: c.field });
      pins.push({ field: c.field, filePath: null, body: c.body.trim() });
    }
    for (const [i, c] of (input.fileComments ?? []).entries()) {
      if (!c.body.trim()) continue;
      if (!files.has(c.path)) throw fieldError('review.unknown_file', `/fileComments/${i}/path`, { path: c.path });
      pins.push({ field: null, filePath: c.path, body: c.body.trim() });
    }
    return pins;
  }

  /** Mails the outcome to the subject's people, or to the next tier's reviewers. */
  async notify(trx: Kysely<DB>, subject: Subject, resource: Pick<Resource, 'id' | 'titleZh'>, status: string, comment: string | null, people: Array<{ email: string | null; displayName: string }>) {
    const link = `${this.config.publicUrl}/resources/${resource.id}?tab=review`;
    const to = status === 'platform_review' ? await new ReviewsRepository(trx).holders('platform_admin', subject.platformOrgId)
      : status === 'expert_review' ? await new ReviewsRepository(trx).holders('platform_admin', subject.platformOrgId) : [];
    const outcome = STATUS_LABEL[status] ?? status;
    const mails = [...people, ...to].filter((p) => p.email).map((p) => mailTemplates.resourceDecision({ to: p.email!, name: p.displayName, resource: resource.titleZh, outcome, comment, link }));
    await queueMail(trx, mails);
  }

  /** One decision for many resources, each checked as if alone; the answer says what happened to each. */
  async bulk(ctx: Ctx, input: { resourceIds: string[]; decision: 'approve' | 'return'; comment?: string | null }) {
    if (input.decision === 'return' && !input.comment?.trim()) throw fieldError('review.comment_required', '/comment');
    const results = [];
    for (const resourceId of [...new Set(input.resourceIds)]) {
      try {
        const { status } = await this.decide(ctx, resourceId, { decision: input.decision, comment: input.comment });
        results.push({ resourceId, ok: true, status, error: null });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        results.push({ resourceId, ok: false, status: null, error: { code: error.code, message: localize(ERRORS[error.code], ctx.lang, error.params) } });
      }
    }
    return results;
  }

  /** A threaded comment; a reply keeps its thread's pin. Experts comment on what they are assigned to. */
  async comment(ctx: Ctx, id: string, input: { body: string; field?: string | null; filePath?: string | null; parentId?: string | null }) {
    const { resource, ref } = await this.resources.resourceFor(ctx, id, 'subject.read');
    const asExpert = await this.assignedExpert(ctx, resource);
    if (!asExpert) authorize(ctx.actor, 'resource.comment', ref);
    let pin = { field: input.field ?? null, filePath: input.filePath ?? null };
    if (input.parentId) {
      const parent = await this.repo.findComment(input.parentId);
      if (!parent || parent.resourceId !== id || parent.parentId) throw fieldError('review.comment_not_found', '/parentId');
      pin = { field: parent.field, filePath: parent.filePath };
    } else {
      const [checked] = await this.checkPins(resource, { fieldComments: pin.field ? [{ field: pin.field, body: input.body }] : [], fileComments: pin.filePath ? [{ path: pin.filePath, body: input.body }] : [] });
      pin = { field: checked?.field ?? null, filePath: checked?.filePath ?? null };
    }
    const fromReviewer = asExpert || !can(ctx.actor, 'resource.edit', ref);
    await this.db.transaction().execute(async (trx) => {
      const created = await new ReviewsRepository(trx).insertComment({
        resourceId: id, round: resource.reviewRound, tier: fromReviewer ? (asExpert ? 'expert' : tierOfStatus(resource.status)) : null, ...pin, parentId: input.parentId ?? null,
        authorId: ctx.actor?.userId || null, fromReviewer, body: input.body.trim(),
      });
      await recordAudit(trx, ctx, { action: 'resource.commented', objectType: 'resource', objectId: id, after: { commentId: created.id, ...pin, parentId: input.parentId ?? null } });
    });
  }

  async resolve(ctx: Ctx, commentId: string) {
    const comment = await this.repo.findComment(commentId);
    if (!comment) throw new AppError('review.comment_not_found');
    const { resource, ref } = await this.resources.resourceFor(ctx, comment.resourceId, 'subject.read');
    if (!(await this.assignedExpert(ctx, resource))) authorize(ctx.actor, 'resource.resolve_comment', ref);
    const root = comment.parentId ?? comment.id;
    await this.db.transaction().execute(async (trx) => {
      await new ReviewsRepository(trx).resolveThread(root, ctx.actor?.userId || null);
      await recordAudit(trx, ctx, { action: 'resource.comment_resolved', objectType: 'resource', objectId: resource.id, after: { commentId: root } });
    });
    return resource.id;
  }

  /** True when the actor is an expert assigned to the resource's current round (and not withdrawn for a conflict). */
  private async assignedExpert(ctx: Ctx, resource: Resource): Promise<boolean> {
    if (!ctx.actor) return false;
    const assignment = (await this.repo.assignments(resource.id)).find((a) => a.expertId === ctx.actor!.userId && a.round === resource.reviewRound && a.conflict !== 'conflict');
    return Boolean(assignment);
  }

  /** What waits at a tier in the actor's scope, oldest deadline first. */
  async queue(ctx: Ctx, tier: 'unit' | 'platform' | 'expert' | 'release') {
    if (!ctx.actor) throw new AppError('auth.unauthenticated');
    const units = orgScopes(ctx.actor, ['unit_admin']);
    const platforms = orgScopes(ctx.actor, ['platform_admin']);
    const expertOf = orgScopes(ctx.actor, ['expert']);
    const allowed = tier === 'unit' ? units.length > 0 : tier === 'expert' ? platforms.length + expertOf.length > 0 : platforms.length > 0;
    if (!allowed) throw new AppError('auth.forbidden');
    type Row = Awaited<ReturnType<ReturnType<ReviewsRepository['queue']>['execute']>>[number] & { assignmentId?: string; conflict?: string; submittedAt?: Date | null };
    let rows: Row[] = [];
    if (tier === 'unit') rows = await this.repo.queue(['unit_review']).where('s.leadUnitId', 'in', subtreeIds(this.db, units)).execute();
    if ((tier === 'platform' || tier === 'expert' || tier === 'release') && platforms.length > 0) {
      const status = tier === 'platform' ? 'platform_review' : tier === 'expert' ? 'expert_review' : 'approved';
      rows = await this.repo.queue([status]).where('s.platformOrgId', 'in', platforms).execute();
    }
    if (tier === 'expert' && expertOf.length > 0) {
      const mine = await this.repo.myAssignments(ctx.actor.userId).where('mine.submittedAt', 'is', null).execute();
      const byId = new Map<string, Row>(rows.map((r) => [r.id, r]));
      for (const row of mine) byId.set(row.id, { ...(byId.get(row.id) ?? {}), ...row });
      rows = [...byId.values()];
    }
    const now = Date.now();
    return rows
      .map((r) => ({
        resourceId: r.id, titleZh: r.titleZh, resourceType: r.resourceType, typeLabel: (r.document as StandardDocument).resourceTypes[r.resourceType as ResourceType]?.label ?? { zh: r.resourceType, en: r.resourceType },
        versionNo: r.versionNo, subjectId: r.subjectId, subjectCode: r.subjectCode, subjectTitle: r.subjectTitle, leadUnitName: r.leadUnitName, status: r.status, round: r.reviewRound,
        enteredAt: iso(r.stepEnteredAt) ?? '', dueAt: iso(r.stepDueAt), overdue: pastDue(r.stepDueAt, now),
        experts: tier === 'expert' && platforms.includes(r.platformOrgId) ? { assigned: Number(r.expertsAssigned ?? 0), submitted: Number(r.expertsSubmitted ?? 0) } : null,
        assignment: r.assignmentId ? { id: r.assignmentId, conflict: r.conflict as 'pending' | 'none' | 'conflict', submittedAt: iso(r.submittedAt ?? null) } : null,
      }))
      .sort((a, b) => (a.dueAt ?? '9').localeCompare(b.dueAt ?? '9'));
  }

  /** Mails whoever holds an overdue step, at most once per step, person and day. Returns how many were queued. */
  async remindOverdue(now = new Date()): Promise<number> {
    const day = chinaDate(now);
    let queued = 0;
    for (const step of await this.repo.overdue(now)) {
      const recipients = step.status === 'returned' ? await this.repo.subjectPeople(step.subjectId)
        : step.status === 'unit_review' ? await this.repo.holders('unit_admin', step.leadUnitId)
        : step.status === 'platform_review' ? await this.repo.holders('platform_admin', step.platformOrgId)
        : [...await this.repo.holders('platform_admin', step.platformOrgId), ...await this.repo.pendingExperts(step.id, step.reviewRound)];
      for (const person of recipients.filter((r) => r.email)) {
        await this.db.transaction().execute(async (trx) => {
          const claimed = await trx.insertInto('reminders').values({ itemType: 'resource_step', itemId: `${step.id}:${step.status}:${step.reviewRound}`, recipientId: person.id, day, reason: 'overdue' })
            .onConflict((oc) => oc.columns(['itemType', 'itemId', 'recipientId', 'day']).doNothing()).returning('id').executeTakeFirst();
          if (!claimed) return;
          const what = step.status === 'returned' ? `退回修改的资源“${step.titleZh}”` : `资源“${step.titleZh}”的${{ unit_review: '单位审核', platform_review: '平台审核', expert_review: '专家评审' }[step.status as 'unit_review']}`;
          await queueMail(trx, [mailTemplates.overdue({ to: person.email!, name: person.displayName, what, due: chinaDate(new Date(step.stepDueAt!)), link: `${this.config.publicUrl}/resources/${step.id}?tab=review` })]);
          queued += 1;
        });
      }
    }
    return queued;
  }

  async getSettings(ctx: Ctx, platformOrgId: string) {
    await this.checkPlatform(platformOrgId);
    authorize(ctx.actor, 'review.settings', platformOrgId);
    return {
      ...(await this.settingsFor(platformOrgId)),
      licences: [...LICENCES],
      resourceTypes: RESOURCE_TYPES.map((type) => ({ type, label: RESOURCE_TYPE_LABELS[type] })),
    };
  }

  async saveSettings(ctx: Ctx, platformOrgId: string, input: ReviewSettings) {
    await this.checkPlatform(platformOrgId);
    authorize(ctx.actor, 'review.settings', platformOrgId);
    const settings: ReviewSettings = { ...input, rubric: input.rubric.map((c) => ({ key: c.key, label: { zh: c.label.zh.trim(), en: c.label.en.trim() } })) };
    checkSettings(settings, ctx.lang);
    const before = await this.settingsFor(platformOrgId);
    await this.db.transaction().execute(async (trx) => {
      await new ReviewsRepository(trx).saveSettings(platformOrgId, settings, ctx.actor?.userId || null);
      await recordAudit(trx, ctx, { action: 'review.settings_saved', objectType: 'organisation', objectId: platformOrgId, before, after: settings });
    });
    return this.getSettings(ctx, platformOrgId);
  }

  private async checkPlatform(platformOrgId: string) {
    const org = await this.db.selectFrom('organisations').select('kind').where('id', '=', platformOrgId).executeTakeFirst();
    if (org?.kind !== 'domain_platform') throw new AppError('org.not_found');
  }
}


export function isOverdue(resource: Pick<Resource, 'stepDueAt' | 'status'>): boolean {
  return pastDue(resource.stepDueAt) && ['unit_review', 'platform_review', 'expert_review', 'returned'].includes(resource.status);
}
