import { isDeepStrictEqual } from 'node:util';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Config } from '../../config';
import type { DB } from '../../db/schema';
import { AppError } from '../../platform/errors';
import { authorize } from '../../platform/authz';
import { recordAudit } from '../../platform/audit';
import type { Ctx } from '../../platform/context';
import { queueMail } from '../../platform/mail';
import { mailTemplates } from '../../platform/mail-templates';
import { newSecret, sha256Hex } from '../../platform/secrets';
import {
  byCodes, checkImportRows, emptySummary, readImportFile, registryTemplate,
  type ImportProblem, type ImportRow, type ImportSummary, type ResolvedRow,
} from './registry-import';

const INVITATION_DAYS = 7;

export interface ImportResult {
  dryRun: boolean;
  ok: boolean;
  summary: ImportSummary;
  problems: ImportProblem[];
}

/** Bulk registry import: dry run reports every problem; a real run is all-or-nothing and idempotent (upsert by code). */
export class RegistryImportService {
  constructor(private readonly db: Kysely<DB>, private readonly config: Config) {}

  template() {
    return registryTemplate();
  }

  async importFile(ctx: Ctx, data: Buffer, dryRun: boolean): Promise<ImportResult> {
    authorize(ctx.actor, 'registry.manage', null);
    const { rows, problems } = await readImportFile(data, ctx.lang);
    if (problems.length > 0) return this.fail(dryRun, rows.length, problems);
    return this.importRows(ctx, rows, dryRun);
  }

  /** The API form for grant systems: the same columns as JSON rows. */
  async importJson(ctx: Ctx, rows: ImportRow[], dryRun: boolean): Promise<ImportResult> {
    authorize(ctx.actor, 'registry.manage', null);
    return this.importRows(ctx, rows.map((values, i) => ({ row: i + 1, values })), dryRun);
  }

  private fail(dryRun: boolean, rows: number, problems: ImportProblem[]): ImportResult {
    if (!dryRun) throw new AppError('import.invalid', { count: problems.length }, problems.map((p) => ({ path: `/rows/${p.row ?? 0}`, code: 'import.row', message: `${p.row ? `#${p.row} ` : ''}${p.column ? `${p.column}: ` : ''}${p.message}` })));
    return { dryRun, ok: false, summary: emptySummary(rows), problems };
  }

  private async importRows(ctx: Ctx, rows: Array<{ row: number; values: ImportRow }>, dryRun: boolean): Promise<ImportResult> {
    const { resolved, problems } = await checkImportRows(this.db, rows, ctx.lang);
    if (problems.length > 0) return this.fail(dryRun, rows.length, problems);
    if (dryRun) return { dryRun, ok: true, summary: (await this.plan(this.db, resolved)).summary, problems: [] };
    const summary = await this.db.transaction().execute(async (trx) => {
      const plan = await this.plan(trx, resolved);
      await this.apply(trx, ctx, plan);
      await recordAudit(trx, ctx, {
        action: 'registry.imported', objectType: 'registry', objectId: null,
        after: { summary: plan.summary, created: plan.subjectsToCreate.map((s) => s.code), updated: plan.subjectsToUpdate.map((s) => s.row.code) },
      });
      return plan.summary;
    });
    return { dryRun, ok: true, summary, problems: [] };
  }

  /** Works out what would change, against the database as it is now. */
  private async plan(db: Kysely<DB>, rows: ResolvedRow[]) {
    const summary = emptySummary(rows.length);
    const programRows = new Map(rows.map((r) => [r.programCode, r]));
    const projectRows = new Map(rows.map((r) => [r.projectCode, r]));
    const programs = await byCodes([...programRows.keys()], (chunk) => db.selectFrom('programs').select(['id', 'code', 'titleZh']).where('code', 'in', chunk).execute());
    const projects = await byCodes([...projectRows.keys()], (chunk) => db.selectFrom('projects').select(['id', 'code', 'titleZh', 'programId']).where('code', 'in', chunk).execute());
    const subjects = await byCodes(rows.map((r) => r.code), (chunk) => db.selectFrom('subjects').selectAll().where('code', 'in', chunk).execute());
    const subjectIds = [...subjects.values()].map((s) => s.id);
    const coUnits = new Map<string, string[]>();
    const piEmails = new Map<string, string | null>();
    for (let i = 0; i < subjectIds.length; i += 1000) {
      const chunk = subjectIds.slice(i, i + 1000);
      for (const link of await db.selectFrom('subjectUnits').select(['subjectId', 'orgId']).where('subjectId', 'in', chunk).execute()) {
        coUnits.set(link.subjectId, [...(coUnits.get(link.subjectId) ?? []), link.orgId]);
      }
      for (const s of await db.selectFrom('subjects as s').leftJoin('users as u', 'u.id', 's.piUserId').select(['s.id', 'u.email']).where('s.id', 'in', chunk).execute()) {
        piEmails.set(s.id, s.email?.toLowerCase() ?? null);
      }
    }
    const emails = [...new Set(rows.map((r) => r.piEmail))];
    const users = new Map<string, string>();
    for (let i = 0; i < emails.length; i += 1000) {
      for (const u of await db.selectFrom('users').select(['id', 'email']).where(sql`lower(email)`, 'in', emails.slice(i, i + 1000)).execute()) users.set(u.email!.toLowerCase(), u.id);
    }

    const programsToCreate = [...programRows.values()].filter((r) => !programs.has(r.programCode));
    const programsToUpdate = [...programRows.values()].filter((r) => programs.has(r.programCode) && programs.get(r.programCode)!.titleZh !== r.programTitle);
    summary.programs = { created: programsToCreate.length, updated: programsToUpdate.length, unchanged: programRows.size - programsToCreate.length - programsToUpdate.length };
    const projectsToCreate = [...projectRows.values()].filter((r) => !projects.has(r.projectCode));
    const projectsToUpdate = [...projectRows.values()].filter((r) => projects.has(r.projectCode) && projects.get(r.projectCode)!.titleZh !== r.projectTitle);
    summary.projects = { created: projectsToCreate.length, updated: projectsToUpdate.length, unchanged: projectRows.size - projectsToCreate.length - projectsToUpdate.length };

    const subjectsToCreate = rows.filter((r) => !subjects.has(r.code));
    const subjectsToUpdate: Array<{ row: ResolvedRow; id: string }> = [];
    for (const row of rows) {
      const existing = subjects.get(row.code);
      if (!existing) continue;
      const same = existing.titleZh === row.titleZh && existing.titleEn === row.titleEn && existing.startDate === row.startDate && existing.endDate === row.endDate
        && existing.leadUnitId === row.leadUnitId && existing.regionCode === row.regionCode && existing.platformOrgId === row.platformOrgId
        && Number(existing.collectionBudget) === Number(row.collectionBudget) && existing.acceptanceDate === row.acceptanceDate
        && projects.get(row.projectCode)?.id === existing.projectId
        && isDeepStrictEqual([...(coUnits.get(existing.id) ?? [])].sort(), [...row.coUnitIds].sort())
        && piEmails.get(existing.id) === row.piEmail;
      if (!same) subjectsToUpdate.push({ row, id: existing.id });
    }
    summary.subjects = { created: subjectsToCreate.length, updated: subjectsToUpdate.length, unchanged: rows.length - subjectsToCreate.length - subjectsToUpdate.length };
    const newPeople = rows.filter((r, i, all) => !users.has(r.piEmail) && all.findIndex((o) => o.piEmail === r.piEmail) === i);
    summary.invitedPeople = newPeople.length;
    return { summary, programs, projects, users, programsToCreate, programsToUpdate, projectsToCreate, projectsToUpdate, subjectsToCreate, subjectsToUpdate, newPeople };
  }

  private async apply(trx: Kysely<DB>, ctx: Ctx, plan: Awaited<ReturnType<RegistryImportService['plan']>>) {
    const programIds = new Map([...plan.programs.values()].map((p) => [p.code, p.id]));
    for (const chunk of chunks(plan.programsToCreate, 500)) {
      for (const p of await trx.insertInto('programs').values(chunk.map((r) => ({ code: r.programCode, titleZh: r.programTitle, titleEn: null, startDate: null, endDate: null }))).returning(['id', 'code']).execute()) programIds.set(p.code, p.id);
    }
    for (const r of plan.programsToUpdate) await trx.updateTable('programs').set({ titleZh: r.programTitle, updatedAt: new Date() }).where('code', '=', r.programCode).execute();

    const projectIds = new Map([...plan.projects.values()].map((p) => [p.code, p.id]));
    for (const chunk of chunks(plan.projectsToCreate, 500)) {
      for (const p of await trx.insertInto('projects').values(chunk.map((r) => ({ programId: programIds.get(r.programCode)!, code: r.projectCode, titleZh: r.projectTitle, titleEn: null, startDate: null, endDate: null }))).returning(['id', 'code']).execute()) projectIds.set(p.code, p.id);
    }
    for (const r of plan.projectsToUpdate) await trx.updateTable('projects').set({ titleZh: r.projectTitle, updatedAt: new Date() }).where('code', '=', r.projectCode).execute();

    // New PIs get an account without a password and a one-time activation link.
    const userIds = new Map(plan.users);
    const invitations: Array<{ userId: string; token: string; row: ResolvedRow }> = [];
    for (const chunk of chunks(plan.newPeople, 500)) {
      const created = await trx.insertInto('users').values(chunk.map((r) => ({ username: r.piEmail, displayName: r.piName, email: r.piEmail, orgId: r.leadUnitId, passwordHash: null }))).returning(['id', 'email']).execute();
      for (const user of created) {
        userIds.set(user.email!, user.id);
        invitations.push({ userId: user.id, token: newSecret('hji_'), row: chunk.find((r) => r.piEmail === user.email)! });
      }
    }

    const subjectValues = (r: ResolvedRow) => ({
      projectId: projectIds.get(r.projectCode)!, titleZh: r.titleZh, titleEn: r.titleEn, startDate: r.startDate, endDate: r.endDate,
      piUserId: userIds.get(r.piEmail)!, leadUnitId: r.leadUnitId, regionCode: r.regionCode, platformOrgId: r.platformOrgId,
      collectionBudget: r.collectionBudget, acceptanceDate: r.acceptanceDate,
    });
    const touched: Array<{ id: string; row: ResolvedRow }> = [];
    for (const chunk of chunks(plan.subjectsToCreate, 500)) {
      const created = await trx.insertInto('subjects').values(chunk.map((r) => ({ code: r.code, ...subjectValues(r) }))).returning(['id', 'code']).execute();
      for (const s of created) touched.push({ id: s.id, row: chunk.find((r) => r.code === s.code)! });
    }
    for (const { row, id } of plan.subjectsToUpdate) {
      await trx.updateTable('subjects').set({ ...subjectValues(row), updatedAt: new Date() }).where('id', '=', id).execute();
      touched.push({ id, row });
    }
    for (const chunk of chunks(touched, 1000)) {
      const ids = chunk.map((t) => t.id);
      await trx.deleteFrom('subjectUnits').where('subjectId', 'in', ids).execute();
      const links = chunk.flatMap((t) => t.row.coUnitIds.map((orgId) => ({ subjectId: t.id, orgId })));
      if (links.length) await trx.insertInto('subjectUnits').values(links).execute();
      await trx.deleteFrom('roleGrants').where('role', '=', 'pi').where('scopeType', '=', 'subject').where('scopeId', 'in', ids).execute();
      await trx.insertInto('roleGrants').values(chunk.map((t) => ({ userId: userIds.get(t.row.piEmail)!, role: 'pi', scopeType: 'subject' as const, scopeId: t.id, grantedBy: ctx.actor?.userId || null }))).execute();
    }
    for (const chunk of chunks(invitations, 500)) {
      const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86_400_000);
      await trx.insertInto('invitations').values(chunk.map((i) => ({ userId: i.userId, tokenHash: sha256Hex(i.token), purpose: 'activate:pi', expiresAt, createdBy: ctx.actor?.userId || null }))).execute();
      await queueMail(trx, chunk.map((i) => mailTemplates.invitation({
        to: i.row.piEmail, name: i.row.piName, link: `${this.config.publicUrl}/invite/${i.token}`, role: '课题负责人', subject: i.row.titleZh, expiresDays: INVITATION_DAYS,
      })));
    }
  }
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
