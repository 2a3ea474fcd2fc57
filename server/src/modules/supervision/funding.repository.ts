import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';

/** Collection funding reports (`funding_reports`): the newest report of a subject is what it has spent. */
export class FundingRepository {
  constructor(private readonly db: Kysely<DB>) {}

  reports(subjectId: string) {
    return this.db
      .selectFrom('fundingReports as f')
      .leftJoin('users as u', 'u.id', 'f.reportedBy')
      .select(['f.amountSpent', 'f.note', 'u.displayName as reportedByName', 'f.reportedAt'])
      .where('f.subjectId', '=', subjectId)
      .orderBy('f.reportedAt', 'desc')
      .orderBy('f.id', 'desc')
      .execute();
  }

  async releasedCount(subjectId: string): Promise<number> {
    const row = await this.db.selectFrom('resources').select((eb) => eb.fn.countAll<number>().as('n')).where('subjectId', '=', subjectId).where('status', '=', 'released').executeTakeFirstOrThrow();
    return Number(row.n);
  }

  insert(values: { subjectId: string; amountSpent: string; note: string | null; reportedBy: string | null }) {
    return this.db.insertInto('fundingReports').values(values).returningAll().executeTakeFirstOrThrow();
  }
}
