import type { TestApp, TestClient } from './build-app';
import { buildOrg, buildSubject, buildUser, grantSubjectRole } from './factories';
import { buildStandard, validCoreRecord } from './standard-factory';
import { PlansRepository } from '../modules/plans/plans.repository';

/**
 * A subject with everyone around its review: the PI, the lead unit's admin and another unit's admin,
 * the platform's admin and another platform's, three experts (one from a co-undertaking unit), a
 * province supervisor and a plain member.
 */
export async function buildReviewWorld(t: TestApp) {
  const db = t.database.db;
  const platform = await buildOrg(db, { kind: 'domain_platform' });
  const otherPlatform = await buildOrg(db, { kind: 'domain_platform' });
  await buildStandard(db, platform.id, { status: 'approved' });
  const leadUnit = await buildOrg(db);
  const coUnit = await buildOrg(db);
  const expertUnit = await buildOrg(db);
  const province = await buildOrg(db, { kind: 'province_dept', regionCode: '330000' });
  const { subject, program, project } = await buildSubject(db, { platformOrgId: platform.id, leadUnitId: leadUnit.id, coUnitIds: [coUnit.id], titleZh: '长三角慢性病队列资源汇交课题' });
  const user = (grants: Parameters<typeof buildUser>[1]) => buildUser(db, grants);
  const users = {
    pi: await user({ orgId: leadUnit.id }),
    unitAdmin: await user({ grants: [{ role: 'unit_admin', scopeId: leadUnit.id }] }),
    otherUnitAdmin: await user({ grants: [{ role: 'unit_admin', scopeId: expertUnit.id }] }),
    platformAdmin: await user({ grants: [{ role: 'platform_admin', scopeId: platform.id }] }),
    otherPlatformAdmin: await user({ grants: [{ role: 'platform_admin', scopeId: otherPlatform.id }] }),
    expert: await user({ orgId: expertUnit.id, grants: [{ role: 'expert', scopeId: platform.id }] }),
    expert2: await user({ orgId: expertUnit.id, grants: [{ role: 'expert', scopeId: platform.id }] }),
    coiExpert: await user({ orgId: coUnit.id, grants: [{ role: 'expert', scopeId: platform.id }] }),
    otherExpert: await user({ grants: [{ role: 'expert', scopeId: otherPlatform.id }] }),
    supervisor: await user({ grants: [{ role: 'province_supervisor', scopeId: province.id }] }),
    member: await user({}),
  };
  await grantSubjectRole(db, users.pi.id, 'pi', subject.id);
  const clients = Object.fromEntries(await Promise.all(Object.entries(users).map(async ([key, u]) => [key, await t.login(u.username)]))) as Record<keyof typeof users, TestClient>;

  /** A data resource with a valid description and one file, submitted by the PI. */
  const submitted = async (title = '浙江省成人慢性病队列基线调查数据集', type: 'data' | 'physical' = 'data') => {
    const created = (await clients.pi.post(`/api/subjects/${subject.id}/resources`, { resourceType: type })).json();
    await clients.pi.put(`/api/resources/${created.id}/metadata`, { metadata: validCoreRecord({ titleZh: title, subjectCode: subject.code, ...(type === 'data' ? { sampleSize: 4000 } : { quantity: 12 }) }) });
    await attachFile(t, created.id, 'data/baseline.csv', 'id,age\n1,52\n');
    if (type === 'data') {
      const answer = await clients.pi.post(`/api/resources/${created.id}/submit`);
      if (answer.statusCode !== 200) throw new Error(`submit failed: ${answer.body}`);
    }
    return created.id as string;
  };

  /** Gives the subject an approved plan with these lines. */
  const approvePlan = async (lines: Array<{ resourceType: string; plannedCount: number }>) => {
    await db.transaction().execute(async (trx) => {
      const repo = new PlansRepository(trx);
      const plan = await repo.insertPlan(subject.id);
      const version = await repo.insertVersion({ planId: plan.id, versionNo: 1, kind: 'initial', amendmentReason: null, createdBy: null });
      await repo.replaceLines(version.id, lines.map((l) => ({ ...l, dueDate: '2027-06-30', sharingMode: 'open', notes: null })));
      await repo.updateVersion(version.id, { status: 'approved', approvedAt: new Date() });
      await repo.setApproved(plan.id, version.id);
    });
  };

  return { platform, otherPlatform, leadUnit, coUnit, expertUnit, province, subject, program, project, users, clients, submitted, approvePlan };
}

/** Stores a small file on a resource the way a finished upload does (blob, then the file row). */
export async function attachFile(t: TestApp, resourceId: string, filePath: string, content: string) {
  const { Readable } = await import('node:stream');
  const stored = await t.services.blobs.putStream(Readable.from([Buffer.from(content)]));
  await t.database.db.insertInto('blobs').values({ sha256: stored.sha256, size: stored.size }).onConflict((oc) => oc.column('sha256').doNothing()).execute();
  await t.database.db.deleteFrom('files').where('resourceId', '=', resourceId).where('path', '=', filePath).execute();
  await t.database.db.insertInto('files').values({ resourceId, path: filePath, name: filePath.split('/').pop()!, size: stored.size, mediaType: 'text/csv', sha256: stored.sha256, uploadedBy: null }).execute();
  return stored.sha256;
}
