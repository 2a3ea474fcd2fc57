import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, type TestClient } from '../../test/build-app';
import { at, buildEvaluationWorld } from './test-world';

let t: TestApp;
let w: Awaited<ReturnType<typeof buildEvaluationWorld>>;
let programSystem: TestClient;
let runId: string;

beforeAll(async () => {
  t = await buildTestApp();
  w = await buildEvaluationWorld(t);
  const db = t.database.db;
  // Subject A holds a certificate (the blob row is all the certificate needs here).
  await db.insertInto('blobs').values({ sha256: 'a'.repeat(64), size: 1 }).execute();
  await db.insertInto('certificates').values({ subjectId: w.subjectA.id, number: 'HJPZ-2026-000001', code: 'ABCD-EFGH-JKLM-NPQR', platformOrgId: w.platform.id, content: '{}', pdfSha256: 'a'.repeat(64), issuedAt: at('2026-06-01T10:00:00') }).execute();
  runId = (await w.ministryClient.post('/api/evaluation/runs', { asOf: w.asOf })).json().id;
  await t.services.evaluation.settled();
  programSystem = await w.token(w.ministry.username);
});
afterAll(async () => {
  await t.services.evaluation.settled();
  await t.close();
});

function pdfText(payload: Buffer): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hj-record-')), 'record.pdf');
  fs.writeFileSync(file, payload);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

describe('records for new-project review', () => {
  it('gives a PI’s record to a program system holding a ministry API token, as JSON and as a Chinese PDF', async () => {
    const record = await programSystem.get(`/api/records/people/${w.users.pi.id}`);
    expect(record.statusCode).toBe(200);
    expect(record.json()).toEqual({
      kind: 'person', id: w.users.pi.id, name: w.users.pi.displayName, organisation: w.leadUnit.nameZh,
      run: { id: runId, asOf: at('2026-06-15T12:00:00').toISOString(), ruleVersion: 1 },
      summary: { subjects: 1, certified: 1, completion: 72.35, quality: 69.4, sharing: 66.33, total: 69.94, rank: 1, of: 2 },
      subjects: [{
        code: w.subjectA.code, titleZh: '长三角慢性病队列资源汇交课题', role: 'pi', programCode: w.program.code, status: 'active',
        // planned 2+2+1+3+1; delivered capped per type: data 2, report 1, publication 2, patent_standard 0 (waived, not delivered)
        planned: 9, delivered: 5, completion: 72.35, quality: 69.4, sharing: 66.33, total: 69.94,
        certificate: { code: 'ABCD-EFGH-JKLM-NPQR', issuedAt: at('2026-06-01T10:00:00').toISOString() },
      }],
    });

    const pdf = await programSystem.get(`/api/records/people/${w.users.pi.id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('科技资源汇交与共享履历');
    expect(text).toContain(w.users.pi.displayName);
    expect(text).toContain(w.subjectA.code);
    expect(text).toContain('69.94');
    expect(text).toContain('ABCD-EFGH-JKLM-NPQR');
  });

  it('gives a unit’s record: the subjects it leads and co-undertakes, with its roll-up', async () => {
    const lead = (await programSystem.get(`/api/records/units/${w.leadUnit.creditCode}`)).json();
    expect(lead).toMatchObject({ kind: 'unit', id: w.leadUnit.creditCode, name: w.leadUnit.nameZh, organisation: null });
    // The unit's roll-up (A and B); quality is the mean of their quality scores, 69.40 and 83.33.
    expect(lead.summary).toEqual({ subjects: 3, certified: 1, completion: 67.59, quality: 76.37, sharing: 33.17, total: 53.82, rank: 1, of: 1 });
    expect(lead.subjects.map((s: Record<string, unknown>) => [s.code, s.role, s.planned, s.delivered, s.total])).toEqual(
      [[w.subjectA.code, 'lead_unit', 9, 5, 69.94], [w.subjectB.code, 'lead_unit', 2, 1, 37.69], [w.subjectC.code, 'lead_unit', 0, 0, null]]
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    const co = (await programSystem.get(`/api/records/units/${w.coUnit.creditCode}`)).json();
    expect(co.subjects.map((s: Record<string, unknown>) => [s.code, s.role])).toEqual([[w.subjectA.code, 'unit']]);
    expect(co.summary).toEqual({ subjects: 1, certified: 1, completion: null, quality: null, sharing: null, total: null, rank: null, of: null });

    const pdf = await w.clients.unitAdmin.get(`/api/records/units/${w.leadUnit.creditCode}/pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain(w.leadUnit.nameZh);
    expect(text).toContain(w.leadUnit.creditCode!);
    expect(text).toContain(w.subjectB.code);
  });

  it('lets only the ministry, the person and the unit’s admins read a record', async () => {
    expect((await w.clients.pi.get(`/api/records/people/${w.users.pi.id}`)).statusCode).toBe(200);
    expect((await w.piBClient.get(`/api/records/people/${w.users.pi.id}`)).statusCode).toBe(403);
    expect((await w.piBClient.get(`/api/records/people/${w.users.pi.id}/pdf`)).statusCode).toBe(403);
    expect((await (await w.token(w.piB.username)).get(`/api/records/people/${w.users.pi.id}`)).statusCode).toBe(403);
    expect((await w.clients.unitAdmin.get(`/api/records/people/${w.users.pi.id}`)).statusCode).toBe(403);
    expect((await t.anonymous().get(`/api/records/people/${w.users.pi.id}`)).statusCode).toBe(401);
    expect((await t.anonymous().get(`/api/records/people/${w.users.pi.id}/pdf`)).statusCode).toBe(401);
    expect((await w.clients.unitAdmin.get(`/api/records/units/${w.leadUnit.creditCode}`)).statusCode).toBe(200);
    expect((await w.clients.otherUnitAdmin.get(`/api/records/units/${w.leadUnit.creditCode}`)).statusCode).toBe(403);
    expect((await w.clients.platformAdmin.get(`/api/records/units/${w.leadUnit.creditCode}`)).statusCode).toBe(403);
    expect((await t.anonymous().get(`/api/records/units/${w.leadUnit.creditCode}`)).statusCode).toBe(401);
    expect((await programSystem.get('/api/records/people/00000000-0000-4000-8000-000000000000')).json().code).toBe('user.not_found');
    expect((await programSystem.get('/api/records/units/91330000MA00000000')).json().code).toBe('org.not_found');
    expect((await programSystem.get('/api/records/units/not-a-code')).statusCode).toBe(400);
  });
});
