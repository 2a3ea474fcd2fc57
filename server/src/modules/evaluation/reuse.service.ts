import type { Kysely } from 'kysely';
import type { Config } from '../../config';
import type { DB, ReuseKind, ReuseStatus } from '../../db/schema';
import { AppError } from '../../platform/errors';
import { authorize, hasRole, orgScopes } from '../../platform/authz';
import { recordAudit } from '../../platform/audit';
import type { Ctx } from '../../platform/context';
import { iso } from '../../platform/format';
import { queueMail } from '../../platform/mail';
import { mailTemplates } from '../../platform/mail-templates';
import { isListed } from '../portal/portal-access';
import type { PortalService } from '../portal/portal.service';
import { ReuseRepository, type ReuseRow } from './reuse.repository';

export interface ReuseInput {
  kind: ReuseKind;
  description: string;
  citation?: string | null;
  doi?: string | null;
  url?: string | null;
}

const text = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);

/** Reported reuse (citations, benefit statements) of released resources, reviewed by their platform. */
export class ReuseService {
  private readonly repo: ReuseRepository;

  constructor(private readonly db: Kysely<DB>, private readonly config: Config, private readonly portal: PortalService) {
    this.repo = new ReuseRepository(db);
  }

  /** Any logged-in user reports a citation or benefit of a publicly listed released resource (others: 404). */
  async report(ctx: Ctx, resourceId: string, input: ReuseInput) {
    if (!ctx.actor) throw new AppError('auth.unauthenticated');
    const { resource } = await this.portal.load(ctx, resourceId);
    if (!isListed(resource)) throw new AppError('portal.not_found');
    const values = { resourceId, kind: input.kind, citation: text(input.citation), doi: text(input.doi), url: text(input.url), description: input.description.trim(), reportedBy: ctx.actor.userId };
    const id = await this.db.transaction().execute(async (trx) => {
      const { id: created } = await new ReuseRepository(trx).insert(values);
      await recordAudit(trx, ctx, { action: 'reuse.reported', objectType: 'resource', objectId: resourceId, after: { reuseId: created, ...values } });
      return created;
    });
    return present((await this.repo.find(id))!);
  }

  /** A resource's accepted reuse (public), plus the caller's own pending reports. */
  async ofResource(ctx: Ctx, resourceId: string) {
    await this.portal.load(ctx, resourceId);
    return { items: (await this.repo.ofResource(resourceId, ctx.actor?.userId || null)).map(present) };
  }

  /** Reports on the platform admin's resources (the ministry sees all), newest first. */
  async inbox(ctx: Ctx, query: { status?: ReuseStatus; page: number; pageSize: number }) {
    authorize(ctx.actor, 'reuse.inbox', null);
    const platformIds = hasRole(ctx.actor, 'sysadmin', 'ministry_admin') ? null : orgScopes(ctx.actor, ['platform_admin']);
    const { items, total } = await this.repo.inbox(platformIds, query.status, query.page, query.pageSize);
    return { total, items: items.map(present) };
  }

  /** The resource's platform accepts (it then counts in evaluation) or rejects a report; the reporter is mailed. */
  async decide(ctx: Ctx, id: string, input: { decision: 'accept' | 'reject'; note?: string | null }) {
    const report = await this.repo.find(id);
    if (!report) throw new AppError('reuse.not_found');
    authorize(ctx.actor, 'reuse.decide', { platformOrgId: report.platformOrgId });
    if (report.status !== 'pending') throw new AppError('reuse.already_decided');
    const status = input.decision === 'accept' ? 'accepted' : 'rejected';
    const note = text(input.note);
    const by = ctx.actor.userId || null;
    await this.db.transaction().execute(async (trx) => {
      if (!(await new ReuseRepository(trx).decide(id, { status, reviewedBy: by, reviewNote: note }))) throw new AppError('reuse.already_decided');
      await recordAudit(trx, ctx, { action: `reuse.${status}`, objectType: 'resource', objectId: report.resourceId, before: { reuseId: id, status: 'pending' }, after: { reuseId: id, status, note } });
      if (report.reporterEmail) {
        await queueMail(trx, [mailTemplates.reuseDecided({
          to: report.reporterEmail, name: report.reportedByName, resource: report.resourceTitle, kind: report.kind, accepted: status === 'accepted', note, link: `${this.config.publicUrl}/r/${report.resourceId}`,
        })]);
      }
    });
    return present((await this.repo.find(id))!);
  }
}

function present(row: ReuseRow) {
  return {
    id: row.id, resourceId: row.resourceId, resourceTitle: row.resourceTitle, cstr: row.cstr, kind: row.kind, citation: row.citation, doi: row.doi, url: row.url,
    description: row.description, reportedByName: row.reportedByName, reportedAt: iso(row.reportedAt)!, status: row.status,
    reviewedByName: row.reviewedByName, reviewedAt: iso(row.reviewedAt), reviewNote: row.reviewNote,
  };
}
