import { chineseDocument } from '../../platform/pdf';
import { chinaDate } from '../../platform/china-time';
import type { EvaluationRecord, SubjectRole } from './records.service';

const ROLE: Record<SubjectRole, string> = { pi: '负责人', lead_unit: '牵头承担', unit: '参与承担' };
const STATUS: Record<string, string> = { active: '在研', accepted: '已验收', terminated: '已终止' };
const score = (value: number | null) => (value === null ? '—' : value.toFixed(2));

/** Renders a person's or unit's record (汇交与共享履历) as an A4 landscape PDF in Chinese. */
export function renderRecord(record: EvaluationRecord): Promise<Buffer> {
  const { doc, bytes: done } = chineseDocument({ size: 'A4', layout: 'landscape', margin: 40, info: { Title: `汇交与共享履历 ${record.name}`, Subject: record.id } });

  const left = 40;
  const width = doc.page.width - 80;
  doc.fontSize(18).text(`科技资源汇交与共享履历（${record.kind === 'person' ? '课题负责人' : '承担单位'}）`, { align: 'center' });
  doc.moveDown(0.2).fontSize(9).fillColor('#555').text('Record of resource collection and sharing', { align: 'center' }).fillColor('#000');
  doc.moveDown(0.8).fontSize(11);
  doc.text(`${record.kind === 'person' ? '姓名' : '单位名称'}：${record.name}`);
  if (record.kind === 'unit') doc.text(`统一社会信用代码：${record.id}`);
  if (record.organisation) doc.text(`${record.kind === 'person' ? '所在单位' : '上级单位'}：${record.organisation}`);
  doc.text(record.run ? `评价时点：${chinaDate(new Date(record.run.asOf))}（评价规则第 ${record.run.ruleVersion} 版）` : '评价时点：尚无评价结果');
  doc.moveDown(0.6);

  const s = record.summary;
  doc.fontSize(13).text('综合评价');
  doc.moveDown(0.3).fontSize(10).text([
    `课题 ${s.subjects} 个，已获汇交凭证 ${s.certified} 个`,
    `汇交完成度 ${score(s.completion)}  质量 ${score(s.quality)}  共享能力 ${score(s.sharing)}  综合得分 ${score(s.total)}`,
    s.rank !== null && s.of !== null ? `排名 ${s.rank} / ${s.of}` : '排名 —',
  ].join('\n'));
  doc.moveDown(0.8);

  doc.fontSize(13).text('课题明细', left);
  doc.moveDown(0.3);
  const columns: Array<[string, number]> = [['课题编号', 100], ['课题名称', 200], ['角色', 55], ['状态', 45], ['计划/已交', 60], ['完成度', 50], ['质量', 45], ['共享', 45], ['总分', 45], ['汇交凭证', width - 645]];
  const row = (cells: string[], color = '#000') => {
    if (doc.y > doc.page.height - 70) doc.addPage();
    const top = doc.y;
    let x = left;
    let bottom = top;
    doc.fontSize(9).fillColor(color);
    cells.forEach((cell, i) => {
      const w = columns[i]![1];
      doc.text(cell, x, top, { width: w - 6 });
      bottom = Math.max(bottom, doc.y);
      x += w;
    });
    doc.fillColor('#000');
    doc.y = bottom + 4;
  };
  row(columns.map(([label]) => label), '#555');
  for (const subject of record.subjects) {
    row([
      subject.code, subject.titleZh, ROLE[subject.role], STATUS[subject.status] ?? subject.status, `${subject.planned}/${subject.delivered}`,
      score(subject.completion), score(subject.quality), score(subject.sharing), score(subject.total), subject.certificate?.code ?? '—',
    ]);
  }
  if (record.subjects.length === 0) row(['（无）']);
  doc.x = left;
  doc.moveDown(1).fontSize(8).fillColor('#555').text(`得分为 0—100 分；评价方法见平台公布的评价规则。生成日期：${chinaDate()}。`, left, doc.y, { width });
  doc.end();
  return done;
}
