import type { Kysely } from 'kysely';
import type { Config } from '../../config';
import type { DB, Subject, SubjectStatus } from '../../db/schema';
import { AppError, fieldError } from '../../platform/errors';
import { authorize, can } from '../../platform/authz';
import { recordAudit } from '../../platform/audit';
import type { Ctx } from '../../platform/context';
import { OrgsRepository } from '../orgs/orgs.repository';
import { RegistryRepository, type SubjectFilter, type SubjectValues } from './registry.repository';
import { subjectVisibility, type SubjectRef } from './registry.policy';
import { presentProgram, presentProject, presentSubject, type SubjectRow } from './registry.presenter';
import { PeopleService } from './people.service';

export const CODE_PATTERN = /^\d{4}[A-Z]{2,4}\d{5,9}$/;

export interface ProgramInput { code: string; titleZh: string; titleEn?: string | null; startDate?: string | null; endDate?: string | null }
export interface ProjectInput extends ProgramInput { programId: string }
export interface SubjectInput {
  projectId: string;
  code: string;
  titleZh: string;
  titleEn?: string | null;
  startDate?: string | null;
  endDate?: string | null;
  leadUnitId: string;
  coUnitIds?: string[];
  regionCode: string;
  platformOrgId: string;
  collectionBudget?: number;
  acceptanceDate?: string | null;
  pi?: { email: string; displayName: string } | null;
}
export type SubjectPatch = Partial<Omit<SubjectInput, 'code' | 'pi'>> & { status?: SubjectStatus };

const text = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);

/** Resolves what subject policies need: unit paths, platform, provincial departments of the region. */
export async function subjectRef(db: Kysely<DB>, subject: Subject): Promise<SubjectRef> {
  const orgs = new OrgsRepository(db);
  const registry = new RegistryRepository(db);
  const coUnits = await registry.coUnits(subject.id);
  const leadUnitPath = await orgs.path(subject.leadUnitId);
  const unitPaths = [leadUnitPath, ...(await Promise.all(coUnits.map((u) => orgs.path(u.id))))];
  const provinceDeptIds = (await registry.provinceDeptsOfRegion(subject.regionCode)).map((o) => o.id);
  return { id: subject.id, unitPaths, leadUnitPath, platformOrgId: subject.platformOrgId, provinceDeptIds };
}

/** Actions decided on a subject (their policy takes a SubjectRef). */
export type SubjectAction = 'subject.read' | 'subject.update' | 'subject.designate' | 'plan.edit' | 'resource.edit' | 'plan.review_unit' | 'plan.review_platform' | 'plan.comment'
  | 'resource.review_unit' | 'resource.review_platform' | 'resource.release' | 'resource.comment' | 'resource.resolve_comment' | 'subject.certify' | 'application.decide';

/** Programs → projects → subjects: the registry every later step hangs off. */
export class RegistryService {
  private readonly repo: RegistryRepository;
  readonly people: PeopleService;

  constructor(private readonly db: Kysely<DB>, config: Config) {
    this.repo = new RegistryRepository(db);
    this.people = new PeopleService(db, config);
  }

  async listPrograms(ctx: Ctx) {
    authorize(ctx.actor, 'registry.list', null);
    return (await this.repo.listPrograms()).map(presentProgram);
  }

  async createProgram(ctx: Ctx, input: ProgramInput) {
    authorize(ctx.actor, 'registry.manage', null);
    checkCode(input.code);
    checkDates(input.startDate, input.endDate);
    return this.db.transaction().execute(async (trx) => {
      const repo = new RegistryRepository(trx);
      if (await repo.findProgramByCode(input.code)) throw fieldError('registry.code_taken', '/code', { code: input.code });
      const program = await repo.insertProgram({ code: input.code, titleZh: input.titleZh.trim(), titleEn: text(input.titleEn), startDate: input.startDate ?? null, endDate: input.endDate ?? null });
      await recordAudit(trx, ctx, { action: 'program.created', objectType: 'program', objectId: program.id, after: program });
      return presentProgram(program);
    });
  }

  async updateProgram(ctx: Ctx, id: string, patch: Partial<Omit<ProgramInput, 'code'>> & { status?: 'active' | 'closed' }) {
    authorize(ctx.actor, 'registry.manage', null);
    return this.db.transaction().execute(async (trx) => {
      const repo = new RegistryRepository(trx);
      const before = await repo.findProgram(id);
      if (!before) throw new AppError('program.not_found');
      checkDates(patch.startDate ?? before.startDate, patch.endDate ?? before.endDate);
      const after = await repo.updateProgram(id, { ...patch, titleZh: patch.titleZh?.trim(), titleEn: patch.titleEn === undefined ? undefined : text(patch.titleEn) });
      await recordAudit(trx, ctx, { action: 'program.updated', objectType: 'program', objectId: id, before, after });
      return presentProgram(after);
    });
  }

  async listProjects(ctx: Ctx, programId?: string) {
    authorize(ctx.actor, 'registry.list', null);
    return (await this.repo.listProjects(programId)).map(presentProject);
  }

  async createProject(ctx: Ctx, input: ProjectInput) {
    authorize(ctx.actor, 'registry.manage', null);
    checkCode(input.code);
    checkDates(input.startDate, input.endDate);
    return this.db.transaction().execute(async (trx) => {
      const repo = new RegistryRepository(trx);
      if (!(await repo.findProgram(input.programId))) throw fieldError('program.not_found', '/programId');
      if (await repo.findProjectByCode(input.code)) throw fieldError('registry.code_taken', '/code', { code: input.code });
      const project = await repo.insertProject({ programId: input.programId, code: input.code, titleZh: input.titleZh.trim(), titleEn: text(input.titleEn), startDate: input.startDate ?? null, endDate: input.endDate ?? null });
      await recordAudit(trx, ctx, { action: 'project.created', objectType: 'project', objectId: project.id, after: project });
      return presentProject(project);
    });
  }

  async updateProject(ctx: Ctx, id: string, patch: Partial<Omit<ProjectInput, 'code'>> & { status?: SubjectStatus }) {
    authorize(ctx.actor, 'registry.manage', null);
    return this.db.transaction().execute(async (trx) => {
      const repo = new RegistryRepository(trx);
      const before = await repo.findProject(id);
      if (!before) throw new AppError('project.not_found');
      if (patch.programId && !(await repo.findProgram(patch.programId))) throw fieldError('program.not_found', '/programId');
      checkDates(patch.startDate ?? before.startDate, patch.endDate ?? before.endDate);
      const after = await repo.updateProject(id, { ...patch, titleZh: patch.titleZh?.trim(), titleEn: patch.titleEn === undefined ? undefined : text(patch.titleEn) });
      await recordAudit(trx, ctx, { action: 'project.updated', objectType: 'project', objectId: id, before, after });
      return presentProject(after);
    });
  }

  /** The subjects the actor may see (DESIGN §4 scopes), filtered and paged. */
  async listSubjects(ctx: Ctx, filter: SubjectFilter) {
    authorize(ctx.actor, 'registry.list', null);
    const visibility = subjectVisibility(ctx.actor)!;
    const { items, total } = await this.repo.listSubjects(visibility, filter);
    return { items: items.map((row) => presentSubject(row as SubjectRow)), total };
  }

  /** Loads a subject and checks the action on it; 404 when it does not exist. */
  async subjectFor(ctx: Ctx, id: string, action: SubjectAction) {
    const subject = await this.repo.findSubject(id);
    if (!subject) throw new AppError('subject.not_found');
    const ref = await subjectRef(this.db, subject);
    authorize(ctx.actor, action, ref);
    return { subject, ref };
  }

  /** A subject and its policy reference without an authorisation check, for callers that authorise by another rule. */
  async subjectRefOf(id: string) {
    const subject = await this.repo.findSubject(id);
    if (!subject) throw new AppError('subject.not_found');
    return { subject, ref: await subjectRef(this.db, subject) };
  }

  async getSubject(ctx: Ctx, id: string) {
    const { ref } = await this.subjectFor(ctx, id, 'subject.read');
    const row = (await this.repo.subjectRow(id)) as SubjectRow;
    const people = await this.repo.subjectPeople(id);
    return {
      ...presentSubject(row),
      coUnits: await this.repo.coUnits(id),
      people: people.map((p) => ({ userId: p.id, role: p.role, username: p.username, displayName: p.displayName, email: p.email, activated: p.passwordHash !== null, since: new Date(p.createdAt).toISOString() })),
      can: {
        update: can(ctx.actor, 'subject.update', ref),
        designate: can(ctx.actor, 'subject.designate', ref),
        editPlan: can(ctx.actor, 'plan.edit', ref),
        reviewUnit: can(ctx.actor, 'plan.review_unit', ref),
        reviewPlatform: can(ctx.actor, 'plan.review_platform', ref),
      },
    };
  }

  async createSubject(ctx: Ctx, input: SubjectInput) {
    authorize(ctx.actor, 'registry.manage', null);
    checkCode(input.code);
    checkDates(input.startDate, input.endDate);
    const subject = await this.db.transaction().execute(async (trx) => {
      const repo = new RegistryRepository(trx);
      if (!(await repo.findProject(input.projectId))) throw fieldError('project.not_found', '/projectId');
      if (await repo.findSubjectByCode(input.code)) throw fieldError('registry.code_taken', '/code', { code: input.code });
      await checkOrgs(trx, input);
      const values: SubjectValues = {
        projectId: input.projectId, code: input.code, titleZh: input.titleZh.trim(), titleEn: text(input.titleEn),
        startDate: input.startDate ?? null, endDate: input.endDate ?? null, piUserId: null, leadUnitId: input.leadUnitId,
        regionCode: input.regionCode, platformOrgId: input.platformOrgId, collectionBudget: String(input.collectionBudget ?? 0),
        acceptanceDate: input.acceptanceDate ?? null,
      };
      const created = await repo.insertSubject(values);
      await repo.replaceCoUnits(created.id, [...new Set(input.coUnitIds ?? [])].filter((id) => id !== input.leadUnitId));
      await recordAudit(trx, ctx, { action: 'subject.created', objectType: 'subject', objectId: created.id, after: { ...created, coUnitIds: input.coUnitIds ?? [] } });
      if (input.pi) await this.people.assignPi(trx, ctx, created, input.pi);
      return created;
    });
    return this.getSubject(ctx, subject.id);
  }

  async updateSubject(ctx: Ctx, id: string, patch: SubjectPatch) {
    const { subject: before } = await this.subjectFor(ctx, id, 'subject.update');
    checkDates(patch.startDate ?? before.startDate, patch.endDate ?? before.endDate);
    await this.db.transaction().execute(async (trx) => {
      const repo = new RegistryRepository(trx);
      if (patch.projectId && !(await repo.findProject(patch.projectId))) throw fieldError('project.not_found', '/projectId');
      await checkOrgs(trx, { leadUnitId: patch.leadUnitId ?? before.leadUnitId, coUnitIds: patch.coUnitIds, platformOrgId: patch.platformOrgId ?? before.platformOrgId, regionCode: patch.regionCode ?? before.regionCode });
      const { coUnitIds, collectionBudget, titleZh, titleEn, ...rest } = patch;
      const after = await repo.updateSubject(id, {
        ...rest,
        titleZh: titleZh?.trim(),
        titleEn: titleEn === undefined ? undefined : text(titleEn),
        collectionBudget: collectionBudget === undefined ? undefined : String(collectionBudget),
      });
      if (coUnitIds) await repo.replaceCoUnits(id, [...new Set(coUnitIds)].filter((unit) => unit !== after.leadUnitId));
      await recordAudit(trx, ctx, { action: 'subject.updated', objectType: 'subject', objectId: id, before, after: { ...after, ...(coUnitIds ? { coUnitIds } : {}) } });
    });
    return this.getSubject(ctx, id);
  }

  /** PIs and submitters see their subjects with plan state and what is due next. */
  async myWork(ctx: Ctx) {
    if (!ctx.actor) throw new AppError('auth.unauthenticated');
    const subjectIds = ctx.actor.grants.filter((g) => g.scopeType === 'subject' && g.scopeId).map((g) => g.scopeId as string);
    if (subjectIds.length === 0) return [];
    const { items } = await this.repo.listSubjects({ all: false, subjectIds, unitRoots: [], platformIds: [], provinceDeptIds: [] }, { page: 1, pageSize: 200 });
    const roles = new Map(ctx.actor.grants.filter((g) => g.scopeType === 'subject').map((g) => [g.scopeId, g.role]));
    return items.map((row) => ({ ...presentSubject(row as SubjectRow), myRole: roles.get(row.id) ?? 'submitter' }));
  }
}

function checkCode(code: string) {
  if (!CODE_PATTERN.test(code)) throw fieldError('registry.bad_code', '/code');
}

function checkDates(start: string | null | undefined, end: string | null | undefined) {
  if (start && end && end < start) throw fieldError('registry.bad_dates', '/endDate');
}

async function checkOrgs(db: Kysely<DB>, input: { leadUnitId: string; coUnitIds?: string[]; platformOrgId: string; regionCode: string }) {
  const ids = [input.leadUnitId, input.platformOrgId, ...(input.coUnitIds ?? [])];
  const orgs = new Map((await db.selectFrom('organisations').select(['id', 'kind']).where('id', 'in', ids).execute()).map((o) => [o.id, o.kind]));
  if (orgs.get(input.leadUnitId) !== 'unit') throw fieldError('registry.bad_unit', '/leadUnitId');
  for (const [i, id] of (input.coUnitIds ?? []).entries()) if (orgs.get(id) !== 'unit') throw fieldError('registry.bad_unit', `/coUnitIds/${i}`);
  if (orgs.get(input.platformOrgId) !== 'domain_platform') throw fieldError('registry.bad_platform', '/platformOrgId');
  const region = await db.selectFrom('regions').select('code').where('code', '=', input.regionCode).executeTakeFirst();
  if (!region) throw fieldError('org.region_unknown', '/regionCode');
}
