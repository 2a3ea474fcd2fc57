import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '../../db/schema';
import { PUBLIC_STATUSES } from '../portal/portal-access';

type ResourceScope = ExpressionBuilder<DB & { r: DB['resources'] }, 'r'>;

/**
 * Records a harvester may ever see: the statuses a portal page exists for, never restricted. The SQL
 * twin of `metadataVisible(resource, anonymous)`; of these, `isListed` ones are live and the rest
 * (superseded, withdrawn) are reported as deleted.
 */
export function exposed(eb: ResourceScope): Expression<SqlBool> {
  return eb.and([eb('r.status', 'in', [...PUBLIC_STATUSES]), eb('r.releasedAt', 'is not', null), eb(eb.fn.coalesce('r.sharingMode', sql.lit('restricted')), '!=', 'restricted')]);
}

/** The SQL twin of `isListed`: the released version, not restricted. */
export function listed(eb: ResourceScope): Expression<SqlBool> {
  return eb.and([eb('r.status', '=', 'released'), eb(eb.fn.coalesce('r.sharingMode', sql.lit('restricted')), '!=', 'restricted')]);
}

/** A harvest's selection: date range on the datestamp (inclusive from, exclusive until) and one set. */
export interface HarvestFilter {
  from: Date | null;
  untilExclusive: Date | null;
  set: { kind: 'platform' | 'type' | 'program'; value: string | null } | null;
}

/** Where a harvest continues: after this (datestamp, id), the datestamp to the microsecond. */
export interface HarvestCursor {
  at: string;
  id: string;
}

/** The microsecond datestamp as text, exact, so a cursor never skips or repeats rows that share a millisecond. */
const exactStamp = sql<string>`to_char(r.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** Queries behind DataCite, OAI-PMH, BagIt, landing pages and the sitemap. */
export class InteropRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Resources with what every export needs about their subject, project, program and platform. */
  records(ids: string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('resources as r')
      .innerJoin('subjects as s', 's.id', 'r.subjectId')
      .innerJoin('projects as p', 'p.id', 's.projectId')
      .innerJoin('programs as g', 'g.id', 'p.programId')
      .innerJoin('organisations as pf', 'pf.id', 's.platformOrgId')
      .innerJoin('organisations as u', 'u.id', 's.leadUnitId')
      .selectAll('r')
      .select([
        's.code as subjectCode', 's.titleZh as subjectTitle', 'p.code as projectCode', 'p.titleZh as projectTitle', 'g.code as programCode', 'g.titleZh as programTitle',
        'g.titleEn as programTitleEn', 'pf.id as platformId', 'pf.nameZh as platformNameZh', 'pf.nameEn as platformNameEn', 'u.id as unitId', 'u.nameZh as unitName',
        exactStamp.as('stamp'),
      ])
      .where('r.id', 'in', ids)
      .execute();
  }

  files(resourceIds: string[]) {
    if (resourceIds.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('files').select(['id', 'resourceId', 'path', 'name', 'size', 'mediaType', 'sha256']).where('resourceId', 'in', resourceIds).orderBy('resourceId').orderBy('path').execute();
  }

  /** The released (or once released) versions of these lineages, for version relations. */
  lineageVersions(lineageIds: string[]) {
    if (lineageIds.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('resources').select(['id', 'lineageId', 'versionNo', 'status', 'cstr', 'sharingMode']).where('lineageId', 'in', lineageIds).where('cstr', 'is not', null).orderBy('versionNo').execute();
  }

  standardDocuments(versionIds: string[]) {
    if (versionIds.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('standardVersions').select(['id', 'document']).where('id', 'in', versionIds).execute();
  }

  /** The lineage's version `versionNo`, found from any version's id. */
  async versionOf(id: string, versionNo: number) {
    const row = await this.db
      .selectFrom('resources as r')
      .innerJoin('resources as v', 'v.lineageId', 'r.lineageId')
      .select('v.id')
      .where('r.id', '=', id)
      .where('v.versionNo', '=', versionNo)
      .executeTakeFirst();
    return row?.id ?? null;
  }

  /** The funder of national programs (the ministry), by name. */
  async ministryName(): Promise<string | null> {
    const row = await this.db.selectFrom('organisations').select('nameZh').where('kind', '=', 'ministry').orderBy('createdAt').limit(1).executeTakeFirst();
    return row?.nameZh ?? null;
  }

  private harvestable(filter: HarvestFilter) {
    let query = this.db
      .selectFrom('resources as r')
      .innerJoin('subjects as s', 's.id', 'r.subjectId')
      .innerJoin('projects as p', 'p.id', 's.projectId')
      .innerJoin('programs as g', 'g.id', 'p.programId')
      .where(exposed);
    if (filter.from) query = query.where('r.updatedAt', '>=', filter.from);
    if (filter.untilExclusive) query = query.where('r.updatedAt', '<', filter.untilExclusive);
    const set = filter.set;
    if (set?.value) {
      if (set.kind === 'platform') query = query.where('s.platformOrgId', '=', sql<string>`${set.value}::uuid`);
      if (set.kind === 'type') query = query.where('r.resourceType', '=', set.value);
      if (set.kind === 'program') query = query.where('g.code', '=', set.value);
    }
    return query;
  }

  /** One page of a harvest in datestamp order: keyset pagination, so concurrent changes never shift it. */
  harvestPage(filter: HarvestFilter, after: HarvestCursor | null, limit: number) {
    let query = this.harvestable(filter)
      .select(['r.id', 'r.status', 'r.sharingMode', 'r.resourceType', 'r.updatedAt', 's.platformOrgId as platformId', 'g.code as programCode', exactStamp.as('stamp')]);
    if (after) query = query.where(sql<SqlBool>`(r.updated_at, r.id) > (${after.at}::timestamptz, ${after.id}::uuid)`);
    return query.orderBy('r.updatedAt').orderBy('r.id').limit(limit).execute();
  }

  async harvestSize(filter: HarvestFilter): Promise<number> {
    const row = await this.harvestable(filter).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** The header facts of one record, if a harvester may see it. */
  harvestHeader(id: string) {
    return this.db
      .selectFrom('resources as r')
      .innerJoin('subjects as s', 's.id', 'r.subjectId')
      .innerJoin('projects as p', 'p.id', 's.projectId')
      .innerJoin('programs as g', 'g.id', 'p.programId')
      .select(['r.id', 'r.status', 'r.sharingMode', 'r.resourceType', 'r.updatedAt', 's.platformOrgId as platformId', 'g.code as programCode', exactStamp.as('stamp')])
      .where('r.id', '=', id)
      .where(exposed)
      .executeTakeFirst();
  }

  async earliestDatestamp(): Promise<Date | null> {
    const row = await this.db.selectFrom('resources as r').select((eb) => eb.fn.min('r.updatedAt').as('at')).where(exposed).executeTakeFirst();
    return row?.at ? new Date(row.at) : null;
  }

  /** Platforms and programs that hold at least one harvestable record. */
  async setOwners() {
    const platforms = await this.db
      .selectFrom('organisations as o')
      .select(['o.id', 'o.nameZh', 'o.nameEn'])
      .where('o.kind', '=', 'domain_platform')
      .where(({ exists, selectFrom }) => exists(selectFrom('resources as r').innerJoin('subjects as s', 's.id', 'r.subjectId').select('r.id').whereRef('s.platformOrgId', '=', 'o.id').where(exposed)))
      .orderBy('o.nameZh')
      .execute();
    const programs = await this.db
      .selectFrom('programs as g')
      .select(['g.code', 'g.titleZh', 'g.titleEn'])
      .where(({ exists, selectFrom }) => exists(selectFrom('resources as r').innerJoin('subjects as s', 's.id', 'r.subjectId').innerJoin('projects as p', 'p.id', 's.projectId').select('r.id').whereRef('p.programId', '=', 'g.id').where(exposed)))
      .orderBy('g.code')
      .execute();
    return { platforms, programs };
  }

  async listedCount(): Promise<number> {
    const row = await this.db.selectFrom('resources as r').select((eb) => eb.fn.countAll<number>().as('n')).where(listed).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Listed landing pages in a stable order (by id), one sitemap page at a time. */
  listedPage(offset: number, limit: number) {
    return this.db.selectFrom('resources as r').select(['r.id', 'r.updatedAt']).where(listed).orderBy('r.id').offset(offset).limit(limit).execute();
  }
}
