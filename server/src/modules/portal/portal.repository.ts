import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema';

/** Queries of the public resource pages. */
export class PortalRepository {
  constructor(private readonly db: Kysely<DB>) {}

  find(id: string) {
    return this.db.selectFrom('resources').selectAll().where('id', '=', id).executeTakeFirst();
  }

  version(lineageId: string, versionNo: number) {
    return this.db.selectFrom('resources').selectAll().where('lineageId', '=', lineageId).where('versionNo', '=', versionNo).executeTakeFirst();
  }

  versions(lineageId: string) {
    return this.db.selectFrom('resources').select(['id', 'versionNo', 'status', 'cstr', 'releasedAt']).where('lineageId', '=', lineageId).orderBy('versionNo').execute();
  }

  /** The subject, project, program, platform, lead unit and province a resource belongs to. */
  context(subjectId: string) {
    return this.db
      .selectFrom('subjects as s')
      .innerJoin('projects as p', 'p.id', 's.projectId')
      .innerJoin('programs as g', 'g.id', 'p.programId')
      .innerJoin('organisations as pf', 'pf.id', 's.platformOrgId')
      .innerJoin('organisations as u', 'u.id', 's.leadUnitId')
      .leftJoin('regions as rg', (join) => join.on(sql<boolean>`rg.code = substr(s.region_code, 1, 2) || '0000'`))
      .select([
        's.code as subjectCode', 's.titleZh as subjectTitle', 'p.code as projectCode', 'p.titleZh as projectTitle', 'g.code as programCode', 'g.titleZh as programTitle',
        'pf.id as platformId', 'pf.nameZh as platformNameZh', 'pf.nameEn as platformNameEn', 'u.id as unitId', 'u.nameZh as unitName',
        's.regionCode', 'rg.nameZh as provinceZh', 'rg.nameEn as provinceEn',
      ])
      .where('s.id', '=', subjectId)
      .executeTakeFirstOrThrow();
  }

  standardDocument(versionId: string) {
    return this.db.selectFrom('standardVersions').select('document').where('id', '=', versionId).executeTakeFirstOrThrow();
  }

  files(resourceId: string) {
    return this.db.selectFrom('files').select(['id', 'path', 'name', 'size', 'mediaType', 'sha256']).where('resourceId', '=', resourceId).orderBy('path').execute();
  }

  /** Other listed resources of the same subject. */
  related(subjectId: string, lineageId: string) {
    return this.db.selectFrom('resources').select(['id', 'titleZh', 'resourceType', 'cstr']).where('subjectId', '=', subjectId).where('lineageId', '!=', lineageId)
      .where('status', '=', 'released').where('sharingMode', '!=', 'restricted').orderBy('releasedAt', 'desc').limit(10).execute();
  }

  withdrawalOf(resourceId: string) {
    return this.db.selectFrom('resources').select(['withdrawnAt', 'withdrawalReason']).where('id', '=', resourceId).executeTakeFirst();
  }
}
