import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';

/** Queries of access applications and offline contact requests. */
export class ApplicationsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  private base() {
    return this.db
      .selectFrom('accessApplications as a')
      .innerJoin('resources as r', 'r.id', 'a.resourceId')
      .innerJoin('subjects as s', 's.id', 'r.subjectId')
      .innerJoin('users as u', 'u.id', 'a.applicantId')
      .leftJoin('users as d', 'd.id', 'a.decidedBy')
      .selectAll('a')
      .select(['r.titleZh as resourceTitle', 'r.subjectId', 's.platformOrgId', 'u.displayName as applicantName', 'u.email as applicantEmail', 'd.displayName as decidedByName']);
  }

  find(id: string) {
    return this.base().where('a.id', '=', id).executeTakeFirst();
  }

  /** Pending first, then newest. */
  list(filter: { applicantId?: string; subjectIds?: string[]; platformIds?: string[] }) {
    let query = this.base();
    if (filter.applicantId) query = query.where('a.applicantId', '=', filter.applicantId);
    if (filter.subjectIds || filter.platformIds) {
      const subjects = filter.subjectIds ?? [];
      const platforms = filter.platformIds ?? [];
      query = query.where((eb) => eb.or([
        ...(subjects.length ? [eb('r.subjectId', 'in', subjects)] : []),
        ...(platforms.length ? [eb('s.platformOrgId', 'in', platforms)] : []),
      ]));
    }
    return query.orderBy((eb) => eb.case().when('a.status', '=', 'pending').then(0).else(1).end()).orderBy('a.createdAt', 'desc').limit(500).execute();
  }

  insert(values: { resourceId: string; applicantId: string; purpose: string; intendedUse: string; agreementAcceptedAt: Date }) {
    return this.db.insertInto('accessApplications').values(values).onConflict((oc) => oc.columns(['resourceId', 'applicantId']).where('status', '=', 'pending').doNothing()).returning('id').executeTakeFirst();
  }

  async decide(id: string, values: { status: 'approved' | 'rejected'; reason: string | null; decidedBy: string | null; expiresAt: Date | null }): Promise<boolean> {
    const updated = await this.db.updateTable('accessApplications').set({ ...values, decidedAt: new Date() }).where('id', '=', id).where('status', '=', 'pending').returning('id').executeTakeFirst();
    return Boolean(updated);
  }

  /** Who provides a subject's resources: its PI and its platform's admins. */
  async providers(subjectId: string) {
    const subject = await this.db.selectFrom('subjects').select('platformOrgId').where('id', '=', subjectId).executeTakeFirstOrThrow();
    return this.db
      .selectFrom('roleGrants as g')
      .innerJoin('users as u', 'u.id', 'g.userId')
      .select(['u.id', 'u.email', 'u.displayName'])
      .distinct()
      .where('u.status', '=', 'active')
      .where((eb) => eb.or([
        eb.and([eb('g.role', '=', 'pi'), eb('g.scopeId', '=', subjectId)]),
        eb.and([eb('g.role', '=', 'platform_admin'), eb('g.scopeId', '=', subject.platformOrgId)]),
      ]))
      .execute();
  }

  insertContact(values: { resourceId: string; userId: string | null; name: string; email: string; message: string }) {
    return this.db.insertInto('contactRequests').values(values).execute();
  }
}

export type ApplicationRow = NonNullable<Awaited<ReturnType<ApplicationsRepository['find']>>>;
