import { sql, type Kysely } from 'kysely';
import type { DB, SharingMode } from '../../db/schema';

/** Queries of release, versions, withdrawal and CSTR registration. */
export class ReleasesRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async nextCstrSequence(): Promise<number> {
    const { rows } = await sql<{ n: string }>`SELECT nextval('cstr_seq') AS n`.execute(this.db);
    return Number(rows[0]!.n);
  }

  firstCstr(lineageId: string) {
    return this.db.selectFrom('resources').select('cstr').where('lineageId', '=', lineageId).where('versionNo', '=', 1).executeTakeFirst();
  }

  markReleased(id: string, values: { cstr: string; sharingMode: SharingMode; embargoEnd: string | null; embargoReason: string | null; licence: string; releasedBy: string | null }) {
    const now = new Date();
    return this.db.updateTable('resources').set({ ...values, status: 'released', releasedAt: now, stepDueAt: null, stepEnteredAt: now, updatedAt: now }).where('id', '=', id).execute();
  }

  /** Older released versions of a lineage step aside for the new one; their pages and CSTRs stay. */
  supersedeOlder(lineageId: string, versionNo: number) {
    return this.db.updateTable('resources').set({ status: 'superseded', updatedAt: new Date() }).where('lineageId', '=', lineageId).where('versionNo', '<', versionNo).where('status', '=', 'released').returning('id').execute();
  }

  lineage(lineageId: string) {
    return this.db.selectFrom('resources').selectAll().where('lineageId', '=', lineageId).orderBy('versionNo').execute();
  }

  insertVersion(values: { subjectId: string; resourceType: string; standardVersionId: string; lineageId: string; versionNo: number; titleZh: string; metadata: unknown; createdBy: string | null }) {
    return this.db.insertInto('resources').values({ ...values, metadata: JSON.stringify(values.metadata) }).returning('id').executeTakeFirstOrThrow();
  }

  /** The new version starts with the same files (the blobs are shared, content-addressed). */
  copyFiles(fromId: string, toId: string, by: string | null) {
    return this.db
      .insertInto('files')
      .columns(['resourceId', 'path', 'name', 'size', 'mediaType', 'sha256', 'uploadedBy'])
      .expression((eb) => eb.selectFrom('files').select([sql.lit(toId).as('resourceId'), 'path', 'name', 'size', 'mediaType', 'sha256', sql<string | null>`${by}::uuid`.as('uploadedBy')]).where('resourceId', '=', fromId))
      .execute();
  }

  /** A withdrawn resource keeps its description and reason; its files go. */
  markWithdrawn(id: string, reason: string) {
    return this.db.updateTable('resources').set({ status: 'withdrawn', withdrawnAt: new Date(), withdrawalReason: reason, stepDueAt: null, updatedAt: new Date() }).where('id', '=', id).execute();
  }

  deleteFiles(resourceId: string) {
    return this.db.deleteFrom('files').where('resourceId', '=', resourceId).returning(['path', 'sha256', 'size']).execute();
  }

  queueRegistration(values: { resourceId: string; cstr: string; registrar: string }) {
    return this.db.insertInto('cstrRegistrations').values(values).execute();
  }

  /** Registrations to submit now, with what the registry needs to know, at most `limit`. */
  dueRegistrations(now: Date, limit: number) {
    return this.db
      .selectFrom('cstrRegistrations as c')
      .innerJoin('resources as r', 'r.id', 'c.resourceId')
      .innerJoin('subjects as s', 's.id', 'r.subjectId')
      .innerJoin('organisations as p', 'p.id', 's.platformOrgId')
      .select(['c.id', 'c.cstr', 'c.attempts', 'c.resourceId', 'r.titleZh', 'r.resourceType', 'r.releasedAt', 'p.nameZh as publisher'])
      .where('c.status', '=', 'pending')
      .where('c.nextAttemptAt', '<=', now)
      .orderBy('c.nextAttemptAt')
      .limit(limit)
      .execute();
  }

  submittedTasks(now: Date) {
    return this.db.selectFrom('cstrRegistrations').select(['id', 'cstr', 'taskId', 'attempts']).where('status', '=', 'submitted').where('nextAttemptAt', '<=', now).execute();
  }

  updateRegistrations(ids: string[], values: { status?: 'pending' | 'submitted' | 'registered'; taskId?: string | null; attempts?: number; nextAttemptAt?: Date; lastError?: string | null; registeredAt?: Date }) {
    if (ids.length === 0) return Promise.resolve();
    return this.db.updateTable('cstrRegistrations').set(values).where('id', 'in', ids).execute();
  }

  registrations(resourceId: string) {
    return this.db.selectFrom('cstrRegistrations').selectAll().where('resourceId', '=', resourceId).orderBy('createdAt').execute();
  }
}
