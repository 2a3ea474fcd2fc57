import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, type TestClient } from '../../test/build-app';
import { buildOrg, buildUser } from '../../test/factories';
import { buildStandard, validCoreRecord } from '../../test/standard-factory';
import { readShippedStandards } from './shipped-standards';
import { StandardValidator, fieldTable } from './record-validator';
import { buildTemplate, parseWorkbook, RECORDS_SHEET } from './excel-template';
import { loadCoreFields, RESOURCE_TYPES } from './standard-document';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let t: TestApp;
let client: TestClient;
let versionId: string;

beforeAll(async () => {
  t = await buildTestApp();
  const platform = await buildOrg(t.database.db, { kind: 'domain_platform' });
  const { version } = await buildStandard(t.database.db, platform.id, { status: 'approved' });
  versionId = version.id;
  client = await t.login((await buildUser(t.database.db)).username);
});
afterAll(() => t.close());

async function download(type: string): Promise<ExcelJS.Workbook> {
  const response = await t.anonymous().get(`/api/standard-versions/${versionId}/template?type=${type}`);
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toBe(XLSX);
  expect(response.headers['content-disposition']).toMatch(/filename\*=UTF-8''/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  return workbook;
}

/** Writes records under the template's key row, the way a person fills it in. */
function fill(workbook: ExcelJS.Workbook, rows: Array<Record<string, unknown>>) {
  const sheet = workbook.getWorksheet(RECORDS_SHEET)!;
  const columns = new Map<string, number>();
  sheet.getRow(3).eachCell((cell, index) => columns.set(String(cell.value), index));
  rows.forEach((values, i) => {
    for (const [key, value] of Object.entries(values)) sheet.getCell(4 + i, columns.get(key)!).value = value as ExcelJS.CellValue;
  });
}

async function upload(workbook: ExcelJS.Workbook, type = 'data', lang = 'zh-CN') {
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return client.withLang(lang).request('POST', `/api/standard-versions/${versionId}/template/parse?type=${type}`, buffer, { 'content-type': XLSX });
}

const asCells = (record: Record<string, unknown>) => ({
  ...record,
  keywordsZh: (record.keywordsZh as string[]).join('；'),
  creators: (record.creators as Array<Record<string, string>>).map((c) => [c.name, c.unit, c.orcid, c.role].join('|')).join('; '),
  contact: `${(record.contact as Record<string, string>).name}|${(record.contact as Record<string, string>).email}`,
  dateCreated: new Date(`${String(record.dateCreated)}T00:00:00Z`),
  discipline: '330 - 预防医学与公共卫生学',
});

describe('Excel templates', () => {
  it('has zh and en header rows, required marks, vocabulary dropdowns and an instructions sheet', async () => {
    const workbook = await download('data');
    const sheet = workbook.getWorksheet(RECORDS_SHEET)!;
    expect(String(sheet.getCell('A1').value)).toBe('题名（中文） *');
    expect(String(sheet.getCell('A2').value)).toBe('Title (Chinese) *');
    const disciplineColumn = [...Array(sheet.columnCount).keys()].map((i) => i + 1).find((i) => sheet.getCell(3, i).value === 'discipline')!;
    expect(sheet.getCell(4, disciplineColumn).dataValidation).toMatchObject({ type: 'list' });
    const instructions = workbook.getWorksheet('填写说明')!;
    expect(instructions.getRow(2).getCell(2).value).toBe('题名（中文）');
    expect(String(instructions.getRow(2).getCell(8).value)).toContain('浙江省成人慢性病队列');
  });

  it('round-trips: generate → fill → parse gives the same records', async () => {
    const workbook = await download('data');
    const records = [validCoreRecord({ sampleSize: 1200, informedConsent: true }), validCoreRecord({ titleZh: '第二个数据集', sampleSize: 35 })];
    fill(workbook, records.map((r) => ({ ...asCells(r), informedConsent: r.informedConsent === true ? '是' : undefined })));
    const parsed = (await upload(workbook)).json();
    expect(parsed.errors).toEqual([]);
    expect(parsed.valid).toBe(true);
    expect(parsed.records.map((r: { record: unknown }) => r.record)).toEqual(records);
  });

  it('reports every bad cell by row, column and field label, and accepts nothing', async () => {
    const workbook = await download('data');
    fill(workbook, [
      asCells(validCoreRecord({ sampleSize: 10 })),
      { ...asCells(validCoreRecord()), sampleSize: '很多', dateCreated: '2021年13月45日' },
      { titleZh: '只有标题' },
    ]);
    const parsed = (await upload(workbook)).json();
    expect(parsed.valid).toBe(false);
    expect(parsed.records).toEqual([]);
    const located = parsed.errors.map((e: { row: number; label: string }) => `${e.row}:${e.label}`);
    expect(located).toEqual(expect.arrayContaining(['5:样本量', '5:资源生成日期', '6:描述（中文）', '6:样本量']));
    const sampleError = parsed.errors.find((e: { row: number; field: string }) => e.row === 5 && e.field === 'sampleSize');
    expect(sampleError.column).toMatch(/^[A-Z]+$/);
    expect(sampleError.message).toBe('样本量的类型应为整数');
  });

  it('rejects a workbook without the records sheet, with unknown columns, or that is not xlsx', async () => {
    const other = new ExcelJS.Workbook();
    other.addWorksheet('Sheet1').getCell('A1').value = 'x';
    expect((await upload(other, 'data', 'en')).json().errors[0].message).toContain(`Sheet "${RECORDS_SHEET}" is missing`);

    const extra = await download('data');
    const sheet = extra.getWorksheet(RECORDS_SHEET)!;
    sheet.getCell(3, sheet.columnCount + 1).value = 'favouriteColour';
    const columns = (await upload(extra)).json();
    expect(columns.errors[0]).toMatchObject({ row: 3, message: expect.stringContaining('favouriteColour') });

    const garbage = await client.request('POST', `/api/standard-versions/${versionId}/template/parse?type=data`, Buffer.from('not a zip'), { 'content-type': XLSX });
    expect(garbage.json().errors[0].message).toContain('.xlsx');
  });

  it('checks 10 000 rows and reports the few bad ones precisely', async () => {
    const workbook = await download('data');
    const good = asCells(validCoreRecord({ sampleSize: 5 }));
    const rows = Array.from({ length: 10_000 }, (_, i) => (i === 4321 || i === 9999 ? { ...good, sampleSize: -1 } : good));
    fill(workbook, rows);
    const started = Date.now();
    const parsed = (await upload(workbook)).json();
    const seconds = (Date.now() - started) / 1000;
    expect(parsed.rowCount).toBe(10_000);
    expect(parsed.errors.map((e: { row: number }) => e.row)).toEqual([4 + 4321, 4 + 9999]);
    console.info(`10 000-row template checked in ${seconds.toFixed(1)} s`);
  }, 120_000);

  it('round-trips every type of both shipped standards with their example values', async () => {
    for (const document of readShippedStandards()) {
      const validator = new StandardValidator(document, loadCoreFields());
      for (const type of RESOURCE_TYPES) {
        const schema = validator.schema(type)!;
        const example = Object.fromEntries(fieldTable(schema).filter((f) => f.example !== null).map((f) => [f.key, f.example]));
        expect(validator.validate(type, example, 'zh-CN'), `${document.domain}/${type} example is valid`).toEqual([]);
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load((await buildTemplate(validator, type)) as unknown as ArrayBuffer);
        const sheet = workbook.getWorksheet(RECORDS_SHEET)!;
        const instructions = workbook.getWorksheet('填写说明')!;
        // Copy the instruction sheet's example column into row 4, as a person following it would.
        const examples = new Map<string, string>();
        instructions.eachRow((row, n) => { if (n > 1 && row.getCell(8).value) examples.set(String(row.getCell(1).value), String(row.getCell(8).value)); });
        sheet.getRow(3).eachCell((cell, index) => { const text = examples.get(String(cell.value)); if (text) sheet.getCell(4, index).value = text; });
        const parsed = await parseWorkbook(validator, type, Buffer.from(await workbook.xlsx.writeBuffer()), 'zh-CN');
        expect(parsed.errors, `${document.domain}/${type}`).toEqual([]);
        expect(parsed.records[0]!.record).toEqual(example);
      }
    }
  }, 120_000);
});
