import { chineseDocument } from '../../platform/pdf';
import { barChart, lineChart, table } from '../../platform/pdf-charts';
import type { ReportContent } from './report-content';

const MARGIN = 50;
const BLUE = '#2f6fd6';
const ORANGE = '#f0932b';

const int = (n: number) => n.toLocaleString('en-US');
const percent = (part: number, whole: number) => (whole > 0 ? `${((part / whole) * 100).toFixed(1)}%` : '—');
const scoreText = (n: number | null) => (n === null ? '—' : n.toFixed(2));
const KIND = { citation: '引用', benefit: '效益' } as const;

/** The report's title: 「{program or project title} 汇交与利用报告」. */
export const reportTitle = (content: ReportContent) => `${content.scope.titleZh} 汇交与利用报告`;

/** Renders a utilisation report as an A4 PDF in Chinese: totals, charts, top resources, evaluation and reuse. */
export function renderReportPdf(content: ReportContent): Promise<Buffer> {
  const { doc, bytes: done } = chineseDocument({ size: 'A4', margin: MARGIN, bufferPages: true, info: { Title: reportTitle(content), Author: 'Huijiao 汇交', Subject: `${content.scope.code} ${content.period.label}` } });

  const width = doc.page.width - 2 * MARGIN;
  const bottom = doc.page.height - MARGIN;
  const ensure = (height: number) => {
    if (doc.y + height > bottom) doc.addPage();
  };
  /** A section heading, on a new page unless `keep` points of what follows fit below it. */
  const heading = (text: string, keep = 60) => {
    ensure(keep + 40);
    doc.moveDown(0.8).fontSize(13).fillColor('#000000').text(text, MARGIN, doc.y, { width });
    doc.moveDown(0.4);
  };
  const note = (text: string) => doc.fontSize(9).fillColor('#555555').text(text, MARGIN, doc.y, { width }).fillColor('#000000');
  const { summary } = content;

  // A title too long for one line breaks between the scope's name and 汇交与利用报告, not inside a word.
  doc.fontSize(18);
  const titleLines = doc.widthOfString(reportTitle(content)) <= width ? [reportTitle(content)] : [content.scope.titleZh, '汇交与利用报告'];
  for (const line of titleLines) doc.text(line, MARGIN, doc.y, { width, align: 'center' });
  doc.moveDown(0.3).fontSize(10).fillColor('#555555')
    .text(`${content.scope.type === 'program' ? '科技计划' : '项目'}编号：${content.scope.code}${content.scope.type === 'project' ? `（所属计划：${content.scope.programTitle}）` : ''}`, { width, align: 'center' })
    .text(`统计期间：${content.period.start} 至 ${content.period.end}${content.period.kind === 'on_demand' ? '' : `（${content.period.label}）`}`, { width, align: 'center' })
    .text(`生成时间：${content.generatedAt}（北京时间）`, { width, align: 'center' })
    .fillColor('#000000');

  heading('一、总体情况');
  const totals: Array<[string, string]> = [
    ['课题数', int(summary.subjects)], ['计划汇交资源', int(summary.planned)], ['已汇交（已发布）', int(summary.delivered)], ['完成率', percent(summary.delivered, summary.planned)],
    ['本期发布资源', int(summary.released)], ['浏览量', int(summary.views)], ['下载量', int(summary.downloads)], ['检索命中', int(summary.searchHits)],
    ['独立访问', int(summary.uniqueUsers)], ['获批使用申请', int(summary.applications)], ['被采纳的再利用', int(summary.reuse)], ['平均综合得分', scoreText(summary.meanTotal)],
  ];
  const cell = { width: width / 4, height: 40 };
  const gridTop = doc.y;
  totals.forEach(([label, value], i) => {
    const x = MARGIN + (i % 4) * cell.width;
    const y = gridTop + Math.floor(i / 4) * cell.height;
    doc.rect(x + 2, y + 2, cell.width - 4, cell.height - 4).fill('#f4f6fa');
    doc.fontSize(8).fillColor('#666666').text(label, x + 8, y + 6, { width: cell.width - 16, lineBreak: false });
    doc.fontSize(14).fillColor('#000000').text(value, x + 8, y + 17, { width: cell.width - 16, lineBreak: false });
  });
  doc.x = MARGIN;
  doc.y = gridTop + 3 * cell.height + 4;

  heading('二、分类型汇交情况（已批准计划，已发布资源按资源谱系计，不超过计划数）', 190);
  if (content.byType.length === 0) note('范围内尚无已批准的汇交计划。');
  else {
    barChart(doc, { x: MARGIN, y: doc.y, width, height: 180 }, content.byType.map((t) => t.label), [
      { name: '计划', color: BLUE, values: content.byType.map((t) => t.planned) },
      { name: '已汇交', color: ORANGE, values: content.byType.map((t) => t.delivered) },
    ]);
    doc.moveDown(0.6);
    table(doc, MARGIN, [{ header: '资源类型', width: width * 0.4 }, { header: '计划', width: width * 0.2, align: 'right' }, { header: '已汇交', width: width * 0.2, align: 'right' }, { header: '完成率', width: width * 0.2, align: 'right' }],
      content.byType.map((t) => [t.label, int(t.planned), int(t.delivered), percent(t.delivered, t.planned)]), { bottom });
  }

  heading('三、月度利用情况', 190);
  lineChart(doc, { x: MARGIN, y: doc.y, width, height: 180 }, content.monthly.map((m) => m.month), [
    { name: '浏览量', color: BLUE, values: content.monthly.map((m) => m.views) },
    { name: '下载量', color: ORANGE, values: content.monthly.map((m) => m.downloads) },
  ]);
  doc.moveDown(0.4);
  note('数据来自按月汇总的 COUNTER R5 统计（已剔除爬虫与重复点击）；独立访问为各资源每月独立会话数之和。');

  heading('四、下载量前十的资源');
  const top = content.resources.filter((r) => r.downloads + r.views > 0).slice(0, 10);
  if (top.length === 0) note('本期无利用记录。');
  else {
    table(doc, MARGIN, [
      { header: '#', width: 22, align: 'right' }, { header: '资源名称', width: width - 22 - 160 - 100 }, { header: 'CSTR', width: 160 },
      { header: '下载', width: 50, align: 'right' }, { header: '浏览', width: 50, align: 'right' },
    ], top.map((r, i) => [String(i + 1), `${r.titleZh}（${r.typeLabel}）`, r.cstr ?? '—', int(r.downloads), int(r.views)]), { bottom });
  }

  heading('五、评估概况');
  const evaluation = content.evaluation;
  if (!evaluation) note('尚无已完成的评估运行，暂无评估结果。');
  else {
    doc.fontSize(10).fillColor('#000000').text(
      `依据截至 ${evaluation.asOf} 的评估（规则第 ${evaluation.ruleVersion} 版）：参评课题 ${evaluation.scored} 个，平均完成度 ${scoreText(evaluation.completion)}，平均共享利用 ${scoreText(evaluation.sharing)}，平均综合得分 ${scoreText(evaluation.total)}`
      + (evaluation.rank?.rank ? `；在 ${evaluation.rank.of} 个科技计划中排名第 ${evaluation.rank.rank}。` : '。'), MARGIN, doc.y, { width });
    doc.moveDown(0.5);
    if (evaluation.top.length > 0) {
      table(doc, MARGIN, [
        { header: '课题编号', width: 95 }, { header: '课题名称', width: width - 95 - 4 * 55 }, { header: '完成度', width: 55, align: 'right' },
        { header: '共享利用', width: 55, align: 'right' }, { header: '综合得分', width: 55, align: 'right' }, { header: '排名', width: 55, align: 'right' },
      ], evaluation.top.map((s) => [s.code, s.titleZh, scoreText(s.completion), scoreText(s.sharing), scoreText(s.total), s.rank === null ? '—' : String(s.rank)]), { bottom });
    }
  }

  heading('六、本期被采纳的资源再利用');
  if (content.reuse.length === 0) note('本期无被采纳的再利用报告。');
  else {
    table(doc, MARGIN, [{ header: '采纳日期', width: 70 }, { header: '类型', width: 40 }, { header: '资源', width: 140 }, { header: '说明', width: width - 250 }],
      content.reuse.map((r) => [r.acceptedOn, KIND[r.kind], r.resourceTitle, [r.description, r.citation, r.doi ? `DOI: ${r.doi}` : null].filter(Boolean).join('\n')]), { bottom });
  }

  // Page numbers in the bottom margin (the margin is lifted so the text does not open a new page).
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    const saved = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.fontSize(8).fillColor('#888888').text(`${reportTitle(content)} · 第 ${i + 1} 页，共 ${range.count} 页`, MARGIN, doc.page.height - 32, { width, align: 'center', lineBreak: false });
    doc.page.margins.bottom = saved;
  }
  doc.end();
  return done;
}
