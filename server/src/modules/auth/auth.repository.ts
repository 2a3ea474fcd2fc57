import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema';

/** Queries for sessions, API tokens, login failures and the user lookups login needs. */
export class AuthRepository {
  constructor(private readonly db: Kysely<DB>) {}

  findUserByLogin(login: string) {
    const key = login.trim().toLowerCase();
    return this.db
      .selectFrom('users')
      .selectAll()
      .where((eb) => eb.or([eb(eb.fn('lower', ['username']), '=', key), eb(eb.fn('lower', ['email']), '=', key)]))
      .executeTakeFirst();
  }

  findUser(id: string) {
    return this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  }

  grantsOf(userId: string) {
    return this.db
      .selectFrom('roleGrants')
      .select(['id', 'role', 'scopeType', 'scopeId'])
      .where('userId', '=', userId)
      .orderBy('createdAt')
      .execute();
  }

  countFailures(column: 'loginKey' | 'ip', value: string, since: Date) {
    return this.db
      .selectFrom('loginFailures')
      .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.min('at').as('oldest')])
      .where(column, '=', value)
      .where('at', '>', since)
      .executeTakeFirstOrThrow();
  }

  addFailure(loginKey: string, ip: string) {
    return this.db.insertInto('loginFailures').values({ loginKey, ip }).execute();
  }

  clearFailures(loginKey: string) {
    return this.db.deleteFrom('loginFailures').where('loginKey', '=', loginKey).execute();
  }

  createSession(values: { id: string; userId: string; csrfToken: string; expiresAt: Date; ip: string; userAgent: string | null }) {
    return this.db.insertInto('sessions').values(values).execute();
  }

  findSession(id: string) {
    return this.db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
  }

  touchSession(id: string, lastSeenAt: Date, expiresAt: Date) {
    return this.db.updateTable('sessions').set({ lastSeenAt, expiresAt }).where('id', '=', id).execute();
  }

  deleteSession(id: string) {
    return this.db.deleteFrom('sessions').where('id', '=', id).execute();
  }

  deleteOtherSessions(userId: string, keepId: string | null) {
    let query = this.db.deleteFrom('sessions').where('userId', '=', userId);
    if (keepId) query = query.where('id', '!=', keepId);
    return query.execute();
  }

  deleteExpiredSessions(now: Date) {
    return this.db.deleteFrom('sessions').where('expiresAt', '<', now).execute();
  }

  setPassword(userId: string, passwordHash: string) {
    return this.db
      .updateTable('users')
      .set({ passwordHash, passwordChangedAt: sql<Date>`now()`, updatedAt: sql<Date>`now()` })
      .where('id', '=', userId)
      .execute();
  }

  setLocale(userId: string, locale: string) {
    return this.db.updateTable('users').set({ locale, updatedAt: sql<Date>`now()` }).where('id', '=', userId).execute();
  }

  findToken(tokenHash: string) {
    return this.db.selectFrom('apiTokens').selectAll().where('tokenHash', '=', tokenHash).executeTakeFirst();
  }

  findTokenById(id: string) {
    return this.db.selectFrom('apiTokens').selectAll().where('id', '=', id).executeTakeFirst();
  }

  listTokens(userId: string) {
    return this.db.selectFrom('apiTokens').selectAll().where('userId', '=', userId).orderBy('createdAt', 'desc').execute();
  }

  createToken(values: { userId: string; name: string; tokenHash: string; prefix: string; readOnly: boolean; expiresAt: Date }) {
    return this.db.insertInto('apiTokens').values(values).returningAll().executeTakeFirstOrThrow();
  }

  revokeToken(id: string) {
    return this.db.updateTable('apiTokens').set({ revokedAt: sql<Date>`now()` }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  }

  markTokenUsed(id: string, at: Date) {
    return this.db.updateTable('apiTokens').set({ lastUsedAt: at }).where('id', '=', id).execute();
  }
}
