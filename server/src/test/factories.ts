import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB, OrgKind, ScopeType } from '../db/schema';
import { creditCodeCheckChar } from '../../../common/credit-code';
import { ROLE_SCOPES, type Role } from '../../../common/roles';
import { hashPassword } from '../platform/secrets';
import { TEST_PASSWORD } from './build-app';

let sequence = 0;
const next = () => `${Date.now().toString(36)}${(sequence += 1)}`;

/** A valid unified social credit code that no other factory call returns. */
export function validCreditCode(): string {
  const body = `12330000${String(randomInt(0, 1e9)).padStart(9, '0')}`;
  return body + creditCodeCheckChar(body);
}

/** Creates an organisation; units get a valid credit code, provincial departments a region. */
export async function buildOrg(db: Kysely<DB>, overrides: { kind?: OrgKind; nameZh?: string; parentId?: string | null; regionCode?: string | null; creditCode?: string | null } = {}) {
  const kind = overrides.kind ?? 'unit';
  return db
    .insertInto('organisations')
    .values({
      kind,
      nameZh: overrides.nameZh ?? `测试机构${next()}`,
      nameEn: `Test organisation ${sequence}`,
      parentId: overrides.parentId ?? null,
      regionCode: overrides.regionCode !== undefined ? overrides.regionCode : kind === 'province_dept' ? '330000' : null,
      creditCode: overrides.creditCode !== undefined ? overrides.creditCode : kind === 'unit' ? validCreditCode() : null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

let passwordHash: Promise<string> | undefined;

/** Creates an active user with TEST_PASSWORD and the given grants (organisation scopes by id). */
export async function buildUser(db: Kysely<DB>, overrides: { username?: string; email?: string | null; orgId?: string | null; grants?: Array<{ role: Role; scopeId?: string | null }> } = {}) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const username = overrides.username ?? `user_${next()}`;
  const user = await db
    .insertInto('users')
    .values({
      username,
      displayName: `测试用户 ${username}`,
      email: overrides.email !== undefined ? overrides.email : `${username}@example.cn`,
      orgId: overrides.orgId ?? null,
      passwordHash: await passwordHash,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  for (const grant of overrides.grants ?? []) {
    const scopeType: ScopeType = ROLE_SCOPES[grant.role].type === 'platform' ? 'platform' : 'organisation';
    await db.insertInto('roleGrants').values({ userId: user.id, role: grant.role, scopeType, scopeId: grant.scopeId ?? null }).execute();
  }
  return user;
}
