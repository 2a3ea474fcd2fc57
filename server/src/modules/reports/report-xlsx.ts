import ExcelJS from 'exceljs';
import type { ReportContent } from './report-content';
import { reportTitle } from './report-pdf';

export const SHEETS = { overview: '概览', subjects: '课题', resources: '资源', monthly: '月度利用', reuse: '再利用' } as const;

type Cell = string | number | null;

const KIND = { citation: '引用', benefit: '效益' } as const;
const ratio = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : 0);

/** A sheet with a bold, frozen header row and columns sized to their headers. */
function sheet(workbook: ExcelJS.Workbook, name: string, headers: Array<[header: string, width: number]>, rows: Cell[][]) {
  const ws = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = headers.map(([header, width]) => ({ header, width }));
  ws.getRow(1).font = { bold: true };
  ws.addRows(rows);
  return ws;
}

/** The report as a workbook: 概览 (totals and per type), 课题, 资源, 月度利用, 再利用 — numbers as numbers. */
export async function renderReportXlsx(content: ReportContent): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Huijiao 汇交';
  const { summary } = content;

  const overviewRows: Cell[][] = [
    ['报告', reportTitle(content)],
    ['范围', content.scope.type === 'program' ? '科技计划' : '项目'],
    ['编号', content.scope.code],
    ['所属计划', content.scope.programTitle],
    ['统计期间', `${content.period.start} 至 ${content.period.end}`],
    ['周期', content.period.label],
    ['生成时间', content.generatedAt],
    [],
    ['课题数', summary.subjects],
    ['计划汇交资源', summary.planned],
    ['已汇交（已发布）', summary.delivered],
    ['完成率', ratio(summary.delivered, summary.planned)],
    ['本期发布资源', summary.released],
    ['浏览量', summary.views],
    ['下载量', summary.downloads],
    ['检索命中', summary.searchHits],
    ['独立访问', summary.uniqueUsers],
    ['获批使用申请', summary.applications],
    ['被采纳的再利用', summary.reuse],
    ['平均综合得分', summary.meanTotal],
    ['评估截至', content.evaluation?.asOf ?? '尚无评估'],
    [],
    ['资源类型', '计划', '已汇交', '完成率'],
    ...content.byType.map((t) => [t.label, t.planned, t.delivered, ratio(t.delivered, t.planned)]),
  ];
  const overview = sheet(workbook, SHEETS.overview, [['项目', 24], ['数值', 60], ['', 14], ['', 14]], overviewRows);
  // Sheet rows are 1-based below the header row: row index + 2.
  overview.getCell(`B${overviewRows.findIndex((r) => r[0] === '完成率') + 2}`).numFmt = '0.0%';
  const typeHeader = overviewRows.findIndex((r) => r[0] === '资源类型') + 2;
  overview.getRow(typeHeader).font = { bold: true };
  for (let row = typeHeader + 1; row <= typeHeader + content.byType.length; row += 1) overview.getCell(`D${row}`).numFmt = '0.0%';

  sheet(workbook, SHEETS.subjects, [
    ['课题编号', 18], ['课题名称', 40], ['项目编号', 18], ['承担单位', 28], ['课题负责人', 12], ['计划汇交', 10], ['已汇交', 10], ['完成率', 10], ['本期发布', 10],
    ['浏览量', 10], ['下载量', 10], ['检索命中', 10], ['独立访问', 10], ['获批申请', 10], ['再利用', 10], ['完成度得分', 12], ['共享利用得分', 12], ['综合得分', 10], ['排名', 8],
  ], content.subjects.map((s) => [
    s.code, s.titleZh, s.projectCode, s.leadUnit, s.piName, s.planned, s.delivered, ratio(s.delivered, s.planned), s.released,
    s.views, s.downloads, s.searchHits, s.uniqueUsers, s.applications, s.reuse, s.completion, s.sharing, s.total, s.rank,
  ])).getColumn(8).numFmt = '0.0%';

  sheet(workbook, SHEETS.resources, [
    ['CSTR', 30], ['资源名称', 44], ['资源类型', 14], ['课题编号', 18], ['版本', 6], ['发布日期', 12], ['本期发布', 10],
    ['浏览量', 10], ['下载量', 10], ['检索命中', 10], ['独立访问', 10], ['获批申请', 10],
  ], content.resources.map((r) => [
    r.cstr, r.titleZh, r.typeLabel, r.subjectCode, r.versionNo, r.releasedOn, r.releasedInPeriod ? '是' : '否',
    r.views, r.downloads, r.searchHits, r.uniqueUsers, r.applications,
  ]));

  sheet(workbook, SHEETS.monthly, [['月份', 10], ['浏览量', 10], ['下载量', 10], ['检索命中', 10], ['独立访问', 10], ['获批申请', 10]],
    content.monthly.map((m) => [m.month, m.views, m.downloads, m.searchHits, m.uniqueUsers, m.applications]));

  sheet(workbook, SHEETS.reuse, [['采纳日期', 12], ['类型', 8], ['资源名称', 40], ['CSTR', 30], ['引用信息', 40], ['DOI', 24], ['链接', 30], ['说明', 50], ['报告人', 12]],
    content.reuse.map((r) => [r.acceptedOn, KIND[r.kind], r.resourceTitle, r.cstr, r.citation, r.doi, r.url, r.description, r.reportedByName]));

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
