import type { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import mime from 'mime-types';
import type { DB } from '../../db/schema';
import { AppError } from '../../platform/errors';
import { recordAudit } from '../../platform/audit';
import type { Ctx } from '../../platform/context';
import type { BlobStore } from '../../platform/blobs';
import { localize, type Lang } from '../../platform/i18n';
import type { RegistryService } from '../registry/registry.service';
import type { StandardsService } from '../standards/standards.service';
import { newestApprovedVersion } from '../standards/standards.repository';
import type { ResourceType, StandardDocument } from '../standards/standard-document';
import { buildTemplate, parseWorkbook, type WorkbookError } from '../standards/excel-template';
import { checkRelativePath } from '../files/uploads.service';
import { readArchive } from './archive';

const TEXT = {
  missingFile: { zh: '第 {row} 行引用的文件“{file}”不在压缩包中', en: 'Row {row} names "{file}", which is not in the archive' },
  badEntry: { zh: '压缩包中的路径“{file}”无效', en: 'Archive path "{file}" is invalid' },
  badArchive: { zh: '无法读取压缩包（须为 .zip）', en: 'The archive cannot be read (it must be a .zip)' },
};

export interface ImportReport {
  rowCount: number;
  errors: WorkbookError[];
  missingFiles: Array<{ row: number; file: string }>;
  unmatchedFiles: string[];
  created?: string[];
  error?: string;
}

/**
 * Bulk submission from the standard's Excel template plus a zip of files matched by the template's
 * file-name column. A dry run reports every problem; the import is all-or-nothing and runs in the
 * background with progress, so the page can be left and revisited.
 */
export class ResourceImportService {
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly db: Kysely<DB>, private readonly registry: RegistryService, private readonly standards: StandardsService, private readonly blobs: BlobStore) {}

  private async versionFor(platformOrgId: string, type: string) {
    const version = await newestApprovedVersion(this.db, platformOrgId);
    if (!version || !(version.document as StandardDocument).resourceTypes[type as ResourceType]) throw new AppError('resource.type_not_in_standard', { type });
    return version;
  }

  async template(ctx: Ctx, subjectId: string, type: string) {
    const { subject } = await this.registry.subjectFor(ctx, subjectId, 'resource.edit');
    const version = await this.versionFor(subject.platformOrgId, type);
    return buildTemplate(this.standards.validatorFor(version), type as ResourceType, { filesColumn: true });
  }

  /** Starts an import with the filled workbook; the archive (optional) follows. */
  async create(ctx: Ctx, subjectId: string, type: string, workbook: Readable) {
    const { subject } = await this.registry.subjectFor(ctx, subjectId, 'resource.edit');
    await this.versionFor(subject.platformOrgId, type);
    const stored = await this.blobs.putStream(workbook);
    const job = await this.db.insertInto('importJobs').values({ subjectId, resourceType: type, dryRun: true, workbookSha256: stored.sha256, report: null, createdBy: ctx.actor?.userId || null }).returning('id').executeTakeFirstOrThrow();
    return this.get(ctx, job.id);
  }

  private async jobFor(ctx: Ctx, id: string, action: 'subject.read' | 'resource.edit') {
    const job = await this.db.selectFrom('importJobs').selectAll().where('id', '=', id).executeTakeFirst();
    if (!job) throw new AppError('import.job_not_found');
    const { subject } = await this.registry.subjectFor(ctx, job.subjectId, action);
    return { job, subject };
  }

  async attachArchive(ctx: Ctx, id: string, archive: Readable) {
    const { job } = await this.jobFor(ctx, id, 'resource.edit');
    if (!['queued', 'checked', 'failed'].includes(job.status)) throw new AppError('import.wrong_status', { status: job.status });
    const stored = await this.blobs.putStream(archive);
    await this.db.updateTable('importJobs').set({ archiveSha256: stored.sha256, status: 'queued', report: null }).where('id', '=', id).execute();
    return this.get(ctx, id);
  }

  async get(ctx: Ctx, id: string) {
    const { job } = await this.jobFor(ctx, id, 'subject.read');
    return {
      id: job.id, subjectId: job.subjectId, resourceType: job.resourceType, status: job.status, hasArchive: job.archiveSha256 !== null,
      progress: job.progress, total: job.total, report: (job.report ?? null) as ImportReport | null,
      createdAt: new Date(job.createdAt).toISOString(), finishedAt: job.finishedAt ? new Date(job.finishedAt).toISOString() : null,
    };
  }

  /** Dry run in the background: every row and every file reference is checked; nothing is created. */
  async check(ctx: Ctx, id: string) {
    const { job, subject } = await this.jobFor(ctx, id, 'resource.edit');
    if (!['queued', 'checked', 'failed'].includes(job.status)) throw new AppError('import.wrong_status', { status: job.status });
    await this.db.updateTable('importJobs').set({ status: 'checking', progress: 0 }).where('id', '=', id).execute();
    this.background(id, async () => {
      const report = await this.analyse(job.workbookSha256, job.archiveSha256, subject.platformOrgId, job.resourceType, ctx.lang);
      await this.db.updateTable('importJobs').set({ status: 'checked', report: JSON.stringify(report.report), total: report.rows.length, progress: report.rows.length, finishedAt: new Date() }).where('id', '=', id).execute();
    });
    return this.get(ctx, id);
  }

  /** The import itself: blobs are stored first, then one transaction creates every resource or none. */
  async commit(ctx: Ctx, id: string) {
    const { job, subject } = await this.jobFor(ctx, id, 'resource.edit');
    const report = job.report as ImportReport | null;
    if (job.status !== 'checked' || !report || report.errors.length > 0 || report.missingFiles.length > 0) throw new AppError('workbook.invalid', { count: (report?.errors.length ?? 1) + (report?.missingFiles.length ?? 0) });
    await this.db.updateTable('importJobs').set({ status: 'importing', dryRun: false, progress: 0 }).where('id', '=', id).execute();
    this.background(id, async () => {
      const version = await this.versionFor(subject.platformOrgId, job.resourceType);
      const { rows } = await this.analyse(job.workbookSha256, job.archiveSha256, subject.platformOrgId, job.resourceType, ctx.lang);
      const stored = new Map<string, { sha256: string; size: number }>();
      if (job.archiveSha256) {
        await this.blobs.withLocalFile(job.archiveSha256, (zipPath) => readArchive(zipPath, async (entries) => {
          const byPath = new Map(entries.map((e) => [e.path, e]));
          let done = 0;
          for (const row of rows) {
            for (const file of row.files) if (!stored.has(file)) stored.set(file, await this.blobs.putStream(await byPath.get(file)!.open()));
            done += 1;
            if (done % 10 === 0 || done === rows.length) await this.db.updateTable('importJobs').set({ progress: done }).where('id', '=', id).execute();
          }
        }));
      }
      const created = await this.db.transaction().execute(async (trx) => {
        const ids: string[] = [];
        for (const row of rows) {
          const metadata: Record<string, unknown> = { subjectCode: subject.code, ...row.record };
          const resource = await trx.insertInto('resources').values({
            subjectId: subject.id, resourceType: job.resourceType, standardVersionId: version.id, lineageId: crypto.randomUUID(),
            titleZh: typeof metadata.titleZh === 'string' ? metadata.titleZh : '', metadata: JSON.stringify(metadata), createdBy: ctx.actor?.userId || null,
          }).returning('id').executeTakeFirstOrThrow();
          for (const file of row.files) {
            const blob = stored.get(file)!;
            await trx.insertInto('blobs').values(blob).onConflict((oc) => oc.column('sha256').doNothing()).execute();
            await trx.insertInto('files').values({ resourceId: resource.id, path: file, name: file.split('/').pop()!, size: blob.size, mediaType: mime.lookup(file) || 'application/octet-stream', sha256: blob.sha256, uploadedBy: ctx.actor?.userId || null }).execute();
          }
          ids.push(resource.id);
        }
        await recordAudit(trx, ctx, { action: 'resource.bulk_imported', objectType: 'subject', objectId: subject.id, after: { job: id, resourceType: job.resourceType, created: ids.length } });
        return ids;
      });
      await this.db.updateTable('importJobs').set({ status: 'done', progress: rows.length, report: JSON.stringify({ ...report, created }), finishedAt: new Date() }).where('id', '=', id).execute();
    });
    return this.get(ctx, id);
  }

  private background(id: string, work: () => Promise<void>) {
    const task = work().catch(async (error: unknown) => {
      const message = error instanceof AppError ? error.code : error instanceof Error ? error.message : String(error);
      await this.db.updateTable('importJobs').set({ status: 'failed', report: JSON.stringify({ rowCount: 0, errors: [], missingFiles: [], unmatchedFiles: [], error: message }), finishedAt: new Date() }).where('id', '=', id).execute();
    }).finally(() => this.running.delete(task));
    this.running.add(task);
  }

  /** Waits for background work (tests, shutdown). */
  async idle(): Promise<void> {
    await Promise.all([...this.running]);
  }

  private async analyse(workbookSha: string, archiveSha: string | null, platformOrgId: string, type: string, lang: Lang) {
    const version = await this.versionFor(platformOrgId, type);
    const chunks: Buffer[] = [];
    for await (const chunk of this.blobs.read(workbookSha)) chunks.push(chunk as Buffer);
    const parsed = await parseWorkbook(this.standards.validatorFor(version), type as ResourceType, Buffer.concat(chunks), lang, { filesColumn: true });
    const report: ImportReport = { rowCount: parsed.records.length, errors: parsed.errors, missingFiles: [], unmatchedFiles: [] };
    const archivePaths = new Set<string>();
    if (archiveSha) {
      try {
        await this.blobs.withLocalFile(archiveSha, (zipPath) => readArchive(zipPath, async (entries) => {
          for (const entry of entries) {
            try {
              archivePaths.add(checkRelativePath(entry.path));
            } catch {
              report.errors.push({ sheet: 'zip', row: null, column: null, field: null, label: null, message: localize(TEXT.badEntry, lang, { file: entry.path }) });
            }
          }
        }));
      } catch {
        report.errors.push({ sheet: 'zip', row: null, column: null, field: null, label: null, message: localize(TEXT.badArchive, lang) });
      }
    }
    const referenced = new Set<string>();
    for (const row of parsed.records) {
      for (const file of row.files) {
        referenced.add(file);
        if (!archivePaths.has(file)) report.missingFiles.push({ row: row.row, file });
      }
    }
    report.unmatchedFiles = [...archivePaths].filter((p) => !referenced.has(p)).sort();
    for (const missing of report.missingFiles) report.errors.push({ sheet: '资源清单', row: missing.row, column: null, field: '_files', label: null, message: localize(TEXT.missingFile, lang, { row: missing.row, file: missing.file }) });
    return { report, rows: parsed.records };
  }
}
