import { sql, type Kysely } from 'kysely';
import type { DB, ResourceStatus, ReviewTier } from '../../db/schema';

export interface FileSnapshot {
  path: string;
  sha256: string;
  size: number;
}

/** Queries of the review chain: rounds, decisions, comments, expert assignments, queues. */
export class ReviewsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  lockResource(id: string) {
    return this.db.selectFrom('resources').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  }

  setStep(id: string, values: { status: ResourceStatus; stepEnteredAt: Date; stepDueAt: Date | null; reviewRound?: number; submittedAt?: Date }) {
    return this.db.updateTable('resources').set({ ...values, updatedAt: new Date() }).where('id', '=', id).execute();
  }

  async fileSnapshot(resourceId: string): Promise<FileSnapshot[]> {
    const rows = await this.db.selectFrom('files').select(['path', 'sha256', 'size']).where('resourceId', '=', resourceId).orderBy('path').execute();
    return rows.map((f) => ({ path: f.path, sha256: f.sha256, size: Number(f.size) }));
  }

  insertRound(values: { resourceId: string; round: number; submittedBy: string | null; metadata: unknown; files: FileSnapshot[] }) {
    return this.db.insertInto('reviewRounds').values({ ...values, metadata: JSON.stringify(values.metadata), files: JSON.stringify(values.files) }).execute();
  }

  closeRound(resourceId: string, round: number, outcome: 'returned' | 'approved') {
    return this.db.updateTable('reviewRounds').set({ outcome }).where('resourceId', '=', resourceId).where('round', '=', round).execute();
  }

  rounds(resourceId: string) {
    return this.db
      .selectFrom('reviewRounds as r')
      .leftJoin('users as u', 'u.id', 'r.submittedBy')
      .selectAll('r')
      .select('u.displayName as submittedByName')
      .where('r.resourceId', '=', resourceId)
      .orderBy('r.round')
      .execute();
  }

  insertDecision(values: { resourceId: string; round: number; tier: ReviewTier; decision: 'approve' | 'return' | 'skipped'; reviewerId: string | null; comment: string | null; detail?: unknown }) {
    return this.db.insertInto('reviewDecisions').values({ ...values, detail: values.detail === undefined ? null : JSON.stringify(values.detail) }).execute();
  }

  decisions(resourceId: string) {
    return this.db
      .selectFrom('reviewDecisions as d')
      .leftJoin('users as u', 'u.id', 'd.reviewerId')
      .selectAll('d')
      .select('u.displayName as reviewerName')
      .where('d.resourceId', '=', resourceId)
      .orderBy('d.seq')
      .execute();
  }

  insertComment(values: { resourceId: string; round: number; tier: ReviewTier | null; field: string | null; filePath: string | null; parentId: string | null; authorId: string | null; fromReviewer: boolean; body: string }) {
    return this.db.insertInto('reviewComments').values(values).returning('id').executeTakeFirstOrThrow();
  }

  findComment(id: string) {
    return this.db.selectFrom('reviewComments').selectAll().where('id', '=', id).executeTakeFirst();
  }

  resolveThread(rootId: string, by: string | null) {
    return this.db
      .updateTable('reviewComments')
      .set({ resolvedAt: new Date(), resolvedBy: by })
      .where((eb) => eb.or([eb('id', '=', rootId), eb('parentId', '=', rootId)]))
      .where('resolvedAt', 'is', null)
      .execute();
  }

  comments(resourceId: string) {
    return this.db
      .selectFrom('reviewComments as c')
      .leftJoin('users as u', 'u.id', 'c.authorId')
      .selectAll('c')
      .select('u.displayName as authorName')
      .where('c.resourceId', '=', resourceId)
      .orderBy('c.createdAt')
      .orderBy('c.id')
      .execute();
  }

  /** Field keys that carry an unresolved reviewer thread: the form highlights them. */
  async openFields(resourceId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('reviewComments')
      .select('field')
      .distinct()
      .where('resourceId', '=', resourceId)
      .where('parentId', 'is', null)
      .where('field', 'is not', null)
      .where('resolvedAt', 'is', null)
      .execute();
    return rows.map((r) => r.field as string).sort();
  }

  assignments(resourceId: string) {
    return this.db
      .selectFrom('expertAssignments as a')
      .innerJoin('users as u', 'u.id', 'a.expertId')
      .selectAll('a')
      .select('u.displayName as expertName')
      .where('a.resourceId', '=', resourceId)
      .orderBy('a.round')
      .orderBy('a.assignedAt')
      .orderBy('a.id')
      .execute();
  }

  findAssignment(id: string) {
    return this.db.selectFrom('expertAssignments').selectAll().where('id', '=', id).executeTakeFirst();
  }

  lockAssignment(id: string) {
    return this.db.selectFrom('expertAssignments').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  }

  /** Experts who may read the resource: assigned in any round and not withdrawn for a conflict. */
  async expertIds(resourceId: string): Promise<string[]> {
    const rows = await this.db.selectFrom('expertAssignments').select('expertId').where('resourceId', '=', resourceId).where('conflict', '!=', 'conflict').execute();
    return rows.map((r) => r.expertId);
  }

  insertAssignment(values: { resourceId: string; round: number; expertId: string; assignedBy: string | null }) {
    return this.db.insertInto('expertAssignments').values(values).onConflict((oc) => oc.columns(['resourceId', 'round', 'expertId']).doNothing()).returning('id').executeTakeFirst();
  }

  updateAssignment(id: string, values: { conflict?: 'none' | 'conflict'; conflictNote?: string | null; declaredAt?: Date; scores?: unknown; recommendation?: 'approve' | 'return'; sharingMode?: string; embargoMonths?: number; comment?: string | null; submittedAt?: Date }) {
    const { scores, ...rest } = values;
    return this.db.updateTable('expertAssignments').set({ ...rest, ...(scores !== undefined ? { scores: JSON.stringify(scores) } : {}) }).where('id', '=', id).execute();
  }

  /** Users holding the expert role for a platform, with their organisation and its ancestors. */
  platformExperts(platformOrgId: string) {
    return this.db
      .selectFrom('roleGrants as g')
      .innerJoin('users as u', 'u.id', 'g.userId')
      .leftJoin('organisations as o', 'o.id', 'u.orgId')
      .select(['u.id', 'u.displayName', 'u.orgId', 'o.nameZh as orgName', 'o.kind as orgKind', 'u.email'])
      .where('g.role', '=', 'expert')
      .where('g.scopeType', '=', 'organisation')
      .where('g.scopeId', '=', platformOrgId)
      .where('u.status', '=', 'active')
      .orderBy('u.displayName')
      .execute();
  }

  /** People holding a role scoped to an organisation (reviewers to notify). */
  holders(role: 'unit_admin' | 'platform_admin', orgId: string) {
    return this.db
      .selectFrom('roleGrants as g')
      .innerJoin('users as u', 'u.id', 'g.userId')
      .select(['u.id', 'u.email', 'u.displayName'])
      .where('g.role', '=', role)
      .where('g.scopeId', '=', orgId)
      .where('u.status', '=', 'active')
      .execute();
  }

  /** The subject's PI and submitters. */
  subjectPeople(subjectId: string) {
    return this.db
      .selectFrom('roleGrants as g')
      .innerJoin('users as u', 'u.id', 'g.userId')
      .select(['u.id', 'u.email', 'u.displayName'])
      .where('g.scopeType', '=', 'subject')
      .where('g.scopeId', '=', subjectId)
      .where('u.status', '=', 'active')
      .execute();
  }

  /** Resources waiting in some statuses, with their subject, for a queue. */
  queue(statuses: ResourceStatus[]) {
    return this.db
      .selectFrom('resources as r')
      .innerJoin('subjects as s', 's.id', 'r.subjectId')
      .innerJoin('organisations as lu', 'lu.id', 's.leadUnitId')
      .innerJoin('standardVersions as sv', 'sv.id', 'r.standardVersionId')
      .select([
        'r.id', 'r.titleZh', 'r.resourceType', 'r.versionNo', 'r.status', 'r.reviewRound', 'r.stepEnteredAt', 'r.stepDueAt', 'r.subjectId',
        's.code as subjectCode', 's.titleZh as subjectTitle', 's.platformOrgId', 's.leadUnitId', 'lu.nameZh as leadUnitName', 'sv.document',
      ])
      .select((eb) => [
        eb.selectFrom('expertAssignments as a').select(eb.fn.countAll<number>().as('n')).whereRef('a.resourceId', '=', 'r.id').whereRef('a.round', '=', 'r.reviewRound').where('a.conflict', '!=', 'conflict').as('expertsAssigned'),
        eb.selectFrom('expertAssignments as a').select(eb.fn.countAll<number>().as('n')).whereRef('a.resourceId', '=', 'r.id').whereRef('a.round', '=', 'r.reviewRound').where('a.submittedAt', 'is not', null).as('expertsSubmitted'),
      ])
      .where('r.status', 'in', statuses);
  }

  /** Open expert assignments of one expert, in the current round of resources still in expert review. */
  myAssignments(expertId: string) {
    return this.queue(['expert_review'])
      .innerJoin('expertAssignments as mine', (join) => join.onRef('mine.resourceId', '=', 'r.id').onRef('mine.round', '=', 'r.reviewRound'))
      .select(['mine.id as assignmentId', 'mine.conflict', 'mine.submittedAt'])
      .where('mine.expertId', '=', expertId)
      .where('mine.conflict', '!=', 'conflict');
  }

  /** Review steps past their deadline (returned ones are the submitter's). */
  overdue(now: Date) {
    return this.db
      .selectFrom('resources as r')
      .innerJoin('subjects as s', 's.id', 'r.subjectId')
      .select(['r.id', 'r.status', 'r.reviewRound', 'r.stepDueAt', 'r.titleZh', 'r.subjectId', 's.leadUnitId', 's.platformOrgId'])
      .where('r.status', 'in', ['unit_review', 'platform_review', 'expert_review', 'returned'])
      .where('r.stepDueAt', '<', now)
      .execute();
  }

  /** Experts of the current round who have not given their opinion. */
  pendingExperts(resourceId: string, round: number) {
    return this.db
      .selectFrom('expertAssignments as a')
      .innerJoin('users as u', 'u.id', 'a.expertId')
      .select(['u.id', 'u.email', 'u.displayName'])
      .where('a.resourceId', '=', resourceId)
      .where('a.round', '=', round)
      .where('a.conflict', '!=', 'conflict')
      .where('a.submittedAt', 'is', null)
      .execute();
  }

  findSettings(platformOrgId: string) {
    return this.db.selectFrom('reviewSettings').selectAll().where('platformOrgId', '=', platformOrgId).executeTakeFirst();
  }

  saveSettings(platformOrgId: string, settings: unknown, updatedBy: string | null) {
    return this.db
      .insertInto('reviewSettings')
      .values({ platformOrgId, settings: JSON.stringify(settings), updatedBy })
      .onConflict((oc) => oc.column('platformOrgId').doUpdateSet({ settings: JSON.stringify(settings), updatedBy, updatedAt: sql`now()` }))
      .execute();
  }
}
