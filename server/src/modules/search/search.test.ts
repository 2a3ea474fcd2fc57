import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/build-app';
import { buildOrg, buildSubject } from '../../test/factories';
import { buildReviewWorld } from '../../test/review-world';
import type { ResourceStatus, SharingMode } from '../../db/schema';
import type { UsageEventInput } from '../usage/usage-event';
import { reindexAll, reindexResource } from './search-index';
import { chinaYear } from '../../platform/china-time';
import { cut } from './segmenter';
import { SearchService } from './search.service';

let t: TestApp;
let w: Awaited<ReturnType<typeof buildReviewWorld>>;
let standardVersionId: string;
let cstrCounter = 0;

beforeAll(async () => {
  t = await buildTestApp({ CSTR_RA_CODE: '31253' });
  w = await buildReviewWorld(t);
  standardVersionId = (await t.database.db.selectFrom('standardVersions').select('id').executeTakeFirstOrThrow()).id;
});
afterAll(() => t.close());

type Subject = Awaited<ReturnType<typeof buildSubject>>['subject'];

interface Fixture {
  title: string;
  titleEn?: string;
  description?: string;
  keywords?: string[];
  type?: string;
  discipline?: string;
  sharingMode?: SharingMode;
  licence?: string;
  releasedAt?: string;
  status?: ResourceStatus;
}

/** A resource row as release leaves it (status, CSTR, sharing mode…), then indexed the way the release hook does. */
async function resource(subject: Subject, f: Fixture): Promise<string> {
  cstrCounter += 1;
  const row = await t.database.db.insertInto('resources').values({
    subjectId: subject.id, resourceType: f.type ?? 'data', standardVersionId, status: f.status ?? 'released', lineageId: randomUUID(), titleZh: f.title,
    metadata: JSON.stringify({ titleZh: f.title, titleEn: f.titleEn, descriptionZh: f.description ?? '一份用于检索测试的资源描述。', keywordsZh: f.keywords ?? ['测试'], discipline: f.discipline ?? '170' }),
    cstr: `CSTR:31253.11.searchtest.${cstrCounter}`, sharingMode: f.sharingMode ?? 'open', licence: f.licence ?? 'CC-BY-4.0', releasedAt: new Date(f.releasedAt ?? '2026-06-15T04:00:00Z'),
  }).returning('id').executeTakeFirstOrThrow();
  await reindexResource(t.database.db, row.id);
  return row.id;
}

const search = async (query: string) => {
  const answer = await t.anonymous().get(`/api/portal/search?${query}`);
  if (answer.statusCode !== 200) throw new Error(`search ${query}: ${answer.statusCode} ${answer.body}`);
  return answer.json();
};
const ids = (answer: { items: Array<{ id: string }> }) => answer.items.map((i) => i.id);
const counts = (buckets: Array<{ value: string; count: number }>) => Object.fromEntries(buckets.map((b) => [b.value, b.count]));
const q = (text: string) => `q=${encodeURIComponent(text)}`;

/** An approved resource of the review world (the review chain itself is tested in reviews). */
async function approved(title: string) {
  const id = await w.submitted(title);
  await t.database.db.updateTable('resources').set({ status: 'approved', stepDueAt: null }).where('id', '=', id).execute();
  return id;
}

describe('segmentation and matching', () => {
  it('keeps 汇交 one word: a title with it ranks first, text with 汇 and 交 apart is not found', async () => {
    expect(cut('资源汇交')).toEqual(['资源', '汇交']);
    const subject = (await buildSubject(t.database.db)).subject;
    const inTitle = await resource(subject, { title: '东海渔业资源汇交数据集', description: '东海渔业调查记录。' });
    const inDescription = await resource(subject, { title: '东海渔业调查数据集', description: '本数据集由东海渔业课题汇交。' });
    const apart = await resource(subject, { title: '东海碳汇与交通排放数据', description: '东海沿岸碳汇，交通排放清单。' });
    const answer = await search(`${q('东海 汇交')}`);
    expect(ids(answer)).toEqual([inTitle, inDescription]);
    expect(ids(answer)).not.toContain(apart);
    expect(answer.items[0].snippet).toContain('<mark>汇交</mark>');
    expect(ids(await search(q('东海 碳汇')))).toEqual([apart]);
  });

  it('finds a compound by its parts, and Chinese words whatever the spacing', async () => {
    const subject = (await buildSubject(t.database.db)).subject;
    const id = await resource(subject, { title: '小麦种质资源表型鉴定数据集', description: '黄淮麦区小麦种质资源的抗病性鉴定。' });
    for (const text of ['种质资源', '种质', '小麦 表型', '小麦表型鉴定', '黄淮麦区']) expect(ids(await search(q(text))), text).toContain(id);
    expect(ids(await search(q('小麦 水稻')))).not.toContain(id);
  });

  it('stems English: soils finds soil, and highlights the word', async () => {
    const subject = (await buildSubject(t.database.db)).subject;
    const id = await resource(subject, { title: '黑土区土壤水分观测数据', titleEn: 'Soil moisture observations in the black soil region', description: '黑土区土壤水分的逐日观测。' });
    const answer = await search(q('soils'));
    expect(ids(answer)).toEqual([id]);
    expect(answer.items[0].snippet).toContain('<mark>Soil</mark>');
    expect(ids(await search(q('moisture observed')))).toEqual([id]);
    expect(ids(await search(q('黑土 soils')))).toEqual([id]);
    expect((await search(q('the of'))).total).toBe(0);
  });

  it('escapes everything in snippets but the <mark> around matches', async () => {
    const subject = (await buildSubject(t.database.db)).subject;
    const inTitle = await resource(subject, { title: '<script>alert("x")</script>江豚种群调查数据', description: '长江中游的调查记录。' });
    const inDescription = await resource(subject, { title: '洞庭湖鱼类调查数据', description: '记录了<img src=x onerror=alert(1)>江豚 & 鱼类的分布。' });
    const answer = await search(q('江豚'));
    const snippets = Object.fromEntries(answer.items.map((i: { id: string; snippet: string }) => [i.id, i.snippet]));
    expect(snippets[inTitle]).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;<mark>江豚</mark>种群调查数据');
    expect(snippets[inDescription]).toBe('记录了&lt;img src=x onerror=alert(1)&gt;<mark>江豚</mark> &amp; 鱼类的分布。');
    for (const snippet of Object.values(snippets)) expect(snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
    // The title itself is data (JSON), shown as text by the client.
    expect(answer.items.find((i: { id: string }) => i.id === inTitle).titleZh).toBe('<script>alert("x")</script>江豚种群调查数据');
  });
});

describe('facets, filters, sorting and pages', () => {
  let a: Subject;
  let b: Subject;
  let platformA: string;
  let platformB: string;
  let unitA: string;
  let unitB: string;
  let programA: string;
  let programB: string;
  const r: Record<string, string> = {};

  beforeAll(async () => {
    const db = t.database.db;
    await db.insertInto('regions').values({ code: '440305', nameZh: '南山区', nameEn: 'Nanshan', level: 3 }).onConflict((oc) => oc.column('code').doNothing()).execute();
    [platformA, platformB, unitA, unitB] = await Promise.all([buildOrg(db, { kind: 'domain_platform' }), buildOrg(db, { kind: 'domain_platform' }), buildOrg(db), buildOrg(db)]).then((orgs) => orgs.map((o) => o.id)) as [string, string, string, string];
    const sa = await buildSubject(db, { platformOrgId: platformA, leadUnitId: unitA, regionCode: '330000' });
    const sb = await buildSubject(db, { platformOrgId: platformB, leadUnitId: unitB, regionCode: '440305' });
    [a, b, programA, programB] = [sa.subject, sb.subject, sa.program.code, sb.program.code];
    r.one = await resource(a, { title: '珊瑚礁白化监测数据', description: '南海珊瑚礁的白化监测。', discipline: '170', releasedAt: '2025-03-01T04:00:00Z' });
    r.two = await resource(a, { title: '珊瑚礁鱼类多样性数据', description: '珊瑚礁鱼类调查。', discipline: '170', sharingMode: 'registered', releasedAt: '2026-05-01T04:00:00Z' });
    r.three = await resource(a, { title: '南海生态调查报告', description: '报告涉及珊瑚礁生态修复。', type: 'report', discipline: '180', sharingMode: 'embargo', licence: 'CC0-1.0', releasedAt: '2026-06-01T04:00:00Z' });
    r.four = await resource(b, { title: '珊瑚礁水温观测数据', description: '大亚湾珊瑚礁水温。', discipline: '180', releasedAt: '2026-07-01T04:00:00Z' });
    r.five = await resource(b, { title: '珊瑚礁保护研究论文', description: '珊瑚礁保护的研究。', type: 'publication', discipline: '170', sharingMode: 'application', licence: 'platform-agreement', releasedAt: '2024-01-10T04:00:00Z' });
    // Present in resources but never listed:
    await resource(b, { title: '珊瑚礁涉密调查数据', sharingMode: 'restricted' });
    await resource(b, { title: '珊瑚礁已撤回数据', status: 'withdrawn' });
    await resource(b, { title: '珊瑚礁旧版本数据', status: 'superseded' });
  });

  it('counts every facet exactly on a small match set, with labels', async () => {
    const answer = await search(q('珊瑚礁'));
    expect(answer).toMatchObject({ total: 5, totalCapped: false, facetsApproximate: false });
    expect(new Set(ids(answer))).toEqual(new Set([r.one, r.two, r.three, r.four, r.five]));
    expect(counts(answer.facets.type)).toEqual({ data: 3, report: 1, publication: 1 });
    expect(counts(answer.facets.platform)).toEqual({ [platformA]: 3, [platformB]: 2 });
    expect(counts(answer.facets.unit)).toEqual({ [unitA]: 3, [unitB]: 2 });
    expect(counts(answer.facets.program)).toEqual({ [programA]: 3, [programB]: 2 });
    expect(counts(answer.facets.discipline)).toEqual({ 170: 3, 180: 2 });
    expect(counts(answer.facets.province)).toEqual({ 330000: 3, 440000: 2 });
    expect(counts(answer.facets.year)).toEqual({ 2026: 3, 2025: 1, 2024: 1 });
    expect(answer.facets.year.map((y: { value: string }) => y.value)).toEqual(['2026', '2025', '2024']);
    expect(counts(answer.facets.sharingMode)).toEqual({ open: 2, registered: 1, embargo: 1, application: 1 });
    expect(counts(answer.facets.licence)).toEqual({ 'CC-BY-4.0': 3, 'CC0-1.0': 1, 'platform-agreement': 1 });

    const label = (facet: string, value: string) => answer.facets[facet].find((x: { value: string }) => x.value === value).label;
    expect(label('type', 'data')).toEqual({ zh: '科学数据', en: 'Scientific data' });
    expect(label('province', '440000')).toEqual({ zh: '广东省', en: 'Guangdong' });
    expect(label('discipline', '170')).toEqual({ zh: '地球科学', en: 'Earth Sciences' });
    expect(label('sharingMode', 'registered')).toEqual({ zh: '注册用户', en: 'registered' });
    expect(label('licence', 'CC0-1.0').zh).toBe('CC0 公共领域贡献');
    expect(label('program', programA).zh).toBe('国家重点研发计划测试专项');
    const org = await t.database.db.selectFrom('organisations').select(['nameZh', 'nameEn']).where('id', '=', platformB).executeTakeFirstOrThrow();
    const platformName = { zh: org.nameZh, en: org.nameEn };
    expect(label('platform', platformB)).toEqual(platformName);

    const four = answer.items.find((i: { id: string }) => i.id === r.four);
    expect(four).toMatchObject({
      resourceType: 'data', typeLabel: { zh: '科学数据' }, platform: { id: platformB, name: platformName }, unit: { id: unitB }, province: { code: '440000', name: { zh: '广东省' } },
      year: 2026, sharingMode: 'open', licence: 'CC-BY-4.0', cstr: expect.stringMatching(/^CSTR:31253\.11\./), releasedAt: '2026-07-01T04:00:00.000Z', usage: { views: 0, downloads: 0 },
    });
  });

  it('narrows by each filter: OR within a facet, AND across facets', async () => {
    const total = async (filters: string) => (await search(`${q('珊瑚礁')}&${filters}`)).total;
    expect(await total('type=data')).toBe(3);
    expect(await total(`platform=${platformB}`)).toBe(2);
    expect(await total(`unit=${unitA}`)).toBe(3);
    expect(await total(`program=${programB}`)).toBe(2);
    expect(await total('discipline=180')).toBe(2);
    expect(await total('province=440000')).toBe(2);
    expect(await total('year=2026')).toBe(3);
    expect(await total('sharingMode=open')).toBe(2);
    expect(await total('licence=CC0-1.0')).toBe(1);
    expect(await total('type=data&type=report')).toBe(4);
    expect(await total('type=data&province=330000')).toBe(2);
    expect(await total('type=data&province=330000&year=2025')).toBe(1);
    const narrowed = await search(`${q('珊瑚礁')}&province=440000`);
    expect(counts(narrowed.facets.type)).toEqual({ data: 1, publication: 1 });
    // Filters alone (no q) list by newest.
    expect(ids(await search(`unit=${unitB}`))).toEqual([r.four, r.five]);
  });

  it('sorts by relevance, newest and most used', async () => {
    const relevance = ids(await search(q('珊瑚礁')));
    expect(relevance.indexOf(r.three!)).toBe(4); // only in its description
    expect(ids(await search(`${q('珊瑚礁')}&sort=newest`))).toEqual([r.four, r.three, r.two, r.one, r.five]);
    const db = t.database.db;
    await db.updateTable('resourceSearch').set({ downloads: 10, views: 2 }).where('id', '=', r.five!).execute();
    await db.updateTable('resourceSearch').set({ downloads: 5, views: 100 }).where('id', '=', r.one!).execute();
    await db.updateTable('resourceSearch').set({ downloads: 5, views: 3 }).where('id', '=', r.two!).execute();
    const used = await search(`${q('珊瑚礁')}&sort=most_used`);
    expect(ids(used)).toEqual([r.five, r.one, r.two, r.four, r.three]);
    expect(used.items[1].usage).toEqual({ views: 100, downloads: 5 });
    // Usage counters survive reindexing.
    await reindexResource(db, r.one!);
    expect((await search(`${q('珊瑚礁')}&sort=most_used`)).items[1].usage).toEqual({ views: 100, downloads: 5 });
  });

  it('pages through the matches without overlap', async () => {
    const all = ids(await search(`${q('珊瑚礁')}&sort=newest`));
    const pages = [];
    for (let page = 1; page <= 4; page += 1) pages.push(await search(`${q('珊瑚礁')}&sort=newest&pageSize=2&page=${page}`));
    expect(pages.map((p) => p.items.length)).toEqual([2, 2, 1, 0]);
    expect(pages.every((p) => p.total === 5)).toBe(true);
    expect(pages.flatMap(ids)).toEqual(all);
  });

  it('counts totals and facets over a capped match set and says so', async () => {
    const db = t.database.db;
    const index = await import('./search-index');
    const capped = new SearchService(db, null, new index.PostgresSearchIndex(db, 3));
    const answer = await capped.search({ q: '珊瑚礁', page: 1, pageSize: 2, sort: 'newest' }, { userId: null, ip: '127.0.0.1', userAgent: 'test', machine: false });
    expect(answer).toMatchObject({ total: 3, totalCapped: true, facetsApproximate: true });
    expect(answer.facets.type.reduce((n, b) => n + b.count, 0)).toBe(3);
    // Newest past the cap is still the global order.
    expect(answer.items.map((i) => i.id)).toEqual([r.four, r.three]);
  });

  it('rejects bad parameters', async () => {
    expect((await t.anonymous().get('/api/portal/search?pageSize=51')).statusCode).toBe(400);
    expect((await t.anonymous().get('/api/portal/search?province=zhejiang')).statusCode).toBe(400);
    expect((await t.anonymous().get('/api/portal/search?sort=random')).statusCode).toBe(400);
    expect((await t.anonymous().get('/api/portal/search?sharingMode=restricted')).statusCode).toBe(400);
  });
});

describe('the listing rule and index maintenance', () => {
  it('indexes on release, swaps versions, and forgets withdrawn resources at once', async () => {
    const id = await approved('太湖蓝藻水华遥感监测数据集');
    expect((await search(q('蓝藻水华'))).total).toBe(0);
    const v1 = (await w.clients.platformAdmin.post(`/api/resources/${id}/release`, { sharingMode: 'open', licence: 'CC-BY-4.0' })).json();
    const found = await search(q('蓝藻水华'));
    expect(ids(found)).toEqual([id]);
    expect(found.items[0]).toMatchObject({ cstr: v1.release.cstr, province: { code: '330000' }, platform: { id: w.platform.id }, year: chinaYear(new Date(v1.release.releasedAt)) });

    // Exact identifiers: the CSTR in any usual form, the subject code.
    for (const form of [v1.release.cstr, v1.release.cstr.toLowerCase(), v1.release.cstr.slice(5), `https://cstr.cn/${v1.release.cstr.slice(5)}`]) {
      expect(ids(await search(q(form))), form).toEqual([id]);
    }
    expect(ids(await search(q(`${v1.release.cstr}9`)))).toEqual([]);
    expect(ids(await search(q(w.subject.code)))).toContain(id);

    const v2 = (await w.clients.pi.post(`/api/resources/${id}/versions`)).json();
    await w.clients.pi.put(`/api/resources/${v2.id}/metadata`, { metadata: { ...v1.metadata, titleZh: '太湖蓝藻水华遥感监测数据集（第二版）' } });
    expect((await w.clients.pi.post(`/api/resources/${v2.id}/submit`)).statusCode).toBe(200);
    expect(ids(await search(q('蓝藻水华')))).toEqual([id]); // the draft is not listed
    await t.database.db.updateTable('resources').set({ status: 'approved' }).where('id', '=', v2.id).execute();
    const released = (await w.clients.platformAdmin.post(`/api/resources/${v2.id}/release`, { sharingMode: 'open', licence: 'CC-BY-4.0' })).json();
    const afterV2 = await search(q('蓝藻水华'));
    expect(ids(afterV2)).toEqual([v2.id]);
    expect(afterV2.items[0].titleZh).toBe('太湖蓝藻水华遥感监测数据集（第二版）');
    expect(ids(await search(q(v1.release.cstr)))).toEqual([]); // the superseded version's CSTR
    expect(ids(await search(q(released.release.cstr)))).toEqual([v2.id]);

    expect((await w.clients.platformAdmin.post(`/api/resources/${v2.id}/withdraw`, { reason: '数据有误' })).statusCode).toBe(200);
    expect((await search(q('蓝藻水华'))).total).toBe(0);
    expect(await reindexAll(t.database.db)).toBeGreaterThan(0);
    expect((await search(q('蓝藻水华'))).total).toBe(0);
  });

  it('never lists restricted resources', async () => {
    const id = await approved('涉密洱海水质监测数据集');
    expect((await w.clients.platformAdmin.post(`/api/resources/${id}/release`, { sharingMode: 'restricted', licence: 'platform-agreement' })).statusCode).toBe(200);
    expect((await search(q('洱海水质'))).total).toBe(0);
    const cstr = (await t.database.db.selectFrom('resources').select('cstr').where('id', '=', id).executeTakeFirstOrThrow()).cstr!;
    expect((await search(q(cstr))).total).toBe(0);
  });

  it('rebuilds the index idempotently, dropping entries that went stale behind its back', async () => {
    const db = t.database.db;
    const subject = (await buildSubject(db)).subject;
    const kept = await resource(subject, { title: '滇池底泥重金属数据' });
    const gone = await resource(subject, { title: '滇池底泥有机物数据' });
    // A change that bypassed the release service (e.g. a manual fix in SQL) leaves a stale entry…
    await db.updateTable('resources').set({ status: 'withdrawn' }).where('id', '=', gone).execute();
    expect(ids(await search(q('滇池底泥'))).sort()).toEqual([kept, gone].sort());
    // …which a rebuild removes; an emptied index comes back the same.
    const listed = await reindexAll(db);
    expect(ids(await search(q('滇池底泥')))).toEqual([kept]);
    await db.deleteFrom('resourceSearch').execute();
    expect((await search(q('滇池底泥'))).total).toBe(0);
    expect(await reindexAll(db)).toBe(listed);
    expect(await reindexAll(db)).toBe(listed);
    expect(ids(await search(q('滇池底泥')))).toEqual([kept]);
  });

  it('reindexes one resource when its sharing mode changes (the embargo-lift hook)', async () => {
    const subject = (await buildSubject(t.database.db)).subject;
    const id = await resource(subject, { title: '青海湖裸鲤洄游数据', sharingMode: 'embargo' });
    expect((await search(`${q('青海湖裸鲤')}&sharingMode=embargo`)).total).toBe(1);
    await t.database.db.transaction().execute(async (trx) => {
      await trx.updateTable('resources').set({ sharingMode: 'open' }).where('id', '=', id).execute();
      await reindexResource(trx, id);
    });
    expect((await search(`${q('青海湖裸鲤')}&sharingMode=embargo`)).total).toBe(0);
    expect(ids(await search(`${q('青海湖裸鲤')}&sharingMode=open`))).toEqual([id]);
  });
});

describe('search impressions', () => {
  it('records one search hit per returned item', async () => {
    const subject = (await buildSubject(t.database.db)).subject;
    const shown = [await resource(subject, { title: '鄱阳湖候鸟越冬数据一' }), await resource(subject, { title: '鄱阳湖候鸟越冬数据二' }), await resource(subject, { title: '鄱阳湖候鸟越冬数据三' })];
    const events: UsageEventInput[] = [];
    const service = new SearchService(t.database.db, { record: (event) => events.push(event) });
    const answer = await service.search({ q: '鄱阳湖候鸟', page: 1, pageSize: 2 }, { userId: null, ip: '203.0.113.9', userAgent: 'Mozilla/5.0', machine: false });
    expect(answer.total).toBe(3);
    expect(events).toEqual(answer.items.map((i) => ({ resourceId: i.id, kind: 'search_hit', userId: null, ip: '203.0.113.9', userAgent: 'Mozilla/5.0', machine: false })));
    expect(events).toHaveLength(2);
    expect(shown).toEqual(expect.arrayContaining(events.map((e) => e.resourceId)));
  });
});
