import type { Kysely } from 'kysely';
import type { Config } from '../../config';
import type { DB, Resource, Subject } from '../../db/schema';
import { AppError, fieldError } from '../../platform/errors';
import { authorize } from '../../platform/authz';
import { recordAudit } from '../../platform/audit';
import type { Ctx } from '../../platform/context';
import { localize } from '../../platform/i18n';
import { queueMail } from '../../platform/mail';
import { mailTemplates } from '../../platform/mail-templates';
import { OrgsRepository } from '../orgs/orgs.repository';
import type { SubjectRef } from '../registry/registry.policy';
import type { ResourcesService } from '../resources/resources.service';
import { ReviewsRepository } from './reviews.repository';
import { moveOn, returnToSubmitter } from './review-chain';
import { SHARING_MODES, type ReviewSettings } from './review-settings';
import { summariseExperts, type Score } from './expert-rule';
import type { ReviewsService } from './reviews.service';

export interface OpinionInput {
  scores: Array<{ criterion: string; score: number; comment?: string | null }>;
  recommendation: 'approve' | 'return';
  sharingMode: string;
  embargoMonths: number;
  comment?: string | null;
}

/** Expert review: assignment with conflict-of-interest screening, declarations, rubric opinions, the decision rule. */
export class ExpertsService {
  constructor(private readonly db: Kysely<DB>, private readonly config: Config, private readonly resources: ResourcesService, private readonly reviews: ReviewsService) {}

  /** The platform's experts, each marked blocked when they belong to one of the subject's undertaking units. */
  async candidates(ctx: Ctx, resourceId: string) {
    const { resource, subject, ref } = await this.resources.resourceFor(ctx, resourceId, 'subject.read');
    authorize(ctx.actor, 'resource.review_platform', ref);
    const experts = await this.reviews.repo.platformExperts(subject.platformOrgId);
    const assigned = new Set((await this.reviews.repo.assignments(resourceId)).filter((a) => a.round === resource.reviewRound).map((a) => a.expertId));
    const orgs = new OrgsRepository(this.db);
    return Promise.all(experts.map(async (e) => {
      const blocked = e.orgId ? await conflicted(orgs, e.orgId, e.orgKind, ref) : false;
      return {
        userId: e.id, displayName: e.displayName, orgName: e.orgName, assigned: assigned.has(e.id), blocked,
        reason: blocked ? localize({ zh: '来自课题承担单位（利益冲突）', en: 'Belongs to an undertaking unit of the subject (conflict of interest)' }, ctx.lang) : null,
      };
    }));
  }

  /** The platform assigns experts to the current round; experts from the subject's own units are refused. */
  async assign(ctx: Ctx, resourceId: string, expertIds: string[]) {
    const { resource, subject } = await this.resources.resourceFor(ctx, resourceId, 'subject.read');
    const candidates = await this.candidates(ctx, resourceId);
    if (resource.status !== 'expert_review') throw new AppError('review.wrong_status', { status: resource.status });
    const chosen = [...new Set(expertIds)].map((id, i) => {
      const candidate = candidates.find((c) => c.userId === id);
      if (!candidate) throw fieldError('review.not_expert', `/expertIds/${i}`);
      if (candidate.blocked) throw fieldError('review.expert_conflict', `/expertIds/${i}`, { name: candidate.displayName });
      return candidate;
    });
    const emails = await this.db.selectFrom('users').select(['id', 'email', 'displayName']).where('id', 'in', chosen.length ? chosen.map((c) => c.userId) : ['00000000-0000-0000-0000-000000000000']).execute();
    await this.db.transaction().execute(async (trx) => {
      const repo = new ReviewsRepository(trx);
      const locked = await repo.lockResource(resourceId);
      if (locked?.status !== 'expert_review' || locked.reviewRound !== resource.reviewRound) throw new AppError('review.wrong_status', { status: locked?.status ?? '-' });
      const added: string[] = [];
      for (const expert of chosen) if (await repo.insertAssignment({ resourceId, round: locked.reviewRound, expertId: expert.userId, assignedBy: ctx.actor?.userId || null })) added.push(expert.userId);
      await recordAudit(trx, ctx, { action: 'resource.experts_assigned', objectType: 'resource', objectId: resourceId, after: { round: locked.reviewRound, expertIds: added } });
      const link = `${this.config.publicUrl}/resources/${resourceId}?tab=review`;
      await queueMail(trx, emails.filter((u) => added.includes(u.id) && u.email).map((u) => mailTemplates.expertAssigned({ to: u.email!, name: u.displayName, resource: resource.titleZh, subject: subject.titleZh, link })));
    });
  }

  /** Loads an assignment for its expert; only the assigned expert of the platform passes. */
  private async assignmentFor(ctx: Ctx, assignmentId: string) {
    const assignment = await this.reviews.repo.findAssignment(assignmentId);
    if (!assignment) throw new AppError('review.assignment_not_found');
    const resource = (await this.db.selectFrom('resources').selectAll().where('id', '=', assignment.resourceId).executeTakeFirst())!;
    const { subject } = await this.resources.subjectOf(resource);
    authorize(ctx.actor, 'resource.expert_review', { platformOrgId: subject.platformOrgId, expertIds: [assignment.expertId] });
    if (resource.status !== 'expert_review' || resource.reviewRound !== assignment.round) throw new AppError('review.wrong_status', { status: resource.status });
    return { assignment, resource, subject };
  }

  /** The expert declares no conflict (and may then give an opinion) or a conflict (which ends the assignment). */
  async declare(ctx: Ctx, assignmentId: string, input: { conflict: boolean; note?: string | null }) {
    const { assignment, resource, subject } = await this.assignmentFor(ctx, assignmentId);
    if (assignment.conflict !== 'pending') throw new AppError('review.already_declared');
    const note = input.note?.trim() || null;
    if (input.conflict && !note) throw fieldError('review.conflict_note_required', '/note');
    const settings = await this.reviews.settingsFor(subject.platformOrgId);
    await this.db.transaction().execute(async (trx) => {
      const repo = new ReviewsRepository(trx);
      const locked = await repo.lockAssignment(assignmentId);
      if (locked?.conflict !== 'pending') throw new AppError('review.already_declared');
      await repo.updateAssignment(assignmentId, { conflict: input.conflict ? 'conflict' : 'none', conflictNote: note, declaredAt: new Date() });
      await recordAudit(trx, ctx, { action: input.conflict ? 'resource.expert_conflict_declared' : 'resource.expert_no_conflict', objectType: 'resource', objectId: resource.id, after: { assignmentId, note } });
      if (input.conflict) await this.conclude(trx, ctx, resource, subject, settings);
    });
    return resource.id;
  }

  /** The expert scores every rubric criterion and recommends; the last opinion of a round applies the rule. */
  async opinion(ctx: Ctx, assignmentId: string, input: OpinionInput) {
    const { assignment, resource, subject } = await this.assignmentFor(ctx, assignmentId);
    if (assignment.conflict === 'pending') throw new AppError('review.declare_first');
    if (assignment.conflict === 'conflict') throw new AppError('auth.forbidden');
    if (assignment.submittedAt) throw new AppError('review.opinion_given');
    const settings = await this.reviews.settingsFor(subject.platformOrgId);
    const keys = settings.rubric.map((c) => c.key);
    const given = input.scores.map((s) => s.criterion);
    if (given.length !== keys.length || keys.some((k) => !given.includes(k)) || input.scores.some((s) => !Number.isInteger(s.score) || s.score < 1 || s.score > 5)) {
      throw fieldError('review.bad_scores', '/scores');
    }
    if (!(SHARING_MODES as readonly string[]).includes(input.sharingMode)) throw fieldError('review.bad_sharing_mode', '/sharingMode', { mode: input.sharingMode });
    const scores: Score[] = keys.map((key) => {
      const s = input.scores.find((x) => x.criterion === key)!;
      return { criterion: key, score: s.score, comment: s.comment?.trim() || null };
    });
    await this.db.transaction().execute(async (trx) => {
      const repo = new ReviewsRepository(trx);
      const locked = await repo.lockAssignment(assignmentId);
      if (locked?.submittedAt) throw new AppError('review.opinion_given');
      await repo.updateAssignment(assignmentId, { scores, recommendation: input.recommendation, sharingMode: input.sharingMode, embargoMonths: input.embargoMonths, comment: input.comment?.trim() || null, submittedAt: new Date() });
      await recordAudit(trx, ctx, { action: 'resource.expert_opinion', objectType: 'resource', objectId: resource.id, after: { assignmentId, scores, recommendation: input.recommendation, sharingMode: input.sharingMode, embargoMonths: input.embargoMonths } });
      await this.conclude(trx, ctx, resource, subject, settings);
    });
    return resource.id;
  }

  /** Applies the platform's rule once every active expert of the round has given an opinion. */
  private async conclude(trx: Kysely<DB>, ctx: Ctx, resource: Resource, subject: Subject, settings: ReviewSettings) {
    const repo = new ReviewsRepository(trx);
    const current = (await repo.assignments(resource.id)).filter((a) => a.round === resource.reviewRound);
    const summary = summariseExperts(settings, current);
    if (summary.outcome === 'pending') return;
    const locked = (await repo.lockResource(resource.id))!;
    if (locked.status !== 'expert_review') return;
    const pass = summary.outcome === 'pass';
    const digest = current.filter((a) => a.submittedAt && (a.comment || a.recommendation === 'return')).map((a, i) => `${i + 1}. ${a.recommendation === 'approve' ? '建议通过' : '建议退回'}${a.comment ? `：${a.comment}` : ''}`);
    const comment = `专家评审${pass ? '通过' : '未通过'}（均分 ${summary.mean ?? '-'}，建议通过 ${summary.approvals}/${summary.submitted}）${digest.length ? `\n${digest.join('\n')}` : ''}`;
    await repo.insertDecision({ resourceId: resource.id, round: locked.reviewRound, tier: 'expert', decision: pass ? 'approve' : 'return', reviewerId: null, comment, detail: summary });
    if (!pass) await repo.insertComment({ resourceId: resource.id, round: locked.reviewRound, tier: 'expert', field: null, filePath: null, parentId: null, authorId: null, fromReviewer: true, body: comment });
    const next = pass ? await moveOn(trx, locked, 'expert', settings) : await returnToSubmitter(trx, locked, settings);
    await recordAudit(trx, ctx, { action: pass ? 'resource.expert_approved' : 'resource.expert_returned', objectType: 'resource', objectId: resource.id, before: { status: 'expert_review' }, after: { status: next, summary } });
    await this.reviews.notify(trx, subject, locked, next, pass ? null : comment, await repo.subjectPeople(subject.id));
  }
}

/** An expert conflicts when their organisation is, or lies below, an undertaking unit, or is the institution above one. */
async function conflicted(orgs: OrgsRepository, expertOrgId: string, expertOrgKind: string | null, subject: SubjectRef): Promise<boolean> {
  const unitIds = subject.unitPaths.map((path) => path[0]);
  const expertPath = await orgs.path(expertOrgId);
  if (expertPath.some((id) => unitIds.includes(id))) return true;
  return (expertOrgKind === 'unit' || expertOrgKind === 'repository') && subject.unitPaths.some((path) => path.includes(expertOrgId));
}
