import type { Kysely } from 'kysely';
import type { DB, OrgKind } from '../db/schema';
import type { Role } from '../../../common/roles';
import { recordAudit } from '../platform/audit';
import { systemCtx } from '../platform/context';
import { hashPassword } from '../platform/secrets';
import { installShippedStandards } from '../modules/standards/shipped-standards';
import { loadDemoRegistry } from './demo-registry';

interface DemoOrg {
  key: string;
  kind: OrgKind;
  nameZh: string;
  nameEn: string;
  parent?: string;
  region?: string;
  creditCode?: string;
}

/** The organisations of the demo set; credit codes carry valid GB 32100 check characters. */
const ORGS: DemoOrg[] = [
  { key: 'most', kind: 'ministry', nameZh: '科学技术部', nameEn: 'Ministry of Science and Technology', region: '110000' },
  { key: 'nstic', kind: 'centre', nameZh: '国家科技基础条件平台中心', nameEn: 'National Science and Technology Infrastructure Center', parent: 'most', region: '110000' },
  { key: 'ph', kind: 'domain_platform', nameZh: '国家人口健康科学数据中心', nameEn: 'National Population Health Data Center', parent: 'nstic', region: '110000' },
  { key: 'ag', kind: 'domain_platform', nameZh: '国家农业科学数据中心', nameEn: 'National Agricultural Science Data Center', parent: 'nstic', region: '110000' },
  { key: 'bj', kind: 'province_dept', nameZh: '北京市科学技术委员会', nameEn: 'Beijing Municipal Science & Technology Commission', parent: 'most', region: '110000' },
  { key: 'zj', kind: 'province_dept', nameZh: '浙江省科学技术厅', nameEn: 'Department of Science and Technology of Zhejiang Province', parent: 'most', region: '330000' },
  { key: 'sc', kind: 'province_dept', nameZh: '四川省科学技术厅', nameEn: 'Department of Science and Technology of Sichuan Province', parent: 'most', region: '510000' },
  { key: 'pumc', kind: 'unit', nameZh: '北京协和医学院', nameEn: 'Peking Union Medical College', region: '110000', creditCode: '12100000400006901E' },
  { key: 'zju', kind: 'unit', nameZh: '浙江大学', nameEn: 'Zhejiang University', region: '330000', creditCode: '12330000470003270D' },
  { key: 'scu', kind: 'unit', nameZh: '四川大学', nameEn: 'Sichuan University', region: '510000', creditCode: '12510000450716208F' },
  { key: 'ics', kind: 'unit', nameZh: '中国农业科学院作物科学研究所', nameEn: 'Institute of Crop Sciences, CAAS', region: '110000', creditCode: '12100000400019734W' },
  { key: 'zaas', kind: 'unit', nameZh: '浙江省农业科学院', nameEn: 'Zhejiang Academy of Agricultural Sciences', region: '330000', creditCode: '12330000470008542M' },
  { key: 'genebank', kind: 'repository', nameZh: '国家农作物种质资源库', nameEn: 'National Crop Genebank of China', parent: 'ag', region: '110000', creditCode: '12100000717800112X' },
];

interface DemoUser {
  username: string;
  displayName: string;
  email: string;
  org?: string;
  grants: Array<{ role: Role; scope?: string }>;
}

/** One user per role (DESIGN §4). PI and submitter get their subject grants with the registry. */
export const DEMO_USERS: DemoUser[] = [
  { username: 'admin', displayName: '系统管理员', email: 'admin@huijiao.example.cn', grants: [{ role: 'sysadmin' }] },
  { username: 'ministry', displayName: '王建国', email: 'wang.jianguo@most.example.cn', org: 'most', grants: [{ role: 'ministry_admin', scope: 'most' }] },
  { username: 'ph_admin', displayName: '李慧敏', email: 'li.huimin@ncmi.example.cn', org: 'ph', grants: [{ role: 'platform_admin', scope: 'ph' }] },
  { username: 'ag_admin', displayName: '赵丰年', email: 'zhao.fengnian@agridata.example.cn', org: 'ag', grants: [{ role: 'platform_admin', scope: 'ag' }] },
  { username: 'expert', displayName: '陈立群', email: 'chen.liqun@pumc.example.cn', org: 'pumc', grants: [{ role: 'expert', scope: 'ph' }] },
  { username: 'ag_expert', displayName: '黄志农', email: 'huang.zhinong@caas.example.cn', org: 'ics', grants: [{ role: 'expert', scope: 'ag' }] },
  { username: 'zj_supervisor', displayName: '周明', email: 'zhou.ming@zjkjt.example.cn', org: 'zj', grants: [{ role: 'province_supervisor', scope: 'zj' }] },
  { username: 'unit_admin', displayName: '孙静', email: 'sun.jing@zju.example.cn', org: 'zju', grants: [{ role: 'unit_admin', scope: 'zju' }] },
  { username: 'repo_keeper', displayName: '马德林', email: 'ma.delin@genebank.example.cn', org: 'genebank', grants: [{ role: 'unit_admin', scope: 'genebank' }] },
  { username: 'pi', displayName: '刘洋', email: 'liu.yang@zju.example.cn', org: 'zju', grants: [] },
  { username: 'submitter', displayName: '张晓雨', email: 'zhang.xiaoyu@zju.example.cn', org: 'zju', grants: [] },
  { username: 'member', displayName: '吴文', email: 'wu.wen@example.cn', grants: [] },
];

/** Loads the demo set once; returns false when it is already there. */
export async function loadDemoData(db: Kysely<DB>, password: string): Promise<boolean> {
  await installShippedStandards(db);
  const present = await db.selectFrom('organisations').select('id').where('nameZh', '=', ORGS[0]!.nameZh).executeTakeFirst();
  if (present) return false;
  const passwordHash = await hashPassword(password);

  await db.transaction().execute(async (trx) => {
    const ids = new Map<string, string>();
    for (const org of ORGS) {
      const row = await trx
        .insertInto('organisations')
        .values({
          kind: org.kind, nameZh: org.nameZh, nameEn: org.nameEn,
          parentId: org.parent ? ids.get(org.parent) ?? null : null,
          regionCode: org.region ?? null, creditCode: org.creditCode ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.set(org.key, row.id);
    }
    for (const user of DEMO_USERS) {
      const existing = await trx.selectFrom('users').select('id').where('username', '=', user.username).executeTakeFirst();
      if (existing) continue;
      const row = await trx
        .insertInto('users')
        .values({ username: user.username, displayName: user.displayName, email: user.email, orgId: user.org ? ids.get(user.org) ?? null : null, passwordHash })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const grant of user.grants) {
        await trx.insertInto('roleGrants').values({
          userId: row.id, role: grant.role,
          scopeType: grant.scope ? 'organisation' : 'platform',
          scopeId: grant.scope ? ids.get(grant.scope) ?? null : null,
        }).execute();
      }
    }
    await approveShippedStandards(trx, ids);
    await loadDemoRegistry(trx, ids, passwordHash);
    await recordAudit(trx, systemCtx('demo'), {
      action: 'demo.loaded', objectType: 'dataset', objectId: 'foundation',
      after: { organisations: ORGS.length, users: DEMO_USERS.map((u) => u.username) },
    });
  });
  return true;
}

/** Which demo platform publishes each shipped standard, and the expert who approved it. */
const STANDARD_PLATFORMS: Record<string, { platform: string; expert: string }> = {
  'population-health': { platform: 'ph', expert: 'expert' },
  agriculture: { platform: 'ag', expert: 'ag_expert' },
};

/** Links the shipped standards to the demo platforms and records their expert approval. */
async function approveShippedStandards(trx: Kysely<DB>, orgIds: Map<string, string>): Promise<void> {
  for (const [domain, { platform, expert }] of Object.entries(STANDARD_PLATFORMS)) {
    const standard = await trx.selectFrom('standards').select('id').where('domain', '=', domain).executeTakeFirst();
    const platformId = orgIds.get(platform);
    if (!standard || !platformId) continue;
    await trx.updateTable('standards').set({ platformOrgId: platformId }).where('id', '=', standard.id).execute();
    const expertUser = await trx.selectFrom('users').select('id').where('username', '=', expert).executeTakeFirstOrThrow();
    const drafts = await trx.selectFrom('standardVersions').select('id').where('standardId', '=', standard.id).where('status', '=', 'draft').execute();
    for (const draft of drafts) {
      await trx.updateTable('standardVersions').set({ status: 'approved', reviewRound: 1, submittedAt: new Date(), approvedAt: new Date() }).where('id', '=', draft.id).execute();
      await trx.insertInto('standardReviews').values({
        versionId: draft.id, round: 1, expertId: expertUser.id, decision: 'approve', comment: '字段完整，符合领域规范，同意发布。', decidedAt: new Date(),
      }).execute();
      await recordAudit(trx, systemCtx('demo'), { action: 'standard.approved', objectType: 'standard_version', objectId: draft.id, after: { status: 'approved', domain } });
    }
  }
}
