import { sql, type Kysely } from 'kysely';
import type { DB, ScopeType } from '../../db/schema';
import { subtreeIds } from '../orgs/orgs.repository';
import { containsPattern } from '../../platform/format';

type UserValues = {
  username: string;
  displayName: string;
  email: string | null;
  phone: string | null;
  orcid: string | null;
  orgId: string | null;
};

/** Queries for users and their role grants. */
export class UsersRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** A page of users, optionally only those whose organisation lies in some subtrees. */
  async list(filter: { roots?: string[]; q?: string; orgId?: string; page: number; pageSize: number }) {
    let query = this.db.selectFrom('users as u').leftJoin('organisations as o', 'o.id', 'u.orgId');
    if (filter.roots) {
      if (filter.roots.length === 0) return { items: [], total: 0 };
      query = query.where('u.orgId', 'in', subtreeIds(this.db, filter.roots));
    }
    if (filter.orgId) query = query.where('u.orgId', '=', filter.orgId);
    if (filter.q) {
      const like = containsPattern(filter.q);
      query = query.where((eb) => eb.or([eb('u.username', 'ilike', like), eb('u.displayName', 'ilike', like), eb('u.email', 'ilike', like)]));
    }
    const [items, total] = await Promise.all([
      query
        .selectAll('u')
        .select('o.nameZh as orgName')
        .orderBy('u.username')
        .limit(filter.pageSize)
        .offset((filter.page - 1) * filter.pageSize)
        .execute(),
      query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(total.n) };
  }

  find(id: string) {
    return this.db
      .selectFrom('users as u')
      .leftJoin('organisations as o', 'o.id', 'u.orgId')
      .selectAll('u')
      .select('o.nameZh as orgName')
      .where('u.id', '=', id)
      .executeTakeFirst();
  }

  findByUsername(username: string) {
    return this.db.selectFrom('users').selectAll().where(sql`lower(username)`, '=', username.toLowerCase()).executeTakeFirst();
  }

  findByEmail(email: string) {
    return this.db.selectFrom('users').selectAll().where(sql`lower(email)`, '=', email.toLowerCase()).executeTakeFirst();
  }

  insert(values: UserValues & { passwordHash: string | null }) {
    return this.db.insertInto('users').values(values).returningAll().executeTakeFirstOrThrow();
  }

  update(id: string, values: Partial<UserValues> & { status?: 'active' | 'disabled'; passwordHash?: string }) {
    return this.db
      .updateTable('users')
      .set({ ...values, updatedAt: sql<Date>`now()` })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  deleteSessions(userId: string) {
    return this.db.deleteFrom('sessions').where('userId', '=', userId).execute();
  }

  /** Grants with a readable name for organisation scopes. */
  grants(userId: string) {
    return this.db
      .selectFrom('roleGrants as g')
      .leftJoin('organisations as o', (join) => join.on(sql`o.id::text`, '=', sql.ref('g.scopeId')))
      .select(['g.id', 'g.userId', 'g.role', 'g.scopeType', 'g.scopeId', 'o.nameZh as scopeName', 'o.kind as scopeKind'])
      .where('g.userId', '=', userId)
      .orderBy('g.createdAt')
      .execute();
  }

  findGrant(id: string) {
    return this.db.selectFrom('roleGrants').selectAll().where('id', '=', id).executeTakeFirst();
  }

  findSameGrant(userId: string, role: string, scopeType: ScopeType, scopeId: string | null) {
    return this.db
      .selectFrom('roleGrants')
      .select('id')
      .where('userId', '=', userId)
      .where('role', '=', role)
      .where('scopeType', '=', scopeType)
      .where((eb) => (scopeId ? eb('scopeId', '=', scopeId) : eb('scopeId', 'is', null)))
      .executeTakeFirst();
  }

  insertGrant(values: { userId: string; role: string; scopeType: ScopeType; scopeId: string | null; grantedBy: string | null }) {
    return this.db.insertInto('roleGrants').values(values).returningAll().executeTakeFirstOrThrow();
  }

  deleteGrant(id: string) {
    return this.db.deleteFrom('roleGrants').where('id', '=', id).execute();
  }

  countRole(role: string) {
    return this.db
      .selectFrom('roleGrants as g')
      .innerJoin('users as u', 'u.id', 'g.userId')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('g.role', '=', role)
      .where('u.status', '=', 'active')
      .executeTakeFirstOrThrow();
  }
}
