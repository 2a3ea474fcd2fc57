import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, type TestClient } from '../../test/build-app';
import { buildOrg, buildSubject, buildUser } from '../../test/factories';
import { buildStandard, standardDocument, validCoreRecord } from '../../test/standard-factory';
import { checkStandardDocument, loadCoreFields, RESOURCE_TYPES } from './standard-document';
import { readShippedStandards } from './shipped-standards';
import { settleRound } from './standards.service';

let t: TestApp;
let platformId: string;
let otherPlatformId: string;
let admin: TestClient;
let experts: Array<{ id: string; client: TestClient }>;
let outsideExpert: TestClient;

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  platformId = (await buildOrg(db, { kind: 'domain_platform' })).id;
  otherPlatformId = (await buildOrg(db, { kind: 'domain_platform' })).id;
  await buildUser(db, { username: 'std_admin', grants: [{ role: 'platform_admin', scopeId: platformId }] });
  admin = await t.login('std_admin');
  experts = [];
  for (let i = 0; i < 3; i += 1) {
    const user = await buildUser(db, { grants: [{ role: 'expert', scopeId: platformId }] });
    experts.push({ id: user.id, client: await t.login(user.username) });
  }
  const outsider = await buildUser(db, { grants: [{ role: 'expert', scopeId: otherPlatformId }] });
  outsideExpert = await t.login(outsider.username);
});
afterAll(() => t.close());

describe('shipped standards', () => {
  it('are valid, extend the core, and cover all six resource types in zh and en', () => {
    const shipped = readShippedStandards();
    expect(shipped.map((d) => d.domain).sort()).toEqual(['agriculture', 'population-health']);
    for (const document of shipped) {
      expect(checkStandardDocument(document, loadCoreFields(), document.domain)).toEqual([]);
      expect(Object.keys(document.resourceTypes).sort()).toEqual([...RESOURCE_TYPES].sort());
    }
  });

  it('are installed on first start as drafts awaiting the committee', async () => {
    const { installShippedStandards } = await import('./shipped-standards');
    expect(await installShippedStandards(t.database.db)).toEqual(expect.arrayContaining(['population-health@1.0.0', 'agriculture@1.0.0']));
    expect(await installShippedStandards(t.database.db)).toEqual([]);
    const versions = await t.database.db.selectFrom('standardVersions').select('status').execute();
    expect(versions.every((v) => v.status === 'draft')).toBe(true);
  });
});

describe('checking uploaded standards', () => {
  it('lists every problem: missing and weakened core fields, unknown vocabulary, missing labels, invalid schema', async () => {
    const { standard } = await buildStandard(t.database.db, platformId);
    const document = standardDocument(standard.domain, '1.1.0');
    const data = document.resourceTypes.data!.schema;
    delete data.properties!.subjectCode;
    delete data.properties!.titleZh!.maxLength;
    data.required = data.required!.filter((f) => f !== 'licence');
    data.properties!.sampleSize!['x-vocabulary'] = 'no_such_vocabulary';
    delete (data.properties!.informedConsent!['x-label'] as { en?: string }).en;
    document.resourceTypes.patent_standard!.schema.properties!.kind!.type = 'strin';

    const response = await admin.withLang('en').post(`/api/standards/${standard.id}/versions`, document);
    expect(response.statusCode).toBe(422);
    const codes = response.json().details.map((d: { code: string; path: string }) => `${d.code} ${d.path}`);
    expect(codes).toEqual(expect.arrayContaining([
      'standard.core_field_missing /resourceTypes/data/schema/properties/subjectCode',
      'standard.core_field_weakened /resourceTypes/data/schema/properties/titleZh',
      'standard.core_required_dropped /resourceTypes/data/schema/required',
      'standard.unknown_vocabulary /resourceTypes/data/schema/properties/sampleSize',
      'standard.label_missing /resourceTypes/data/schema/properties/informedConsent/x-label',
      'standard.invalid_schema /resourceTypes/patent_standard/schema',
    ]));
    expect(response.json().details.find((d: { code: string }) => d.code === 'standard.core_field_missing').message).toBe('Core field "subjectCode" is missing');
    const versions = await t.database.db.selectFrom('standardVersions').select('id').where('standardId', '=', standard.id).execute();
    expect(versions).toHaveLength(1);
  });
});

describe('lifecycle and expert review', () => {
  it('goes draft → in review → approved by majority, after which the version is immutable', async () => {
    const { standard } = await buildStandard(t.database.db, platformId);
    const created = await admin.post(`/api/standards/${standard.id}/versions`, standardDocument(standard.domain, '1.1.0'));
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const edited = standardDocument(standard.domain, '1.1.0');
    edited.name.en = 'Edited name';
    expect((await admin.request('PUT', `/api/standard-versions/${id}`, edited)).statusCode).toBe(200);

    const submitted = await admin.post(`/api/standard-versions/${id}/submit`, { expertIds: experts.map((e) => e.id), quorum: 'majority' });
    expect(submitted.json()).toMatchObject({ status: 'in_review', reviewRound: 1 });
    expect((await admin.request('PUT', `/api/standard-versions/${id}`, edited)).json().code).toBe('standard.not_editable');

    expect((await experts[0]!.client.post(`/api/standard-versions/${id}/reviews`, { decision: 'approve', comment: '同意' })).json().status).toBe('in_review');
    expect((await experts[0]!.client.post(`/api/standard-versions/${id}/reviews`, { decision: 'approve' })).json().code).toBe('standard.already_decided');
    const approved = await experts[1]!.client.post(`/api/standard-versions/${id}/reviews`, { decision: 'approve' });
    expect(approved.json()).toMatchObject({ status: 'approved' });
    expect(approved.json().reviews.filter((r: { decision: string | null }) => r.decision === 'approve')).toHaveLength(2);

    const frozen = await admin.request('PUT', `/api/standard-versions/${id}`, edited);
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().code).toBe('standard.not_editable');
    expect((await experts[2]!.client.post(`/api/standard-versions/${id}/reviews`, { decision: 'approve' })).statusCode).toBe(409);
    expect((await t.anonymous().get(`/api/standard-versions/${id}`)).statusCode).toBe(200);
  });

  it("returns a version to draft under the 'all' rule as soon as one expert requests changes, with a comment", async () => {
    const { version } = await buildStandard(t.database.db, platformId);
    await admin.post(`/api/standard-versions/${version.id}/submit`, { expertIds: [experts[0]!.id, experts[1]!.id], quorum: 'all' });
    const noComment = await experts[0]!.client.post(`/api/standard-versions/${version.id}/reviews`, { decision: 'request_changes' });
    expect(noComment.json()).toMatchObject({ code: 'standard.comment_required', details: [{ path: '/comment' }] });
    const returned = await experts[0]!.client.post(`/api/standard-versions/${version.id}/reviews`, { decision: 'request_changes', comment: '样本量字段须说明统计口径' });
    expect(returned.json()).toMatchObject({ status: 'draft' });
    // A second submission opens round 2 with fresh assignments; round 1 stays in the history.
    const again = (await admin.post(`/api/standard-versions/${version.id}/submit`, { expertIds: [experts[2]!.id], quorum: 'all' })).json();
    expect(again.reviewRound).toBe(2);
    expect(again.reviews.map((r: { round: number }) => r.round)).toEqual([1, 1, 2]);
  });

  it('settles rounds by the configured quorum', () => {
    expect(settleRound(['approve', null, null], 'majority')).toBe('pending');
    expect(settleRound(['approve', 'approve', null], 'majority')).toBe('approved');
    expect(settleRound(['request_changes', 'request_changes', null], 'majority')).toBe('returned');
    expect(settleRound(['approve', 'request_changes'], 'majority')).toBe('returned');
    expect(settleRound(['approve', 'approve', 'approve', null], 'majority')).toBe('approved');
    expect(settleRound(['approve', 'approve'], 'all')).toBe('approved');
    expect(settleRound(['approve', null], 'all')).toBe('pending');
  });

  it('refuses experts of another platform: not assignable (422) and cannot review (403)', async () => {
    const { version } = await buildStandard(t.database.db, platformId);
    const outsiderId = (await outsideExpert.get('/api/auth/me')).json().user.id;
    const assign = await admin.post(`/api/standard-versions/${version.id}/submit`, { expertIds: [outsiderId] });
    expect(assign.json().code).toBe('standard.not_an_expert');
    await admin.post(`/api/standard-versions/${version.id}/submit`, { expertIds: [experts[0]!.id] });
    expect((await outsideExpert.post(`/api/standard-versions/${version.id}/reviews`, { decision: 'approve' })).statusCode).toBe(403);
    expect((await experts[1]!.client.post(`/api/standard-versions/${version.id}/reviews`, { decision: 'approve' })).statusCode).toBe(403);
  });

  it('keeps drafts from the public and from other platforms, and uploads to the platform admin', async () => {
    const { standard, version } = await buildStandard(t.database.db, platformId);
    expect((await t.anonymous().get(`/api/standard-versions/${version.id}`)).statusCode).toBe(401);
    expect((await outsideExpert.get(`/api/standard-versions/${version.id}`)).statusCode).toBe(403);
    const listed = (await t.anonymous().get('/api/standards')).json().items.find((s: { id: string }) => s.id === standard.id);
    expect(listed.versions).toEqual([]);
    const unitAdmin = await t.login((await buildUser(t.database.db)).username);
    expect((await unitAdmin.post(`/api/standards/${standard.id}/versions`, standardDocument(standard.domain, '2.0.0'))).statusCode).toBe(403);
  });

  it('refuses a version number that exists or is not newer', async () => {
    const { standard } = await buildStandard(t.database.db, platformId);
    expect((await admin.post(`/api/standards/${standard.id}/versions`, standardDocument(standard.domain, '1.0.0'))).json().code).toBe('standard.version_exists');
    await admin.post(`/api/standards/${standard.id}/versions`, standardDocument(standard.domain, '1.2.0'));
    expect((await admin.post(`/api/standards/${standard.id}/versions`, standardDocument(standard.domain, '1.1.0'))).json().code).toBe('standard.version_not_newer');
  });
});

describe('version diff', () => {
  it('lists fields added, made required and vocabulary terms added', async () => {
    const { standard, version } = await buildStandard(t.database.db, platformId, { status: 'approved' });
    const clone = await admin.post(`/api/standard-versions/${version.id}/clone`, {});
    expect(clone.json()).toMatchObject({ version: '1.1.0', status: 'draft' });
    const next = standardDocument(standard.domain, '1.1.0');
    const data = next.resourceTypes.data!.schema;
    data.properties!.ethicsApprovalNumber = { type: 'string', 'x-label': { zh: '伦理审批号', en: 'Ethics approval number' } };
    data.required!.push('informedConsent');
    next.vocabularies.standard_level!.terms.push({ code: 'group', label: { zh: '团体标准', en: 'Group standard' } });
    await admin.request('PUT', `/api/standard-versions/${clone.json().id}`, next);
    const diff = (await admin.get(`/api/standard-versions/${clone.json().id}/diff?base=${version.id}`)).json();
    expect(diff.fields).toEqual(expect.arrayContaining([
      expect.objectContaining({ type: 'data', field: 'ethicsApprovalNumber', change: 'added' }),
      expect.objectContaining({ type: 'data', field: 'informedConsent', change: 'made_required' }),
    ]));
    expect(diff.vocabularies).toEqual([expect.objectContaining({ vocabulary: 'standard_level', change: 'terms_changed', termsAdded: ['group'] })]);
  });
});

describe('re-validating drafts against a newer version', () => {
  it('lists per resource what would break', async () => {
    const { standard, version } = await buildStandard(t.database.db, platformId, { status: 'approved' });
    const { subject } = await buildSubject(t.database.db, { platformOrgId: platformId });
    const resource = await t.database.db.insertInto('resources').values({
      subjectId: subject.id, resourceType: 'data', standardVersionId: version.id, lineageId: crypto.randomUUID(), titleZh: '草稿数据集',
      metadata: JSON.stringify(validCoreRecord({ sampleSize: 10 })),
    }).returning('id').executeTakeFirstOrThrow();
    const next = standardDocument(standard.domain, '1.1.0');
    next.resourceTypes.data!.schema.required!.push('informedConsent');
    const created = (await admin.post(`/api/standards/${standard.id}/versions`, next)).json();
    const rows = (await admin.post(`/api/standard-versions/${created.id}/revalidate`)).json().items;
    const mine = rows.find((r: { resourceId: string }) => r.resourceId === resource.id);
    expect(mine).toMatchObject({ subjectCode: subject.code, currentVersion: '1.0.0', typeCollected: true, problems: [expect.objectContaining({ path: '/informedConsent', message: '知情同意为必填项' })] });
    expect((await experts[0]!.client.post(`/api/standard-versions/${created.id}/revalidate`)).statusCode).toBe(403);
  });
});

describe('record validation', () => {
  it('names every failing field by its label in Chinese or English', async () => {
    const { version } = await buildStandard(t.database.db, platformId, { status: 'approved' });
    const zh = (await t.anonymous().post(`/api/standard-versions/${version.id}/validate`, { type: 'data', record: {} })).json();
    expect(zh.valid).toBe(false);
    expect(zh.errors.map((e: { message: string }) => e.message)).toEqual(expect.arrayContaining(['题名（中文）为必填项', '样本量为必填项']));
    const en = (await t.anonymous().withLang('en').post(`/api/standard-versions/${version.id}/validate`, { type: 'data', record: validCoreRecord({ sampleSize: 0, discipline: '999', creators: [{ unit: '浙江大学' }] }) })).json();
    expect(en.errors.map((e: { path: string; message: string }) => `${e.path}: ${e.message}`)).toEqual(expect.arrayContaining([
      '/sampleSize: Sample size must be at least 1',
      '/discipline: Discipline: "999" is not a term of the vocabulary "Discipline (GB/T 13745 first level)"',
      '/creators/0/name: Creators › item 1 › Name is required',
    ]));
    expect((await t.anonymous().post(`/api/standard-versions/${version.id}/validate`, { type: 'data', record: validCoreRecord({ sampleSize: 12 }) })).json()).toEqual({ valid: true, errors: [] });
  });

  it('applies conditional fields: a patent needs a patent number, a standard its number and level', async () => {
    const { version } = await buildStandard(t.database.db, platformId, { status: 'approved' });
    const check = async (extra: Record<string, unknown>) =>
      (await t.anonymous().post(`/api/standard-versions/${version.id}/validate`, { type: 'patent_standard', record: validCoreRecord(extra) })).json().errors.map((e: { path: string }) => e.path);
    expect(await check({ kind: 'patent' })).toEqual(['/patentNumber']);
    expect(await check({ kind: 'patent', patentNumber: 'ZL202110123456.7' })).toEqual([]);
    expect((await check({ kind: 'standard' })).sort()).toEqual(['/standardLevel', '/standardNumber']);
  });

  it('lets drafts skip required fields but not wrong values', async () => {
    const { version } = await buildStandard(t.database.db, platformId, { status: 'approved' });
    const draft = (await t.anonymous().post(`/api/standard-versions/${version.id}/validate`, { type: 'data', record: { sampleSize: 'many' }, partial: true })).json();
    expect(draft.errors.map((e: { code: string; path: string }) => `${e.code} ${e.path}`)).toEqual(['type /sampleSize']);
  });
});
