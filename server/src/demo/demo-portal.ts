import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../db/schema';
import type { Ctx } from '../platform/context';
import type { Services } from '../services';
import type { StandardDocument } from '../modules/standards/standard-document';
import { newestApprovedVersion } from '../modules/standards/standards.repository';
import { addMonths } from '../modules/releases/releases.service';
import type { ReviewSettings } from '../modules/reviews/review-settings';
import { chinaDate } from '../platform/china-time';
import { reindexAll } from '../modules/search/search-index';
import { as, attach, exampleRecord } from './demo-support';
import { CATALOGUE, type CatalogueEntry } from './demo-portal-catalogue';

const LICENCES = ['CC-BY-4.0', 'CC-BY-4.0', 'CC-BY-NC-4.0', 'CC0-1.0', 'platform-agreement'];

/** A small real file per type, so downloads, checksums and BagIt exports have content. */
function fileFor(entry: CatalogueEntry, index: number): { path: string; content: string } | null {
  switch (entry.type) {
    case 'data':
      return { path: 'data/records.csv', content: `id,site,value,year\n${Array.from({ length: 20 }, (_, i) => `${i + 1},S${(i % 5) + 1},${((index * 37 + i * 13) % 97) / 10},${2019 + (i % 5)}`).join('\n')}\n` };
    case 'report':
    case 'publication':
      return { path: `${entry.type}/fulltext.txt`, content: `${entry.titleZh}\n${entry.titleEn}\n\n${entry.descriptionZh}\n` };
    case 'patent_standard':
      return { path: 'document/text.txt', content: `${entry.titleZh}\n\n${entry.descriptionZh}\n` };
    default:
      return null;
  }
}

/**
 * Sixty-odd released resources for the portal, made through the services as their PIs and platforms
 * would (with unit and expert review skipped while loading, as a platform may configure), then a few
 * new versions, one withdrawal, member applications, and release dates spread over the last year.
 */
export async function loadDemoPortal(db: Kysely<DB>, services: Services): Promise<string[]> {
  const platforms = { ph: await as(db, 'ph_admin'), ag: await as(db, 'ag_admin') };
  const repoKeeper = await as(db, 'repo_keeper');
  const genebank = await db.selectFrom('organisations').select('id').where('kind', '=', 'repository').executeTakeFirstOrThrow();
  const subjects = new Map((await db.selectFrom('subjects').select(['id', 'code', 'platformOrgId']).execute()).map((s) => [s.code, s]));
  const pis = new Map((await db.selectFrom('roleGrants as g').innerJoin('users as u', 'u.id', 'g.userId').select(['g.scopeId', 'u.username']).where('g.role', '=', 'pi').execute()).map((g) => [g.scopeId, g.username]));
  const platformOf = (platformOrgId: string) => (platforms.ph.actor!.grants.some((g) => g.scopeId === platformOrgId) ? platforms.ph : platforms.ag);
  const settings = new Map<string, ReviewSettings>();
  for (const ctx of Object.values(platforms)) {
    const platformId = ctx.actor!.grants[0]!.scopeId!;
    const { licences: _l, resourceTypes: _t, ...current } = await services.reviews.getSettings(ctx, platformId);
    settings.set(platformId, current);
    const skipAll = Object.fromEntries(['data', 'report', 'publication', 'patent_standard', 'instrument', 'physical'].map((t) => [t, ['unit', 'expert'] as Array<'unit' | 'expert'>]));
    await services.reviews.saveSettings(ctx, platformId, { ...current, skipTiers: skipAll });
  }
  const pis_ = new Map<string, Ctx>();
  const piOf = async (subjectId: string) => {
    if (!pis_.has(subjectId)) pis_.set(subjectId, await as(db, pis.get(subjectId)!));
    return pis_.get(subjectId)!;
  };

  const byTitle = new Map<string, string>();
  const today = chinaDate();
  for (const [index, entry] of CATALOGUE.entries()) {
    const subject = subjects.get(entry.subject);
    if (!subject) continue;
    const schema = ((await newestApprovedVersion(db, subject.platformOrgId))?.document as StandardDocument | undefined)?.resourceTypes[entry.type]?.schema;
    if (!schema) continue;
    const pi = await piOf(subject.id);
    const platform = platformOf(subject.platformOrgId);
    const licence = entry.sharingMode === 'restricted' ? 'platform-agreement' : LICENCES[index % LICENCES.length]!;
    const created = await services.resources.create(pi, subject.id, { resourceType: entry.type });
    const metadata = { ...exampleRecord(schema, entry.titleZh, entry.subject, entry.sharingMode), titleEn: entry.titleEn, descriptionZh: entry.descriptionZh.length >= 40 ? entry.descriptionZh : `${entry.descriptionZh}资源由课题组整理，经平台审核后发布共享。`, keywordsZh: entry.keywords, licence };
    await services.resources.saveMetadata(pi, created.id, metadata);
    const file = fileFor(entry, index);
    if (file) await attach(db, services, created.id, file.path, file.content);
    if (entry.type === 'physical') {
      const detail = await services.resources.recordDeposit(pi, created.id, { repositoryOrgId: genebank.id, items: [{ name: entry.titleZh, quantity: 100 + index, unit: '份' }], shippingMethod: '冷链快递', trackingNumber: `SF${1402215700 + index}`, sentDate: today });
      await services.resources.confirmDeposit(repoKeeper, detail.deposits[0]!.id, { outcome: 'received', items: [{ name: entry.titleZh, quantity: 100 + index, unit: '份' }], condition: '包装完好，温度记录正常', accessionNumbers: [`NCGB-2026-${String(index).padStart(6, '0')}`] });
    }
    const { problems } = await services.resources.get(pi, created.id);
    if (problems.length > 0) throw new Error(`demo resource "${entry.titleZh}" does not meet its standard: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`);
    await services.resources.submit(pi, created.id);
    await services.reviews.decide(platform, created.id, { decision: 'approve', comment: '符合汇交标准规范。' });
    await services.releases.release(platform, created.id, {
      sharingMode: entry.sharingMode, licence, embargoEnd: entry.sharingMode === 'embargo' ? addMonths(today, 3 + (index % 7)) : null,
    });
    byTitle.set(entry.titleZh, created.id);
  }

  // Three resources get a revised second version; the first stays citable as superseded.
  for (const title of ['西南地区多民族自然人群队列基线数据集', '黑土地耕层结构长期定位监测数据（2019—2023）', '水稻种质资源抗逆性状鉴定数据']) {
    const id = byTitle.get(title);
    if (!id) continue;
    const resource = await db.selectFrom('resources').select(['subjectId', 'metadata']).where('id', '=', id).executeTakeFirstOrThrow();
    const subject = [...subjects.values()].find((s) => s.id === resource.subjectId)!;
    const pi = await piOf(subject.id);
    const next = await services.releases.newVersion(pi, id);
    await services.resources.saveMetadata(pi, next, { ...(resource.metadata as Record<string, unknown>), titleZh: `${title}（修订版）`, descriptionZh: `${(resource.metadata as { descriptionZh: string }).descriptionZh}第 2 版补充了 2024 年数据并修正了部分编码错误。` });
    await services.resources.submit(pi, next);
    await services.reviews.decide(platformOf(subject.platformOrgId), next, { decision: 'approve', comment: '修订内容已核对。' });
    await services.releases.release(platformOf(subject.platformOrgId), next, { sharingMode: 'open', licence: 'CC-BY-4.0' });
    byTitle.set(`${title}（修订版）`, next);
  }

  const withdrawn = byTitle.get('小麦种质资源表型鉴定年度报告');
  if (withdrawn) await services.releases.withdraw(platforms.ag, withdrawn, '报告中部分鉴定数据有误，课题组修订后将重新汇交。');

  // The member applies: one approved by the platform, two waiting for their providers.
  const member = await as(db, 'member');
  const applications: Array<[string, 'approve' | null]> = [['高血压患者心脑血管事件随访数据集', 'approve'], ['冠心病介入治疗真实世界登记数据', null], ['秸秆还田对黑土有机质影响田间试验数据', null]];
  for (const [title, decision] of applications) {
    const id = byTitle.get(title);
    if (!id) continue;
    const application = await services.applications.apply(member, id, { purpose: '开展慢性病与农业环境交叉研究的二次分析', intendedUse: '统计建模与论文发表，不对外提供原始数据', agreementAccepted: true });
    if (decision) await services.applications.decide(platforms.ph, application.id, { decision }, { ip: '127.0.0.1', userAgent: 'demo', machine: false });
  }

  // Release dates spread over the last eleven months, newest last, so years, trends and "newest" mean something.
  const released = await db.selectFrom('resources').select('id').where('releasedAt', 'is not', null).where('status', 'in', ['released', 'superseded', 'withdrawn']).orderBy('releasedAt').execute();
  for (const [i, r] of released.entries()) {
    const daysAgo = Math.round(((released.length - i) / released.length) * 330);
    await db.updateTable('resources').set({ releasedAt: sql<Date>`now() - make_interval(days => ${daysAgo})` }).where('id', '=', r.id).execute();
  }

  await reindexAll(db);

  for (const ctx of Object.values(platforms)) {
    const platformId = ctx.actor!.grants[0]!.scopeId!;
    const realistic: ReviewSettings['skipTiers'] = ctx === platforms.ph ? { publication: ['expert'], patent_standard: ['expert'] } : { publication: ['expert'] };
    await services.reviews.saveSettings(ctx, platformId, { ...settings.get(platformId)!, skipTiers: realistic });
  }
  return released.map((r) => r.id);
}
