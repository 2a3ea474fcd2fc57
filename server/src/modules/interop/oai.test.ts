import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, type TestClient } from '../../test/build-app';
import { buildReviewWorld } from '../../test/review-world';
import { SCHEMAS, validateXml } from '../../test/xmllint';
import { encodeToken, PAGE_SIZE } from './oai';

const PUBLIC_URL = 'https://huijiao.example.cn';
const BULK = 10_050;

let t: TestApp;
let w: Awaited<ReturnType<typeof buildReviewWorld>>;
let harvester: TestClient;
const ids = {} as Record<'open' | 'restricted' | 'withdrawn' | 'withdrawnRestricted' | 'v1' | 'v2' | 'draft', string>;
const oaiId = (id: string) => `oai:huijiao.example.cn:${id}`;

/** The parts of an OAI-PMH response a harvester reads. */
function parse(xml: string) {
  const headers = [...xml.matchAll(/<header( status="deleted")?><identifier>([^<]+)<\/identifier><datestamp>([^<]+)<\/datestamp>((?:<setSpec>[^<]+<\/setSpec>)*)<\/header>/g)]
    .map((m) => ({ deleted: !!m[1], identifier: m[2]!, datestamp: m[3]!, sets: [...m[4]!.matchAll(/<setSpec>([^<]+)<\/setSpec>/g)].map((s) => s[1]!) }));
  const token = /<resumptionToken([^>]*?)(?:\/>|>([^<]*)<\/resumptionToken>)/.exec(xml);
  const attr = (name: string) => (token ? new RegExp(`${name}="([^"]*)"`).exec(token[1]!)?.[1] : undefined);
  return {
    headers,
    error: /<error code="(\w+)">/.exec(xml)?.[1] ?? null,
    token: token ? { value: token[2] ?? '', cursor: attr('cursor'), completeListSize: attr('completeListSize'), expirationDate: attr('expirationDate') } : null,
  };
}

async function oai(query: string) {
  const answer = await harvester.get(`/oai?${query}`);
  expect(answer.statusCode).toBe(200);
  expect(answer.headers['content-type']).toBe('text/xml; charset=utf-8');
  return answer.body;
}

/** Follows resumption tokens to the end; returns every response. */
async function harvest(query: string, between?: (pages: string[]) => Promise<void>) {
  const pages: string[] = [];
  let next: string | null = query;
  while (next !== null) {
    const xml = await oai(next);
    pages.push(xml);
    const { token, error } = parse(xml);
    if (error) break;
    next = token?.value ? `verb=${/verb=(\w+)/.exec(query)![1]}&resumptionToken=${encodeURIComponent(token.value)}` : null;
    if (between) await between(pages);
  }
  return pages;
}

async function released(title: string, sharingMode: string) {
  const id = await w.submitted(title);
  await t.database.db.updateTable('resources').set({ status: 'approved' }).where('id', '=', id).execute();
  expect((await w.clients.platformAdmin.post(`/api/resources/${id}/release`, { sharingMode, licence: 'CC-BY-4.0' })).statusCode).toBe(200);
  return id;
}

beforeAll(async () => {
  t = await buildTestApp({ PUBLIC_URL, CSTR_RA_CODE: '31253' });
  w = await buildReviewWorld(t);
  harvester = t.anonymous();
  ids.open = await released('开放数据集', 'open');
  ids.restricted = await released('受限数据集', 'restricted');
  ids.withdrawn = await released('撤回的数据集', 'open');
  ids.withdrawnRestricted = await released('撤回的受限数据集', 'restricted');
  for (const id of [ids.withdrawn, ids.withdrawnRestricted]) await w.clients.platformAdmin.post(`/api/resources/${id}/withdraw`, { reason: '撤回测试' });
  ids.v1 = await released('两个版本的数据集', 'open');
  ids.v2 = (await w.clients.pi.post(`/api/resources/${ids.v1}/versions`)).json().id;
  await t.database.db.updateTable('resources').set({ status: 'approved' }).where('id', '=', ids.v2).execute();
  await w.clients.platformAdmin.post(`/api/resources/${ids.v2}/release`, { sharingMode: 'open', licence: 'CC-BY-4.0' });
  ids.draft = (await w.clients.pi.post(`/api/subjects/${w.subject.id}/resources`, { resourceType: 'data' })).json().id;

  // 10 050 released resources straight in SQL: datestamps spread over ten seconds of 2025-01-01, many
  // sharing the same microsecond, so pages must break ties by id.
  const { standardVersionId } = await t.database.db.selectFrom('resources').select('standardVersionId').where('id', '=', ids.open).executeTakeFirstOrThrow();
  await sql`
    INSERT INTO resources (subject_id, resource_type, standard_version_id, lineage_id, title_zh, metadata, status, cstr, sharing_mode, licence, released_at, updated_at)
    SELECT ${w.subject.id}::uuid, 'data', ${standardVersionId}::uuid, gen_random_uuid(), '批量数据集 ' || n, ${JSON.stringify({ titleZh: '批量数据集', creators: [{ name: '刘洋' }] })}::jsonb,
           'released', 'CSTR:31253.11.bulk' || n, 'open', 'CC-BY-4.0', timestamptz '2025-01-01T00:00:00Z',
           timestamptz '2025-01-01T00:00:00Z' + (n / 1000) * interval '1 second' + (n % 7) * interval '1 microsecond'
    FROM generate_series(0, ${BULK - 1}) AS n`.execute(t.database.db);
}, 300_000);
afterAll(() => t.close());

/** Every id a harvester may see now: public statuses, released once, not restricted. */
async function exposedIds() {
  const rows = await t.database.db.selectFrom('resources').select('id').where('status', 'in', ['released', 'superseded', 'withdrawn']).where('releasedAt', 'is not', null).where('sharingMode', '!=', 'restricted').execute();
  return new Set(rows.map((r) => oaiId(r.id)));
}

describe('OAI-PMH', () => {
  it('identifies itself, lists both metadata formats and its sets, all valid against the OAI-PMH schema', async () => {
    const identify = await oai('verb=Identify');
    expect(identify).toContain(`<baseURL>${PUBLIC_URL}/oai</baseURL>`);
    expect(identify).toContain('<protocolVersion>2.0</protocolVersion>');
    expect(identify).toContain('<adminEmail>oai@huijiao.example.cn</adminEmail>');
    expect(identify).toContain('<earliestDatestamp>2025-01-01T00:00:00Z</earliestDatestamp>');
    expect(identify).toContain('<deletedRecord>persistent</deletedRecord>');
    expect(identify).toContain('<granularity>YYYY-MM-DDThh:mm:ssZ</granularity>');
    expect(identify).toMatch(/<responseDate>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z<\/responseDate><request verb="Identify">https:\/\/huijiao\.example\.cn\/oai<\/request>/);

    const formats = await oai('verb=ListMetadataFormats');
    expect(formats).toContain('<metadataPrefix>oai_dc</metadataPrefix><schema>http://www.openarchives.org/OAI/2.0/oai_dc.xsd</schema><metadataNamespace>http://www.openarchives.org/OAI/2.0/oai_dc/</metadataNamespace>');
    expect(formats).toContain('<metadataPrefix>oai_datacite</metadataPrefix><schema>http://schema.datacite.org/meta/kernel-4/metadata.xsd</schema><metadataNamespace>http://datacite.org/schema/kernel-4</metadataNamespace>');
    const forItem = await oai(`verb=ListMetadataFormats&identifier=${oaiId(ids.withdrawn)}`);
    expect(forItem).toContain('<metadataPrefix>oai_datacite</metadataPrefix>');

    const sets = await oai('verb=ListSets');
    for (const spec of ['platform', `platform:${w.platform.id}`, 'type', 'type:data', 'type:patent_standard', 'program', `program:${w.program.code}`]) expect(sets).toContain(`<setSpec>${spec}</setSpec>`);
    expect(sets).not.toContain(w.otherPlatform.id);

    const check = await validateXml(SCHEMAS.oai, [identify, formats, forItem, sets]);
    expect(check.valid, check.report).toBe(true);
  });

  it('gives live records their metadata, deleted ones (withdrawn, superseded) a header only, and never shows restricted ones', async () => {
    const since = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const pages: string[] = [];
    for (const prefix of ['oai_dc', 'oai_datacite']) pages.push(...(await harvest(`verb=ListRecords&metadataPrefix=${prefix}&from=${since}`)));
    const check = await validateXml(SCHEMAS.oai, pages);
    expect(check.valid, check.report).toBe(true);

    const dc = pages[0]!;
    const headers = parse(dc).headers;
    const byId = new Map(headers.map((h) => [h.identifier, h]));
    expect(byId.get(oaiId(ids.open))).toMatchObject({ deleted: false, sets: [`platform:${w.platform.id}`, 'type:data', `program:${w.program.code}`] });
    expect(byId.get(oaiId(ids.withdrawn))?.deleted).toBe(true);
    expect(byId.get(oaiId(ids.v1))?.deleted).toBe(true);
    expect(byId.get(oaiId(ids.v2))?.deleted).toBe(false);
    for (const hidden of [ids.restricted, ids.withdrawnRestricted, ids.draft]) expect(byId.has(oaiId(hidden))).toBe(false);
    expect(headers).toHaveLength(4);
    expect(dc.match(/<metadata>/g)).toHaveLength(2);
    expect(dc).toContain('<dc:title xml:lang="zh">开放数据集</dc:title>');
    expect(dc).toContain('<dc:rights>info:eu-repo/semantics/openAccess</dc:rights>');
    expect(pages[1]!).toContain('<resource xmlns="http://datacite.org/schema/kernel-4"');

    const deleted = await oai(`verb=GetRecord&metadataPrefix=oai_datacite&identifier=${oaiId(ids.withdrawn)}`);
    expect(deleted).toMatch(/<GetRecord><record><header status="deleted">/);
    expect(deleted).not.toContain('<metadata>');
    const live = await oai(`verb=GetRecord&metadataPrefix=oai_datacite&identifier=${oaiId(ids.v2)}`);
    expect(live).toContain(`<relatedIdentifier relatedIdentifierType="CSTR" relationType="IsNewVersionOf"`);
    for (const hidden of [ids.restricted, ids.withdrawnRestricted, ids.draft]) {
      expect(parse(await oai(`verb=GetRecord&metadataPrefix=oai_dc&identifier=${oaiId(hidden)}`)).error).toBe('idDoesNotExist');
      expect(parse(await oai(`verb=ListMetadataFormats&identifier=${oaiId(hidden)}`)).error).toBe('idDoesNotExist');
    }
    expect((await validateXml(SCHEMAS.oai, [deleted, live])).valid).toBe(true);
  });

  it('selects by from/until at day and second granularity (until inclusive) and by set', async () => {
    const count = async (query: string) => {
      const first = parse(await oai(`verb=ListIdentifiers&metadataPrefix=oai_dc&${query}`));
      if (first.error) return first.error;
      return first.token ? Number(first.token.completeListSize) : first.headers.length;
    };
    expect(await count('from=2025-01-01T00:00:03Z&until=2025-01-01T00:00:04Z')).toBe(2000);
    expect(await count('from=2025-01-01T00:00:09Z&until=2025-01-01T00:00:09Z')).toBe(1000);
    expect(await count('until=2025-01-01T00:00:00Z')).toBe(1000);
    expect(await count('from=2025-01-01&until=2025-01-01')).toBe(BULK);
    expect(await count('until=2024-12-31')).toBe('noRecordsMatch');
    expect(await count('from=2099-01-01')).toBe('noRecordsMatch');
    const all = (await exposedIds()).size;
    expect(await count('set=type')).toBe(all);
    expect(await count('set=type:data')).toBe(all);
    expect(await count(`set=platform:${w.platform.id}`)).toBe(all);
    expect(await count(`set=program:${w.program.code}`)).toBe(all);
    expect(await count('set=type:instrument')).toBe('noRecordsMatch');
    expect(await count(`set=platform:${w.otherPlatform.id}`)).toBe('noRecordsMatch');
    expect(await count('set=nothing:here')).toBe('noRecordsMatch');

    // A walk of a window returns exactly its records, in datestamp order.
    const pages = await harvest('verb=ListIdentifiers&metadataPrefix=oai_dc&from=2025-01-01T00:00:03Z&until=2025-01-01T00:00:04Z');
    const stamps = pages.flatMap((p) => parse(p).headers.map((h) => h.datestamp));
    expect(stamps).toHaveLength(2000);
    expect(new Set(stamps)).toEqual(new Set(['2025-01-01T00:00:03Z', '2025-01-01T00:00:04Z']));
    expect([...stamps].sort()).toEqual(stamps);
  });

  it('answers POST forms like GET', async () => {
    const post = await harvester.request('POST', '/oai', 'verb=ListIdentifiers&metadataPrefix=oai_dc&until=2025-01-01T00%3A00%3A00Z', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(post.statusCode).toBe(200);
    const get = await oai('verb=ListIdentifiers&metadataPrefix=oai_dc&until=2025-01-01T00:00:00Z');
    const strip = (xml: string) => xml.replace(/<responseDate>[^<]+<\/responseDate>/, '').replace(/expirationDate="[^"]+"/, '').replace(/<resumptionToken([^>]*)>[^<]+</, '<resumptionToken$1><');
    expect(strip(post.body)).toBe(strip(get));
  });

  it('answers each protocol error with its code and a valid document echoing only what it may', async () => {
    const expired = encodeToken({ prefix: 'oai_dc', set: null, from: null, until: null, after: { at: '2025-01-01T00:00:00.000000Z', id: ids.open }, delivered: 500, total: 1000, expires: Date.now() - 1000 });
    const cases: Array<[string, string]> = [
      ['', 'badVerb'],
      ['verb=Explode', 'badVerb'],
      ['verb=Identify&verb=Identify', 'badVerb'],
      ['verb=Identify&metadataPrefix=oai_dc', 'badArgument'],
      ['verb=ListRecords', 'badArgument'],
      ['verb=GetRecord&metadataPrefix=oai_dc', 'badArgument'],
      ['verb=ListIdentifiers&metadataPrefix=oai_dc&from=2025-13-01', 'badArgument'],
      ['verb=ListIdentifiers&metadataPrefix=oai_dc&from=2025-01-01T00:00:00', 'badArgument'],
      ['verb=ListIdentifiers&metadataPrefix=oai_dc&from=2025-01-01&until=2025-01-02T00:00:00Z', 'badArgument'],
      ['verb=ListIdentifiers&metadataPrefix=oai_dc&from=2025-02-01&until=2025-01-01', 'badArgument'],
      ['verb=ListIdentifiers&metadataPrefix=oai_dc&set=type:data&set=type:report', 'badArgument'],
      ['verb=ListIdentifiers&metadataPrefix=oai_dc&set=a%20b', 'badArgument'],
      ['verb=ListIdentifiers&metadataPrefix=oai_dc&resumptionToken=abc', 'badArgument'],
      ['verb=ListRecords&resumptionToken=not-a-token', 'badResumptionToken'],
      [`verb=ListRecords&resumptionToken=${expired}`, 'badResumptionToken'],
      ['verb=ListSets&resumptionToken=anything', 'badResumptionToken'],
      ['verb=ListRecords&metadataPrefix=marc21', 'cannotDisseminateFormat'],
      [`verb=GetRecord&metadataPrefix=mods&identifier=${oaiId(ids.open)}`, 'cannotDisseminateFormat'],
      [`verb=GetRecord&metadataPrefix=oai_dc&identifier=${oaiId(crypto.randomUUID())}`, 'idDoesNotExist'],
      [`verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:elsewhere.org:${ids.open}`, 'idDoesNotExist'],
      ['verb=GetRecord&metadataPrefix=oai_dc&identifier=nonsense', 'idDoesNotExist'],
      [`verb=ListMetadataFormats&identifier=${oaiId(crypto.randomUUID())}`, 'idDoesNotExist'],
      ['verb=ListRecords&metadataPrefix=oai_dc&from=2099-01-01', 'noRecordsMatch'],
    ];
    const bodies: string[] = [];
    for (const [query, code] of cases) {
      const xml = await oai(query);
      expect(parse(xml).error, query).toBe(code);
      if (code === 'badVerb' || code === 'badArgument') expect(xml, query).toContain(`<request>${PUBLIC_URL}/oai</request>`);
      bodies.push(xml);
    }
    expect(await oai('verb=ListRecords&metadataPrefix=marc21')).toContain('<request verb="ListRecords" metadataPrefix="marc21">');
    expect(await oai(`verb=ListRecords&resumptionToken=${expired}`)).toContain('has expired');
    const check = await validateXml(SCHEMAS.oai, bodies);
    expect(check.valid, check.report).toBe(true);
  });

  it(`harvests ${BULK}+ records page by page: each exactly once, in datestamp order, across changes made mid-harvest`, async () => {
    const before = await exposedIds();
    expect(before.size).toBeGreaterThan(BULK);
    const db = t.database.db;
    let changedAhead = '';
    let withdrawnBehind = '';
    let added = '';
    const pages = await harvest('verb=ListIdentifiers&metadataPrefix=oai_dc', async (sofar) => {
      if (sofar.length !== 3) return;
      // After the third page: one record not yet harvested changes, one already harvested is withdrawn, one is released.
      const seen = parse(sofar[0]!).headers;
      withdrawnBehind = seen[10]!.identifier;
      const ahead = await db.selectFrom('resources').select('id').where('cstr', '=', 'CSTR:31253.11.bulk9000').executeTakeFirstOrThrow();
      changedAhead = oaiId(ahead.id);
      await db.updateTable('resources').set({ updatedAt: new Date() }).where('id', '=', ahead.id).execute();
      await db.updateTable('resources').set({ status: 'withdrawn', withdrawnAt: new Date(), withdrawalReason: '中途撤回', updatedAt: new Date() }).where('id', '=', withdrawnBehind.split(':').pop()!).execute();
      added = oaiId(await released('收割期间发布的数据集', 'open'));
    });
    expect(pages.length).toBeGreaterThan(BULK / PAGE_SIZE.ListIdentifiers);

    const headers = pages.flatMap((p) => parse(p).headers);
    const times = new Map<string, number>();
    for (const h of headers) times.set(h.identifier, (times.get(h.identifier) ?? 0) + 1);
    // Nothing lost: every record that existed or appeared is there.
    expect(new Set(times.keys())).toEqual(await exposedIds());
    // Nothing duplicated: each record once, except the one withdrawn behind the cursor, which comes again as deleted.
    for (const [identifier, n] of times) expect(n, identifier).toBe(identifier === withdrawnBehind ? 2 : 1);
    expect(headers.filter((h) => h.identifier === withdrawnBehind).map((h) => h.deleted)).toEqual([false, true]);
    expect(headers.filter((h) => h.identifier === changedAhead)).toHaveLength(1);
    expect(headers.at(-1)!.identifier === added || headers.at(-2)!.identifier === added || headers.at(-3)!.identifier === added).toBe(true);
    const stamps = headers.map((h) => h.datestamp);
    expect([...stamps].sort()).toEqual(stamps);

    // Tokens: cursor counts what came before, the size is stated, each but the last expires, the last is empty.
    const tokens = pages.map((p) => parse(p).token!);
    expect(tokens[0]).toMatchObject({ cursor: '0', completeListSize: String(before.size) });
    expect(tokens[1]!.cursor).toBe(String(PAGE_SIZE.ListIdentifiers));
    expect(tokens.slice(0, -1).every((token) => token.value && token.expirationDate)).toBe(true);
    expect(tokens.at(-1)).toMatchObject({ value: '', expirationDate: undefined });
    const check = await validateXml(SCHEMAS.oai, [pages[0]!, pages[1]!, pages.at(-1)!]);
    expect(check.valid, check.report).toBe(true);
  });
});
