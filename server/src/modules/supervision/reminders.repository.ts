import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { SubjectVisibility } from '../registry/registry.policy';
import { RegistryRepository } from '../registry/registry.repository';

export const SCHEDULE_KEY = 'reminder_schedule';

/** An approved plan line the schedule reminds of: not covered by releases yet and due on one of the schedule's days. */
export interface ScheduledLine {
  subjectId: string;
  code: string;
  titleZh: string;
  resourceType: string;
  /** Planned up to and including this line (its type's earlier lines too). */
  cum: number;
  released: number;
  dueDate: string;
}

/** Queries of supervision reminders (the `reminders` log, item type `subject`), their recipients and schedule. */
export class RemindersRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** The PIs and submitters of the subjects who can be mailed (active, with an address); one row per subject and person. */
  async recipients(subjectIds: string[]) {
    if (subjectIds.length === 0) return [];
    return this.db
      .selectFrom('roleGrants as g')
      .innerJoin('users as u', 'u.id', 'g.userId')
      .select(['g.scopeId as subjectId', 'u.id', 'u.email', 'u.displayName'])
      .distinct()
      .where('g.scopeType', '=', 'subject')
      .where('g.role', 'in', ['pi', 'submitter'])
      .where('g.scopeId', 'in', subjectIds)
      .where('u.status', '=', 'active')
      .where('u.email', 'is not', null)
      .orderBy('u.displayName')
      .$narrowType<{ subjectId: string; email: string }>()
      .execute();
  }

  /** Who was already reminded of which of these subjects on the day ('subjectId:recipientId'). */
  async remindedOn(subjectIds: string[], day: string): Promise<Set<string>> {
    if (subjectIds.length === 0) return new Set();
    const rows = await this.db.selectFrom('reminders').select(['itemId', 'recipientId']).where('itemType', '=', 'subject').where('day', '=', day).where('itemId', 'in', subjectIds).execute();
    return new Set(rows.map((r) => `${r.itemId}:${r.recipientId}`));
  }

  /** Records the reminder unless one went to this person about this subject today; true when this call recorded it. */
  async claim(values: { subjectId: string; recipientId: string; day: string; reason: string; message: string | null; sentBy: string | null }): Promise<boolean> {
    const row = await this.db
      .insertInto('reminders')
      .values({ itemType: 'subject', itemId: values.subjectId, recipientId: values.recipientId, day: values.day, reason: values.reason, message: values.message, sentBy: values.sentBy })
      .onConflict((oc) => oc.columns(['itemType', 'itemId', 'recipientId', 'day']).doNothing())
      .returning('id')
      .executeTakeFirst();
    return row !== undefined;
  }

  /** The reminder log of the visible subjects, newest first. */
  async log(visibility: SubjectVisibility, filter: { subjectCode?: string; limit: number; offset: number }) {
    let query = this.db
      .selectFrom('reminders as m')
      .innerJoin('subjects as s', (join) => join.on(sql<boolean>`s.id::text = m.item_id`))
      .innerJoin('users as recipient', 'recipient.id', 'm.recipientId')
      .leftJoin('users as sender', 'sender.id', 'm.sentBy')
      .where('m.itemType', '=', 'subject');
    if (!visibility.all) query = query.where('s.id', 'in', new RegistryRepository(this.db).visibleSubjectIds(visibility));
    if (filter.subjectCode) query = query.where('s.code', '=', filter.subjectCode);
    const [items, total] = await Promise.all([
      query
        .select(['m.id', 's.code as subjectCode', 's.titleZh as subjectTitle', 'recipient.displayName as recipientName', 'm.reason', 'm.message', 'sender.displayName as sentByName', 'm.day', 'm.createdAt'])
        .orderBy('m.createdAt', 'desc')
        .orderBy('m.id')
        .limit(filter.limit)
        .offset(filter.offset)
        .execute(),
      query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(total.n) };
  }

  async setting(key: string): Promise<unknown> {
    const row = await this.db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
    return row?.value;
  }

  async saveSetting(key: string, value: unknown, updatedBy: string | null): Promise<void> {
    await this.db
      .insertInto('settings')
      .values({ key, value: JSON.stringify(value), updatedBy })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value), updatedBy, updatedAt: sql<Date>`now()` }))
      .execute();
  }

  /**
   * Lines of approved plans of active subjects due on one of the days, whose type's releases have not
   * reached the planned count up to the line, and whose type is not waived.
   */
  async scheduledLines(days: string[]): Promise<ScheduledLine[]> {
    if (days.length === 0) return [];
    const { rows } = await sql<ScheduledLine>`
      WITH due AS (
        SELECT DISTINCT pl.subject_id FROM plans pl JOIN plan_lines l ON l.plan_version_id = pl.approved_version_id
        WHERE l.due_date = ANY(${days}::date[])
      ),
      lines AS (
        SELECT s.id AS subject_id, s.code, s.title_zh, l.resource_type, l.due_date,
          sum(l.planned_count) OVER (PARTITION BY s.id, l.resource_type ORDER BY l.due_date, l.position)::int AS cum
        FROM due JOIN subjects s ON s.id = due.subject_id
        JOIN plans pl ON pl.subject_id = s.id JOIN plan_lines l ON l.plan_version_id = pl.approved_version_id
        WHERE s.status = 'active'
      )
      SELECT l.subject_id, l.code, l.title_zh, l.resource_type, l.cum, rel.n AS released, l.due_date
      FROM lines l
      CROSS JOIN LATERAL (
        SELECT count(*)::int AS n FROM resources r WHERE r.subject_id = l.subject_id AND r.resource_type = l.resource_type AND r.status = 'released'
      ) rel
      WHERE l.due_date = ANY(${days}::date[]) AND rel.n < l.cum
        AND NOT EXISTS (SELECT 1 FROM plan_waivers w WHERE w.subject_id = l.subject_id AND w.resource_type = l.resource_type)
      ORDER BY l.code, l.due_date, l.resource_type`.execute(this.db);
    return rows;
  }
}
