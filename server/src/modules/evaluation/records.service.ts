import { sql, type Kysely } from 'kysely';
import type { DB, RollupLevel } from '../../db/schema';
import { AppError } from '../../platform/errors';
import { authorize } from '../../platform/authz';
import type { Ctx } from '../../platform/context';
import { iso } from '../../platform/format';
import { OrgsRepository } from '../orgs/orgs.repository';
import { round2, toScore, type ScoreComponents, type ScoreInputs } from './evaluation-compute';
import type { EvaluationRepository } from './evaluation.repository';
import { num } from './evaluation.presenter';
import type { RecordRef } from './evaluation.policy';
import { renderRecord } from './record-pdf';

export type SubjectRole = 'pi' | 'lead_unit' | 'unit';

/** A person's or unit's record as the API and the PDF give it. */
export interface EvaluationRecord {
  kind: 'person' | 'unit';
  id: string;
  name: string;
  organisation: string | null;
  run: { id: string; asOf: string; ruleVersion: number } | null;
  summary: { subjects: number; certified: number; completion: number | null; quality: number | null; sharing: number | null; total: number | null; rank: number | null; of: number | null };
  subjects: Array<{
    code: string; titleZh: string; role: SubjectRole; programCode: string; status: string; planned: number; delivered: number;
    completion: number | null; quality: number | null; sharing: number | null; total: number | null; certificate: { code: string; issuedAt: string } | null;
  }>;
}

const mean = (values: Array<number | null>): number | null => {
  const present = values.filter((v): v is number => v !== null);
  return present.length > 0 ? round2(present.reduce((a, b) => a + b, 0) / present.length) : null;
};

/**
 * Records (履历) for new-project review: a PI's or an undertaking unit's subjects with their scores in
 * the newest done run, and the roll-up of the person or unit. Program systems read them with an API token.
 */
export class RecordsService {
  constructor(private readonly db: Kysely<DB>, private readonly repo: EvaluationRepository) {}

  async person(ctx: Ctx, userId: string): Promise<EvaluationRecord> {
    const user = await this.db.selectFrom('users as u').leftJoin('organisations as o', 'o.id', 'u.orgId').select(['u.id', 'u.displayName', 'o.nameZh as orgName']).where('u.id', '=', userId).executeTakeFirst();
    if (!user) throw new AppError('user.not_found');
    authorize(ctx.actor, 'records.read', { kind: 'person', userId } satisfies RecordRef);
    const subjects = await this.subjects().where('s.piUserId', '=', userId).select(sql<SubjectRole>`'pi'`.as('role')).execute();
    return this.build({ kind: 'person', id: user.id, name: user.displayName, organisation: user.orgName }, subjects, 'pi', userId);
  }

  async unit(ctx: Ctx, creditCode: string): Promise<EvaluationRecord> {
    const org = await this.db.selectFrom('organisations as o').leftJoin('organisations as parent', 'parent.id', 'o.parentId').select(['o.id', 'o.nameZh', 'o.creditCode', 'parent.nameZh as parentName']).where('o.creditCode', '=', creditCode.toUpperCase()).executeTakeFirst();
    if (!org) throw new AppError('org.not_found');
    authorize(ctx.actor, 'records.read', { kind: 'unit', orgPath: await new OrgsRepository(this.db).path(org.id) } satisfies RecordRef);
    const subjects = await this.subjects()
      .where((eb) => eb.or([eb('s.leadUnitId', '=', org.id), eb.exists(eb.selectFrom('subjectUnits as su').select('su.orgId').whereRef('su.subjectId', '=', 's.id').where('su.orgId', '=', org.id))]))
      .select(sql<SubjectRole>`CASE WHEN s.lead_unit_id = ${org.id} THEN 'lead_unit' ELSE 'unit' END`.as('role'))
      .execute();
    return this.build({ kind: 'unit', id: org.creditCode ?? creditCode, name: org.nameZh, organisation: org.parentName }, subjects, 'unit', org.id);
  }

  /** The record as a Chinese PDF. */
  async pdf(record: EvaluationRecord): Promise<Buffer> {
    return renderRecord(record);
  }

  private subjects() {
    return this.db.selectFrom('subjects as s')
      .innerJoin('projects as j', 'j.id', 's.projectId')
      .innerJoin('programs as pg', 'pg.id', 'j.programId')
      .leftJoin('certificates as c', 'c.subjectId', 's.id')
      .select(['s.id', 's.code', 's.titleZh', 's.status', 'pg.code as programCode', 'c.code as certificateCode', 'c.issuedAt as certificateIssuedAt'])
      .orderBy('s.code');
  }

  private async build(
    who: Pick<EvaluationRecord, 'kind' | 'id' | 'name' | 'organisation'>,
    subjects: Array<{ id: string; code: string; titleZh: string; status: string; programCode: string; certificateCode: string | null; certificateIssuedAt: Date | null; role: SubjectRole }>,
    level: RollupLevel,
    key: string,
  ): Promise<EvaluationRecord> {
    const run = await this.repo.newestDoneRun();
    const scores = new Map((run ? await this.repo.scoresOf(run.id, subjects.map((s) => s.id)) : []).map((s) => [s.subjectId, s]));
    const rows = subjects.map((s) => {
      const score = scores.get(s.id);
      const inputs = score?.inputs as ScoreInputs | undefined;
      const components = score?.components as ScoreComponents | undefined;
      const plannedByType = new Map<string, number>();
      for (const line of inputs?.lines ?? []) plannedByType.set(line.type, (plannedByType.get(line.type) ?? 0) + line.planned);
      const delivered = [...plannedByType].reduce((n, [type, planned]) => n + Math.min(planned, inputs?.releasedByType[type] ?? 0), 0);
      return {
        code: s.code, titleZh: s.titleZh, role: s.role, programCode: s.programCode, status: s.status,
        planned: [...plannedByType.values()].reduce((a, b) => a + b, 0), delivered,
        completion: num(score?.completion), quality: toScore(components?.quality ?? null),
        sharing: num(score?.sharing), total: num(score?.total),
        certificate: s.certificateCode ? { code: s.certificateCode, issuedAt: iso(s.certificateIssuedAt)! } : null,
      };
    });
    // The summary is the roll-up of the person (as PI) or unit (as lead unit); quality is the mean of the same subjects.
    const rollup = run ? await this.repo.rollup(run.id, level, key) : undefined;
    const own = rows.filter((r) => r.role !== 'unit');
    return {
      ...who,
      run: run ? { id: run.id, asOf: iso(run.asOf)!, ruleVersion: run.ruleVersion } : null,
      summary: {
        subjects: rows.length, certified: rows.filter((r) => r.certificate).length,
        completion: rollup ? num(rollup.completion) : mean(own.map((r) => r.completion)),
        quality: mean(own.map((r) => r.quality)),
        sharing: rollup ? num(rollup.sharing) : mean(own.map((r) => r.sharing)),
        total: rollup ? num(rollup.total) : mean(own.map((r) => r.total)),
        rank: rollup?.rank ?? null,
        of: rollup && run ? await this.repo.rollupCount(run.id, level) : null,
      },
      subjects: rows,
    };
  }
}
