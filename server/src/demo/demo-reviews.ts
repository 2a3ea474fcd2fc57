import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { Ctx } from '../platform/context';
import type { Services } from '../services';
import type { ResourceType, StandardDocument } from '../modules/standards/standard-document';
import { as, attach, exampleRecord } from './demo-support';
import { newestApprovedVersion } from '../modules/standards/standards.repository';
import { addMonths } from '../modules/releases/releases.service';
import { chinaDate } from '../platform/china-time';

type Stage = 'draft' | 'unit_review' | 'returned' | 'platform_review' | 'expert_review' | 'expert_assigned' | 'approved' | 'released';

interface DemoResource {
  subject: string;
  type: ResourceType;
  title: string;
  stage: Stage;
  sharingMode?: 'open' | 'registered' | 'application' | 'embargo';
  file?: { path: string; content: string };
}

const CSV = (rows: string[]) => ({ path: 'data/records.csv', content: `${rows.join('\n')}\n` });

/**
 * Resources of 刘洋's three subjects at every step of the review chain. Subject 2021YFC2501001 lacks one
 * release for its certificate: the platform releases the approved resource, then issues the certificate.
 */
const RESOURCES: DemoResource[] = [
  { subject: '2021YFC2501001', type: 'data', title: '浙江省成人慢性病队列基线调查数据集（2019—2021）', stage: 'released', sharingMode: 'open', file: CSV(['id,age,sex,sbp,dbp', '1,52,F,132,84', '2,61,M,145,90']) },
  { subject: '2021YFC2501001', type: 'data', title: '浙江省成人慢性病队列第一轮随访数据', stage: 'released', sharingMode: 'registered', file: CSV(['id,visit,outcome', '1,1,none', '2,1,stroke']) },
  { subject: '2021YFC2501001', type: 'data', title: '浙江省成人慢性病队列第二轮随访数据', stage: 'released', sharingMode: 'embargo', file: CSV(['id,visit,outcome', '1,2,none', '2,2,none']) },
  { subject: '2021YFC2501001', type: 'data', title: '慢性病队列结局事件判定数据集', stage: 'approved', sharingMode: 'application', file: CSV(['id,event,date', '2,I63,2022-05-14']) },
  { subject: '2021YFC2501002', type: 'data', title: '队列血清样本库质控数据', stage: 'unit_review', file: CSV(['sample,qc,cv', 'S001,pass,3.2']) },
  { subject: '2021YFC2501002', type: 'report', title: '生物样本库标准操作规程报告（初稿）', stage: 'returned', file: { path: 'report/sop.txt', content: '生物样本库标准操作规程\n1 范围\n2 术语\n' } },
  { subject: '2021YFC2501002', type: 'data', title: '全血 DNA 提取质量评估数据', stage: 'expert_assigned', file: CSV(['sample,a260_280', 'D001,1.86']) },
  { subject: '2021YFC2501002', type: 'physical', title: '队列血清与全血 DNA 样本', stage: 'draft' },
  { subject: '2021YFC2501003', type: 'data', title: '慢性病队列多组学整合分析数据集', stage: 'platform_review', file: CSV(['id,gene,expr', '1,APOE,2.3']) },
  { subject: '2021YFC2501003', type: 'data', title: '慢性病队列代谢组学数据集', stage: 'expert_review', file: CSV(['id,metabolite,conc', '1,glucose,5.4']) },
];

/**
 * Drives the demo resources through the real services (create, describe, upload, submit, review,
 * release, certify) as the demo users, so every row, round, audit entry and mail is what use produces.
 */
export async function loadDemoReviews(db: Kysely<DB>, services: Services): Promise<number> {
  const [pi, submitter, unitAdmin, phAdmin, expert] = [await as(db, 'pi'), await as(db, 'submitter'), await as(db, 'unit_admin'), await as(db, 'ph_admin'), await as(db, 'expert')];
  const subjects = new Map((await db.selectFrom('subjects').select(['id', 'code', 'platformOrgId']).execute()).map((s) => [s.code, s]));
  let count = 0;
  for (const r of RESOURCES) {
    const subject = subjects.get(r.subject);
    if (!subject) continue;
    const version = await newestApprovedVersion(db, subject.platformOrgId);
    const schema = (version?.document as StandardDocument | undefined)?.resourceTypes[r.type]?.schema;
    if (!schema) continue;
    const actor = r.subject === '2021YFC2501003' ? pi : submitter.actor!.grants.some((g) => g.scopeId === subject.id) ? submitter : pi;
    const created = await services.resources.create(actor, subject.id, { resourceType: r.type });
    await services.resources.saveMetadata(actor, created.id, exampleRecord(schema, r.title, r.subject, r.sharingMode ?? 'open'));
    if (r.file) await attach(db, services, created.id, r.file.path, r.file.content);
    count += 1;
    if (r.type === 'physical') {
      const genebank = await db.selectFrom('organisations').select('id').where('kind', '=', 'repository').executeTakeFirstOrThrow();
      await services.resources.recordDeposit(actor, created.id, { repositoryOrgId: genebank.id, items: [{ name: '血清样本', quantity: 240, unit: '管' }, { name: '全血 DNA', quantity: 240, unit: '管' }], shippingMethod: '冷链快递', trackingNumber: 'SF1402215630', sentDate: chinaDate() });
      continue;
    }
    if (r.stage === 'draft') continue;
    await services.resources.submit(actor, created.id);
    if (r.stage === 'unit_review') continue;
    if (r.stage === 'returned') {
      await services.reviews.decide(unitAdmin, created.id, {
        decision: 'return', comment: '请按单位要求完善后重新提交。',
        fieldComments: [{ field: 'titleZh', body: '正式汇交的题名请去掉“初稿”字样。' }, { field: 'mainConclusions', body: '主要结论过于简略，请补充样本量和质控指标。' }],
      });
      continue;
    }
    await services.reviews.decide(unitAdmin, created.id, { decision: 'approve', comment: '单位审核通过。' });
    if (r.stage === 'platform_review') continue;
    await services.reviews.decide(phAdmin, created.id, { decision: 'approve', comment: '格式与标准符合。' });
    if (r.stage === 'expert_review') continue;
    if (r.stage === 'expert_assigned') {
      await services.experts.assign(phAdmin, created.id, [expert.actor!.userId]);
      continue;
    }
    await expertApproves(db, services, phAdmin, expert, created.id);
    if (r.stage !== 'released') continue;
    const sharingMode = r.sharingMode ?? 'open';
    await services.releases.release(phAdmin, created.id, {
      sharingMode, licence: 'CC-BY-4.0', embargoEnd: sharingMode === 'embargo' ? addMonths(chinaDate(), 6) : null,
    });
  }
  const certified = subjects.get('2021YFC2501001');
  if (certified) {
    await services.certificates.waive(phAdmin, certified.id, { resourceType: 'report', reason: '研究报告并入课题结题报告统一汇交，经平台同意豁免。' });
    await services.certificates.waive(phAdmin, certified.id, { resourceType: 'publication', reason: '论文尚在期刊审稿中，验收后另行补充汇交，经平台同意豁免。' });
  }
  await services.registrations.run();
  return count;
}

/** The platform assigns its expert (from outside the subject's units), who declares no conflict and approves. */
async function expertApproves(db: Kysely<DB>, services: Services, platform: Ctx, expert: Ctx, resourceId: string) {
  await services.experts.assign(platform, resourceId, [expert.actor!.userId]);
  const assignment = await db.selectFrom('expertAssignments').select('id').where('resourceId', '=', resourceId).where('expertId', '=', expert.actor!.userId).executeTakeFirstOrThrow();
  await services.experts.declare(expert, assignment.id, { conflict: false });
  await services.experts.opinion(expert, assignment.id, {
    scores: [{ criterion: 'quality', score: 5 }, { criterion: 'completeness', score: 4 }, { criterion: 'usability', score: 4, comment: '建议补充变量字典的英文说明。' }],
    recommendation: 'approve', sharingMode: 'open', embargoMonths: 0, comment: '数据质量高，同意发布。',
  });
}
