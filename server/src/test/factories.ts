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

let codeCounter = 0;
/** A unique registry code of the national form (e.g. 2021YFA0100101). */
export function registryCode(): string {
  codeCounter += 1;
  return `2026YF${'ABCDEFGH'[codeCounter % 8]}${String((Date.now() % 1e4) * 1000 + codeCounter).padStart(7, '0')}`;
}

/** Creates a subject with its program and project, a lead unit and a platform unless given. */
export async function buildSubject(db: Kysely<DB>, overrides: { platformOrgId?: string; leadUnitId?: string; coUnitIds?: string[]; regionCode?: string; acceptanceDate?: string | null; titleZh?: string } = {}) {
  const program = await db.insertInto('programs').values({ code: registryCode(), titleZh: '国家重点研发计划测试专项', titleEn: null, startDate: null, endDate: null }).returningAll().executeTakeFirstOrThrow();
  const project = await db.insertInto('projects').values({ programId: program.id, code: registryCode(), titleZh: '测试项目', titleEn: null, startDate: null, endDate: null }).returningAll().executeTakeFirstOrThrow();
  const platformOrgId = overrides.platformOrgId ?? (await buildOrg(db, { kind: 'domain_platform' })).id;
  const leadUnitId = overrides.leadUnitId ?? (await buildOrg(db)).id;
  const subject = await db.insertInto('subjects').values({
    projectId: project.id, code: registryCode(), titleZh: overrides.titleZh ?? '测试课题：慢性病队列数据汇交', titleEn: null, startDate: '2024-01-01', endDate: '2027-12-31',
    piUserId: null, leadUnitId, regionCode: overrides.regionCode ?? '330000', platformOrgId, collectionBudget: '120000',
    acceptanceDate: overrides.acceptanceDate === undefined ? '2027-12-31' : overrides.acceptanceDate,
  }).returningAll().executeTakeFirstOrThrow();
  for (const orgId of overrides.coUnitIds ?? []) await db.insertInto('subjectUnits').values({ subjectId: subject.id, orgId }).execute();
  return { program, project, subject };
}

/** Grants a subject-scoped role (PI or submitter). */
export async function grantSubjectRole(db: Kysely<DB>, userId: string, role: 'pi' | 'submitter', subjectId: string) {
  await db.insertInto('roleGrants').values({ userId, role, scopeType: 'subject', scopeId: subjectId }).execute();
  if (role === 'pi') await db.updateTable('subjects').set({ piUserId: userId }).where('id', '=', subjectId).execute();
}
