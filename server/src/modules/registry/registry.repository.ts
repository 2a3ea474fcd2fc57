import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { DB, SubjectStatus } from '../../db/schema';
import { subtreeIds } from '../orgs/orgs.repository';
import type { SubjectVisibility } from './registry.policy';
import { containsPattern } from '../../platform/format';
import type { ScopeFilter } from '../../../../common/scope-filter';

/** The common filters of the supervision and evaluation lists; each only ever narrows the visible subjects. */
export type { ScopeFilter };

export interface SubjectFilter {
  q?: string;
  programId?: string;
  projectId?: string;
  platformId?: string;
  regionCode?: string;
  unitId?: string;
  status?: SubjectStatus;
  planStatus?: string;
  overdue?: boolean;
  page: number;
  pageSize: number;
}


/** Queries for programs, projects, subjects, co-undertaking units and invitations. */
export class RegistryRepository {
  constructor(private readonly db: Kysely<DB>) {}

  listPrograms() {
    return this.db
      .selectFrom('programs as p')
      .selectAll('p')
      .select((eb) => [
        eb.selectFrom('projects').select(eb.fn.countAll<number>().as('n')).whereRef('projects.programId', '=', 'p.id').as('projectCount'),
        eb.selectFrom('subjects as s').innerJoin('projects as j', 'j.id', 's.projectId').select(eb.fn.countAll<number>().as('n')).whereRef('j.programId', '=', 'p.id').as('subjectCount'),
      ])
      .orderBy('p.code')
      .execute();
  }

  findProgram(id: string) {
    return this.db.selectFrom('programs').selectAll().where('id', '=', id).executeTakeFirst();
  }

  findProgramByCode(code: string) {
    return this.db.selectFrom('programs').selectAll().where('code', '=', code).executeTakeFirst();
  }

  listProjects(programId?: string) {
    let query = this.db
      .selectFrom('projects as j')
      .innerJoin('programs as p', 'p.id', 'j.programId')
      .selectAll('j')
      .select(['p.code as programCode', 'p.titleZh as programTitle'])
      .select((eb) => eb.selectFrom('subjects').select(eb.fn.countAll<number>().as('n')).whereRef('subjects.projectId', '=', 'j.id').as('subjectCount'));
    if (programId) query = query.where('j.programId', '=', programId);
    return query.orderBy('j.code').execute();
  }

  findProject(id: string) {
    return this.db.selectFrom('projects').selectAll().where('id', '=', id).executeTakeFirst();
  }

  findProjectByCode(code: string) {
    return this.db.selectFrom('projects').selectAll().where('code', '=', code).executeTakeFirst();
  }

  findSubject(id: string) {
    return this.db.selectFrom('subjects').selectAll().where('id', '=', id).executeTakeFirst();
  }

  findSubjectByCode(code: string) {
    return this.db.selectFrom('subjects').selectAll().where('code', '=', code).executeTakeFirst();
  }

  coUnits(subjectId: string) {
    return this.db
      .selectFrom('subjectUnits as su')
      .innerJoin('organisations as o', 'o.id', 'su.orgId')
      .select(['o.id', 'o.nameZh', 'o.nameEn', 'o.creditCode'])
      .where('su.subjectId', '=', subjectId)
      .orderBy('o.nameZh')
      .execute();
  }


  async replaceCoUnits(subjectId: string, orgIds: string[]) {
    await this.db.deleteFrom('subjectUnits').where('subjectId', '=', subjectId).execute();
    if (orgIds.length > 0) await this.db.insertInto('subjectUnits').values(orgIds.map((orgId) => ({ subjectId, orgId }))).execute();
  }

  provinceDeptsOfRegion(regionCode: string) {
    return this.db.selectFrom('organisations').select('id').where('kind', '=', 'province_dept').where('regionCode', '=', regionCode).execute();
  }

  /** Subjects visible to the actor, filtered, with the names and plan state a list shows. */
  async listSubjects(visibility: SubjectVisibility, filter: SubjectFilter) {
    let query = this.subjectRows();
    query = query.where((eb) => this.visible(eb, visibility));
    if (filter.q) {
      const like = containsPattern(filter.q);
      query = query.where((eb) => eb.or([eb('s.code', 'ilike', like), eb('s.titleZh', 'ilike', like), eb('s.titleEn', 'ilike', like), eb('pi.displayName', 'ilike', like)]));
    }
    if (filter.programId) query = query.where('j.programId', '=', filter.programId);
    if (filter.projectId) query = query.where('s.projectId', '=', filter.projectId);
    if (filter.platformId) query = query.where('s.platformOrgId', '=', filter.platformId);
    if (filter.regionCode) query = query.where('s.regionCode', '=', filter.regionCode);
    if (filter.status) query = query.where('s.status', '=', filter.status);
    if (filter.unitId) {
      const unitId = filter.unitId;
      query = query.where((eb) => eb.or([eb('s.leadUnitId', '=', unitId), eb.exists(eb.selectFrom('subjectUnits as su').select('su.orgId').whereRef('su.subjectId', '=', 's.id').where('su.orgId', '=', unitId))]));
    }
    if (filter.planStatus) query = filter.planStatus === 'none' ? query.where('latest.status', 'is', null) : query.where('latest.status', '=', filter.planStatus as never);
    if (filter.overdue) query = query.where('latest.stepDueAt', '<', new Date()).where('latest.status', 'in', ['unit_review', 'platform_review', 'returned']);
    const [items, total] = await Promise.all([
      query.orderBy('s.code').limit(filter.pageSize).offset((filter.page - 1) * filter.pageSize).execute(),
      query.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(total.n) };
  }

  /** One subject row with names and plan state. */
  subjectRow(id: string) {
    return this.subjectRows().where('s.id', '=', id).executeTakeFirst();
  }

  private subjectRows() {
    return this.db
      .selectFrom('subjects as s')
      .innerJoin('projects as j', 'j.id', 's.projectId')
      .innerJoin('programs as p', 'p.id', 'j.programId')
      .innerJoin('organisations as unit', 'unit.id', 's.leadUnitId')
      .innerJoin('organisations as platform', 'platform.id', 's.platformOrgId')
      .innerJoin('regions as r', 'r.code', 's.regionCode')
      .leftJoin('users as pi', 'pi.id', 's.piUserId')
      .leftJoin('plans as plan', 'plan.subjectId', 's.id')
      .leftJoin('planVersions as latest', (join) =>
        join.onRef('latest.planId', '=', 'plan.id').on('latest.versionNo', '=', (eb) =>
          eb.selectFrom('planVersions as v2').select((e) => e.fn.max('v2.versionNo').as('m')).whereRef('v2.planId', '=', 'plan.id')))
      .leftJoin('planVersions as approved', 'approved.id', 'plan.approvedVersionId')
      .selectAll('s')
      .select([
        'j.code as projectCode', 'j.titleZh as projectTitle', 'p.id as programId', 'p.code as programCode', 'p.titleZh as programTitle',
        'unit.nameZh as leadUnitName', 'platform.nameZh as platformName', 'r.nameZh as regionName', 'r.nameEn as regionNameEn',
        'pi.displayName as piName', 'pi.email as piEmail',
        'latest.status as planStatus', 'latest.versionNo as planVersionNo', 'latest.stepDueAt as planStepDueAt', 'latest.id as planVersionId',
        'approved.versionNo as approvedVersionNo',
      ])
      .select((eb) => eb
        .selectFrom('planLines as l')
        .select((e) => e.fn.min('l.dueDate').as('d'))
        .whereRef('l.planVersionId', '=', 'plan.approvedVersionId')
        .where('l.dueDate', '>=', sql<string>`current_date`)
        .as('nextDueDate'));
  }

  /** A subquery of the ids of the subjects the visibility covers (for other modules' scoped queries). */
  visibleSubjectIds(visibility: SubjectVisibility) {
    return this.db.selectFrom('subjects as s').select('s.id').where((eb) => this.visible(eb, visibility));
  }

  /**
   * The visible subjects narrowed by the dashboards' common filters (docs/supervision-and-evaluation.md,
   * "Scope and filters"): supervision and evaluation lists are computed over exactly these.
   */
  scopedSubjectIds(visibility: SubjectVisibility, filter: ScopeFilter) {
    return this.db.selectFrom('subjects as s').select('s.id').where((eb) => {
      const clauses: Expression<SqlBool>[] = [this.visible(eb, visibility)];
      if (filter.province) clauses.push(eb(sql<string>`left(s.region_code, 2)`, '=', filter.province.slice(0, 2)));
      if (filter.platformId) clauses.push(eb('s.platformOrgId', '=', filter.platformId));
      if (filter.projectCode) clauses.push(eb('s.projectId', 'in', eb.selectFrom('projects').select('id').where('code', '=', filter.projectCode)));
      if (filter.programCode) {
        clauses.push(eb('s.projectId', 'in', eb.selectFrom('projects as j').innerJoin('programs as p', 'p.id', 'j.programId').select('j.id').where('p.code', '=', filter.programCode)));
      }
      if (filter.unitId) {
        const units = subtreeIds(this.db, [filter.unitId]);
        clauses.push(eb.or([eb('s.leadUnitId', 'in', units), eb.exists(eb.selectFrom('subjectUnits as su').select('su.orgId').whereRef('su.subjectId', '=', 's.id').where('su.orgId', 'in', units))]));
      }
      if (filter.q) {
        const like = containsPattern(filter.q);
        clauses.push(eb.or([eb('s.code', 'ilike', like), eb('s.titleZh', 'ilike', like), eb('s.titleEn', 'ilike', like)]));
      }
      return eb.and(clauses);
    });
  }

  private visible(eb: ExpressionBuilder<DB & { s: DB['subjects'] }, 's'>, visibility: SubjectVisibility): Expression<SqlBool> {
    if (visibility.all) return sql<boolean>`true`;
    const clauses: Expression<SqlBool>[] = [];
    if (visibility.subjectIds.length) clauses.push(eb('s.id', 'in', visibility.subjectIds));
    if (visibility.unitRoots.length) {
      const units = subtreeIds(this.db, visibility.unitRoots);
      clauses.push(eb('s.leadUnitId', 'in', units));
      clauses.push(eb.exists(eb.selectFrom('subjectUnits as su').select('su.orgId').whereRef('su.subjectId', '=', 's.id').where('su.orgId', 'in', subtreeIds(this.db, visibility.unitRoots))));
    }
    if (visibility.platformIds.length) clauses.push(eb('s.platformOrgId', 'in', visibility.platformIds));
    if (visibility.provinceDeptIds.length) {
      clauses.push(eb('s.regionCode', 'in', eb.selectFrom('organisations').select('regionCode').where('id', 'in', visibility.provinceDeptIds).where('regionCode', 'is not', null).$narrowType<{ regionCode: string }>()));
    }
    return clauses.length ? eb.or(clauses) : sql<boolean>`false`;
  }

  insertProgram(values: { code: string; titleZh: string; titleEn: string | null; startDate: string | null; endDate: string | null }) {
    return this.db.insertInto('programs').values(values).returningAll().executeTakeFirstOrThrow();
  }

  updateProgram(id: string, values: Partial<{ titleZh: string; titleEn: string | null; startDate: string | null; endDate: string | null; status: 'active' | 'closed' }>) {
    return this.db.updateTable('programs').set({ ...values, updatedAt: sql<Date>`now()` }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  }

  insertProject(values: { programId: string; code: string; titleZh: string; titleEn: string | null; startDate: string | null; endDate: string | null }) {
    return this.db.insertInto('projects').values(values).returningAll().executeTakeFirstOrThrow();
  }

  updateProject(id: string, values: Partial<{ programId: string; titleZh: string; titleEn: string | null; startDate: string | null; endDate: string | null; status: SubjectStatus }>) {
    return this.db.updateTable('projects').set({ ...values, updatedAt: sql<Date>`now()` }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  }

  insertSubject(values: SubjectValues) {
    return this.db.insertInto('subjects').values(values).returningAll().executeTakeFirstOrThrow();
  }

  updateSubject(id: string, values: Partial<SubjectValues> & { status?: SubjectStatus }) {
    return this.db.updateTable('subjects').set({ ...values, updatedAt: sql<Date>`now()` }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  }

  /** Users holding a subject-scoped role on the subject. */
  subjectPeople(subjectId: string) {
    return this.db
      .selectFrom('roleGrants as g')
      .innerJoin('users as u', 'u.id', 'g.userId')
      .select(['g.id as grantId', 'g.role', 'g.createdAt', 'u.id', 'u.username', 'u.displayName', 'u.email', 'u.status', 'u.passwordHash'])
      .where('g.scopeType', '=', 'subject')
      .where('g.scopeId', '=', subjectId)
      .orderBy('g.createdAt')
      .execute();
  }

  insertInvitation(values: { userId: string; tokenHash: string; purpose: string; expiresAt: Date; createdBy: string | null }) {
    return this.db.insertInto('invitations').values(values).returningAll().executeTakeFirstOrThrow();
  }

  findInvitation(tokenHash: string) {
    return this.db
      .selectFrom('invitations as i')
      .innerJoin('users as u', 'u.id', 'i.userId')
      .selectAll('i')
      .select(['u.username', 'u.displayName', 'u.email'])
      .where('i.tokenHash', '=', tokenHash)
      .executeTakeFirst();
  }

  useInvitation(id: string) {
    return this.db.updateTable('invitations').set({ usedAt: new Date() }).where('id', '=', id).where('usedAt', 'is', null).returning('id').executeTakeFirst();
  }
}

export interface SubjectValues {
  projectId: string;
  code: string;
  titleZh: string;
  titleEn: string | null;
  startDate: string | null;
  endDate: string | null;
  piUserId: string | null;
  leadUnitId: string;
  regionCode: string;
  platformOrgId: string;
  collectionBudget: string;
  acceptanceDate: string | null;
}
