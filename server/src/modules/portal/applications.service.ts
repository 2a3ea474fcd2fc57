import type { Kysely } from 'kysely';
import type { Config } from '../../config';
import type { DB } from '../../db/schema';
import { AppError, fieldError } from '../../platform/errors';
import { orgScopes } from '../../platform/authz';
import { recordAudit } from '../../platform/audit';
import type { Ctx } from '../../platform/context';
import { queueMail } from '../../platform/mail';
import { mailTemplates } from '../../platform/mail-templates';
import { iso } from '../../platform/format';
import { chinaDate } from '../../platform/china-time';
import { subjectGrants } from '../registry/registry.policy';
import type { RegistryService } from '../registry/registry.service';
import type { UsageRecorder } from '../usage/usage-event';
import { addMonths } from '../releases/releases.service';
import { ApplicationsRepository, type ApplicationRow } from './applications.repository';
import type { Client, PortalService } from './portal.service';

/** Access applications (application sharing mode): apply, decide with an expiry, all audited and mailed; offline contact requests. */
export class ApplicationsService {
  private readonly repo: ApplicationsRepository;

  constructor(private readonly db: Kysely<DB>, private readonly config: Config, private readonly registry: RegistryService, private readonly portal: PortalService, private readonly usage: UsageRecorder | null) {
    this.repo = new ApplicationsRepository(db);
  }

  /** A logged-in member applies for a resource shared by application, accepting its data use agreement. */
  async apply(ctx: Ctx, resourceId: string, input: { purpose: string; intendedUse: string; agreementAccepted: boolean }) {
    if (!ctx.actor) throw new AppError('auth.unauthenticated');
    const { resource, access } = await this.portal.load(ctx, resourceId);
    if (resource.status !== 'released' || resource.sharingMode !== 'application') throw new AppError('application.not_applicable');
    if (!input.agreementAccepted) throw fieldError('application.agreement_required', '/agreementAccepted');
    if (access.reason === 'application_pending' || access.reason === 'application_approved' || access.reason === 'provider') throw new AppError('application.exists');
    const providers = await this.repo.providers(resource.subjectId);
    const id = await this.db.transaction().execute(async (trx) => {
      const repo = new ApplicationsRepository(trx);
      const created = await repo.insert({ resourceId, applicantId: ctx.actor!.userId, purpose: input.purpose.trim(), intendedUse: input.intendedUse.trim(), agreementAcceptedAt: new Date() });
      if (!created) throw new AppError('application.exists');
      await recordAudit(trx, ctx, { action: 'application.submitted', objectType: 'resource', objectId: resourceId, after: { applicationId: created.id, purpose: input.purpose.trim() } });
      const link = `${this.config.publicUrl}/applications/inbox`;
      await queueMail(trx, providers.filter((p) => p.email).map((p) => mailTemplates.applicationReceived({ to: p.email!, name: p.displayName, resource: resource.titleZh, applicant: ctx.actor!.displayName, purpose: input.purpose.trim(), link })));
      return created.id;
    });
    return this.present((await this.repo.find(id))!);
  }

  /** The provider approves (access until an expiry, by default twelve months) or rejects with a reason. */
  async decide(ctx: Ctx, id: string, input: { decision: 'approve' | 'reject'; reason?: string | null; expiresAt?: string | null }, client: Client) {
    const application = await this.repo.find(id);
    if (!application) throw new AppError('application.not_found');
    await this.registry.subjectFor(ctx, application.subjectId, 'application.decide');
    if (application.status !== 'pending') throw new AppError('application.decided');
    const reason = input.reason?.trim() || null;
    if (input.decision === 'reject' && !reason) throw fieldError('application.reason_required', '/reason');
    const today = chinaDate();
    const until = input.expiresAt ?? addMonths(today, 12);
    if (input.decision === 'approve' && (until <= today || until > addMonths(today, 36))) throw fieldError('application.bad_expiry', '/expiresAt');
    // Access lasts to the end of the expiry day, China time.
    const expiresAt = input.decision === 'approve' ? new Date(`${until}T23:59:59+08:00`) : null;
    await this.db.transaction().execute(async (trx) => {
      const repo = new ApplicationsRepository(trx);
      if (!(await repo.decide(id, { status: input.decision === 'approve' ? 'approved' : 'rejected', reason, decidedBy: ctx.actor?.userId || null, expiresAt }))) throw new AppError('application.decided');
      await recordAudit(trx, ctx, { action: `application.${input.decision === 'approve' ? 'approved' : 'rejected'}`, objectType: 'resource', objectId: application.resourceId, after: { applicationId: id, reason, expiresAt: iso(expiresAt) } });
      if (application.applicantEmail) {
        await queueMail(trx, [mailTemplates.applicationDecided({
          to: application.applicantEmail, name: application.applicantName, resource: application.resourceTitle, approved: input.decision === 'approve', reason, until: input.decision === 'approve' ? until : null,
          link: `${this.config.publicUrl}/r/${application.resourceId}`,
        })]);
      }
    });
    if (input.decision === 'approve') this.usage?.record({ resourceId: application.resourceId, kind: 'application_approved', userId: application.applicantId, ...client });
    return this.present((await this.repo.find(id))!);
  }

  async mine(ctx: Ctx) {
    if (!ctx.actor) throw new AppError('auth.unauthenticated');
    return (await this.repo.list({ applicantId: ctx.actor.userId })).map((a) => this.present(a));
  }

  /** Applications to the actor's resources: as PI of their subjects, as admin of their platforms. */
  async inbox(ctx: Ctx) {
    if (!ctx.actor) throw new AppError('auth.unauthenticated');
    const subjectIds = subjectGrants(ctx.actor, ['pi']);
    const platformIds = orgScopes(ctx.actor, ['platform_admin']);
    if (subjectIds.length + platformIds.length === 0) throw new AppError('auth.forbidden');
    return (await this.repo.list({ subjectIds, platformIds })).map((a) => this.present(a));
  }

  /** Offline resources: a visitor asks the provider for access; mailed to the contact and the PI. */
  async contact(ctx: Ctx, resourceId: string, input: { name: string; email: string; message: string }) {
    const { resource } = await this.portal.load(ctx, resourceId);
    if (resource.status !== 'released' || resource.sharingMode !== 'offline') throw new AppError('application.not_applicable');
    const providers = await this.repo.providers(resource.subjectId);
    const contact = (resource.metadata as { contact?: { name?: string; email?: string } }).contact;
    const recipients = [...providers.filter((p) => p.email).map((p) => ({ email: p.email!, name: p.displayName })), ...(contact?.email ? [{ email: contact.email, name: contact.name ?? '' }] : [])];
    await this.db.transaction().execute(async (trx) => {
      await new ApplicationsRepository(trx).insertContact({ resourceId, userId: ctx.actor?.userId || null, name: input.name.trim(), email: input.email.trim(), message: input.message.trim() });
      await recordAudit(trx, ctx, { action: 'resource.contact_requested', objectType: 'resource', objectId: resourceId, after: { name: input.name.trim(), email: input.email.trim() } });
      const unique = [...new Map(recipients.map((r) => [r.email.toLowerCase(), r])).values()];
      await queueMail(trx, unique.map((r) => mailTemplates.contactRequest({ to: r.email, name: r.name, resource: resource.titleZh, from: input.name.trim(), replyTo: input.email.trim(), message: input.message.trim(), link: `${this.config.publicUrl}/r/${resourceId}` })));
    });
  }

  private present(a: ApplicationRow) {
    return {
      id: a.id, resourceId: a.resourceId, resourceTitle: a.resourceTitle, applicant: { id: a.applicantId, displayName: a.applicantName, email: a.applicantEmail },
      purpose: a.purpose, intendedUse: a.intendedUse, status: a.status, reason: a.reason, decidedBy: a.decidedByName, decidedAt: iso(a.decidedAt), expiresAt: iso(a.expiresAt), createdAt: iso(a.createdAt)!,
      expired: a.status === 'approved' && a.expiresAt !== null && new Date(a.expiresAt).getTime() <= Date.now(),
    };
  }
}


