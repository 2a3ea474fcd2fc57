import { sql, type Kysely } from 'kysely';
import type { DB, StandardStatus } from '../../db/schema';
import { compareVersions } from './standard-document';

/** Queries for standards, their versions and expert reviews. */
export class StandardsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  listStandards() {
    return this.db
      .selectFrom('standards as s')
      .leftJoin('organisations as o', 'o.id', 's.platformOrgId')
      .selectAll('s')
      .select(['o.nameZh as platformNameZh', 'o.nameEn as platformNameEn'])
      .orderBy('s.domain')
      .execute();
  }

  findStandard(id: string) {
    return this.db.selectFrom('standards').selectAll().where('id', '=', id).executeTakeFirst();
  }

  findStandardByDomain(domain: string) {
    return this.db.selectFrom('standards').selectAll().where('domain', '=', domain).executeTakeFirst();
  }

  insertStandard(values: { domain: string; nameZh: string; nameEn: string; platformOrgId: string | null }) {
    return this.db.insertInto('standards').values(values).returningAll().executeTakeFirstOrThrow();
  }

  updateStandard(id: string, values: { platformOrgId?: string | null; nameZh?: string; nameEn?: string }) {
    return this.db.updateTable('standards').set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  }

  /** Version summaries (no documents) for the given standards. */
  listVersions(standardIds: string[]) {
    if (standardIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('standardVersions')
      .select(['id', 'standardId', 'version', 'status', 'quorum', 'reviewRound', 'basedOnId', 'createdAt', 'updatedAt', 'submittedAt', 'approvedAt', 'retiredAt'])
      .where('standardId', 'in', standardIds)
      .execute();
  }

  findVersion(id: string) {
    return this.db.selectFrom('standardVersions').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** The version row, locked for the rest of the transaction (review decisions race otherwise). */
  lockVersion(id: string) {
    return this.db.selectFrom('standardVersions').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  }

  versionsOf(standardId: string) {
    return this.db.selectFrom('standardVersions').select(['id', 'version', 'status']).where('standardId', '=', standardId).execute();
  }

  insertVersion(values: { standardId: string; version: string; document: unknown; basedOnId: string | null; createdBy: string | null; status?: StandardStatus }) {
    return this.db
      .insertInto('standardVersions')
      .values({ ...values, document: JSON.stringify(values.document) })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  updateVersion(id: string, values: { document?: unknown; status?: StandardStatus; quorum?: 'majority' | 'all'; reviewRound?: number; submittedAt?: Date; approvedAt?: Date | null; retiredAt?: Date }) {
    const { document, ...rest } = values;
    return this.db
      .updateTable('standardVersions')
      .set({ ...rest, ...(document !== undefined ? { document: JSON.stringify(document) } : {}), updatedAt: sql<Date>`now()` })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  reviewsOf(versionId: string) {
    return this.db
      .selectFrom('standardReviews as r')
      .innerJoin('users as u', 'u.id', 'r.expertId')
      .selectAll('r')
      .select('u.displayName as expertName')
      .where('r.versionId', '=', versionId)
      .orderBy('r.round')
      .orderBy('r.assignedAt')
      .execute();
  }

  insertReviews(rows: Array<{ versionId: string; round: number; expertId: string; assignedBy: string | null }>) {
    return this.db.insertInto('standardReviews').values(rows).execute();
  }

  decide(id: string, decision: 'approve' | 'request_changes', comment: string | null) {
    return this.db
      .updateTable('standardReviews')
      .set({ decision, comment, decidedAt: sql<Date>`now()` })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  reviewsForExpert(expertId: string) {
    return this.db
      .selectFrom('standardReviews as r')
      .innerJoin('standardVersions as v', 'v.id', 'r.versionId')
      .innerJoin('standards as s', 's.id', 'v.standardId')
      .select(['r.id', 'r.round', 'r.decision', 'r.comment', 'r.assignedAt', 'r.decidedAt', 'v.id as versionId', 'v.version', 'v.status', 'v.reviewRound', 's.domain', 's.nameZh', 's.nameEn'])
      .where('r.expertId', '=', expertId)
      .orderBy('r.assignedAt', 'desc')
      .execute();
  }

  /** Users holding the expert role for this platform. */
  expertsOf(platformOrgId: string) {
    return this.db
      .selectFrom('roleGrants as g')
      .innerJoin('users as u', 'u.id', 'g.userId')
      .select(['u.id', 'u.displayName', 'u.username'])
      .where('g.role', '=', 'expert')
      .where('g.scopeId', '=', platformOrgId)
      .where('u.status', '=', 'active')
      .orderBy('u.displayName')
      .execute();
  }
}

/** The platform's newest approved standard version (what new plans and resources are checked against). */
export async function newestApprovedVersion(db: Kysely<DB>, platformOrgId: string) {
  const versions = await db
    .selectFrom('standardVersions as v')
    .innerJoin('standards as s', 's.id', 'v.standardId')
    .selectAll('v')
    .where('s.platformOrgId', '=', platformOrgId)
    .where('v.status', '=', 'approved')
    .execute();
  return versions.sort((a, b) => compareVersions(b.version, a.version))[0] ?? null;
}
