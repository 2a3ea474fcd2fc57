import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { Services } from '../services';
import { isListed } from '../modules/portal/portal-access';
import { EvaluationRepository } from '../modules/evaluation/evaluation.repository';
import { as } from './demo-support';

const HOUR = 3_600_000;

/** Reuse the member reports on demo resources: [resource title, kind, description, citation, decision]. */
const REPORTS: Array<[string, 'citation' | 'benefit', string, string | null, 'accept' | null]> = [
  ['高血压患者心脑血管事件随访数据集', 'citation', '在高血压队列风险模型论文中作为外部验证数据使用。', '吴文, 等. 高血压人群心脑血管事件风险模型的外部验证[J]. 中华心血管病杂志, 2026, 54(8): 712-719.', 'accept'],
  ['西南地区多民族自然人群队列基线数据集（修订版）', 'benefit', '支撑了四川省慢性病防控规划中多民族人群患病率的测算。', null, 'accept'],
  ['黑土地耕层结构长期定位监测数据（2019—2023）（修订版）', 'citation', '用于东北黑土区耕层退化遥感反演模型的地面校验。', '吴文, 等. 黑土耕层厚度遥感反演[J]. 农业工程学报, 2026, 42(5): 101-109.', 'accept'],
  ['秸秆还田对黑土有机质影响田间试验数据', 'citation', '在秸秆还田碳汇核算方法研究中引用。', null, null],
];

/** The last moment (China time) of the month `back` months before the one `now` falls in. */
function monthEnd(now: Date, back: number): Date {
  const china = new Date(now.getTime() + 8 * HOUR);
  return new Date(Date.UTC(china.getUTCFullYear(), china.getUTCMonth() - back + 1, 1) - 8 * HOUR - 1000);
}

/**
 * Reported reuse on a few released demo resources (three accepted by their platform, one pending), then
 * evaluation runs as of the ends of the last four months and today, computed through the service, so
 * scores have trends. Does nothing once any run exists.
 */
export async function loadDemoEvaluation(db: Kysely<DB>, services: Services, now = new Date()): Promise<number> {
  if (await db.selectFrom('evaluationRuns').select('id').limit(1).executeTakeFirst()) return 0;
  const member = await as(db, 'member');
  const platforms = { ph: await as(db, 'ph_admin'), ag: await as(db, 'ag_admin') };
  const resources = await db.selectFrom('resources as r').innerJoin('subjects as s', 's.id', 'r.subjectId')
    .select(['r.id', 'r.titleZh', 'r.status', 'r.sharingMode', 's.platformOrgId']).where('r.status', '=', 'released').execute();
  for (const [title, kind, description, citation, decision] of REPORTS) {
    const resource = resources.find((r) => r.titleZh === title && isListed(r));
    if (!resource) continue;
    const report = await services.reuse.report(member, resource.id, { kind, description, citation });
    if (!decision) continue;
    const platform = platforms.ph.actor!.grants.some((g) => g.scopeId === resource.platformOrgId) ? platforms.ph : platforms.ag;
    await services.reuse.decide(platform, report.id, { decision, note: '已核实' });
  }

  const repo = new EvaluationRepository(db);
  const { version } = await repo.currentRules();
  // The newest run is as of after the decisions above, so the accepted reuse counts in it.
  const latest = new Date(Math.max(now.getTime(), Date.now()));
  for (const asOf of [monthEnd(now, 4), monthEnd(now, 3), monthEnd(now, 2), monthEnd(now, 1), latest]) {
    await repo.insertRun({ ruleVersion: version, asOf, trigger: 'schedule', requestedBy: null, createdAt: now });
  }
  return (await services.evaluation.processQueued()).length;
}
