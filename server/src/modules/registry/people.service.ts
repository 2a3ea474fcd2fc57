import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Config } from '../../config';
import type { DB, Subject } from '../../db/schema';
import { AppError, fieldError } from '../../platform/errors';
import { authorize } from '../../platform/authz';
import { recordAudit } from '../../platform/audit';
import type { Ctx } from '../../platform/context';
import { queueMail } from '../../platform/mail';
import { mailTemplates } from '../../platform/mail-templates';
import { hashPassword, isStrongPassword, newSecret, sha256Hex } from '../../platform/secrets';
import { RegistryRepository } from './registry.repository';
import { subjectRef } from './registry.service';

const INVITATION_DAYS = 7;
const ROLE_NAMES = { pi: '课题负责人', submitter: '汇交义务人' } as const;

/** PIs and submitters of subjects: accounts by invitation, designation and revocation. */
export class PeopleService {
  constructor(private readonly db: Kysely<DB>, private readonly config: Config) {}

  /** Finds the user by email or creates one without a password; unactivated users get a one-time link. */
  async ensureInvitedUser(trx: Kysely<DB>, ctx: Ctx, input: { email: string; displayName: string; orgId: string; role: 'pi' | 'submitter'; subjectTitle: string }) {
    const email = input.email.trim().toLowerCase();
    let user = await trx.selectFrom('users').selectAll().where(sql`lower(email)`, '=', email).executeTakeFirst();
    if (!user) {
      const base = email.split('@')[0]!.replace(/[^A-Za-z0-9_.-]/g, '').slice(0, 40) || 'user';
      let username = base.length >= 3 ? base : `${base}_user`;
      for (let n = 2; await trx.selectFrom('users').select('id').where(sql`lower(username)`, '=', username.toLowerCase()).executeTakeFirst(); n += 1) username = `${base}${n}`;
      user = await trx.insertInto('users').values({ username, displayName: input.displayName.trim(), email, orgId: input.orgId, passwordHash: null }).returningAll().executeTakeFirstOrThrow();
      await recordAudit(trx, ctx, { action: 'user.invited', objectType: 'user', objectId: user.id, after: { username, email, role: input.role } });
    }
    if (user.passwordHash === null) await this.invite(trx, ctx, user, input.role, input.subjectTitle);
    return user;
  }

  private async invite(trx: Kysely<DB>, ctx: Ctx, user: { id: string; email: string | null; displayName: string }, role: 'pi' | 'submitter', subjectTitle: string) {
    if (!user.email) return;
    const token = newSecret('hji_');
    await new RegistryRepository(trx).insertInvitation({
      userId: user.id, tokenHash: sha256Hex(token), purpose: `activate:${role}`,
      expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000), createdBy: ctx.actor?.userId || null,
    });
    await queueMail(trx, [mailTemplates.invitation({
      to: user.email, name: user.displayName, link: `${this.config.publicUrl}/invite/${token}`, role: ROLE_NAMES[role], subject: subjectTitle, expiresDays: INVITATION_DAYS,
    })]);
  }

  /** Makes the person the subject's PI (replacing any previous PI grant). */
  async assignPi(trx: Kysely<DB>, ctx: Ctx, subject: Subject, pi: { email: string; displayName: string }) {
    const user = await this.ensureInvitedUser(trx, ctx, { ...pi, orgId: subject.leadUnitId, role: 'pi', subjectTitle: subject.titleZh });
    await trx.deleteFrom('roleGrants').where('role', '=', 'pi').where('scopeType', '=', 'subject').where('scopeId', '=', subject.id).where('userId', '!=', user.id).execute();
    const existing = await trx.selectFrom('roleGrants').select('id').where('role', '=', 'pi').where('scopeType', '=', 'subject').where('scopeId', '=', subject.id).where('userId', '=', user.id).executeTakeFirst();
    if (!existing) await trx.insertInto('roleGrants').values({ userId: user.id, role: 'pi', scopeType: 'subject', scopeId: subject.id, grantedBy: ctx.actor?.userId || null }).execute();
    await trx.updateTable('subjects').set({ piUserId: user.id }).where('id', '=', subject.id).execute();
    await recordAudit(trx, ctx, { action: 'subject.pi_assigned', objectType: 'subject', objectId: subject.id, before: { piUserId: subject.piUserId }, after: { piUserId: user.id } });
    return user;
  }

  async setPi(ctx: Ctx, subjectId: string, pi: { email: string; displayName: string }) {
    authorize(ctx.actor, 'registry.manage', null);
    const subject = await new RegistryRepository(this.db).findSubject(subjectId);
    if (!subject) throw new AppError('subject.not_found');
    await this.db.transaction().execute((trx) => this.assignPi(trx, ctx, subject, pi));
  }

  /** The PI designates a submitter (汇交义务人) by email; new people are invited. */
  async designate(ctx: Ctx, subjectId: string, input: { email: string; displayName: string }) {
    const subject = await new RegistryRepository(this.db).findSubject(subjectId);
    if (!subject) throw new AppError('subject.not_found');
    authorize(ctx.actor, 'subject.designate', await subjectRef(this.db, subject));
    return this.db.transaction().execute(async (trx) => {
      const user = await this.ensureInvitedUser(trx, ctx, { ...input, orgId: subject.leadUnitId, role: 'submitter', subjectTitle: subject.titleZh });
      const existing = await trx.selectFrom('roleGrants').select('id').where('role', '=', 'submitter').where('scopeType', '=', 'subject').where('scopeId', '=', subjectId).where('userId', '=', user.id).executeTakeFirst();
      if (existing) throw fieldError('designation.duplicate', '/email');
      const grant = await trx.insertInto('roleGrants').values({ userId: user.id, role: 'submitter', scopeType: 'subject', scopeId: subjectId, grantedBy: ctx.actor?.userId || null }).returning('id').executeTakeFirstOrThrow();
      await recordAudit(trx, ctx, { action: 'subject.submitter_designated', objectType: 'subject', objectId: subjectId, after: { userId: user.id, email: user.email, grantId: grant.id } });
      if (user.email && user.passwordHash !== null) {
        await queueMail(trx, [mailTemplates.designation({ to: user.email, name: user.displayName, subject: subject.titleZh, by: ctx.actor?.displayName ?? '', action: 'designated' })]);
      }
      return { userId: user.id, username: user.username, displayName: user.displayName, email: user.email, activated: user.passwordHash !== null };
    });
  }

  async revoke(ctx: Ctx, subjectId: string, userId: string) {
    const subject = await new RegistryRepository(this.db).findSubject(subjectId);
    if (!subject) throw new AppError('subject.not_found');
    authorize(ctx.actor, 'subject.designate', await subjectRef(this.db, subject));
    await this.db.transaction().execute(async (trx) => {
      const grant = await trx.selectFrom('roleGrants as g').innerJoin('users as u', 'u.id', 'g.userId').select(['g.id', 'u.email', 'u.displayName'])
        .where('g.role', '=', 'submitter').where('g.scopeType', '=', 'subject').where('g.scopeId', '=', subjectId).where('g.userId', '=', userId).executeTakeFirst();
      if (!grant) throw new AppError('designation.not_found');
      await trx.deleteFrom('roleGrants').where('id', '=', grant.id).execute();
      await recordAudit(trx, ctx, { action: 'subject.submitter_revoked', objectType: 'subject', objectId: subjectId, before: { userId, grantId: grant.id } });
      if (grant.email) await queueMail(trx, [mailTemplates.designation({ to: grant.email, name: grant.displayName, subject: subject.titleZh, by: ctx.actor?.displayName ?? '', action: 'revoked' })]);
    });
  }

  /** What an invitation link is for (no login needed; the token is the credential). */
  async invitation(token: string) {
    const invitation = await new RegistryRepository(this.db).findInvitation(sha256Hex(token));
    if (!invitation || invitation.usedAt || new Date(invitation.expiresAt).getTime() < Date.now()) throw new AppError('invitation.invalid');
    return { username: invitation.username, displayName: invitation.displayName, email: invitation.email, expiresAt: new Date(invitation.expiresAt).toISOString() };
  }

  /** Sets the password from a one-time link; the link stops working at once. */
  async acceptInvitation(ctx: Ctx, token: string, password: string) {
    if (!isStrongPassword(password)) throw fieldError('auth.weak_password', '/password');
    const passwordHash = await hashPassword(password);
    return this.db.transaction().execute(async (trx) => {
      const repo = new RegistryRepository(trx);
      const invitation = await repo.findInvitation(sha256Hex(token));
      if (!invitation || invitation.usedAt || new Date(invitation.expiresAt).getTime() < Date.now()) throw new AppError('invitation.invalid');
      if (!(await repo.useInvitation(invitation.id))) throw new AppError('invitation.invalid');
      await trx.updateTable('users').set({ passwordHash, passwordChangedAt: new Date() }).where('id', '=', invitation.userId).execute();
      await recordAudit(trx, { ...ctx, actor: null, requestId: ctx.requestId }, { action: 'user.activated', objectType: 'user', objectId: invitation.userId, after: { username: invitation.username } });
      return { username: invitation.username };
    });
  }
}
