import type { Kysely } from 'kysely';
import type { DB, ScopeType } from '../../db/schema';
import { ROLE_SCOPES, isRole, type Role } from '../../../../common/roles';
import { AppError, fieldError } from '../../platform/errors';
import { authorize } from '../../platform/authz';
import { recordAudit } from '../../platform/audit';
import type { Ctx } from '../../platform/context';
import { hashPassword, isStrongPassword } from '../../platform/secrets';
import { OrgsRepository } from '../orgs/orgs.repository';
import { userVisibility, type UserRef } from './users.policy';
import { UsersRepository } from './users.repository';
import { presentGrant, presentUser } from './users.presenter';

export interface UserInput {
  username: string;
  displayName: string;
  email?: string | null;
  phone?: string | null;
  orcid?: string | null;
  orgId?: string | null;
  password: string;
}

export type UserPatch = Partial<Omit<UserInput, 'username'>> & { status?: 'active' | 'disabled' };

const blankToNull = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);

export class UsersService {
  private readonly repo: UsersRepository;
  private readonly orgs: OrgsRepository;

  constructor(private readonly db: Kysely<DB>) {
    this.repo = new UsersRepository(db);
    this.orgs = new OrgsRepository(db);
  }

  private async orgRef(orgId: string | null) {
    if (!orgId) return null;
    const path = await this.orgs.path(orgId);
    return path.length > 0 ? { id: orgId, path } : null;
  }

  private async userRef(user: { id: string; orgId: string | null }): Promise<UserRef> {
    return { id: user.id, org: await this.orgRef(user.orgId) };
  }

  async list(ctx: Ctx, filter: { q?: string; orgId?: string; page: number; pageSize: number }) {
    authorize(ctx.actor, 'user.list', null);
    const visibility = userVisibility(ctx.actor);
    const result = await this.repo.list({ ...filter, roots: visibility?.all ? undefined : visibility?.roots ?? [] });
    return { items: result.items.map((u) => ({ ...presentUser(u), orgName: u.orgName })), total: result.total };
  }

  async get(ctx: Ctx, id: string) {
    const user = await this.repo.find(id);
    if (!user) throw new AppError('user.not_found');
    authorize(ctx.actor, 'user.read', await this.userRef(user));
    const grants = await this.repo.grants(id);
    return { ...presentUser(user), orgName: user.orgName, grants: grants.map(presentGrant) };
  }

  async create(ctx: Ctx, input: UserInput) {
    const orgId = input.orgId || null;
    if (orgId && !(await this.orgs.find(orgId))) throw fieldError('org.not_found', '/orgId');
    authorize(ctx.actor, 'user.manage', await this.orgRef(orgId));
    if (!isStrongPassword(input.password)) throw fieldError('auth.weak_password', '/password');
    const passwordHash = await hashPassword(input.password);
    return this.db.transaction().execute(async (trx) => {
      const repo = new UsersRepository(trx);
      const email = blankToNull(input.email);
      if (await repo.findByUsername(input.username)) throw fieldError('user.username_taken', '/username');
      if (email && (await repo.findByEmail(email))) throw fieldError('user.email_taken', '/email');
      const user = await repo.insert({
        username: input.username.trim(),
        displayName: input.displayName.trim(),
        email,
        phone: blankToNull(input.phone),
        orcid: blankToNull(input.orcid),
        orgId,
        passwordHash,
      });
      await recordAudit(trx, ctx, { action: 'user.created', objectType: 'user', objectId: user.id, after: presentUser(user) });
      return presentUser(user);
    });
  }

  async update(ctx: Ctx, id: string, patch: UserPatch) {
    const existing = await this.repo.find(id);
    if (!existing) throw new AppError('user.not_found');
    authorize(ctx.actor, 'user.manage', await this.orgRef(existing.orgId));
    if (patch.orgId !== undefined && patch.orgId !== existing.orgId) {
      if (patch.orgId && !(await this.orgs.find(patch.orgId))) throw fieldError('org.not_found', '/orgId');
      authorize(ctx.actor, 'user.manage', await this.orgRef(patch.orgId ?? null));
    }
    if (patch.status === 'disabled' && ctx.actor.userId === id) throw new AppError('user.cannot_disable_self');
    if (patch.password !== undefined && !isStrongPassword(patch.password)) throw fieldError('auth.weak_password', '/password');
    const passwordHash = patch.password !== undefined ? await hashPassword(patch.password) : undefined;

    return this.db.transaction().execute(async (trx) => {
      const repo = new UsersRepository(trx);
      const email = patch.email === undefined ? undefined : blankToNull(patch.email);
      if (email) {
        const holder = await repo.findByEmail(email);
        if (holder && holder.id !== id) throw fieldError('user.email_taken', '/email');
      }
      const user = await repo.update(id, {
        displayName: patch.displayName?.trim(),
        email,
        phone: patch.phone === undefined ? undefined : blankToNull(patch.phone),
        orcid: patch.orcid === undefined ? undefined : blankToNull(patch.orcid),
        orgId: patch.orgId === undefined ? undefined : patch.orgId || null,
        status: patch.status,
        passwordHash,
      });
      // A disabled account or a reset password ends every open session of that user.
      if (patch.status === 'disabled' || passwordHash) await repo.deleteSessions(id);
      await recordAudit(trx, ctx, {
        action: passwordHash ? 'user.updated_with_password_reset' : 'user.updated',
        objectType: 'user', objectId: id, before: presentUser(existing), after: presentUser(user),
      });
      return presentUser(user);
    });
  }

  async grants(ctx: Ctx, userId: string) {
    const user = await this.repo.find(userId);
    if (!user) throw new AppError('user.not_found');
    authorize(ctx.actor, 'user.read', await this.userRef(user));
    return (await this.repo.grants(userId)).map(presentGrant);
  }

  /** Grants a role; the scope kind follows from the role (DESIGN §4). */
  async grant(ctx: Ctx, userId: string, input: { role: string; scopeId?: string | null }) {
    const user = await this.repo.find(userId);
    if (!user) throw new AppError('user.not_found');
    if (!isRole(input.role)) throw fieldError('grant.scope_mismatch', '/role', { role: input.role, expected: '-' });
    const role: Role = input.role;
    const { scopeType, scopeId, scopeOrgId } = await this.resolveScope(role, input.scopeId ?? null);
    authorize(ctx.actor, 'grant.manage', { role, user: await this.userRef(user), scopeOrg: await this.orgRef(scopeOrgId) });

    return this.db.transaction().execute(async (trx) => {
      const repo = new UsersRepository(trx);
      if (await repo.findSameGrant(userId, role, scopeType, scopeId)) throw new AppError('grant.duplicate');
      const grant = await repo.insertGrant({ userId, role, scopeType, scopeId, grantedBy: ctx.actor?.userId || null });
      await recordAudit(trx, ctx, { action: 'grant.created', objectType: 'role_grant', objectId: grant.id, after: presentGrant(grant) });
      const named = (await repo.grants(userId)).find((g) => g.id === grant.id);
      return presentGrant(named ?? grant);
    });
  }

  async revoke(ctx: Ctx, grantId: string) {
    const grant = await this.repo.findGrant(grantId);
    if (!grant) throw new AppError('grant.not_found');
    const user = await this.repo.find(grant.userId);
    if (!user || !isRole(grant.role)) throw new AppError('grant.not_found');
    const scopeOrgId = grant.scopeType === 'organisation' ? grant.scopeId : null;
    authorize(ctx.actor, 'grant.manage', { role: grant.role, user: await this.userRef(user), scopeOrg: await this.orgRef(scopeOrgId) });
    await this.db.transaction().execute(async (trx) => {
      const repo = new UsersRepository(trx);
      if (grant.role === 'sysadmin' && Number((await repo.countRole('sysadmin')).n) <= 1) throw new AppError('grant.last_sysadmin');
      await repo.deleteGrant(grantId);
      await recordAudit(trx, ctx, { action: 'grant.revoked', objectType: 'role_grant', objectId: grantId, before: presentGrant(grant) });
    });
  }

  private async resolveScope(role: Role, scopeId: string | null): Promise<{ scopeType: ScopeType; scopeId: string | null; scopeOrgId: string | null }> {
    const scope = ROLE_SCOPES[role];
    if (scope.type === 'platform') {
      if (scopeId) throw fieldError('grant.scope_mismatch', '/scopeId', { role, expected: 'platform' });
      return { scopeType: 'platform', scopeId: null, scopeOrgId: null };
    }
    if (scope.type === 'subject') {
      // Subject-scoped grants (PI, submitter) are made by the subject registry once subjects exist.
      throw fieldError('grant.scope_not_found', '/scopeId');
    }
    if (!scopeId) throw fieldError('grant.scope_mismatch', '/scopeId', { role, expected: scope.orgKinds.join(', ') });
    const org = await this.orgs.find(scopeId);
    if (!org) throw fieldError('grant.scope_not_found', '/scopeId');
    if (!scope.orgKinds.includes(org.kind)) throw fieldError('grant.scope_mismatch', '/scopeId', { role, expected: scope.orgKinds.join(', ') });
    return { scopeType: 'organisation', scopeId, scopeOrgId: scopeId };
  }
}
