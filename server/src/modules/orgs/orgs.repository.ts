import { sql, type Kysely } from 'kysely';
import type { DB, NewOrganisation, OrganisationUpdate, OrgKind } from '../../db/schema';
import { containsPattern } from '../../platform/format';

/** A subquery of the ids of the roots and every organisation below them. */
export function subtreeIds(db: Kysely<DB>, roots: string[]) {
  return db
    .withRecursive('tree(id)', (qb) =>
      qb
        .selectFrom('organisations')
        .select('id')
        .where('id', 'in', roots)
        .union((u) => u.selectFrom('organisations as o').innerJoin('tree', 'tree.id', 'o.parentId').select('o.id')),
    )
    .selectFrom('tree')
    .select('tree.id');
}

/** Queries over the organisation tree and the region list. */
export class OrgsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  listRegions() {
    return this.db.selectFrom('regions').select(['code', 'nameZh', 'nameEn']).orderBy('code').execute();
  }

  regionExists(code: string) {
    return this.db.selectFrom('regions').select('code').where('code', '=', code).executeTakeFirst();
  }

  /** Organisations, optionally restricted to the subtrees below some roots. */
  list(filter: { roots?: string[]; kind?: OrgKind; q?: string }) {
    let query = this.db.selectFrom('organisations').selectAll();
    if (filter.roots) {
      if (filter.roots.length === 0) return Promise.resolve([]);
      query = query.where('id', 'in', subtreeIds(this.db, filter.roots));
    }
    if (filter.kind) query = query.where('kind', '=', filter.kind);
    if (filter.q) {
      const like = containsPattern(filter.q);
      query = query.where((eb) => eb.or([eb('nameZh', 'ilike', like), eb('nameEn', 'ilike', like), eb('creditCode', 'ilike', like)]));
    }
    return query.orderBy('kind').orderBy('nameZh').execute();
  }


  find(id: string) {
    return this.db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
  }

  findByName(parentId: string | null, nameZh: string) {
    return this.db
      .selectFrom('organisations')
      .selectAll()
      .where('nameZh', '=', nameZh)
      .where((eb) => (parentId ? eb('parentId', '=', parentId) : eb('parentId', 'is', null)))
      .executeTakeFirst();
  }

  findByCreditCode(code: string) {
    return this.db.selectFrom('organisations').selectAll().where('creditCode', '=', code).executeTakeFirst();
  }

  /** The organisation and its ancestors, self first. */
  async path(id: string): Promise<string[]> {
    const rows = await sql<{ id: string; depth: number }>`
      WITH RECURSIVE up(id, parent_id, depth) AS (
        SELECT id, parent_id, 0 FROM organisations WHERE id = ${id}
        UNION ALL
        SELECT o.id, o.parent_id, up.depth + 1 FROM organisations o JOIN up ON o.id = up.parent_id WHERE up.depth < 32
      )
      SELECT id, depth FROM up ORDER BY depth`.execute(this.db);
    return rows.rows.map((row) => row.id);
  }

  insert(values: NewOrganisation) {
    return this.db.insertInto('organisations').values(values).returningAll().executeTakeFirstOrThrow();
  }

  update(id: string, values: OrganisationUpdate) {
    return this.db
      .updateTable('organisations')
      .set({ ...values, updatedAt: sql<Date>`now()` })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** What still points at an organisation: children, users, role grants, subjects, standards. */
  async dependants(id: string) {
    const count = (query: { executeTakeFirstOrThrow(): Promise<{ n: number | string | bigint }> }) => query.executeTakeFirstOrThrow().then((r) => Number(r.n));
    const [children, users, grants, subjects, standards] = await Promise.all([
      count(this.db.selectFrom('organisations').select((eb) => eb.fn.countAll<number>().as('n')).where('parentId', '=', id)),
      count(this.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).where('orgId', '=', id)),
      count(this.db.selectFrom('roleGrants').select((eb) => eb.fn.countAll<number>().as('n')).where('scopeType', '=', 'organisation').where('scopeId', '=', id)),
      count(this.db.selectFrom('subjects').select((eb) => eb.fn.countAll<number>().as('n')).where((eb) => eb.or([
        eb('leadUnitId', '=', id), eb('platformOrgId', '=', id),
        eb.exists(eb.selectFrom('subjectUnits').select('orgId').whereRef('subjectUnits.subjectId', '=', 'subjects.id').where('subjectUnits.orgId', '=', id)),
      ]))),
      count(this.db.selectFrom('standards').select((eb) => eb.fn.countAll<number>().as('n')).where('platformOrgId', '=', id)),
    ]);
    return { children, users, grants, subjects, standards };
  }

  delete(id: string) {
    return this.db.deleteFrom('organisations').where('id', '=', id).execute();
  }
}
