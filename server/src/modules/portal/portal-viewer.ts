import type { Kysely } from 'kysely';
import type { DB, Resource } from '../../db/schema';
import { can } from '../../platform/authz';
import type { Ctx } from '../../platform/context';
import type { RegistryService } from '../registry/registry.service';
import type { AccessViewer } from './portal-access';

/**
 * Who is looking at a portal resource: logged in or not, a provider (may read its subject), and their
 * newest application for any version of the resource's lineage.
 */
export async function portalViewer(db: Kysely<DB>, registry: RegistryService, ctx: Ctx, resource: Pick<Resource, 'id' | 'subjectId' | 'lineageId'>): Promise<AccessViewer & { applicationId: string | null; applicationReason: string | null }> {
  if (!ctx.actor) return { authenticated: false, provider: false, application: null, applicationId: null, applicationReason: null };
  const { ref } = await registry.subjectRefOf(resource.subjectId);
  const provider = can(ctx.actor, 'subject.read', ref);
  const application = await db
    .selectFrom('accessApplications as a')
    .innerJoin('resources as r', 'r.id', 'a.resourceId')
    .select(['a.id', 'a.status', 'a.expiresAt', 'a.reason'])
    .where('r.lineageId', '=', resource.lineageId)
    .where('a.applicantId', '=', ctx.actor.userId)
    .orderBy('a.createdAt', 'desc')
    .executeTakeFirst();
  return {
    authenticated: true,
    provider,
    application: application ? { status: application.status, expiresAt: application.expiresAt ? new Date(application.expiresAt) : null } : null,
    applicationId: application?.id ?? null,
    applicationReason: application?.reason ?? null,
  };
}
