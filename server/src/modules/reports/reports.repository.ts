import { sql, type Kysely } from 'kysely';
import type { DB, JobStatus, ReportPeriod } from '../../db/schema';

export type ScopeType = 'program' | 'project';

/** A report row with the names the API shows (scope code and titles, who asked). */
export type ReportRow = NonNullable<Awaited<ReturnType<ReportsRepository['find']>>>;

export interface ReportFilter {
  scopeType?: ScopeType;
  code?: string;
  status?: JobStatus;
}

/** A scheduled or on-demand report to queue. */
export interface NewReport {
  scopeType: ScopeType;
  scopeId: string;
  period: ReportPeriod;
  periodStart: string;
  periodEnd: string;
  downloadKey: string;
  requestedBy: string | null;
}

// A report still 'running' this long after it started belongs to an instance that died: take it again.
const STALE_MINUTES = 30;

/** Queries of utilisation report rows, the report schedule and program contacts. */
export class ReportsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  private withNames() {
    return this.db
      .selectFrom('utilisationReports as r')
      .leftJoin('programs as pg', (join) => join.onRef('pg.id', '=', 'r.scopeId').on('r.scopeType', '=', 'program'))
      .leftJoin('projects as pj', (join) => join.onRef('pj.id', '=', 'r.scopeId').on('r.scopeType', '=', 'project'))
      .leftJoin('users as u', 'u.id', 'r.requestedBy')
      .selectAll('r')
      .select((eb) => [
        eb.fn.coalesce('pg.code', 'pj.code').as('scopeCode'),
        eb.fn.coalesce('pg.titleZh', 'pj.titleZh').as('scopeTitleZh'),
        eb.fn.coalesce('pg.titleEn', 'pj.titleEn').as('scopeTitleEn'),
        'u.displayName as requestedByName',
      ]);
  }

  find(id: string) {
    return this.withNames().where('r.id', '=', id).executeTakeFirst();
  }

  async list(filter: ReportFilter, page: number, pageSize: number) {
    let query = this.withNames();
    if (filter.scopeType) query = query.where('r.scopeType', '=', filter.scopeType);
    if (filter.code) query = query.where((eb) => eb.or([eb('pg.code', '=', filter.code!), eb('pj.code', '=', filter.code!)]));
    if (filter.status) query = query.where('r.status', '=', filter.status);
    const [items, count] = await Promise.all([
      query.orderBy('r.createdAt', 'desc').orderBy('r.id').limit(pageSize).offset((page - 1) * pageSize).execute(),
      query.clearSelect().select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { total: Number(count.n), items };
  }

  insert(report: NewReport) {
    return this.db.insertInto('utilisationReports').values(report).returning('id').executeTakeFirstOrThrow();
  }

  /** Queues scheduled reports; one per scope, kind and period whichever instance gets there first (partial unique index). */
  async insertScheduled(reports: NewReport[]): Promise<number> {
    if (reports.length === 0) return 0;
    const inserted = await this.db
      .insertInto('utilisationReports')
      .values(reports)
      .onConflict((oc) => oc.columns(['scopeType', 'scopeId', 'period', 'periodStart']).where('period', '<>', 'on_demand').doNothing())
      .returning('id')
      .execute();
    return inserted.length;
  }

  /** Takes the oldest queued report (or one abandoned while running) for this instance; none when all are taken. */
  async claim() {
    const { rows } = await sql<{ id: string }>`
      UPDATE utilisation_reports SET status = 'running', started_at = now(), progress = 0, error = NULL
      WHERE id = (
        SELECT id FROM utilisation_reports
        WHERE status = 'queued' OR (status = 'running' AND started_at < now() - make_interval(mins => ${STALE_MINUTES}))
        ORDER BY created_at, id
        LIMIT 1
        FOR UPDATE SKIP LOCKED)
      RETURNING id`.execute(this.db);
    return rows[0] ? this.find(rows[0].id) : undefined;
  }

  setTotal(id: string, total: number) {
    return this.db.updateTable('utilisationReports').set({ total, progress: 0 }).where('id', '=', id).execute();
  }

  setProgress(id: string, progress: number) {
    return this.db.updateTable('utilisationReports').set({ progress }).where('id', '=', id).execute();
  }

  finish(id: string, values: { summary: unknown; pdfSha256: string; xlsxSha256: string }) {
    return this.db
      .updateTable('utilisationReports')
      .set({ status: 'done', summary: JSON.stringify(values.summary), pdfSha256: values.pdfSha256, xlsxSha256: values.xlsxSha256, finishedAt: new Date(), progress: sql`total`, error: null })
      .where('id', '=', id)
      .execute();
  }

  fail(id: string, error: string) {
    return this.db.updateTable('utilisationReports').set({ status: 'failed', error: error.slice(0, 2000), finishedAt: new Date() }).where('id', '=', id).execute();
  }

  insertBlob(sha256: string, size: number) {
    return this.db.insertInto('blobs').values({ sha256, size }).onConflict((oc) => oc.column('sha256').doNothing()).execute();
  }

  async setting(key: string): Promise<unknown> {
    return (await this.db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst())?.value;
  }

  putSetting(key: string, value: unknown, updatedBy: string | null) {
    const json = JSON.stringify(value);
    return this.db
      .insertInto('settings')
      .values({ key, value: json, updatedBy })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updatedBy, updatedAt: new Date() }))
      .execute();
  }

  findProgramByCode(code: string) {
    return this.db.selectFrom('programs').select(['id', 'code', 'titleZh', 'titleEn']).where('code', '=', code).executeTakeFirst();
  }

  findProjectByCode(code: string) {
    return this.db.selectFrom('projects').select(['id', 'code', 'titleZh', 'titleEn']).where('code', '=', code).executeTakeFirst();
  }

  /** Programs (and their projects) that still run: the scopes of scheduled reports. */
  activeScopes(projects: boolean) {
    return Promise.all([
      this.db.selectFrom('programs').select('id').where('status', '=', 'active').orderBy('code').execute(),
      projects
        ? this.db.selectFrom('projects as pj').innerJoin('programs as pg', 'pg.id', 'pj.programId').select('pj.id').where('pj.status', '=', 'active').where('pg.status', '=', 'active').orderBy('pj.code').execute()
        : Promise.resolve([]),
    ]);
  }

  contacts(programId: string) {
    return this.db.selectFrom('programContacts').select(['name', 'email']).where('programId', '=', programId).orderBy('name').orderBy('email').execute();
  }

  async replaceContacts(programId: string, contacts: Array<{ name: string; email: string }>) {
    await this.db.deleteFrom('programContacts').where('programId', '=', programId).execute();
    if (contacts.length > 0) await this.db.insertInto('programContacts').values(contacts.map((c) => ({ programId, ...c }))).execute();
  }

  /** The program a report's scope belongs to (itself, or the project's program), whose contacts receive it. */
  async programOf(scopeType: ScopeType, scopeId: string): Promise<string | undefined> {
    if (scopeType === 'program') return scopeId;
    return (await this.db.selectFrom('projects').select('programId').where('id', '=', scopeId).executeTakeFirst())?.programId;
  }
}
