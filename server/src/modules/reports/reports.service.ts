import { randomBytes, timingSafeEqual } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { Config } from '../../config';
import type { DB } from '../../db/schema';
import { recordAudit } from '../../platform/audit';
import { authorize, can } from '../../platform/authz';
import type { BlobStore } from '../../platform/blobs';
import type { Ctx } from '../../platform/context';
import { AppError, fieldError } from '../../platform/errors';
import { iso } from '../../platform/format';
import { queueMail } from '../../platform/mail';
import { mailTemplates } from '../../platform/mail-templates';
import { ReportGenerator } from './report-generator';
import { DEFAULT_SCHEDULE, lastCompletePeriods, periodLabel, validPeriod, type ReportSchedule } from './report-periods';
import { renderReportPdf, reportTitle } from './report-pdf';
import { renderReportXlsx } from './report-xlsx';
import type { ReportSummary } from './report-content';
import { ReportsRepository, type NewReport, type ReportFilter, type ReportRow } from './reports.repository';
import type { Contacts, ReportRequest } from './reports.schemas';

const SCHEDULE_KEY = 'report_schedule';
// One job run processes at most this many reports; the rest wait for the next run (every 5 minutes).
const REPORTS_PER_RUN = 50;
const MEDIA = { pdf: 'application/pdf', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

/** Where background failures are logged (the app's logger once the routes are registered). */
export interface ReportsLog {
  error(object: object, message: string): void;
}

/** A download key: 128 random bits as 32 hex characters (the mailed links carry it). */
const newKey = () => randomBytes(16).toString('hex');

const sameKey = (given: string, stored: string) => {
  const a = Buffer.from(given);
  const b = Buffer.from(stored);
  return a.length === b.length && timingSafeEqual(a, b);
};

/** Utilisation reports per project and program: queued, generated in the background, stored, mailed. */
export class ReportsService {
  log: ReportsLog = { error: (object, message) => console.error(message, object) };
  private readonly repo: ReportsRepository;
  private readonly generator: ReportGenerator;
  private readonly active = new Set<Promise<unknown>>();

  constructor(private readonly db: Kysely<DB>, private readonly config: Config, private readonly blobs: BlobStore, batchSize = 50) {
    this.repo = new ReportsRepository(db);
    this.generator = new ReportGenerator(db, batchSize);
  }

  private present(row: ReportRow) {
    const done = row.status === 'done';
    return {
      id: row.id, scopeType: row.scopeType,
      scope: { code: row.scopeCode ?? '', titleZh: row.scopeTitleZh ?? '', titleEn: row.scopeTitleEn },
      period: row.period, periodStart: row.periodStart, periodEnd: row.periodEnd, status: row.status, progress: row.progress, total: row.total,
      summary: (row.summary as ReportSummary | null) ?? null,
      createdAt: iso(row.createdAt)!, finishedAt: iso(row.finishedAt), error: row.error, requestedByName: row.requestedByName,
      files: { pdf: done && row.pdfSha256 ? `/api/reports/${row.id}/pdf` : null, xlsx: done && row.xlsxSha256 ? `/api/reports/${row.id}/xlsx` : null },
    };
  }

  private async scopeOf(scopeType: 'program' | 'project', code: string) {
    const scope = scopeType === 'program' ? await this.repo.findProgramByCode(code) : await this.repo.findProjectByCode(code);
    if (!scope) throw new AppError(scopeType === 'program' ? 'program.not_found' : 'project.not_found');
    return scope;
  }

  /** Orders a report of a program or project for a period; it is generated in the background (202). */
  async create(ctx: Ctx, input: ReportRequest) {
    authorize(ctx.actor, 'report.manage', null);
    if (!validPeriod(input.periodStart, input.periodEnd)) throw fieldError('report.bad_period', '/periodEnd');
    const scope = await this.scopeOf(input.scopeType, input.code);
    const requestedBy = ctx.actor.userId || null;
    const id = await this.db.transaction().execute(async (trx) => {
      const { id } = await new ReportsRepository(trx).insert({
        scopeType: input.scopeType, scopeId: scope.id, period: 'on_demand', periodStart: input.periodStart, periodEnd: input.periodEnd,
        downloadKey: newKey(), requestedBy,
      });
      await recordAudit(trx, ctx, { action: 'report.requested', objectType: 'utilisation_report', objectId: id, after: { ...input } });
      return id;
    });
    const row = (await this.repo.find(id))!;
    this.startProcessing();
    return this.present(row);
  }

  async list(ctx: Ctx, filter: ReportFilter & { page: number; pageSize: number }) {
    authorize(ctx.actor, 'report.read', null);
    const { total, items } = await this.repo.list(filter, filter.page, filter.pageSize);
    return { total, items: items.map((row) => this.present(row)) };
  }

  async get(ctx: Ctx, id: string) {
    authorize(ctx.actor, 'report.read', null);
    const row = await this.repo.find(id);
    if (!row) throw new AppError('report.not_found');
    return this.present(row);
  }

  /**
   * A finished report's PDF or workbook: for whoever may read reports, or with the report's download
   * key (the mailed link; a wrong key is a 404, like a report that does not exist).
   */
  async file(ctx: Ctx, id: string, kind: 'pdf' | 'xlsx', key: string | undefined) {
    const row = await this.repo.find(id);
    const keyFits = key !== undefined && row !== undefined && sameKey(key, row.downloadKey);
    if (!keyFits && !can(ctx.actor, 'report.read', null)) {
      if (key !== undefined) throw new AppError('report.not_found');
      authorize(ctx.actor, 'report.read', null);
    }
    if (!row) throw new AppError('report.not_found');
    const sha256 = kind === 'pdf' ? row.pdfSha256 : row.xlsxSha256;
    if (row.status !== 'done' || !sha256) throw new AppError('report.not_ready', { status: row.status });
    return { stream: this.blobs.read(sha256), contentType: MEDIA[kind], filename: `汇交与利用报告-${row.scopeCode}-${row.periodStart}至${row.periodEnd}.${kind}` };
  }

  private async schedule(): Promise<ReportSchedule> {
    const stored = (await this.repo.setting(SCHEDULE_KEY)) as Partial<ReportSchedule> | undefined;
    const pick = (key: keyof ReportSchedule) => (typeof stored?.[key] === 'boolean' ? stored[key] : DEFAULT_SCHEDULE[key]);
    return { monthly: pick('monthly'), quarterly: pick('quarterly'), yearly: pick('yearly'), projects: pick('projects') };
  }

  async settings(ctx: Ctx): Promise<ReportSchedule> {
    authorize(ctx.actor, 'report.read', null);
    return this.schedule();
  }

  async updateSettings(ctx: Ctx, input: ReportSchedule): Promise<ReportSchedule> {
    authorize(ctx.actor, 'report.manage', null);
    const updatedBy = ctx.actor.userId || null;
    const before = await this.schedule();
    const after = { monthly: input.monthly, quarterly: input.quarterly, yearly: input.yearly, projects: input.projects };
    await this.db.transaction().execute(async (trx) => {
      await new ReportsRepository(trx).putSetting(SCHEDULE_KEY, after, updatedBy);
      await recordAudit(trx, ctx, { action: 'report.schedule_updated', objectType: 'settings', objectId: SCHEDULE_KEY, before, after });
    });
    return after;
  }

  async contacts(ctx: Ctx, code: string): Promise<Contacts> {
    authorize(ctx.actor, 'report.read', null);
    const program = await this.scopeOf('program', code);
    return { items: await this.repo.contacts(program.id) };
  }

  /** Replaces who receives a program's reports (program management contacts; they need not be users). */
  async updateContacts(ctx: Ctx, code: string, input: Contacts): Promise<Contacts> {
    authorize(ctx.actor, 'report.manage', null);
    const program = await this.scopeOf('program', code);
    const items = input.items.map((c) => ({ name: c.name.trim(), email: c.email.trim() }));
    const seen = new Set<string>();
    items.forEach((c, i) => {
      if (seen.has(c.email.toLowerCase())) throw fieldError('report.duplicate_contact', `/items/${i}/email`, { email: c.email });
      seen.add(c.email.toLowerCase());
    });
    const before = await this.repo.contacts(program.id);
    await this.db.transaction().execute(async (trx) => {
      await new ReportsRepository(trx).replaceContacts(program.id, items);
      await recordAudit(trx, ctx, { action: 'program.contacts_updated', objectType: 'program', objectId: program.id, before, after: items });
    });
    return this.contacts(ctx, code);
  }

  /**
   * The job: queues the scheduled reports of the last complete month, quarter and year (as the
   * settings ask; per program, and per project when asked), then generates whatever is queued.
   */
  async runDue(now = new Date()) {
    const schedule = await this.schedule();
    const [programs, projects] = await this.repo.activeScopes(schedule.projects);
    const scopes = [...programs.map((p) => ({ scopeType: 'program' as const, scopeId: p.id })), ...projects.map((p) => ({ scopeType: 'project' as const, scopeId: p.id }))];
    const due: NewReport[] = lastCompletePeriods(now, schedule).flatMap((span) => scopes.map((scope) => ({
      ...scope, period: span.period, periodStart: span.start, periodEnd: span.end, downloadKey: newKey(), requestedBy: null,
    })));
    let queued = 0;
    for (let i = 0; i < due.length; i += 500) queued += await this.repo.insertScheduled(due.slice(i, i + 500));
    return { queued, ...(await this.processQueued()) };
  }

  /** Generates queued reports one at a time until none is left (or this run's share is done). */
  async processQueued(limit = REPORTS_PER_RUN): Promise<{ done: number; failed: number }> {
    let done = 0;
    let failed = 0;
    for (let i = 0; i < limit; i += 1) {
      const report = await this.repo.claim();
      if (!report) break;
      if (await this.generate(report)) done += 1;
      else failed += 1;
    }
    return { done, failed };
  }

  /** Starts processing without waiting for it (a request never waits for a report). */
  private startProcessing(): void {
    const run = this.processQueued().catch((error: unknown) => this.log.error({ err: error }, 'utilisation report processing failed'));
    this.active.add(run);
    void run.finally(() => this.active.delete(run));
  }

  /** Resolves once background processing started by requests has finished (shutdown, tests). */
  async settled(): Promise<void> {
    while (this.active.size > 0) await Promise.allSettled([...this.active]);
  }

  /** Generates one claimed report: content by subject batches, files into the blob store, then the row and the mail. */
  private async generate(report: ReportRow): Promise<boolean> {
    try {
      const subjectIds = await this.generator.subjectIds(report);
      await this.repo.setTotal(report.id, subjectIds.length);
      const content = await this.generator.generate(report, subjectIds, (progress) => this.repo.setProgress(report.id, progress).then(() => undefined));
      const [pdf, xlsx] = await Promise.all([renderReportPdf(content), renderReportXlsx(content)]);
      // Blobs first, then the row that names them: a crash in between leaves unreferenced blobs, never a dangling row.
      const storedPdf = await this.blobs.putStream(Readable.from([pdf]));
      const storedXlsx = await this.blobs.putStream(Readable.from([xlsx]));
      const programId = await this.repo.programOf(report.scopeType, report.scopeId);
      const contacts = programId ? await this.repo.contacts(programId) : [];
      const link = (kind: 'pdf' | 'xlsx') => `${this.config.publicUrl}/api/reports/${report.id}/${kind}?key=${report.downloadKey}`;
      const mails = contacts.map((c) => mailTemplates.utilisationReport({
        to: c.email, name: c.name, title: reportTitle(content), period: periodLabel(report.period, report.periodStart, report.periodEnd),
        pdfLink: link('pdf'), xlsxLink: link('xlsx'), subjects: content.summary.subjects, released: content.summary.released, downloads: content.summary.downloads,
      }));
      await this.db.transaction().execute(async (trx) => {
        const repo = new ReportsRepository(trx);
        await repo.insertBlob(storedPdf.sha256, storedPdf.size);
        await repo.insertBlob(storedXlsx.sha256, storedXlsx.size);
        await repo.finish(report.id, { summary: content.summary, pdfSha256: storedPdf.sha256, xlsxSha256: storedXlsx.sha256 });
        await queueMail(trx, mails);
      });
      return true;
    } catch (error) {
      this.log.error({ err: error, reportId: report.id }, 'utilisation report failed');
      await this.repo.fail(report.id, error instanceof Error ? error.message : String(error));
      return false;
    }
  }
}
