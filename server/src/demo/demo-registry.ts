import type { Kysely } from 'kysely';
import type { DB, PlanStatus } from '../db/schema';
import { addWorkingDays } from '../platform/china-time';

type Line = [resourceType: string, count: number, due: string, sharingMode: string, notes?: string];

interface DemoSubject {
  code: string;
  title: string;
  titleEn: string;
  project: string;
  unit: string;
  coUnits?: string[];
  region: string;
  platform: 'ph' | 'ag';
  budget: number;
  acceptance: string;
  pi: { name: string; email: string };
  submitter?: string;
  plan?: { state: 'draft' | 'unit_review' | 'unit_review_overdue' | 'platform_review' | 'returned' | 'approved' | 'amending'; lines: Line[] };
}

const PROGRAMS = [
  { code: '2021YFC2500000', titleZh: '国家重点研发计划“常见多发病防治研究”重点专项', titleEn: 'National Key R&D Program: Prevention and Control of Common and Frequent Diseases', startDate: '2021-07-01', endDate: '2027-06-30' },
  { code: '2022YFD1900000', titleZh: '国家重点研发计划“黑土地保护与利用科技创新”重点专项', titleEn: 'National Key R&D Program: Black Soil Protection and Utilisation', startDate: '2022-01-01', endDate: '2027-12-31' },
];

const PROJECTS = [
  { program: '2021YFC2500000', code: '2021YFC2501000', titleZh: '慢性病自然人群队列与生物样本库建设', titleEn: 'Population cohorts and biobanks for chronic disease' },
  { program: '2021YFC2500000', code: '2021YFC2502000', titleZh: '心脑血管疾病精准防治关键技术研究', titleEn: 'Precision prevention of cardio-cerebrovascular disease' },
  { program: '2021YFC2500000', code: '2021YFC2503000', titleZh: '重大慢性呼吸系统疾病早期筛查研究', titleEn: 'Early screening of major chronic respiratory disease' },
  { program: '2022YFD1900000', code: '2022YFD1901000', titleZh: '黑土地耕层结构优化与地力提升', titleEn: 'Tilth structure and fertility of black soil' },
  { program: '2022YFD1900000', code: '2022YFD1902000', titleZh: '东北玉米大豆轮作模式与配套技术', titleEn: 'Maize–soybean rotation in Northeast China' },
  { program: '2022YFD1900000', code: '2022YFD1903000', titleZh: '作物种质资源精准鉴定与创新利用', titleEn: 'Precise evaluation of crop germplasm' },
];

const PI = { name: '刘洋', email: 'liu.yang@zju.example.cn' };
const DATA_LINES: Line[] = [['data', 4, '2027-03-31', 'application', '队列基线与随访数据'], ['report', 2, '2027-05-31', 'open'], ['publication', 6, '2027-06-15', 'open']];
const AG_LINES: Line[] = [['data', 3, '2027-06-30', 'open', '田间试验观测数据'], ['physical', 2, '2027-09-30', 'offline', '种质资源实物入库'], ['report', 1, '2027-10-31', 'open']];

const SUBJECTS: DemoSubject[] = [
  { code: '2021YFC2501001', title: '浙江省成人慢性病队列随访与结局判定', titleEn: 'Follow-up and outcome ascertainment of the Zhejiang adult chronic disease cohort', project: '2021YFC2501000', unit: 'zju', coUnits: ['zaas'], region: '330000', platform: 'ph', budget: 380000, acceptance: '2027-06-30', pi: PI, submitter: 'submitter', plan: { state: 'amending', lines: DATA_LINES } },
  { code: '2021YFC2501002', title: '队列生物样本库标准化建设与质量控制', titleEn: 'Standardised biobanking and quality control for cohorts', project: '2021YFC2501000', unit: 'zju', region: '330000', platform: 'ph', budget: 260000, acceptance: '2027-06-30', pi: PI, submitter: 'submitter', plan: { state: 'returned', lines: [['data', 2, '2027-04-30', 'application'], ['physical', 3, '2027-05-31', 'offline', '血清、全血 DNA 样本']] } },
  { code: '2021YFC2501003', title: '慢性病队列多组学数据整合分析平台', titleEn: 'Multi-omics integration platform for chronic disease cohorts', project: '2021YFC2501000', unit: 'zju', coUnits: ['pumc'], region: '330000', platform: 'ph', budget: 200000, acceptance: '2027-06-30', pi: PI, plan: { state: 'draft', lines: [['data', 5, '2027-05-31', 'registered']] } },
  { code: '2021YFC2501004', title: '西南地区多民族自然人群队列建设', titleEn: 'Multi-ethnic population cohort in Southwest China', project: '2021YFC2501000', unit: 'scu', region: '510000', platform: 'ph', budget: 420000, acceptance: '2027-06-30', pi: { name: '杨帆', email: 'yang.fan@scu.example.cn' }, plan: { state: 'approved', lines: DATA_LINES } },
  { code: '2021YFC2502001', title: '高血压患者心脑血管事件风险预测模型', titleEn: 'Cardio-cerebrovascular risk prediction in hypertensive patients', project: '2021YFC2502000', unit: 'pumc', region: '110000', platform: 'ph', budget: 300000, acceptance: '2027-06-30', pi: { name: '赵敏', email: 'zhao.min@pumc.example.cn' }, plan: { state: 'platform_review', lines: DATA_LINES } },
  { code: '2021YFC2502002', title: '脑卒中早期识别与院前急救体系研究', titleEn: 'Early recognition and pre-hospital care of stroke', project: '2021YFC2502000', unit: 'zju', region: '330000', platform: 'ph', budget: 240000, acceptance: '2027-06-30', pi: { name: '陈静', email: 'chen.jing@zju.example.cn' }, plan: { state: 'unit_review_overdue', lines: [['data', 2, '2027-04-30', 'application'], ['report', 1, '2027-05-31', 'open']] } },
  { code: '2021YFC2502003', title: '冠心病介入治疗真实世界研究', titleEn: 'Real-world study of coronary intervention', project: '2021YFC2502000', unit: 'pumc', region: '110000', platform: 'ph', budget: 280000, acceptance: '2027-06-30', pi: { name: '孙立', email: 'sun.li@pumc.example.cn' }, plan: { state: 'approved', lines: [['data', 3, '2027-03-31', 'application'], ['publication', 4, '2027-06-15', 'open'], ['patent_standard', 1, '2027-06-15', 'offline']] } },
  { code: '2021YFC2503001', title: '慢性阻塞性肺疾病社区筛查队列', titleEn: 'Community COPD screening cohort', project: '2021YFC2503000', unit: 'scu', region: '510000', platform: 'ph', budget: 220000, acceptance: '2027-06-30', pi: { name: '王蕾', email: 'wang.lei@scu.example.cn' }, plan: { state: 'unit_review', lines: DATA_LINES } },
  { code: '2021YFC2503002', title: '肺功能检测大型仪器共享与数据标准化', titleEn: 'Shared lung-function instruments and data standards', project: '2021YFC2503000', unit: 'pumc', region: '110000', platform: 'ph', budget: 150000, acceptance: '2027-06-30', pi: { name: '周宁', email: 'zhou.ning@pumc.example.cn' }, plan: { state: 'draft', lines: [['instrument', 2, '2027-04-30', 'offline'], ['data', 2, '2027-05-31', 'registered']] } },
  { code: '2021YFC2503003', title: '哮喘患儿环境暴露与发病机制研究', titleEn: 'Environmental exposure and paediatric asthma', project: '2021YFC2503000', unit: 'zju', region: '330000', platform: 'ph', budget: 180000, acceptance: '2027-06-30', pi: { name: '吴琳', email: 'wu.lin@zju.example.cn' } },
  { code: '2022YFD1901001', title: '黑土地耕层结构长期定位监测', titleEn: 'Long-term monitoring of black-soil tilth structure', project: '2022YFD1901000', unit: 'ics', region: '110000', platform: 'ag', budget: 350000, acceptance: '2027-12-31', pi: { name: '李丰', email: 'li.feng@ics.example.cn' }, plan: { state: 'approved', lines: AG_LINES } },
  { code: '2022YFD1901002', title: '秸秆还田对黑土有机质的影响', titleEn: 'Straw return and black-soil organic matter', project: '2022YFD1901000', unit: 'zaas', region: '330000', platform: 'ag', budget: 210000, acceptance: '2027-12-31', pi: { name: '钱江', email: 'qian.jiang@zaas.example.cn' }, plan: { state: 'platform_review', lines: AG_LINES } },
  { code: '2022YFD1901003', title: '黑土侵蚀沟治理与土壤碳汇评估', titleEn: 'Gully control and soil carbon sink of black soil', project: '2022YFD1901000', unit: 'ics', region: '110000', platform: 'ag', budget: 260000, acceptance: '2027-12-31', pi: { name: '郑远', email: 'zheng.yuan@ics.example.cn' }, plan: { state: 'returned', lines: [['data', 2, '2027-08-31', 'open']] } },
  { code: '2022YFD1902001', title: '玉米大豆轮作系统养分循环研究', titleEn: 'Nutrient cycling in maize–soybean rotation', project: '2022YFD1902000', unit: 'zaas', region: '330000', platform: 'ag', budget: 230000, acceptance: '2027-12-31', pi: { name: '冯田', email: 'feng.tian@zaas.example.cn' }, plan: { state: 'unit_review', lines: AG_LINES } },
  { code: '2022YFD1902002', title: '轮作模式下病虫害发生规律与绿色防控', titleEn: 'Pests and green control under rotation', project: '2022YFD1902000', unit: 'scu', region: '510000', platform: 'ag', budget: 190000, acceptance: '2027-12-31', pi: { name: '何川', email: 'he.chuan@scu.example.cn' }, plan: { state: 'draft', lines: AG_LINES } },
  { code: '2022YFD1902003', title: '东北大豆高产品种区域试验', titleEn: 'Regional trials of high-yield soybean varieties', project: '2022YFD1902000', unit: 'zju', region: '330000', platform: 'ag', budget: 170000, acceptance: '2027-12-31', pi: PI, submitter: 'submitter' },
  { code: '2022YFD1903001', title: '水稻种质资源抗逆性状精准鉴定', titleEn: 'Stress-tolerance traits of rice germplasm', project: '2022YFD1903000', unit: 'zaas', region: '330000', platform: 'ag', budget: 300000, acceptance: '2027-12-31', pi: { name: '潘禾', email: 'pan.he@zaas.example.cn' }, plan: { state: 'approved', lines: [['physical', 200, '2027-09-30', 'offline', '种质资源入国家库'], ['data', 2, '2027-10-31', 'open']] } },
  { code: '2022YFD1903002', title: '小麦种质资源表型组数据采集', titleEn: 'Phenomics of wheat germplasm', project: '2022YFD1903000', unit: 'ics', region: '110000', platform: 'ag', budget: 280000, acceptance: '2027-12-31', pi: { name: '高原', email: 'gao.yuan@ics.example.cn' }, plan: { state: 'unit_review', lines: AG_LINES } },
  { code: '2022YFD1903003', title: '玉米自交系基因组重测序与关联分析', titleEn: 'Resequencing of maize inbred lines', project: '2022YFD1903000', unit: 'scu', region: '510000', platform: 'ag', budget: 260000, acceptance: '2027-12-31', pi: { name: '廖川', email: 'liao.chuan@scu.example.cn' }, plan: { state: 'approved', lines: AG_LINES } },
  { code: '2022YFD1903004', title: '特色作物种质资源收集与保存', titleEn: 'Collection and conservation of specialty crop germplasm', project: '2022YFD1903000', unit: 'ics', coUnits: ['zaas'], region: '110000', platform: 'ag', budget: 150000, acceptance: '2027-12-31', pi: { name: '江南', email: 'jiang.nan@ics.example.cn' } },
];

const DAY = 86_400_000;

/** Two programs, six projects, twenty subjects and plans in every state, so each demo role has real work. */
export async function loadDemoRegistry(trx: Kysely<DB>, orgIds: Map<string, string>, passwordHash: string): Promise<void> {
  const programIds = new Map<string, string>();
  for (const program of PROGRAMS) programIds.set(program.code, (await trx.insertInto('programs').values(program).returning('id').executeTakeFirstOrThrow()).id);
  const projectIds = new Map<string, string>();
  for (const project of PROJECTS) {
    const { program, ...values } = project;
    projectIds.set(project.code, (await trx.insertInto('projects').values({ ...values, programId: programIds.get(program)!, startDate: null, endDate: null }).returning('id').executeTakeFirstOrThrow()).id);
  }
  const users = new Map((await trx.selectFrom('users').select(['id', 'username', 'email']).execute()).map((u) => [u.email ?? u.username, u.id]));
  const byUsername = new Map((await trx.selectFrom('users').select(['id', 'username']).execute()).map((u) => [u.username, u.id]));
  const reviewer = (username: string) => byUsername.get(username) ?? null;
  const now = Date.now();

  for (const [index, s] of SUBJECTS.entries()) {
    let piId = users.get(s.pi.email);
    if (!piId) {
      // Other PIs exist as invited, not yet activated accounts (as after a registry import).
      piId = (await trx.insertInto('users').values({ username: s.pi.email, displayName: s.pi.name, email: s.pi.email, orgId: orgIds.get(s.unit)!, passwordHash: s.pi.email === PI.email ? passwordHash : null }).returning('id').executeTakeFirstOrThrow()).id;
      users.set(s.pi.email, piId);
    }
    const subject = await trx.insertInto('subjects').values({
      projectId: projectIds.get(s.project)!, code: s.code, titleZh: s.title, titleEn: s.titleEn, startDate: '2022-01-01', endDate: s.acceptance,
      piUserId: piId, leadUnitId: orgIds.get(s.unit)!, regionCode: s.region, platformOrgId: orgIds.get(s.platform)!,
      collectionBudget: String(s.budget), acceptanceDate: s.acceptance,
    }).returning('id').executeTakeFirstOrThrow();
    for (const co of s.coUnits ?? []) await trx.insertInto('subjectUnits').values({ subjectId: subject.id, orgId: orgIds.get(co)! }).execute();
    await trx.insertInto('roleGrants').values({ userId: piId, role: 'pi', scopeType: 'subject', scopeId: subject.id }).execute();
    if (s.submitter) await trx.insertInto('roleGrants').values({ userId: reviewer(s.submitter)!, role: 'submitter', scopeType: 'subject', scopeId: subject.id }).execute();
    if (!s.plan) continue;

    const plan = await trx.insertInto('plans').values({ subjectId: subject.id }).returning('id').executeTakeFirstOrThrow();
    const submittedAt = new Date(now - (20 - index) * DAY);
    const lines = s.plan.lines.map(([resourceType, plannedCount, dueDate, sharingMode, notes], i) => ({ position: i + 1, resourceType, plannedCount, dueDate, sharingMode, notes: notes ?? null }));
    const addVersion = async (versionNo: number, status: PlanStatus, round: number, extra: { kind?: 'initial' | 'amendment'; reason?: string; due?: Date | null; approvedAt?: Date } = {}) => {
      const version = await trx.insertInto('planVersions').values({
        planId: plan.id, versionNo, kind: extra.kind ?? 'initial', amendmentReason: extra.reason ?? null, status, round,
        stepDueAt: extra.due ?? null, createdBy: piId, submittedAt: round > 0 ? submittedAt : null, approvedAt: extra.approvedAt ?? null,
      }).returning('id').executeTakeFirstOrThrow();
      await trx.insertInto('planLines').values(lines.map((l) => ({ ...l, planVersionId: version.id }))).execute();
      for (let r = 1; r <= round; r += 1) await trx.insertInto('planRounds').values({ planVersionId: version.id, round: r, submittedBy: piId, lines: JSON.stringify(lines), submittedAt }).execute();
      return version.id;
    };
    const decide = (versionId: string, round: number, tier: 'unit' | 'platform', decision: 'approve' | 'return', who: string | null, comment: string | null = null) =>
      trx.insertInto('planDecisions').values({ planVersionId: versionId, round, tier, decision, reviewerId: who, comment, decidedAt: new Date(submittedAt.getTime() + DAY * (tier === 'unit' ? 2 : 5)) }).execute();
    const unitAdmin = s.unit === 'zju' ? reviewer('unit_admin') : null;
    const platformAdmin = reviewer(s.platform === 'ph' ? 'ph_admin' : 'ag_admin');

    switch (s.plan.state) {
      case 'draft':
        await addVersion(1, 'draft', 0);
        break;
      case 'unit_review':
        await addVersion(1, 'unit_review', 1, { due: addWorkingDays(new Date(), 6) });
        break;
      case 'unit_review_overdue':
        await addVersion(1, 'unit_review', 1, { due: new Date(now - 3 * DAY) });
        break;
      case 'platform_review': {
        const id = await addVersion(1, 'platform_review', 1, { due: addWorkingDays(new Date(), 4) });
        await decide(id, 1, 'unit', 'approve', unitAdmin);
        break;
      }
      case 'returned': {
        const id = await addVersion(1, 'returned', 1, { due: addWorkingDays(new Date(), 8) });
        await decide(id, 1, 'unit', 'return', unitAdmin, '请补充实物资源的保存单位与数量依据');
        await trx.insertInto('planComments').values({ planVersionId: id, round: 1, linePosition: lines.length, parentId: null, authorId: unitAdmin, body: '实物样本数量与任务书不一致，请核对后修改' }).execute();
        break;
      }
      case 'approved':
      case 'amending': {
        const id = await addVersion(1, 'approved', 1, { approvedAt: new Date(submittedAt.getTime() + 5 * DAY) });
        await decide(id, 1, 'unit', 'approve', unitAdmin);
        await decide(id, 1, 'platform', 'approve', platformAdmin, '同意');
        await trx.updateTable('plans').set({ approvedVersionId: id }).where('id', '=', plan.id).execute();
        if (s.plan.state === 'amending') {
          lines.push({ position: lines.length + 1, resourceType: 'patent_standard', plannedCount: 1, dueDate: '2027-06-15', sharingMode: 'offline', notes: '新增团体标准一项' });
          await addVersion(2, 'unit_review', 1, { kind: 'amendment', reason: '课题中期评估后新增团体标准研制任务', due: addWorkingDays(new Date(), 9) });
        }
        break;
      }
    }
  }
}
