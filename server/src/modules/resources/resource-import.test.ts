import ExcelJS from 'exceljs';
import yazl from 'yazl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, type TestClient } from '../../test/build-app';
import { buildOrg, buildSubject, buildUser, grantSubjectRole } from '../../test/factories';
import { buildStandard, validCoreRecord } from '../../test/standard-factory';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let t: TestApp;
let pi: TestClient;
let subjectId: string;

beforeAll(async () => {
  t = await buildTestApp();
  const platformId = (await buildOrg(t.database.db, { kind: 'domain_platform' })).id;
  await buildStandard(t.database.db, platformId, { status: 'approved' });
  subjectId = (await buildSubject(t.database.db, { platformOrgId: platformId })).subject.id;
  const user = await buildUser(t.database.db);
  await grantSubjectRole(t.database.db, user.id, 'pi', subjectId);
  pi = await t.login(user.username);
});
afterAll(() => t.close());

async function filledTemplate(rows: Array<Record<string, unknown>>): Promise<Buffer> {
  const response = await pi.get(`/api/subjects/${subjectId}/resource-imports/template?type=data`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('资源清单')!;
  const columns = new Map<string, number>();
  sheet.getRow(3).eachCell((cell, index) => columns.set(String(cell.value), index));
  expect(columns.has('_files')).toBe(true);
  rows.forEach((values, i) => {
    for (const [key, value] of Object.entries(values)) sheet.getCell(4 + i, columns.get(key)!).value = value as ExcelJS.CellValue;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function zip(files: Record<string, string>): Promise<Buffer> {
  const archive = new yazl.ZipFile();
  for (const [name, content] of Object.entries(files)) archive.addBuffer(Buffer.from(content), name);
  archive.end();
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    archive.outputStream.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks)));
  });
}

const cells = (title: string, files: string) => ({
  ...validCoreRecord({ titleZh: title }),
  keywordsZh: '慢性病；队列', creators: '刘洋|浙江大学', contact: '张晓雨|zhang@example.cn', sampleSize: 100, _files: files,
});

async function waitFor(id: string, statuses: string[]) {
  await t.services.resourceImports.idle();
  const job = (await pi.get(`/api/resource-imports/${id}`)).json();
  expect(statuses).toContain(job.status);
  return job;
}

describe('bulk import of resources', () => {
  it('dry run lists bad rows, missing and unmatched files, and nothing is created', async () => {
    const workbook = await filledTemplate([cells('第一个数据集', 'raw/a.csv'), { ...cells('', 'raw/missing.csv'), titleZh: '' }]);
    const job = (await pi.request('POST', `/api/subjects/${subjectId}/resource-imports?type=data`, workbook, { 'content-type': XLSX })).json();
    await pi.request('PUT', `/api/resource-imports/${job.id}/archive`, await zip({ 'raw/a.csv': 'a,b\n1,2\n', 'raw/extra.csv': 'x' }), { 'content-type': 'application/zip' });
    expect((await pi.post(`/api/resource-imports/${job.id}/check`)).statusCode).toBe(202);
    const checked = await waitFor(job.id, ['checked']);
    expect(checked.report.missingFiles).toEqual([{ row: 5, file: 'raw/missing.csv' }]);
    expect(checked.report.unmatchedFiles).toEqual(['raw/extra.csv']);
    expect(checked.report.errors.map((e: { row: number; label: string | null }) => `${e.row}:${e.label ?? '_files'}`)).toEqual(expect.arrayContaining(['5:题名（中文）', '5:_files']));
    const refused = await pi.post(`/api/resource-imports/${job.id}/commit`);
    expect(refused.statusCode).toBe(422);
    expect((await pi.get(`/api/subjects/${subjectId}/resources`)).json().items).toEqual([]);
  });

  it('imports every row with its files, in the background, all or nothing', async () => {
    const workbook = await filledTemplate([cells('基线调查数据', '原始数据/基线.csv'), cells('随访数据', '原始数据/随访.csv;说明.txt')]);
    const job = (await pi.request('POST', `/api/subjects/${subjectId}/resource-imports?type=data`, workbook, { 'content-type': XLSX })).json();
    await pi.request('PUT', `/api/resource-imports/${job.id}/archive`, await zip({ '原始数据/基线.csv': 'id,age\n1,45\n', '原始数据/随访.csv': 'id,event\n1,0\n', '说明.txt': '数据说明' }), { 'content-type': 'application/zip' });
    await pi.post(`/api/resource-imports/${job.id}/check`);
    const checked = await waitFor(job.id, ['checked']);
    expect(checked.report).toMatchObject({ rowCount: 2, errors: [], missingFiles: [], unmatchedFiles: [] });
    await pi.post(`/api/resource-imports/${job.id}/commit`);
    const done = await waitFor(job.id, ['done']);
    expect(done).toMatchObject({ progress: 2, total: 2 });
    const list = (await pi.get(`/api/subjects/${subjectId}/resources`)).json().items;
    expect(list.map((r: { titleZh: string; fileCount: number }) => `${r.titleZh}:${r.fileCount}`).sort()).toEqual(['基线调查数据:1', '随访数据:2']);
    const detail = (await pi.get(`/api/resources/${done.report.created[1]}`)).json();
    expect(detail.files.map((f: { path: string }) => f.path).sort()).toEqual(['原始数据/随访.csv', '说明.txt']);
    expect(detail.problems).toEqual([]);
  });

  it('refuses people outside the subject', async () => {
    const outsider = await t.login((await buildUser(t.database.db)).username);
    expect((await outsider.get(`/api/subjects/${subjectId}/resource-imports/template?type=data`)).statusCode).toBe(403);
  });
});
