import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { Config } from '../../config';
import { isRole } from '../../../../common/roles';
import { AppError } from '../../platform/errors';
import { authorize, can } from '../../platform/authz';
import { recordAudit } from '../../platform/audit';
import type { Actor, ActorGrant, Ctx } from '../../platform/context';
import {
  dummyPasswordHash, hashPassword, isStrongPassword, newSecret, sha256Hex, verifyPassword,
} from '../../platform/secrets';
import { presentGrant, presentUser } from '../users/users.presenter';
import { AuthRepository } from './auth.repository';
import { UsersRepository } from '../users/users.repository';
import { iso } from '../../platform/format';

const SESSION_TOUCH_MS = 60_000;

/** A resolved session: who, and the CSRF token their writes must echo. */
export interface SessionAuth {
  actor: Actor;
  sessionId: string;
  csrfToken: string;
}

export class AuthService {
  private readonly repo: AuthRepository;

  constructor(private readonly db: Kysely<DB>, private readonly config: Config) {
    this.repo = new AuthRepository(db);
  }

  /** Checks the password, with per-login and per-IP limits on failures; opens a session. */
  async login(ctx: Ctx, input: { login: string; password: string; userAgent: string | null }) {
    const loginKey = input.login.trim().toLowerCase();
    await this.assertNotRateLimited(loginKey, ctx.ip);

    const user = await this.repo.findUserByLogin(loginKey);
    const passwordOk = user
      ? await verifyPassword(user.passwordHash, input.password)
      : await verifyPassword(await dummyPasswordHash(), input.password).then(() => false);

    if (!user || !passwordOk) {
      await this.db.transaction().execute(async (trx) => {
        await new AuthRepository(trx).addFailure(loginKey, ctx.ip);
        await recordAudit(trx, ctx, {
          action: 'auth.login_failed', objectType: 'user', objectId: user?.id ?? null, after: { login: loginKey },
        });
      });
      throw new AppError('auth.invalid_credentials');
    }
    if (user.status === 'pending') throw new AppError('auth.email_unverified');
    if (user.status !== 'active') throw new AppError('auth.account_disabled');

    const token = newSecret('hjs_');
    const sessionId = sha256Hex(token);
    const now = Date.now();
    const expiresAt = new Date(Math.min(now + this.config.sessionIdleMinutes * 60_000, now + this.config.sessionMaxHours * 3_600_000));
    await this.db.transaction().execute(async (trx) => {
      const repo = new AuthRepository(trx);
      await repo.clearFailures(loginKey);
      await repo.createSession({ id: sessionId, userId: user.id, csrfToken: newSecret('', 24), expiresAt, ip: ctx.ip, userAgent: input.userAgent });
      await recordAudit(trx, { ...ctx, actor: { userId: user.id, username: user.username } as Actor }, {
        action: 'auth.login', objectType: 'user', objectId: user.id,
      });
    });
    return { token, expiresAt };
  }

  private async assertNotRateLimited(loginKey: string, ip: string): Promise<void> {
    const windowMs = this.config.loginWindowMinutes * 60_000;
    const since = new Date(Date.now() - windowMs);
    const [byLogin, byIp] = await Promise.all([
      this.repo.countFailures('loginKey', loginKey, since),
      this.repo.countFailures('ip', ip, since),
    ]);
    // One IP may try several accounts (a shared office NAT), so its limit is wider.
    const limited = byLogin.count >= this.config.loginMaxFailures ? byLogin
      : byIp.count >= this.config.loginMaxFailures * 4 ? byIp : null;
    if (!limited) return;
    const oldest = limited.oldest ? new Date(limited.oldest).getTime() : Date.now();
    const retryAfterS = Math.max(1, Math.ceil((oldest + windowMs - Date.now()) / 1000));
    throw new AppError('auth.rate_limited', { minutes: Math.ceil(retryAfterS / 60) }, [], { 'retry-after': String(retryAfterS) });
  }

  /** Forgets failed logins and registrations older than a day (every rate-limit window is shorter). */
  async pruneRateRecords(): Promise<number> {
    const before = new Date(Date.now() - 24 * 3_600_000);
    const [registrations, failures] = await Promise.all([
      this.db.deleteFrom('registrationAttempts').where('at', '<', before).executeTakeFirst(),
      this.db.deleteFrom('loginFailures').where('at', '<', before).executeTakeFirst(),
    ]);
    return Number(registrations.numDeletedRows) + Number(failures.numDeletedRows);
  }

  /** Resolves a session cookie; an expired session is deleted and reported as such. */
  async resolveSession(token: string): Promise<SessionAuth> {
    const session = await this.repo.findSession(sha256Hex(token));
    if (!session) throw new AppError('auth.session_expired');
    const now = Date.now();
    if (new Date(session.expiresAt).getTime() <= now) {
      await this.repo.deleteSession(session.id);
      throw new AppError('auth.session_expired');
    }
    const actor = await this.loadActor(session.userId, 'session', false);
    if (!actor) {
      await this.repo.deleteSession(session.id);
      throw new AppError('auth.session_expired');
    }
    if (now - new Date(session.lastSeenAt).getTime() > SESSION_TOUCH_MS) {
      const hardLimit = new Date(session.createdAt).getTime() + this.config.sessionMaxHours * 3_600_000;
      const expiresAt = new Date(Math.min(now + this.config.sessionIdleMinutes * 60_000, hardLimit));
      await this.repo.touchSession(session.id, new Date(now), expiresAt);
    }
    return { actor, sessionId: session.id, csrfToken: session.csrfToken };
  }

  /** Resolves an `Authorization: Bearer` API token. */
  async resolveToken(token: string): Promise<Actor> {
    const row = await this.repo.findToken(sha256Hex(token));
    if (!row || row.revokedAt || new Date(row.expiresAt).getTime() <= Date.now()) throw new AppError('auth.token_invalid');
    const actor = await this.loadActor(row.userId, 'token', row.readOnly);
    if (!actor) throw new AppError('auth.token_invalid');
    const lastUsed = row.lastUsedAt ? new Date(row.lastUsedAt).getTime() : 0;
    if (Date.now() - lastUsed > SESSION_TOUCH_MS) await this.repo.markTokenUsed(row.id, new Date());
    return actor;
  }

  private async loadActor(userId: string, via: Actor['via'], readOnly: boolean): Promise<Actor | null> {
    const user = await this.repo.findUser(userId);
    if (!user || user.status !== 'active') return null;
    const grants: ActorGrant[] = (await this.repo.grantsOf(userId)).flatMap((g) =>
      isRole(g.role) ? [{ id: g.id, role: g.role, scopeType: g.scopeType, scopeId: g.scopeId }] : []);
    return { userId: user.id, username: user.username, displayName: user.displayName, orgId: user.orgId, locale: user.locale, grants, via, readOnly };
  }

  async logout(ctx: Ctx, sessionId: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await new AuthRepository(trx).deleteSession(sessionId);
      await recordAudit(trx, ctx, { action: 'auth.logout', objectType: 'user', objectId: ctx.actor?.userId ?? null });
    });
  }

  /** The signed-in user, their grants, and what the UI may offer them. */
  async me(ctx: Ctx, csrfToken: string | null) {
    const actor = ctx.actor;
    if (!actor) throw new AppError('auth.unauthenticated');
    const user = await this.repo.findUser(actor.userId);
    if (!user) throw new AppError('auth.unauthenticated');
    const grants = await new UsersRepository(this.db).grants(actor.userId);
    return {
      user: presentUser(user),
      grants: grants.map(presentGrant),
      capabilities: {
        manageOrgs: can(actor, 'org.manage', null),
        listUsers: can(actor, 'user.list', null),
        readAudit: can(actor, 'audit.read', null),
      },
      csrfToken,
      via: actor.via,
    };
  }

  async changePassword(ctx: Ctx, sessionId: string | null, input: { currentPassword: string; newPassword: string }) {
    const actor = ctx.actor;
    if (!actor) throw new AppError('auth.unauthenticated');
    authorize(actor, 'account.update', { id: actor.userId });
    const user = await this.repo.findUser(actor.userId);
    if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) throw new AppError('auth.wrong_password');
    if (!isStrongPassword(input.newPassword)) throw new AppError('auth.weak_password', {}, [{ path: '/newPassword', code: 'auth.weak_password' }]);
    const passwordHash = await hashPassword(input.newPassword);
    await this.db.transaction().execute(async (trx) => {
      const repo = new AuthRepository(trx);
      await repo.setPassword(actor.userId, passwordHash);
      // Other devices must log in again with the new password.
      await repo.deleteOtherSessions(actor.userId, sessionId);
      await recordAudit(trx, ctx, { action: 'user.password_changed', objectType: 'user', objectId: actor.userId });
    });
  }

  async setLocale(ctx: Ctx, locale: 'zh-CN' | 'en') {
    const actor = ctx.actor;
    if (!actor) throw new AppError('auth.unauthenticated');
    authorize(actor, 'account.update', { id: actor.userId });
    const user = await this.repo.findUser(actor.userId);
    await this.db.transaction().execute(async (trx) => {
      await new AuthRepository(trx).setLocale(actor.userId, locale);
      await recordAudit(trx, ctx, { action: 'user.locale_changed', objectType: 'user', objectId: actor.userId, before: { locale: user?.locale }, after: { locale } });
    });
  }

  async listTokens(ctx: Ctx) {
    const actor = ctx.actor;
    if (!actor) throw new AppError('auth.unauthenticated');
    authorize(actor, 'token.manage', { userId: actor.userId });
    return (await this.repo.listTokens(actor.userId)).map(presentToken);
  }

  /** Creates a token; the secret is returned here once and only its hash is kept. */
  async createToken(ctx: Ctx, input: { name: string; expiresInDays: number; readOnly: boolean }) {
    const actor = ctx.actor;
    if (!actor) throw new AppError('auth.unauthenticated');
    authorize(actor, 'token.manage', { userId: actor.userId });
    const secret = newSecret('hjt_');
    const row = await this.db.transaction().execute(async (trx) => {
      const created = await new AuthRepository(trx).createToken({
        userId: actor.userId,
        name: input.name.trim(),
        tokenHash: sha256Hex(secret),
        prefix: secret.slice(0, 10),
        readOnly: input.readOnly,
        expiresAt: new Date(Date.now() + input.expiresInDays * 86_400_000),
      });
      await recordAudit(trx, ctx, { action: 'token.created', objectType: 'api_token', objectId: created.id, after: presentToken(created) });
      return created;
    });
    return { ...presentToken(row), token: secret };
  }

  async revokeToken(ctx: Ctx, id: string) {
    const actor = ctx.actor;
    if (!actor) throw new AppError('auth.unauthenticated');
    const row = await this.repo.findTokenById(id);
    if (!row || row.userId !== actor.userId) throw new AppError('token.not_found');
    authorize(actor, 'token.manage', row);
    await this.db.transaction().execute(async (trx) => {
      const revoked = await new AuthRepository(trx).revokeToken(id);
      await recordAudit(trx, ctx, { action: 'token.revoked', objectType: 'api_token', objectId: id, before: presentToken(row), after: presentToken(revoked) });
    });
  }
}

function presentToken(row: { id: string; name: string; prefix: string; readOnly: boolean; expiresAt: Date; lastUsedAt: Date | null; revokedAt: Date | null; createdAt: Date }) {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    readOnly: row.readOnly,
    expiresAt: new Date(row.expiresAt).toISOString(),
    lastUsedAt: iso(row.lastUsedAt),
    revokedAt: iso(row.revokedAt),
    createdAt: new Date(row.createdAt).toISOString(),
  };
}
