import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { chinaDateTime } from '../../platform/china-time';
import { RESOURCE_TYPE_LABELS, RESOURCE_TYPES, type ResourceType } from '../standards/standard-document';
import type { Overview, SubjectRow } from './supervision.schemas';

export const SUBJECTS_SHEET = '课题';
export const SUMMARY_SHEET = '汇总';

const PLAN_STATUS: Record<string, string> = { none: '无计划', draft: '草稿', unit_review: '单位审核中', platform_review: '平台审核中', returned: '已退回修改', approved: '已批准' };
const CERTIFICATE: Record<string, string> = { issued: '已签发', eligible: '可签发', missing: '未签发' };
const label = (type: string) => RESOURCE_TYPE_LABELS[type as ResourceType]?.zh ?? type;
const overdueLabel = (item: string) => (item === 'plan_review' ? '计划审核逾期' : item === 'resource_review' ? '资源审核逾期' : `${label(item.slice(5))}逾期`);
const PERCENT = '0.0%';
const MONEY = '#,##0.00';

/**
 * The supervision list as a workbook: sheet 课题 (one row per subject, Chinese headers, planned and
 * released per type) and sheet 汇总 (the overview). Rows are streamed to the file, so 100 000 subjects
 * do not hold every cell in memory at once.
 */
export async function buildExport(rows: SubjectRow[], overview: Overview): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = '国家科技计划资源汇交平台';

  const present = new Set(rows.flatMap((r) => r.byType.map((t) => t.type)));
  const types = [...RESOURCE_TYPES.filter((t) => present.has(t)), ...[...present].filter((t) => !(RESOURCE_TYPES as readonly string[]).includes(t)).sort()];
  const sheet = workbook.addWorksheet(SUBJECTS_SHEET, { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
  sheet.columns = [
    { header: '课题编号', key: 'code', width: 18 },
    { header: '课题名称', key: 'title', width: 40 },
    { header: '课题负责人', key: 'pi', width: 12 },
    { header: '牵头承担单位', key: 'unit', width: 28 },
    { header: '省份', key: 'province', width: 10 },
    { header: '领域平台', key: 'platform', width: 28 },
    { header: '专项编号', key: 'program', width: 16 },
    { header: '项目编号', key: 'project', width: 16 },
    { header: '汇交计划状态', key: 'planStatus', width: 12 },
    { header: '计划汇交数', key: 'planned', width: 10 },
    { header: '已发布数', key: 'delivered', width: 10 },
    { header: '完成率', key: 'completion', width: 10, style: { numFmt: PERCENT } },
    ...types.flatMap((t) => [{ header: `${label(t)}计划`, key: `planned:${t}`, width: 12 }, { header: `${label(t)}已发布`, key: `delivered:${t}`, width: 12 }]),
    { header: '单位审核中', key: 'inUnit', width: 10 },
    { header: '平台审核中', key: 'inPlatform', width: 10 },
    { header: '专家评审中', key: 'inExpert', width: 10 },
    { header: '逾期事项', key: 'overdue', width: 30 },
    { header: '验收日期', key: 'acceptanceDate', width: 12 },
    { header: '距验收天数', key: 'daysToAcceptance', width: 10 },
    { header: '汇交凭证', key: 'certificate', width: 10 },
    { header: '汇交经费预算（元）', key: 'budget', width: 16, style: { numFmt: MONEY } },
    { header: '已支出（元）', key: 'spent', width: 16, style: { numFmt: MONEY } },
    { header: '经费预警', key: 'flagged', width: 10 },
    { header: '最近提醒时间', key: 'lastReminderAt', width: 22 },
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  for (const row of rows) {
    const perType = Object.fromEntries(row.byType.flatMap((t) => [[`planned:${t.type}`, t.planned], [`delivered:${t.type}`, t.delivered]]));
    sheet.addRow({
      code: row.code, title: row.titleZh, pi: row.piName ?? '', unit: row.leadUnit.name, province: row.province.name, platform: row.platform.name,
      program: row.programCode, project: row.projectCode, planStatus: PLAN_STATUS[row.planStatus] ?? row.planStatus,
      planned: row.planned, delivered: row.delivered, completion: row.completion, ...perType,
      inUnit: row.inReview.unit, inPlatform: row.inReview.platform, inExpert: row.inReview.expert,
      overdue: row.overdueItems.map(overdueLabel).join('、'), acceptanceDate: row.acceptanceDate ?? '', daysToAcceptance: row.daysToAcceptance ?? '',
      certificate: CERTIFICATE[row.certificate.status], budget: Number(row.funding.budget), spent: Number(row.funding.spent),
      flagged: row.funding.flagged ? '已支出但无发布' : '', lastReminderAt: row.lastReminderAt ? chinaDateTime(row.lastReminderAt) : '',
    }).commit();
  }
  sheet.commit();

  const summary = workbook.addWorksheet(SUMMARY_SHEET);
  summary.columns = [{ header: '指标', key: 'name', width: 30 }, { header: '数值', key: 'value', width: 18 }];
  summary.getRow(1).font = { bold: true };
  summary.getRow(1).commit();
  const o = overview;
  const lines: Array<[string, number | string, string?]> = [
    ['课题数', o.subjects], ['汇交计划已批准的课题', o.withApprovedPlan], ['计划汇交数', o.planned], ['已发布数（每类不超过计划数）', o.delivered], ['完成率', o.completion, PERCENT],
    ...o.byType.flatMap((t): Array<[string, number]> => [[`${label(t.type)}：计划`, t.planned], [`${label(t.type)}：已发布`, t.delivered]]),
    ['单位审核中的资源', o.inReview.unit], ['平台审核中的资源', o.inReview.platform], ['专家评审中的资源', o.inReview.expert],
    ['有逾期事项的课题', o.overdue.subjects], ['逾期的计划条目', o.overdue.planLines], ['逾期的计划审核', o.overdue.planReviews], ['逾期的资源审核', o.overdue.resourceReviews],
    ['已签发汇交凭证', o.certificates.issued], ['可签发汇交凭证', o.certificates.eligible], ['90 天内验收（含已过期）且未签发凭证', o.acceptanceWithin90Days],
    ['汇交经费预算（元）', Number(o.funding.budget), MONEY], ['已支出（元）', Number(o.funding.spent), MONEY], ['已支出但无发布的课题', o.funding.flagged],
  ];
  for (const [name, value, numFmt] of lines) {
    const added = summary.addRow({ name, value });
    if (numFmt) added.getCell('value').numFmt = numFmt;
    added.commit();
  }
  summary.commit();
  await workbook.commit();
  await done;
  return Buffer.concat(chunks);
}
