import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import yauzl from 'yauzl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, type TestClient } from '../../test/build-app';
import { attachFile, buildReviewWorld } from '../../test/review-world';
import { SCHEMAS, validateXml } from '../../test/xmllint';
import { chinaDate } from '../../platform/china-time';
import { addMonths } from '../releases/releases.service';
import type { StandardDocument } from '../standards/standard-document';

const PUBLIC_URL = 'https://huijiao.example.cn';
const SHELL = '<!doctype html>\n<html lang="zh-CN">\n  <head>\n    <meta charset="UTF-8" />\n    <title>汇交 · Huijiao</title>\n  </head>\n  <body>\n    <div id="root"></div>\n  </body>\n</html>\n';

let t: TestApp;
let w: Awaited<ReturnType<typeof buildReviewWorld>>;
let webDist: string;
let anonymous: TestClient;
type Key = 'open' | 'registered' | 'application' | 'embargo' | 'offline' | 'restricted' | 'withdrawn' | 'tricky' | 'v1' | 'v2';
const ids = {} as Record<Key, string>;
const sha = (content: string | Buffer) => createHash('sha256').update(content).digest('hex');

/** A data resource taken through submission, approval and release by the platform. */
async function released(title: string, sharingMode: string, options: { files?: Record<string, string>; metadata?: Record<string, unknown> } = {}) {
  const id = await w.submitted(title);
  if (options.metadata) {
    const row = await t.database.db.selectFrom('resources').select('metadata').where('id', '=', id).executeTakeFirstOrThrow();
    await t.database.db.updateTable('resources').set({ metadata: JSON.stringify({ ...(row.metadata as object), ...options.metadata }) }).where('id', '=', id).execute();
  }
  for (const [file, content] of Object.entries(options.files ?? {})) await attachFile(t, id, file, content);
  await t.database.db.updateTable('resources').set({ status: 'approved' }).where('id', '=', id).execute();
  const body = { sharingMode, licence: 'CC-BY-4.0', ...(sharingMode === 'embargo' ? { embargoEnd: addMonths(chinaDate(), 6) } : {}) };
  const answer = await w.clients.platformAdmin.post(`/api/resources/${id}/release`, body);
  if (answer.statusCode !== 200) throw new Error(`release failed: ${answer.body}`);
  return id;
}

const cstrOf = async (id: string) => (await t.database.db.selectFrom('resources').select('cstr').where('id', '=', id).executeTakeFirstOrThrow()).cstr!;

/** The zip's entries, read fully (test bags are small). */
function unzip(buffer: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const entries = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName.endsWith('/')) {
          entries.set(entry.fileName, Buffer.alloc(0));
          return zip.readEntry();
        }
        zip.openReadStream(entry, (err, stream) => {
          if (err || !stream) return reject(err);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            entries.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(entries));
      zip.readEntry();
    });
  });
}

beforeAll(async () => {
  webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'hj-web-'));
  fs.writeFileSync(path.join(webDist, 'index.html'), SHELL);
  t = await buildTestApp({ CSTR_RA_CODE: '31253', PUBLIC_URL, WEB_DIST: webDist });
  w = await buildReviewWorld(t);
  anonymous = t.anonymous();
  ids.open = await released('开放数据集：浙江队列', 'open', { files: { 'data/baseline.csv': 'id,age\n1,52\n', 'docs/说明 100%.txt': '字段说明\n' } });
  for (const mode of ['registered', 'application', 'embargo', 'offline', 'restricted'] as const) ids[mode] = await released(`共享方式：${mode}`, mode);
  ids.withdrawn = await released('将被撤回的数据集', 'open');
  await w.clients.platformAdmin.post(`/api/resources/${ids.withdrawn}/withdraw`, { reason: '数据存在隐私问题，已撤回' });
  ids.tricky = await released('标题 <b>&"引号"</b>', 'open', { metadata: { descriptionZh: '描述中含有 </script><script>alert(1)</script> 与行分隔符\u2028和段落分隔符\u2029，仍须安全。' } });
  // A lineage with two released versions.
  ids.v1 = await released('有两个版本的数据集', 'open');
  const v2 = (await w.clients.pi.post(`/api/resources/${ids.v1}/versions`)).json();
  await t.database.db.updateTable('resources').set({ status: 'approved' }).where('id', '=', v2.id).execute();
  expect((await w.clients.platformAdmin.post(`/api/resources/${v2.id}/release`, { sharingMode: 'open', licence: 'CC0-1.0' })).statusCode).toBe(200);
  ids.v2 = v2.id;
});
afterAll(async () => {
  await t.close();
  fs.rmSync(webDist, { recursive: true, force: true });
});

describe('DataCite', () => {
  it('exports kernel-4 XML that validates, with the CSTR as identifier, alternate identifier and version relations', async () => {
    const answers = await Promise.all([ids.open, ids.v1, ids.v2, ids.tricky, ids.embargo, ids.withdrawn].map((id) => anonymous.get(`/api/portal/resources/${id}/datacite.xml`)));
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(answers[0]!.headers['content-type']).toBe('application/xml; charset=utf-8');
    const check = await validateXml(SCHEMAS.datacite, answers.map((a) => a.body));
    expect(check.valid, check.report).toBe(true);

    const xml = answers[0]!.body;
    const cstr = (await cstrOf(ids.open)).slice(5);
    expect(xml).toContain(`<identifier identifierType="CSTR">${cstr}</identifier>`);
    expect(xml).toContain(`<alternateIdentifier alternateIdentifierType="CSTR">${cstr}</alternateIdentifier>`);
    expect(xml).toContain(`<alternateIdentifier alternateIdentifierType="URL">${PUBLIC_URL}/r/${ids.open}</alternateIdentifier>`);
    expect(xml).toContain('<title xml:lang="zh">开放数据集：浙江队列</title>');
    expect(xml).toContain('<resourceType resourceTypeGeneral="Dataset">科学数据</resourceType>');
    expect(xml).toContain(`<publisher xml:lang="zh">${w.platform.nameZh}</publisher>`);
    expect(xml).toContain('<rights xml:lang="zh" rightsURI="https://creativecommons.org/licenses/by/4.0/legalcode" rightsIdentifier="CC-BY-4.0" rightsIdentifierScheme="SPDX" schemeURI="https://spdx.org/licenses/">');
    expect(xml).toContain('<rights rightsURI="info:eu-repo/semantics/openAccess">Open Access</rights>');
    expect(xml).toContain('<subject xml:lang="zh" subjectScheme="GB/T 13745" classificationCode="330">');
    expect(xml).toContain('<nameIdentifier nameIdentifierScheme="ORCID" schemeURI="https://orcid.org">https://orcid.org/0000-0002-1825-0097</nameIdentifier>');
    expect(xml).not.toContain('zhang.xiaoyu@example.cn');

    const [v1, v2] = [answers[1]!.body, answers[2]!.body];
    expect(v1).toContain(`<relatedIdentifier relatedIdentifierType="CSTR" relationType="IsPreviousVersionOf" resourceTypeGeneral="Dataset">${(await cstrOf(ids.v2)).slice(5)}</relatedIdentifier>`);
    expect(v2).toContain(`<relatedIdentifier relatedIdentifierType="CSTR" relationType="IsNewVersionOf" resourceTypeGeneral="Dataset">${(await cstrOf(ids.v1)).slice(5)}</relatedIdentifier>`);
    expect(v2).toContain('<version>2</version>');
    expect(answers[4]!.body).toContain('<rights rightsURI="info:eu-repo/semantics/embargoedAccess">Embargoed Access</rights>');
    expect(answers[4]!.body).toContain(`<publicationYear>${addMonths(chinaDate(), 6).slice(0, 4)}</publicationYear>`);
    expect(answers[5]!.body).toMatch(/<date dateType="Withdrawn">\d{4}-\d{2}-\d{2}<\/date>/);
    expect(answers[5]!.body).toContain('已撤回：数据存在隐私问题，已撤回');
  });

  it('serves the same record as DataCite JSON', async () => {
    const answer = await anonymous.get(`/api/portal/resources/${ids.open}/datacite.json`);
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-type']).toContain('application/vnd.datacite.datacite+json');
    const record = answer.json();
    expect(record).toMatchObject({
      doi: null, identifier: { identifier: (await cstrOf(ids.open)).slice(5), identifierType: 'CSTR' }, url: `${PUBLIC_URL}/r/${ids.open}`,
      types: { resourceTypeGeneral: 'Dataset' }, creators: [{ name: '刘洋', nameType: 'Personal', affiliation: [{ name: '浙江大学' }] }],
      titles: [{ title: '开放数据集：浙江队列', lang: 'zh' }], publisher: { name: w.platform.nameZh }, version: '1', schemaVersion: 'http://datacite.org/schema/kernel-4',
    });
    expect(record.sizes).toEqual(['2 files', `${Buffer.byteLength('id,age\n1,52\n') + Buffer.byteLength('字段说明\n')} bytes`]);
  });

  it('carries every crosswalked field of the shipped standards and still validates (DataCite and oai_dc)', async () => {
    const db = t.database.db;
    const xmls: string[] = [];
    const oai: string[] = [];
    for (const domain of ['agriculture', 'population-health']) {
      const document = JSON.parse(fs.readFileSync(path.resolve('standards', domain, '1.0.0', 'standard.json'), 'utf8')) as StandardDocument;
      const standard = await db.insertInto('standards').values({ domain: `${domain}-x`, nameZh: document.name.zh, nameEn: document.name.en, platformOrgId: null }).returning('id').executeTakeFirstOrThrow();
      const version = await db.insertInto('standardVersions').values({ standardId: standard.id, version: '1.0.0', document: JSON.stringify(document), status: 'approved', approvedAt: new Date() }).returning('id').executeTakeFirstOrThrow();
      for (const [type, spec] of Object.entries(document.resourceTypes)) {
        const metadata = Object.fromEntries(Object.entries(spec!.schema.properties ?? {}).filter(([, field]) => field['x-example'] !== undefined).map(([key, field]) => [key, field['x-example']]));
        const row = await db.insertInto('resources').values({
          subjectId: w.subject.id, resourceType: type, standardVersionId: version.id, lineageId: crypto.randomUUID(), titleZh: String(metadata.titleZh ?? type), metadata: JSON.stringify(metadata),
          status: 'released', cstr: `CSTR:31253.99.xw-${domain}-${type}`, sharingMode: 'open', licence: 'CC-BY-4.0', releasedAt: new Date(),
        }).returning('id').executeTakeFirstOrThrow();
        const answer = await anonymous.get(`/api/portal/resources/${row.id}/datacite.xml`);
        expect(answer.statusCode).toBe(200);
        xmls.push(answer.body);
        oai.push((await anonymous.get(`/oai?verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:huijiao.example.cn:${row.id}`)).body);
        oai.push((await anonymous.get(`/oai?verb=GetRecord&metadataPrefix=oai_datacite&identifier=oai:huijiao.example.cn:${row.id}`)).body);
      }
    }
    expect(xmls).toHaveLength(12);
    const datacite = await validateXml(SCHEMAS.datacite, xmls);
    expect(datacite.valid, datacite.report).toBe(true);
    const harvest = await validateXml(SCHEMAS.oai, oai);
    expect(harvest.valid, harvest.report).toBe(true);
    const patent = xmls.find((x) => x.includes('xw-agriculture-patent_standard'))!;
    expect(patent).toContain('alternateIdentifierType="Patent number"');
    const data = xmls.find((x) => x.includes('xw-agriculture-data'))!;
    expect(data).toMatch(/<description xml:lang="zh" descriptionType="Methods">/);
    expect(data).toMatch(/<date dateType="Coverage">\d{4}-\d{2}-\d{2}\/\d{4}-\d{2}-\d{2}<\/date>/);
    expect(data).toContain('<geoLocationPlace>');
  });

  it('answers 404 for restricted, unreleased and unknown resources, 400 for malformed ids', async () => {
    const draft = (await w.clients.pi.post(`/api/subjects/${w.subject.id}/resources`, { resourceType: 'data' })).json().id;
    for (const id of [ids.restricted, draft, crypto.randomUUID()]) {
      for (const suffix of ['datacite.xml', 'datacite.json', 'citation', 'bag.zip']) {
        const answer = await anonymous.get(`/api/portal/resources/${id}/${suffix}`);
        expect(answer.statusCode, `${suffix} of ${id}`).toBe(404);
        expect(answer.json().code).toBe('portal.not_found');
      }
    }
    expect((await w.clients.member.get(`/api/portal/resources/${ids.restricted}/datacite.xml`)).statusCode).toBe(404);
    expect((await anonymous.get('/api/portal/resources/not-a-uuid/datacite.xml')).statusCode).toBe(400);
  });
});

describe('citations', () => {
  it('answers GB/T 7714, BibTeX and RIS with their media types, and a file name on download', async () => {
    const cstr = await cstrOf(ids.open);
    const gbt = await anonymous.get(`/api/portal/resources/${ids.open}/citation`);
    expect(gbt.statusCode).toBe(200);
    expect(gbt.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(gbt.body).toBe(`刘洋. 开放数据集：浙江队列[DS/OL]. ${w.platform.nameZh}, ${chinaDate().slice(0, 4)}[${chinaDate()}]. ${PUBLIC_URL}/r/${ids.open}. ${cstr}.`);
    const bib = await anonymous.get(`/api/portal/resources/${ids.open}/citation?format=bibtex`);
    expect(bib.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(bib.body).toMatch(new RegExp(`^@dataset\\{cstr:${cstr.slice(5).toLowerCase().replace(/\./g, '\\.')},\\n`));
    const ris = await anonymous.get(`/api/portal/resources/${ids.open}/citation?format=ris&download=1`);
    expect(ris.headers['content-type']).toBe('application/x-research-info-systems; charset=utf-8');
    expect(ris.headers['content-disposition']).toBe(`attachment; filename="${cstr.slice(5)}.ris"; filename*=UTF-8''${cstr.slice(5)}.ris`);
    expect(ris.body.startsWith('TY  - DATA\r\n')).toBe(true);
    expect((await anonymous.get(`/api/portal/resources/${ids.open}/citation?format=apa`)).statusCode).toBe(400);
    // The tombstone of a withdrawn resource can still be cited.
    expect((await anonymous.get(`/api/portal/resources/${ids.withdrawn}/citation`)).statusCode).toBe(200);
  });
});

describe('BagIt', () => {
  it('streams a valid BagIt 1.0 bag: payload under data/, manifests with correct SHA-256, Payload-Oxum, metadata as tag files', async () => {
    const answer = await anonymous.get(`/api/portal/resources/${ids.open}/bag.zip`);
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-type']).toBe('application/zip');
    const cstr = await cstrOf(ids.open);
    const root = cstr.slice(5);
    expect(answer.headers['content-disposition']).toContain(`filename="${root}.zip"`);
    const entries = await unzip(answer.rawPayload);
    const file = (name: string) => entries.get(`${root}/${name}`)?.toString('utf8');
    expect([...entries.keys()].every((name) => name.startsWith(`${root}/`))).toBe(true);
    expect(file('bagit.txt')).toBe('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');

    const payload = { 'data/baseline.csv': 'id,age\n1,52\n', 'docs/说明 100%.txt': '字段说明\n' };
    const octets = Object.values(payload).reduce((sum, c) => sum + Buffer.byteLength(c), 0);
    const info = file('bag-info.txt')!;
    expect(info).toContain(`External-Identifier: ${cstr}\n`);
    expect(info).toContain(`Source-Organization: ${w.platform.nameZh}\n`);
    expect(info).toContain(`Payload-Oxum: ${octets}.2\n`);
    expect(info).toMatch(/Bagging-Date: \d{4}-\d{2}-\d{2}\n/);

    const manifest = file('manifest-sha256.txt')!.trim().split('\n').sort();
    expect(manifest).toEqual([`${sha(payload['data/baseline.csv'])}  data/data/baseline.csv`, `${sha(payload['docs/说明 100%.txt'])}  data/docs/说明 100%25.txt`].sort());
    expect(file('data/data/baseline.csv')).toBe(payload['data/baseline.csv']);
    expect(file('data/docs/说明 100%.txt')).toBe(payload['docs/说明 100%.txt']);

    const tagManifest = file('tagmanifest-sha256.txt')!.trim().split('\n');
    expect(tagManifest.map((line) => line.split('  ')[1]).sort()).toEqual(['bag-info.txt', 'bagit.txt', 'manifest-sha256.txt', 'metadata/datacite.xml', 'metadata/record.json']);
    for (const line of tagManifest) {
      const [digest, name] = line.split('  ');
      expect(sha(entries.get(`${root}/${name}`)!), name).toBe(digest);
    }
    expect(JSON.parse(file('metadata/record.json')!)).toMatchObject({ id: ids.open, cstr, versionNo: 1 });
    expect((await validateXml(SCHEMAS.datacite, [file('metadata/datacite.xml')!])).valid).toBe(true);
  });

  it('refuses exactly as file downloads do: 401 login, 403 embargo (with the date), application, offline, 404 restricted, 410 withdrawn', async () => {
    const code = async (client: TestClient, id: string) => {
      const answer = await client.get(`/api/portal/resources/${id}/bag.zip`);
      return answer.statusCode === 200 ? 200 : `${answer.statusCode} ${answer.json().code}`;
    };
    expect(await code(anonymous, ids.registered)).toBe('401 access.login_required');
    expect(await code(w.clients.member, ids.registered)).toBe(200);
    const embargo = await anonymous.get(`/api/portal/resources/${ids.embargo}/bag.zip`);
    expect(embargo.statusCode).toBe(403);
    expect(embargo.json()).toMatchObject({ code: 'access.embargoed', message: `文件在保护期内，${addMonths(chinaDate(), 6)} 后开放` });
    expect(await code(anonymous, ids.application)).toBe('401 access.login_required');
    expect(await code(w.clients.member, ids.application)).toBe('403 access.application_required');
    expect(await code(w.clients.member, ids.offline)).toBe('403 access.offline');
    expect(await code(anonymous, ids.restricted)).toBe('404 portal.not_found');
    expect(await code(anonymous, ids.withdrawn)).toBe('410 access.withdrawn');
    // Providers may always.
    expect(await code(w.clients.pi, ids.embargo)).toBe(200);
    expect(await code(w.clients.pi, ids.restricted)).toBe(200);
  });
});

describe('landing pages', () => {
  const jsonLdOf = (body: string) => JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(body)![1]!) as Record<string, unknown>;

  it('puts title, description, Highwire and Open Graph tags, canonical link, JSON-LD and a noscript summary into the app’s HTML', async () => {
    const answer = await anonymous.get(`/r/${ids.open}`);
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
    const body = answer.body;
    const cstr = await cstrOf(ids.open);
    expect(body).toContain(`<title>开放数据集：浙江队列 · ${w.platform.nameZh}</title>`);
    expect(body.match(/<title>/g)).toHaveLength(1);
    for (const tag of [
      '<meta name="citation_title" content="开放数据集：浙江队列" />', '<meta name="citation_author" content="刘洋" />',
      `<meta name="citation_publisher" content="${w.platform.nameZh}" />`, `<meta property="og:title" content="开放数据集：浙江队列" />`,
      `<link rel="canonical" href="${PUBLIC_URL}/r/${ids.open}" />`, '<meta name="description" content="本数据集汇交了浙江省十二个区县',
    ]) expect(body).toContain(tag);
    expect(body).toMatch(/<meta name="citation_publication_date" content="\d{4}\/\d{2}\/\d{2}" \/>/);
    expect(body).toContain('<div id="root"></div>');
    expect(body).toMatch(/<noscript><h1>开放数据集：浙江队列<\/h1>[\s\S]*CSTR：<a href="https:\/\/cstr\.cn\/[^"]+">CSTR:/);

    const ld = jsonLdOf(body);
    expect(ld).toMatchObject({
      '@context': 'https://schema.org', '@type': 'Dataset', name: '开放数据集：浙江队列', url: `${PUBLIC_URL}/r/${ids.open}`,
      identifier: [{ '@type': 'PropertyValue', propertyID: 'CSTR', value: cstr.slice(5), url: `https://cstr.cn/${cstr.slice(5)}` }],
      creator: [{ '@type': 'Person', name: '刘洋' }], publisher: { '@type': 'Organization', name: w.platform.nameZh },
      license: 'https://creativecommons.org/licenses/by/4.0/legalcode', isAccessibleForFree: true, keywords: ['慢性病', '队列研究'],
    });
    expect(ld.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(ld.distribution).toHaveLength(3);
    expect((ld.distribution as Array<{ contentUrl: string }>)[2]!.contentUrl).toBe(`${PUBLIC_URL}/api/portal/resources/${ids.open}/bag.zip`);
  });

  it('escapes everything: no markup from the record survives, and the JSON-LD parses back to the same text', async () => {
    const body = (await anonymous.get(`/r/${ids.tricky}`)).body;
    expect(body).not.toContain('</script><script>alert(1)');
    expect(body).not.toContain('<b>&');
    expect(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(body)![1]).not.toMatch(/[\u2028\u2029]/);
    expect(body).toContain('<title>标题 &lt;b&gt;&amp;&quot;引号&quot;&lt;/b&gt;');
    const ld = jsonLdOf(body);
    expect(ld.name).toBe('标题 <b>&"引号"</b>');
    expect(ld.description).toBe('描述中含有 </script><script>alert(1)</script> 与行分隔符\u2028和段落分隔符\u2029，仍须安全。');
  });

  it('describes embargoed resources without downloads, and older versions at their own canonical URL', async () => {
    const embargo = jsonLdOf((await anonymous.get(`/r/${ids.embargo}`)).body);
    expect(embargo.isAccessibleForFree).toBe(false);
    expect(embargo.distribution).toBeUndefined();
    const v1 = await anonymous.get(`/r/${ids.v2}/v/1`);
    expect(v1.statusCode).toBe(200);
    expect(v1.body).toContain(`<link rel="canonical" href="${PUBLIC_URL}/r/${ids.v1}" />`);
    expect(jsonLdOf(v1.body).version).toBe('1');
    expect((await anonymous.get(`/r/${ids.v1}/v/2`)).body).toContain(`<link rel="canonical" href="${PUBLIC_URL}/r/${ids.v2}" />`);
    expect((await anonymous.get(`/r/${ids.v1}/v/9`)).statusCode).toBe(404);
  });

  it('answers 404 with the bare app for restricted and unknown resources, 410 with a tombstone for withdrawn ones', async () => {
    for (const url of [`/r/${ids.restricted}`, `/r/${crypto.randomUUID()}`, '/r/not-a-uuid', `/r/${ids.restricted}/v/1`]) {
      const answer = await anonymous.get(url);
      expect(answer.statusCode, url).toBe(404);
      expect(answer.body, url).toBe(SHELL);
    }
    const provider = await w.clients.pi.get(`/r/${ids.restricted}`);
    expect(provider.statusCode).toBe(200);
    expect(provider.body).toBe(SHELL);
    expect(provider.headers['cache-control']).toBe('private, no-cache');

    const gone = await anonymous.get(`/r/${ids.withdrawn}`);
    expect(gone.statusCode).toBe(410);
    expect(gone.body).toContain('<meta name="robots" content="noindex" />');
    expect(gone.body).toContain('数据存在隐私问题，已撤回');
    expect(gone.body).not.toContain('application/ld+json');
    // Client routes of the web app are still served.
    expect((await anonymous.get('/portal/search')).body).toBe(SHELL);
  });
});

describe('sitemap', () => {
  it('lists every listed landing page with lastmod, and nothing restricted, withdrawn or superseded', async () => {
    const answer = await anonymous.get('/sitemap.xml');
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-type']).toBe('application/xml; charset=utf-8');
    const locs = [...answer.body.matchAll(/<loc>([^<]+)<\/loc><lastmod>(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z)<\/lastmod>/g)].map((m) => m[1]);
    for (const key of ['open', 'registered', 'application', 'embargo', 'offline', 'tricky', 'v2'] as const) expect(locs).toContain(`${PUBLIC_URL}/r/${ids[key]}`);
    for (const key of ['restricted', 'withdrawn', 'v1'] as const) expect(locs).not.toContain(`${PUBLIC_URL}/r/${ids[key]}`);
    expect((await anonymous.get('/sitemaps/1.xml')).body).toBe(answer.body);
    expect((await anonymous.get('/sitemaps/x.xml')).statusCode).toBe(404);
  });

  it('becomes an index of sitemap files when there are more pages than one file may hold', async () => {
    const listed = (await anonymous.get('/sitemap.xml')).body.match(/<url>/g)!.length;
    const index = await t.services.interop.sitemap(3);
    const parts = [...index.matchAll(/<sitemap><loc>([^<]+)<\/loc><\/sitemap>/g)].map((m) => m[1]);
    expect(index).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect(parts).toEqual(Array.from({ length: Math.ceil(listed / 3) }, (_, i) => `${PUBLIC_URL}/sitemaps/${i + 1}.xml`));
    const pages = await Promise.all(parts.map((_, i) => t.services.interop.sitemapPage(i + 1, 3)));
    const urls = pages.flatMap((page) => [...page.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]));
    expect(urls).toHaveLength(listed);
    expect(new Set(urls).size).toBe(listed);
  });
});
