import type { Kysely } from 'kysely';
import type { DB, ReuseKind, ReuseStatus } from '../../db/schema';

/** Queries of reported reuse (citations, benefit statements). */
export class ReuseRepository {
  constructor(private readonly db: Kysely<DB>) {}

  private rows() {
    return this.db.selectFrom('reuseReports as x')
      .innerJoin('resources as r', 'r.id', 'x.resourceId')
      .innerJoin('subjects as s', 's.id', 'r.subjectId')
      .innerJoin('users as reporter', 'reporter.id', 'x.reportedBy')
      .leftJoin('users as reviewer', 'reviewer.id', 'x.reviewedBy')
      .selectAll('x')
      .select(['r.titleZh as resourceTitle', 'r.cstr', 's.platformOrgId', 'reporter.displayName as reportedByName', 'reporter.email as reporterEmail', 'reviewer.displayName as reviewedByName']);
  }

  find(id: string) {
    return this.rows().where('x.id', '=', id).executeTakeFirst();
  }

  insert(values: { resourceId: string; kind: ReuseKind; citation: string | null; doi: string | null; url: string | null; description: string; reportedBy: string }) {
    return this.db.insertInto('reuseReports').values(values).returning('id').executeTakeFirstOrThrow();
  }

  /** Accepted reports of a resource, and the viewer's own pending ones. */
  ofResource(resourceId: string, viewerId: string | null) {
    return this.rows().where('x.resourceId', '=', resourceId)
      .where((eb) => (viewerId ? eb.or([eb('x.status', '=', 'accepted'), eb.and([eb('x.status', '=', 'pending'), eb('x.reportedBy', '=', viewerId)])]) : eb('x.status', '=', 'accepted')))
      .orderBy('x.reportedAt', 'desc').execute();
  }

  /** Reports on resources of these platforms (all platforms when null), newest first. */
  async inbox(platformIds: string[] | null, status: ReuseStatus | undefined, page: number, pageSize: number) {
    let query = this.rows();
    if (platformIds) query = query.where('s.platformOrgId', 'in', platformIds.length ? platformIds : ['00000000-0000-0000-0000-000000000000']);
    if (status) query = query.where('x.status', '=', status);
    const [items, total] = await Promise.all([
      query.orderBy('x.reportedAt', 'desc').orderBy('x.id').limit(pageSize).offset((page - 1) * pageSize).execute(),
      query.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(total.n) };
  }

  /** Decides a pending report; nothing changes (undefined) when it was decided meanwhile. */
  decide(id: string, values: { status: 'accepted' | 'rejected'; reviewedBy: string | null; reviewNote: string | null }) {
    return this.db.updateTable('reuseReports').set({ ...values, reviewedAt: new Date() }).where('id', '=', id).where('status', '=', 'pending').returning('id').executeTakeFirst();
  }
}

export type ReuseRow = NonNullable<Awaited<ReturnType<ReuseRepository['find']>>>;
