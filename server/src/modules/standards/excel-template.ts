import ExcelJS from 'exceljs';
import { localize, type Bilingual, type Lang } from '../../platform/i18n';
import { fieldTable, type FieldRow, type StandardValidator } from './record-validator';
import type { FieldSchema, ResourceType } from './standard-document';

export const RECORDS_SHEET = '资源清单';
const INSTRUCTIONS_SHEET = '填写说明';
const VOCABULARY_SHEET = '词表';
const KEY_ROW = 3;
const FIRST_DATA_ROW = 4;
const VALIDATED_ROWS = 2000;
export const MAX_TEMPLATE_ROWS = 20_000;

const LIST_SEPARATOR = /[;；\n]+/;
const PART_SEPARATOR = '|';

/** A problem in a filled workbook, located by sheet, row and column. */
export interface WorkbookError {
  sheet: string;
  row: number | null;
  column: string | null;
  field: string | null;
  label: string | null;
  message: string;
}

/** The extra column of bulk-import templates: the files of each row, matched by name in the archive. */
export const FILES_COLUMN = '_files';
const FILES_LABEL = { zh: '文件名（多个用分号分隔）', en: 'File names (;-separated)' };

export interface ParsedWorkbook {
  records: Array<{ row: number; record: Record<string, unknown>; files: string[] }>;
  errors: WorkbookError[];
}

const MESSAGES = {
  unreadable: { zh: '无法读取该文件，请上传 .xlsx 格式的模板', en: 'The file cannot be read; upload the .xlsx template' },
  sheetMissing: { zh: '找不到工作表“{sheet}”，请使用平台下载的模板', en: 'Sheet "{sheet}" is missing; use the template downloaded from the platform' },
  unknownColumn: { zh: '第 {column} 列的字段“{key}”不属于该标准', en: 'Column {column}: field "{key}" is not part of this standard' },
  duplicateColumn: { zh: '字段“{key}”出现在多列', en: 'Field "{key}" appears in more than one column' },
  missingColumn: { zh: '缺少必填字段“{label}”所在的列', en: 'The column for required field "{label}" is missing' },
  tooManyRows: { zh: '一次最多导入 {limit} 行（当前 {count} 行），请分批导入', en: 'At most {limit} rows per import ({count} given); split the file' },
  noRows: { zh: '模板中没有填写任何资源', en: 'The template contains no filled rows' },
} satisfies Record<string, Bilingual>;

function columnLetter(index: number): string {
  let n = index;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

const TYPE_LABELS: Record<string, Bilingual> = {
  string: { zh: '文本', en: 'Text' },
  integer: { zh: '整数', en: 'Integer' },
  number: { zh: '数字', en: 'Number' },
  boolean: { zh: '是/否', en: 'Yes/No' },
  date: { zh: '日期 YYYY-MM-DD', en: 'Date YYYY-MM-DD' },
  'array<string>': { zh: '多项，用分号分隔', en: 'Several, separated by semicolons' },
  'array<object>': { zh: '多项，用分号分隔，项内用 | 分隔', en: 'Several, separated by semicolons; parts by |' },
  object: { zh: '各部分用 | 分隔', en: 'Parts separated by |' },
};

function exampleText(value: unknown, field: FieldSchema): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map((item) => exampleText(item, field.items ?? {})).join('; ');
  if (typeof value === 'object') {
    const keys = Object.keys(field.properties ?? value);
    return keys.map((key) => String((value as Record<string, unknown>)[key] ?? '')).join(PART_SEPARATOR).replace(/\|+$/, '');
  }
  if (typeof value === 'boolean') return value ? '是' : '否';
  return String(value);
}

/** Builds the .xlsx template for one resource type: zh and en header rows, dropdowns, instructions. */
export async function buildTemplate(validator: StandardValidator, type: ResourceType, options: { filesColumn?: boolean } = {}): Promise<Buffer> {
  const schema = validator.schema(type);
  if (!schema) throw new Error(`type ${type} not in standard`);
  const fields = fieldTable(schema);
  const doc = validator.document;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Huijiao 汇交';
  workbook.created = new Date();

  const records = workbook.addWorksheet(RECORDS_SHEET, { views: [{ state: 'frozen', ySplit: KEY_ROW }] });
  const instructions = workbook.addWorksheet(INSTRUCTIONS_SHEET);
  const vocabSheet = workbook.addWorksheet(VOCABULARY_SHEET, { state: 'hidden' });
  workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];

  // Vocabulary lists, one column each, shown in dropdowns as "code - 中文名".
  const vocabRanges = new Map<string, string>();
  let vocabColumn = 1;
  for (const code of new Set(fields.map((f) => f.vocabulary).filter((v): v is string => v !== null))) {
    const vocabulary = validator.vocabulary(code);
    if (!vocabulary) continue;
    const letter = columnLetter(vocabColumn);
    vocabSheet.getCell(`${letter}1`).value = code;
    vocabulary.terms.forEach((term, i) => {
      vocabSheet.getCell(`${letter}${i + 2}`).value = `${term.code} - ${term.label.zh}`;
    });
    vocabRanges.set(code, `'${VOCABULARY_SHEET}'!$${letter}$2:$${letter}$${vocabulary.terms.length + 1}`);
    vocabColumn += 1;
  }

  fields.forEach((field, index) => {
    const column = index + 1;
    const mark = field.required ? ' *' : field.conditional ? ' (*)' : '';
    records.getCell(1, column).value = `${field.label.zh}${mark}`;
    records.getCell(2, column).value = `${field.label.en}${mark}`;
    records.getCell(KEY_ROW, column).value = field.key;
    for (const row of [1, 2]) {
      const cell = records.getCell(row, column);
      cell.font = { bold: row === 1, color: { argb: field.required ? 'FFC00000' : 'FF1F1F1F' } };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: field.required ? 'FFFDE9E7' : 'FFF0F5FF' } };
      cell.alignment = { vertical: 'middle', wrapText: true };
    }
    records.getCell(KEY_ROW, column).font = { size: 8, color: { argb: 'FF8C8C8C' } };
    if (field.help) records.getCell(1, column).note = `${field.help.zh}\n${field.help.en}`;
    records.getColumn(column).width = Math.min(40, Math.max(14, field.label.zh.length * 2 + 4));
    const range = field.vocabulary ? vocabRanges.get(field.vocabulary) : undefined;
    if (range && !field.type.startsWith('array')) {
      for (let row = FIRST_DATA_ROW; row < FIRST_DATA_ROW + VALIDATED_ROWS; row += 1) {
        records.getCell(row, column).dataValidation = {
          type: 'list', allowBlank: true, formulae: [range], showErrorMessage: true,
          errorTitle: '取值不在词表中 / Not in vocabulary', error: `${field.label.zh}：请从下拉列表中选择 / choose from the list`,
        };
      }
    }
    if (field.type === 'date') records.getColumn(column).numFmt = 'yyyy-mm-dd';
  });
  if (options.filesColumn) {
    const column = fields.length + 1;
    records.getCell(1, column).value = FILES_LABEL.zh;
    records.getCell(2, column).value = FILES_LABEL.en;
    records.getCell(KEY_ROW, column).value = FILES_COLUMN;
    records.getCell(1, column).note = '压缩包或文件夹中的文件路径，例如 原始数据/baseline.csv\nPaths of files in the archive or folder, e.g. raw/baseline.csv';
    records.getColumn(column).width = 36;
  }
  records.getRow(KEY_ROW).height = 12;

  instructions.columns = [
    { header: '字段键 Field key', key: 'key', width: 24 },
    { header: '中文名称', key: 'zh', width: 24 },
    { header: 'English label', key: 'en', width: 28 },
    { header: '类型 Type', key: 'type', width: 26 },
    { header: '必填 Required', key: 'required', width: 14 },
    { header: '词表 Vocabulary', key: 'vocabulary', width: 36 },
    { header: '说明 Help', key: 'help', width: 60 },
    { header: '示例 Example', key: 'example', width: 40 },
  ];
  instructions.getRow(1).font = { bold: true };
  for (const field of fields) {
    const vocabulary = field.vocabulary ? validator.vocabulary(field.vocabulary) : undefined;
    instructions.addRow({
      key: field.key,
      zh: field.label.zh,
      en: field.label.en,
      type: `${(TYPE_LABELS[field.type] ?? TYPE_LABELS.string!).zh} / ${(TYPE_LABELS[field.type] ?? TYPE_LABELS.string!).en}`,
      required: field.required ? '是 Yes' : field.conditional ? '视条件 Conditional' : '否 No',
      vocabulary: vocabulary ? `${vocabulary.label.zh}：${vocabulary.terms.slice(0, 12).map((t) => t.code).join(', ')}${vocabulary.terms.length > 12 ? ' …' : ''}` : '',
      help: field.help ? `${field.help.zh}\n${field.help.en}` : '',
      example: exampleText(field.example, schema.properties?.[field.key] ?? {}),
    });
  }
  instructions.addRow({});
  instructions.addRow({ key: `${doc.name.zh} ${doc.version} · ${localize(doc.resourceTypes[type]!.label, 'zh-CN')} / ${doc.resourceTypes[type]!.label.en}` });
  instructions.addRow({ key: `在“${RECORDS_SHEET}”工作表第 ${FIRST_DATA_ROW} 行起每行填写一个资源；第 ${KEY_ROW} 行为字段键，请勿修改。带 * 的列为必填，(*) 为视条件必填。` });
  instructions.addRow({ key: `Fill one resource per row of sheet "${RECORDS_SHEET}" from row ${FIRST_DATA_ROW}; row ${KEY_ROW} holds field keys — do not change it. Columns marked * are required, (*) conditionally.` });
  instructions.getColumn('help').alignment = { wrapText: true, vertical: 'top' };

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Reads a filled template back into records, checking the header and converting cells by field type. */
export async function parseWorkbook(validator: StandardValidator, type: ResourceType, data: Buffer, lang: Lang, options: { filesColumn?: boolean } = {}): Promise<ParsedWorkbook> {
  const schema = validator.schema(type);
  if (!schema) throw new Error(`type ${type} not in standard`);
  const errors: WorkbookError[] = [];
  const fail = (message: Bilingual, params: Record<string, string | number> = {}, at: Partial<WorkbookError> = {}) =>
    errors.push({ sheet: RECORDS_SHEET, row: null, column: null, field: null, label: null, ...at, message: localize(message, lang, params) });

  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    fail(MESSAGES.unreadable);
    return { records: [], errors };
  }
  const sheet = workbook.getWorksheet(RECORDS_SHEET);
  if (!sheet) {
    fail(MESSAGES.sheetMissing, { sheet: RECORDS_SHEET });
    return { records: [], errors };
  }

  const fields = new Map(fieldTable(schema).map((f) => [f.key, f]));
  const columns: Array<{ index: number; field: FieldRow }> = [];
  let filesIndex: number | null = null;
  const seen = new Set<string>();
  sheet.getRow(KEY_ROW).eachCell({ includeEmpty: false }, (cell, index) => {
    const key = cellText(cell.value);
    if (!key) return;
    const field = fields.get(key);
    const column = columnLetter(index);
    if (options.filesColumn && key === FILES_COLUMN) {
      filesIndex = index;
      return undefined;
    }
    if (!field) return fail(MESSAGES.unknownColumn, { column, key }, { row: KEY_ROW, column });
    if (seen.has(key)) return fail(MESSAGES.duplicateColumn, { key }, { row: KEY_ROW, column, field: key });
    seen.add(key);
    columns.push({ index, field });
  });
  for (const field of fields.values()) {
    if (field.required && !seen.has(field.key)) fail(MESSAGES.missingColumn, { label: localize(field.label, lang) }, { row: KEY_ROW, field: field.key, label: localize(field.label, lang) });
  }
  if (errors.length > 0) return { records: [], errors };

  const lastRow = sheet.actualRowCount === 0 ? 0 : sheet.lastRow?.number ?? 0;
  const count = Math.max(0, lastRow - KEY_ROW);
  if (count > MAX_TEMPLATE_ROWS) {
    fail(MESSAGES.tooManyRows, { limit: MAX_TEMPLATE_ROWS, count });
    return { records: [], errors };
  }

  const records: ParsedWorkbook['records'] = [];
  for (let rowNumber = FIRST_DATA_ROW; rowNumber <= lastRow; rowNumber += 1) {
    const row = sheet.getRow(rowNumber);
    const record: Record<string, unknown> = {};
    for (const { index, field } of columns) {
      const value = convertCell(row.getCell(index).value, schema.properties?.[field.key] ?? {}, validator);
      if (value !== undefined) record[field.key] = value;
    }
    const files = filesIndex === null ? [] : cellText(row.getCell(filesIndex).value).split(LIST_SEPARATOR).map((f) => f.trim()).filter(Boolean);
    if (Object.keys(record).length === 0 && files.length === 0) continue;
    records.push({ row: rowNumber, record, files });
    for (const problem of validator.validate(type, record, lang)) {
      const key = problem.path.split('/').filter(Boolean)[0] ?? null;
      const column = columns.find((c) => c.field.key === key);
      errors.push({ sheet: RECORDS_SHEET, row: rowNumber, column: column ? columnLetter(column.index) : null, field: key, label: problem.label, message: problem.message });
    }
  }
  if (records.length === 0 && errors.length === 0) fail(MESSAGES.noRows);
  return { records, errors };
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('').trim();
    if ('text' in value) return String(value.text).trim();
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('error' in value) return '';
  }
  return String(value).trim();
}

/** A vocabulary cell may hold the code, "code - label", or a label in either language. */
function toTerm(text: string, vocabularyCode: string | undefined, validator: StandardValidator): string {
  if (!vocabularyCode) return text;
  const vocabulary = validator.vocabulary(vocabularyCode);
  const candidate = text.includes(' - ') ? text.split(' - ')[0]!.trim() : text;
  const term = vocabulary?.terms.find((t) => t.code === candidate || t.label.zh === text || t.label.en.toLowerCase() === text.toLowerCase());
  return term?.code ?? candidate;
}

function convertScalar(text: string, raw: ExcelJS.CellValue, field: FieldSchema, validator: StandardValidator): unknown {
  const type = Array.isArray(field.type) ? field.type[0] : field.type;
  if (type === 'integer' || type === 'number') {
    if (typeof raw === 'number') return raw;
    const number = Number(text.replace(/,/g, ''));
    return text !== '' && Number.isFinite(number) ? number : text;
  }
  if (type === 'boolean') {
    if (typeof raw === 'boolean') return raw;
    const lower = text.toLowerCase();
    if (['是', 'yes', 'y', 'true', '1'].includes(lower)) return true;
    if (['否', 'no', 'n', 'false', '0'].includes(lower)) return false;
    return text;
  }
  if (field.format === 'date') {
    if (raw instanceof Date) return raw.toISOString().slice(0, 10);
    const match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
    return match ? `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}` : text;
  }
  return toTerm(text, field['x-vocabulary'], validator);
}

function convertParts(text: string, field: FieldSchema, validator: StandardValidator): Record<string, unknown> {
  const keys = Object.keys(field.properties ?? {});
  const parts = text.split(PART_SEPARATOR).map((p) => p.trim());
  const object: Record<string, unknown> = {};
  keys.forEach((key, i) => {
    const part = parts[i];
    if (part) object[key] = convertScalar(part, part, field.properties![key]!, validator);
  });
  return object;
}

function convertCell(raw: ExcelJS.CellValue, field: FieldSchema, validator: StandardValidator): unknown {
  const text = cellText(raw);
  if (text === '') return undefined;
  if (field.type === 'array') {
    const items = field.items ?? {};
    const segments = text.split(LIST_SEPARATOR).map((s) => s.trim()).filter(Boolean);
    return items.type === 'object'
      ? segments.map((segment) => convertParts(segment, items, validator))
      : segments.map((segment) => convertScalar(segment, segment, { ...items, 'x-vocabulary': items['x-vocabulary'] ?? field['x-vocabulary'] }, validator));
  }
  if (field.type === 'object') return convertParts(text, field, validator);
  return convertScalar(text, raw, field, validator);
}

