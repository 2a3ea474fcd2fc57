import type { Kysely } from 'kysely';
import type { DB, PlanStatus } from '../../db/schema';

export interface LineValues {
  resourceType: string;
  plannedCount: number;
  dueDate: string;
  sharingMode: string;
  notes: string | null;
}

/** Queries for plans, versions, lines, rounds, decisions and comments. */
export class PlansRepository {
  constructor(private readonly db: Kysely<DB>) {}

  findPlanBySubject(subjectId: string) {
    return this.db.selectFrom('plans').selectAll().where('subjectId', '=', subjectId).executeTakeFirst();
  }

  findPlan(id: string) {
    return this.db.selectFrom('plans').selectAll().where('id', '=', id).executeTakeFirst();
  }

  insertPlan(subjectId: string) {
    return this.db.insertInto('plans').values({ subjectId }).returningAll().executeTakeFirstOrThrow();
  }

  setApproved(planId: string, versionId: string) {
    return this.db.updateTable('plans').set({ approvedVersionId: versionId }).where('id', '=', planId).execute();
  }

  versions(planId: string) {
    return this.db.selectFrom('planVersions').selectAll().where('planId', '=', planId).orderBy('versionNo').execute();
  }

  findVersion(id: string) {
    return this.db.selectFrom('planVersions').selectAll().where('id', '=', id).executeTakeFirst();
  }

  lockVersion(id: string) {
    return this.db.selectFrom('planVersions').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  }

  insertVersion(values: { planId: string; versionNo: number; kind: 'initial' | 'amendment'; amendmentReason: string | null; createdBy: string | null }) {
    return this.db.insertInto('planVersions').values(values).returningAll().executeTakeFirstOrThrow();
  }

  updateVersion(id: string, values: { status?: PlanStatus; round?: number; stepDueAt?: Date | null; submittedAt?: Date; approvedAt?: Date }) {
    return this.db.updateTable('planVersions').set({ ...values, updatedAt: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  }

  lines(versionId: string) {
    return this.db.selectFrom('planLines').selectAll().where('planVersionId', '=', versionId).orderBy('position').execute();
  }

  async replaceLines(versionId: string, lines: LineValues[]) {
    await this.db.deleteFrom('planLines').where('planVersionId', '=', versionId).execute();
    if (lines.length > 0) await this.db.insertInto('planLines').values(lines.map((line, i) => ({ ...line, planVersionId: versionId, position: i + 1 }))).execute();
  }

  rounds(versionId: string) {
    return this.db.selectFrom('planRounds').selectAll().where('planVersionId', '=', versionId).orderBy('round').execute();
  }

  insertRound(values: { planVersionId: string; round: number; submittedBy: string | null; lines: unknown }) {
    return this.db.insertInto('planRounds').values({ ...values, lines: JSON.stringify(values.lines) }).execute();
  }

  decisions(versionId: string) {
    return this.db
      .selectFrom('planDecisions as d')
      .leftJoin('users as u', 'u.id', 'd.reviewerId')
      .selectAll('d')
      .select('u.displayName as reviewerName')
      .where('d.planVersionId', '=', versionId)
      .orderBy('d.decidedAt')
      .execute();
  }

  insertDecision(values: { planVersionId: string; round: number; tier: 'unit' | 'platform'; decision: 'approve' | 'return'; reviewerId: string | null; comment: string | null }) {
    return this.db.insertInto('planDecisions').values(values).execute();
  }

  comments(versionId: string) {
    return this.db
      .selectFrom('planComments as c')
      .leftJoin('users as u', 'u.id', 'c.authorId')
      .selectAll('c')
      .select('u.displayName as authorName')
      .where('c.planVersionId', '=', versionId)
      .orderBy('c.createdAt')
      .execute();
  }

  findComment(id: string) {
    return this.db.selectFrom('planComments').selectAll().where('id', '=', id).executeTakeFirst();
  }

  insertComment(values: { planVersionId: string; round: number; linePosition: number | null; parentId: string | null; authorId: string | null; body: string }) {
    return this.db.insertInto('planComments').values(values).returningAll().executeTakeFirstOrThrow();
  }

  resolveComment(id: string) {
    return this.db.updateTable('planComments').set({ resolvedAt: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  }

  /** Plan versions waiting at a review step, with their subjects, for a review queue. */
  queue(status: 'unit_review' | 'platform_review') {
    return this.db
      .selectFrom('planVersions as v')
      .innerJoin('plans as p', 'p.id', 'v.planId')
      .innerJoin('subjects as s', 's.id', 'p.subjectId')
      .innerJoin('organisations as unit', 'unit.id', 's.leadUnitId')
      .leftJoin('users as pi', 'pi.id', 's.piUserId')
      .select(['v.id as versionId', 'v.versionNo', 'v.kind', 'v.round', 'v.stepDueAt', 'v.submittedAt', 'v.updatedAt', 's.id as subjectId', 's.code', 's.titleZh', 's.leadUnitId', 's.platformOrgId', 'unit.nameZh as leadUnitName', 'pi.displayName as piName'])
      .where('v.status', '=', status);
  }

  /** Review steps past their deadline, with who holds them. */
  overdue(now: Date) {
    return this.db
      .selectFrom('planVersions as v')
      .innerJoin('plans as p', 'p.id', 'v.planId')
      .innerJoin('subjects as s', 's.id', 'p.subjectId')
      .select(['v.id', 'v.status', 'v.stepDueAt', 's.id as subjectId', 's.titleZh', 's.leadUnitId', 's.platformOrgId'])
      .where('v.status', 'in', ['unit_review', 'platform_review', 'returned'])
      .where('v.stepDueAt', '<', now)
      .execute();
  }
}
