import { sql, type Kysely } from 'kysely';
import type { Config } from '../../config';
import type { DB } from '../../db/schema';
import { AppError, fieldError } from '../../platform/errors';
import { recordAudit } from '../../platform/audit';
import type { Actor, Ctx } from '../../platform/context';
import { queueMail } from '../../platform/mail';
import { mailTemplates } from '../../platform/mail-templates';
import { hashPassword, isStrongPassword, newSecret, sha256Hex } from '../../platform/secrets';
import { UsersRepository } from '../users/users.repository';

const VERIFICATION_HOURS = 48;

/** Members register themselves (portal use, access applications) and verify their e-mail before logging in. */
export class RegistrationService {
  constructor(private readonly db: Kysely<DB>, private readonly config: Config) {}

  async register(ctx: Ctx, input: { username: string; displayName: string; email: string; password: string }) {
    // Checked before the password is hashed (the costly step), and again under a lock on the address.
    await this.assertUnderLimit(this.db, ctx.ip);
    if (!isStrongPassword(input.password)) throw fieldError('auth.weak_password', '/password');
    const users = new UsersRepository(this.db);
    if (await users.findByUsername(input.username)) throw fieldError('user.username_taken', '/username');
    if (await users.findByEmail(input.email)) throw fieldError('user.email_taken', '/email');
    const passwordHash = await hashPassword(input.password);
    const token = newSecret('hjv_');
    await this.db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(hashtext(${`registration:${ctx.ip}`}))`.execute(trx);
      await this.assertUnderLimit(trx, ctx.ip);
      await trx.insertInto('registrationAttempts').values({ ip: ctx.ip }).execute();
      const user = await trx.insertInto('users').values({ username: input.username, displayName: input.displayName.trim(), email: input.email.trim(), passwordHash, status: 'pending', orgId: null })
        .returning(['id', 'username']).executeTakeFirstOrThrow();
      await trx.insertInto('emailVerifications').values({ userId: user.id, tokenHash: sha256Hex(token), expiresAt: new Date(Date.now() + VERIFICATION_HOURS * 3_600_000) }).execute();
      await recordAudit(trx, { ...ctx, actor: { userId: user.id, username: user.username } as Actor }, { action: 'user.registered', objectType: 'user', objectId: user.id, after: { username: user.username, email: input.email.trim() } });
      await queueMail(trx, [mailTemplates.emailVerification({ to: input.email.trim(), name: input.displayName.trim(), link: `${this.config.publicUrl}/verify-email/${token}`, hours: VERIFICATION_HOURS })]);
    });
    return { status: 'verification_sent' as const };
  }

  /** Refuses an address that has registered REGISTER_MAX_PER_IP accounts within the window, saying when it may again. */
  private async assertUnderLimit(db: Kysely<DB>, ip: string): Promise<void> {
    const windowMs = this.config.registerWindowMinutes * 60_000;
    const recent = await db.selectFrom('registrationAttempts')
      .select((eb) => [eb.fn.countAll<string>().as('count'), eb.fn.min('at').as('oldest')])
      .where('ip', '=', ip).where('at', '>', new Date(Date.now() - windowMs))
      .executeTakeFirstOrThrow();
    if (Number(recent.count) < this.config.registerMaxPerIp) return;
    const oldest = recent.oldest ? new Date(recent.oldest).getTime() : Date.now();
    const retryAfterS = Math.max(1, Math.ceil((oldest + windowMs - Date.now()) / 1000));
    throw new AppError('auth.registration_rate_limited', { minutes: Math.ceil(retryAfterS / 60) }, [], { 'retry-after': String(retryAfterS) });
  }

  /** The link works once, within its validity; the account becomes active. */
  async verifyEmail(ctx: Ctx, token: string) {
    return this.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('emailVerifications as v').innerJoin('users as u', 'u.id', 'v.userId').select(['v.id', 'v.userId', 'v.expiresAt', 'v.usedAt', 'u.username', 'u.status'])
        .where('v.tokenHash', '=', sha256Hex(token)).forUpdate().executeTakeFirst();
      if (!row || row.usedAt || new Date(row.expiresAt).getTime() < Date.now() || row.status === 'disabled') throw new AppError('auth.verification_invalid');
      await trx.updateTable('emailVerifications').set({ usedAt: new Date() }).where('id', '=', row.id).execute();
      await trx.updateTable('users').set({ status: 'active', updatedAt: new Date() }).where('id', '=', row.userId).execute();
      await recordAudit(trx, { ...ctx, actor: { userId: row.userId, username: row.username } as Actor }, { action: 'user.email_verified', objectType: 'user', objectId: row.userId });
      return { username: row.username };
    });
  }
}
