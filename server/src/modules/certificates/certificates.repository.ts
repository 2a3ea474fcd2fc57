import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema';

/** Queries of plan fulfilment, waivers and collection certificates. */
export class CertificatesRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Lines of the subject's approved plan, or null when no plan is approved yet. */
  async approvedLines(subjectId: string) {
    const plan = await this.db.selectFrom('plans').select('approvedVersionId').where('subjectId', '=', subjectId).executeTakeFirst();
    if (!plan?.approvedVersionId) return null;
    return this.db.selectFrom('planLines').select(['resourceType', 'plannedCount']).where('planVersionId', '=', plan.approvedVersionId).orderBy('position').execute();
  }

  /** Resources of a subject by type and status (released counts once per lineage: older versions are superseded). */
  counts(subjectId: string) {
    return this.db
      .selectFrom('resources')
      .select(['resourceType', 'status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('subjectId', '=', subjectId)
      .groupBy(['resourceType', 'status'])
      .execute();
  }

  released(subjectId: string) {
    return this.db
      .selectFrom('resources')
      .select(['id', 'resourceType', 'titleZh', 'cstr', 'versionNo', 'releasedAt'])
      .where('subjectId', '=', subjectId)
      .where('status', '=', 'released')
      .orderBy('resourceType')
      .orderBy('releasedAt')
      .execute();
  }

  waivers(subjectId: string) {
    return this.db
      .selectFrom('planWaivers as w')
      .leftJoin('users as u', 'u.id', 'w.waivedBy')
      .select(['w.resourceType', 'w.reason', 'w.createdAt', 'u.displayName as byName'])
      .where('w.subjectId', '=', subjectId)
      .execute();
  }

  insertWaiver(values: { subjectId: string; resourceType: string; reason: string; waivedBy: string | null }) {
    return this.db.insertInto('planWaivers').values(values).onConflict((oc) => oc.columns(['subjectId', 'resourceType']).doNothing()).returning('id').executeTakeFirst();
  }

  findBySubject(subjectId: string) {
    return this.db.selectFrom('certificates').selectAll().where('subjectId', '=', subjectId).executeTakeFirst();
  }

  findByCode(code: string) {
    return this.db.selectFrom('certificates').selectAll().where('code', '=', code).executeTakeFirst();
  }

  async nextNumber(): Promise<number> {
    const { rows } = await sql<{ n: string }>`SELECT nextval('certificate_seq') AS n`.execute(this.db);
    return Number(rows[0]!.n);
  }

  insertBlob(sha256: string, size: number) {
    return this.db.insertInto('blobs').values({ sha256, size }).onConflict((oc) => oc.column('sha256').doNothing()).execute();
  }

  insertCertificate(values: { subjectId: string; number: string; code: string; platformOrgId: string; content: unknown; pdfSha256: string; issuedBy: string | null }) {
    return this.db.insertInto('certificates').values({ ...values, content: JSON.stringify(values.content) }).returningAll().executeTakeFirstOrThrow();
  }

  /** Names the certificate prints: PI, lead and co-units, platform, program. */
  async parties(subjectId: string) {
    const row = await this.db
      .selectFrom('subjects as s')
      .innerJoin('organisations as lu', 'lu.id', 's.leadUnitId')
      .innerJoin('organisations as p', 'p.id', 's.platformOrgId')
      .innerJoin('projects as pr', 'pr.id', 's.projectId')
      .innerJoin('programs as pg', 'pg.id', 'pr.programId')
      .leftJoin('users as pi', 'pi.id', 's.piUserId')
      .select(['s.code', 's.titleZh', 'lu.nameZh as leadUnit', 'p.nameZh as platformName', 'pi.displayName as piName', 'pr.code as projectCode', 'pr.titleZh as projectTitle', 'pg.titleZh as programTitle'])
      .where('s.id', '=', subjectId)
      .executeTakeFirstOrThrow();
    const coUnits = await this.db.selectFrom('subjectUnits as su').innerJoin('organisations as o', 'o.id', 'su.orgId').select('o.nameZh').where('su.subjectId', '=', subjectId).execute();
    return { ...row, coUnits: coUnits.map((u) => u.nameZh) };
  }

  /** Resources of a subject still somewhere in review (returned ones wait for their submitter). */
  async openReviews(subjectId: string): Promise<number> {
    const row = await this.db.selectFrom('resources').select((eb) => eb.fn.countAll<number>().as('n')).where('subjectId', '=', subjectId)
      .where('status', 'in', ['submitted', 'unit_review', 'platform_review', 'expert_review', 'approved', 'returned']).executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
