import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { isValidCreditCode } from '../../../../common/credit-code';
import { localize, type Bilingual, type Lang } from '../../platform/i18n';
import { AppError } from '../../platform/errors';
import { CODE_PATTERN } from './registry.service';

/** Columns of the registry import, in template order. */
export const IMPORT_COLUMNS = [
  { key: 'program_code', zh: '计划编号', en: 'Program code', required: true },
  { key: 'program_title', zh: '计划名称', en: 'Program title', required: true },
  { key: 'project_code', zh: '项目编号', en: 'Project code', required: true },
  { key: 'project_title', zh: '项目名称', en: 'Project title', required: true },
  { key: 'subject_code', zh: '课题编号', en: 'Subject code', required: true },
  { key: 'subject_title', zh: '课题名称', en: 'Subject title', required: true },
  { key: 'subject_title_en', zh: '课题英文名称', en: 'Subject title (English)', required: false },
  { key: 'start_date', zh: '开始日期', en: 'Start date', required: false },
  { key: 'end_date', zh: '结束日期', en: 'End date', required: false },
  { key: 'pi_name', zh: '课题负责人', en: 'PI name', required: true },
  { key: 'pi_email', zh: '负责人邮箱', en: 'PI email', required: true },
  { key: 'lead_unit_code', zh: '牵头承担单位统一社会信用代码', en: 'Lead unit credit code', required: true },
  { key: 'co_unit_codes', zh: '参与单位统一社会信用代码（分号分隔）', en: 'Co-undertaking unit codes (;-separated)', required: false },
  { key: 'region_code', zh: '所在省份代码', en: 'Province code (GB/T 2260)', required: true },
  { key: 'platform', zh: '汇交领域平台', en: 'Domain platform', required: true },
  { key: 'collection_budget', zh: '汇交经费（元）', en: 'Collection budget (CNY)', required: false },
  { key: 'acceptance_date', zh: '验收日期', en: 'Acceptance date', required: true },
] as const;
export type ImportKey = (typeof IMPORT_COLUMNS)[number]['key'];
export type ImportRow = Partial<Record<ImportKey, string>>;

export const MAX_IMPORT_ROWS = 20_000;

const PROBLEMS = {
  required: { zh: '{column}为必填项', en: '{column} is required' },
  badCode: { zh: '{column}格式不正确（如 2021YFA0100101）', en: '{column} is not a valid code (e.g. 2021YFA0100101)' },
  badDate: { zh: '{column}不是有效日期（YYYY-MM-DD）', en: '{column} is not a valid date (YYYY-MM-DD)' },
  badEmail: { zh: '负责人邮箱格式不正确', en: 'The PI email is not valid' },
  badCreditCode: { zh: '统一社会信用代码“{value}”无效', en: 'Credit code "{value}" is invalid' },
  unknownUnit: { zh: '未找到信用代码为“{value}”的承担单位，请先在机构管理中登记', en: 'No undertaking unit with credit code "{value}"; register it first' },
  unknownRegion: { zh: '省份代码“{value}”不存在', en: 'Unknown province code "{value}"' },
  unknownPlatform: { zh: '未找到领域平台“{value}”', en: 'No domain platform "{value}"' },
  badBudget: { zh: '汇交经费须为不小于 0 的数字', en: 'The collection budget must be a number ≥ 0' },
  duplicate: { zh: '课题编号 {value} 在文件中重复（第 {first} 行）', en: 'Subject code {value} repeats row {first}' },
  projectConflict: { zh: '项目 {value} 已属于其他计划（{other}）', en: 'Project {value} belongs to another program ({other})' },
  subjectConflict: { zh: '课题 {value} 已属于其他项目（{other}）', en: 'Subject {value} belongs to another project ({other})' },
  inconsistent: { zh: '同一{column}在文件中有不同的名称', en: 'The same {column} has different titles in the file' },
  datesOrder: { zh: '结束日期早于开始日期', en: 'The end date is before the start date' },
  unknownColumns: { zh: '无法识别的列：{value}', en: 'Unrecognised columns: {value}' },
  tooMany: { zh: '一次最多导入 {value} 行', en: 'At most {value} rows per import' },
  empty: { zh: '文件中没有数据行', en: 'The file has no data rows' },
} satisfies Record<string, Bilingual>;

/** A problem located by row (as the user counts rows in their file) and column. */
export interface ImportProblem { row: number | null; column: string | null; message: string }

/** A checked row, ready to write. */
export interface ResolvedRow {
  row: number;
  programCode: string; programTitle: string;
  projectCode: string; projectTitle: string;
  code: string; titleZh: string; titleEn: string | null;
  startDate: string | null; endDate: string | null;
  piName: string; piEmail: string;
  leadUnitId: string; coUnitIds: string[];
  regionCode: string; platformOrgId: string;
  collectionBudget: string; acceptanceDate: string;
}

const byLabel = new Map<string, ImportKey>(IMPORT_COLUMNS.flatMap((c) => [[c.key, c.key], [c.zh, c.key], [c.en.toLowerCase(), c.key]] as Array<[string, ImportKey]>));
const label = (key: ImportKey, lang: Lang) => {
  const column = IMPORT_COLUMNS.find((c) => c.key === key)!;
  return lang === 'en' ? column.en : column.zh;
};

/** The .xlsx template: Chinese headers, field keys in row 2, an example row. */
export async function registryTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('课题清单', { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.addRow(IMPORT_COLUMNS.map((c) => `${c.zh}${c.required ? ' *' : ''}`));
  sheet.addRow(IMPORT_COLUMNS.map((c) => c.key));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(2).font = { size: 8, color: { argb: 'FF8C8C8C' } };
  IMPORT_COLUMNS.forEach((c, i) => { sheet.getColumn(i + 1).width = Math.max(14, c.zh.length * 2); });
  const notes = workbook.addWorksheet('填写说明');
  notes.addRow(['第 3 行起每行一个课题；同一项目、计划可重复出现。带 * 为必填。日期格式 YYYY-MM-DD。单位按统一社会信用代码匹配，领域平台按名称匹配。']);
  notes.addRow(['One subject per row from row 3; programs and projects may repeat. * = required. Dates YYYY-MM-DD. Units match by credit code, platforms by name.']);
  notes.addRow(['示例 Example', '2021YFA0100000', '国家重点研发计划“干细胞研究与器官修复”重点专项', '2021YFA0100100', '人多能干细胞定向分化研究', '2021YFA0100101', '人多能干细胞向心肌细胞定向分化的调控机制', '', '2021-12-01', '2025-11-30', '刘洋', 'liu.yang@example.cn', '12330000470003270D', '', '330000', '国家人口健康科学数据中心', '200000', '2025-12-31']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    return '';
  }
  return String(value);
}

/** Reads .xlsx or .csv (UTF-8 or GB18030) into rows keyed by column; rows numbered as in the file. */
export async function readImportFile(data: Buffer, lang: Lang): Promise<{ rows: Array<{ row: number; values: ImportRow }>; problems: ImportProblem[] }> {
  let table: string[][];
  let firstRow = 1;
  if (data.subarray(0, 2).toString('latin1') === 'PK') {
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(data as unknown as ArrayBuffer);
    } catch {
      throw new AppError('import.unreadable');
    }
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new AppError('import.unreadable');
    table = [];
    sheet.eachRow({ includeEmpty: true }, (row, n) => {
      const cells: string[] = [];
      for (let i = 1; i <= sheet.columnCount; i += 1) cells.push(cellText(row.getCell(i).value).trim());
      table[n - 1] = cells;
    });
    table = Array.from(table, (row) => row ?? []);
  } else {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(data);
    } catch {
      text = iconv.decode(data, 'gb18030');
    }
    try {
      table = parseCsv(text.replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: false, trim: true }) as string[][];
    } catch {
      throw new AppError('import.unreadable');
    }
  }

  // The header is the first row; an xlsx template adds a key row under it, which maps the same way.
  const header = (table[0] ?? []).map((h) => h.replace(/\s*\*$/, '').trim());
  const keys = header.map((h) => byLabel.get(h) ?? byLabel.get(h.toLowerCase()) ?? null);
  const unknown = header.filter((h, i) => h !== '' && keys[i] === null);
  if (unknown.length > 0) return { rows: [], problems: [{ row: 1, column: null, message: localize(PROBLEMS.unknownColumns, lang, { value: unknown.join(', ') }) }] };
  const second = table[1] ?? [];
  if (second.length > 0 && second.every((cell, i) => cell === '' || cell === IMPORT_COLUMNS.find((c) => c.key === keys[i])?.key)) firstRow = 2;

  const rows: Array<{ row: number; values: ImportRow }> = [];
  for (let i = firstRow; i < table.length; i += 1) {
    const cells = table[i] ?? [];
    if (cells.every((c) => c === '')) continue;
    if (cells[0]?.startsWith('示例')) continue;
    const values: ImportRow = {};
    keys.forEach((key, j) => { if (key && cells[j]) values[key] = cells[j]; });
    rows.push({ row: i + 1, values });
  }
  if (rows.length > MAX_IMPORT_ROWS) return { rows: [], problems: [{ row: null, column: null, message: localize(PROBLEMS.tooMany, lang, { value: MAX_IMPORT_ROWS }) }] };
  if (rows.length === 0) return { rows: [], problems: [{ row: null, column: null, message: localize(PROBLEMS.empty, lang) }] };
  return { rows, problems: [] };
}

function normaliseDate(value: string | undefined): string | null | undefined {
  if (!value) return null;
  const match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(value.trim());
  if (!match) return undefined;
  const iso = `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso ? undefined : iso;
}

/** Checks every row against the file and the database; reports every problem, resolves nothing partially. */
export async function checkImportRows(db: Kysely<DB>, rows: Array<{ row: number; values: ImportRow }>, lang: Lang): Promise<{ resolved: ResolvedRow[]; problems: ImportProblem[] }> {
  const problems: ImportProblem[] = [];
  const add = (row: number, key: ImportKey | null, text: Bilingual, params: Record<string, string | number> = {}) =>
    problems.push({ row, column: key ? label(key, lang) : null, message: localize(text, lang, { column: key ? label(key, lang) : '', ...params }) });

  const units = new Map((await db.selectFrom('organisations').select(['id', 'creditCode']).where('kind', '=', 'unit').where('creditCode', 'is not', null).execute()).map((u) => [u.creditCode!, u.id]));
  const platforms = await db.selectFrom('organisations').select(['id', 'nameZh', 'nameEn']).where('kind', '=', 'domain_platform').execute();
  const regions = new Set((await db.selectFrom('regions').select('code').execute()).map((r) => r.code));
  const projectCodes = [...new Set(rows.map((r) => r.values.project_code).filter(Boolean))] as string[];
  const subjectCodes = [...new Set(rows.map((r) => r.values.subject_code).filter(Boolean))] as string[];
  const existingProjects = new Map<string, string>();
  for (let i = 0; i < projectCodes.length; i += 1000) {
    const chunk = await db.selectFrom('projects as j').innerJoin('programs as p', 'p.id', 'j.programId').select(['j.code', 'p.code as programCode']).where('j.code', 'in', projectCodes.slice(i, i + 1000)).execute();
    for (const row of chunk) existingProjects.set(row.code, row.programCode);
  }
  const existingSubjects = new Map<string, string>();
  for (let i = 0; i < subjectCodes.length; i += 1000) {
    const chunk = await db.selectFrom('subjects as s').innerJoin('projects as j', 'j.id', 's.projectId').select(['s.code', 'j.code as projectCode']).where('s.code', 'in', subjectCodes.slice(i, i + 1000)).execute();
    for (const row of chunk) existingSubjects.set(row.code, row.projectCode);
  }

  const seenSubjects = new Map<string, number>();
  const projectProgram = new Map<string, string>();
  const titles = { program: new Map<string, string>(), project: new Map<string, string>() };
  const resolved: ResolvedRow[] = [];
  for (const { row, values } of rows) {
    const before = problems.length;
    for (const column of IMPORT_COLUMNS) if (column.required && !values[column.key]) add(row, column.key, PROBLEMS.required);
    for (const key of ['program_code', 'project_code', 'subject_code'] as const) if (values[key] && !CODE_PATTERN.test(values[key]!)) add(row, key, PROBLEMS.badCode);
    const dates: Partial<Record<ImportKey, string | null>> = {};
    for (const key of ['start_date', 'end_date', 'acceptance_date'] as const) {
      const date = normaliseDate(values[key]);
      if (date === undefined) add(row, key, PROBLEMS.badDate);
      else dates[key] = date;
    }
    if (dates.start_date && dates.end_date && dates.end_date < dates.start_date) add(row, 'end_date', PROBLEMS.datesOrder);
    if (values.pi_email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.pi_email)) add(row, 'pi_email', PROBLEMS.badEmail);

    const unitId = (key: ImportKey, code: string) => {
      const normalised = code.trim().toUpperCase();
      if (!isValidCreditCode(normalised)) { add(row, key, PROBLEMS.badCreditCode, { value: code }); return null; }
      const id = units.get(normalised);
      if (!id) add(row, key, PROBLEMS.unknownUnit, { value: code });
      return id ?? null;
    };
    const leadUnitId = values.lead_unit_code ? unitId('lead_unit_code', values.lead_unit_code) : null;
    const coUnitIds = (values.co_unit_codes ?? '').split(/[;；,，\s]+/).filter(Boolean).map((code) => unitId('co_unit_codes', code)).filter((id): id is string => id !== null);
    if (values.region_code && !regions.has(values.region_code)) add(row, 'region_code', PROBLEMS.unknownRegion, { value: values.region_code });
    const platform = values.platform ? platforms.find((p) => p.nameZh === values.platform || p.nameEn === values.platform || p.id === values.platform) : undefined;
    if (values.platform && !platform) add(row, 'platform', PROBLEMS.unknownPlatform, { value: values.platform });
    const budget = values.collection_budget ? Number(values.collection_budget.replace(/[,，]/g, '')) : 0;
    if (!Number.isFinite(budget) || budget < 0) add(row, 'collection_budget', PROBLEMS.badBudget);

    if (values.subject_code) {
      const first = seenSubjects.get(values.subject_code);
      if (first !== undefined) add(row, 'subject_code', PROBLEMS.duplicate, { value: values.subject_code, first });
      else seenSubjects.set(values.subject_code, row);
      const owner = existingSubjects.get(values.subject_code);
      if (owner && values.project_code && owner !== values.project_code) add(row, 'subject_code', PROBLEMS.subjectConflict, { value: values.subject_code, other: owner });
    }
    if (values.project_code && values.program_code) {
      const owner = existingProjects.get(values.project_code) ?? projectProgram.get(values.project_code);
      if (owner && owner !== values.program_code) add(row, 'project_code', PROBLEMS.projectConflict, { value: values.project_code, other: owner });
      projectProgram.set(values.project_code, values.program_code);
    }
    for (const [kind, codeKey, titleKey] of [['program', 'program_code', 'program_title'], ['project', 'project_code', 'project_title']] as const) {
      const code = values[codeKey];
      const title = values[titleKey];
      if (!code || !title) continue;
      const known = titles[kind].get(code);
      if (known && known !== title) add(row, titleKey, PROBLEMS.inconsistent);
      titles[kind].set(code, title);
    }

    if (problems.length === before) {
      resolved.push({
        row,
        programCode: values.program_code!, programTitle: values.program_title!,
        projectCode: values.project_code!, projectTitle: values.project_title!,
        code: values.subject_code!, titleZh: values.subject_title!, titleEn: values.subject_title_en ?? null,
        startDate: dates.start_date ?? null, endDate: dates.end_date ?? null,
        piName: values.pi_name!, piEmail: values.pi_email!.toLowerCase(),
        leadUnitId: leadUnitId!, coUnitIds: [...new Set(coUnitIds)].filter((id) => id !== leadUnitId),
        regionCode: values.region_code!, platformOrgId: platform!.id,
        collectionBudget: budget.toFixed(2), acceptanceDate: dates.acceptance_date!,
      });
    }
  }
  return { resolved, problems };
}

/** Counts of what an import did (or, on a dry run, would do). */
export interface ImportSummary {
  rows: number;
  programs: { created: number; updated: number; unchanged: number };
  projects: { created: number; updated: number; unchanged: number };
  subjects: { created: number; updated: number; unchanged: number };
  invitedPeople: number;
}

export const emptySummary = (rows: number): ImportSummary => ({
  rows,
  programs: { created: 0, updated: 0, unchanged: 0 },
  projects: { created: 0, updated: 0, unchanged: 0 },
  subjects: { created: 0, updated: 0, unchanged: 0 },
  invitedPeople: 0,
});

/** Bulk lookups by code in chunks (a 5 000-row file must not become 5 000 round trips). */
export async function byCodes<T extends { code: string }>(codes: string[], load: (chunk: string[]) => Promise<T[]>): Promise<Map<string, T>> {
  const map = new Map<string, T>();
  for (let i = 0; i < codes.length; i += 1000) for (const row of await load(codes.slice(i, i + 1000))) map.set(row.code, row);
  return map;
}

