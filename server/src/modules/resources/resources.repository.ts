import { sql, type Kysely } from 'kysely';
import type { DB, ResourceStatus } from '../../db/schema';

/** Queries for resources, their files and physical deposits. */
export class ResourcesRepository {
  constructor(private readonly db: Kysely<DB>) {}

  find(id: string) {
    return this.db.selectFrom('resources').selectAll().where('id', '=', id).executeTakeFirst();
  }

  lock(id: string) {
    return this.db.selectFrom('resources').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  }

  listBySubject(subjectId: string) {
    return this.db
      .selectFrom('resources as r')
      .select(['r.id', 'r.resourceType', 'r.status', 'r.titleZh', 'r.versionNo', 'r.createdAt', 'r.updatedAt', 'r.submittedAt'])
      .select((eb) => [
        eb.selectFrom('files').select(eb.fn.countAll<number>().as('n')).whereRef('files.resourceId', '=', 'r.id').as('fileCount'),
        eb.selectFrom('files').select(sql<number>`coalesce(sum(files.size), 0)`.as('n')).whereRef('files.resourceId', '=', 'r.id').as('totalBytes'),
      ])
      .where('r.subjectId', '=', subjectId)
      .orderBy('r.createdAt')
      .execute();
  }

  insert(values: { subjectId: string; resourceType: string; standardVersionId: string; lineageId: string; titleZh: string; metadata: unknown; createdBy: string | null }) {
    return this.db.insertInto('resources').values({ ...values, metadata: JSON.stringify(values.metadata) }).returningAll().executeTakeFirstOrThrow();
  }

  update(id: string, values: { metadata?: unknown; titleZh?: string; status?: ResourceStatus; submittedAt?: Date }) {
    const { metadata, ...rest } = values;
    return this.db
      .updateTable('resources')
      .set({ ...rest, ...(metadata !== undefined ? { metadata: JSON.stringify(metadata) } : {}), updatedAt: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** Every version of a lineage, oldest first. */
  versions(lineageId: string) {
    return this.db.selectFrom('resources').select(['id', 'versionNo', 'status', 'cstr', 'releasedAt']).where('lineageId', '=', lineageId).orderBy('versionNo').execute();
  }

  delete(id: string) {
    return this.db.deleteFrom('resources').where('id', '=', id).execute();
  }

  files(resourceId: string) {
    return this.db.selectFrom('files').selectAll().where('resourceId', '=', resourceId).orderBy('path').execute();
  }

  findFile(id: string) {
    return this.db.selectFrom('files').selectAll().where('id', '=', id).executeTakeFirst();
  }

  deleteFile(id: string) {
    return this.db.deleteFrom('files').where('id', '=', id).execute();
  }

  deposits(resourceId: string) {
    return this.db
      .selectFrom('physicalDeposits as d')
      .innerJoin('organisations as o', 'o.id', 'd.repositoryOrgId')
      .selectAll('d')
      .select(['o.nameZh as repositoryName', 'o.nameEn as repositoryNameEn'])
      .where('d.resourceId', '=', resourceId)
      .orderBy('d.createdAt')
      .execute();
  }

  findDeposit(id: string) {
    return this.db.selectFrom('physicalDeposits').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Bytes stored for a subject plus bytes reserved by its unfinished uploads. */
  async subjectUsage(subjectId: string): Promise<number> {
    const row = await this.db
      .selectNoFrom((eb) => [
        eb.selectFrom('files as f').innerJoin('resources as r', 'r.id', 'f.resourceId').select(sql<number>`coalesce(sum(f.size), 0)`.as('n')).where('r.subjectId', '=', subjectId).as('stored'),
        eb.selectFrom('uploads as u').innerJoin('resources as r', 'r.id', 'u.resourceId').select(sql<number>`coalesce(sum(u.size), 0)`.as('n')).where('r.subjectId', '=', subjectId).where('u.status', 'in', ['uploading', 'finalising']).as('reserved'),
      ])
      .executeTakeFirstOrThrow();
    return Number(row.stored ?? 0) + Number(row.reserved ?? 0);
  }

  /** Resources of a subject by type and status bucket, for delivered-vs-planned. */
  countsByType(subjectId: string) {
    return this.db
      .selectFrom('resources')
      .select(['resourceType', 'status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('subjectId', '=', subjectId)
      .where('status', 'not in', ['superseded', 'withdrawn'])
      .groupBy(['resourceType', 'status'])
      .execute();
  }
}
