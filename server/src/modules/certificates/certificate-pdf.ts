import QRCode from 'qrcode';
import { chineseDocument } from '../../platform/pdf';

/** What a certificate states, frozen at issue (the PDF and the verification page both show this). */
export interface CertificateContent {
  number: string;
  subjectCode: string;
  subjectTitle: string;
  projectCode: string;
  projectTitle: string;
  programTitle: string;
  piName: string | null;
  leadUnit: string;
  coUnits: string[];
  platformName: string;
  issuedOn: string;
  lines: Array<{ resourceType: string; typeLabel: string; planned: number; released: number; waiver: string | null }>;
  resources: Array<{ resourceType: string; typeLabel: string; title: string; cstr: string }>;
}

/** Renders the collection certificate (汇交凭证) as an A4 PDF in Chinese, with the verification code and its QR code. */
export async function renderCertificate(content: CertificateContent, code: string, verifyUrl: string): Promise<Buffer> {
  const qr = await QRCode.toBuffer(verifyUrl, { margin: 1, width: 240, errorCorrectionLevel: 'M' });
  const { doc, bytes: done } = chineseDocument({ size: 'A4', margin: 56, info: { Title: `汇交凭证 ${content.number}`, Author: content.platformName, Subject: content.subjectCode } });

  const width = doc.page.width - 112;
  doc.fontSize(22).text('国家科技计划资源汇交凭证', { align: 'center' });
  doc.moveDown(0.2).fontSize(10).fillColor('#555').text('Certificate of Resource Collection', { align: 'center' });
  doc.moveDown(0.4).text(`凭证编号 No.：${content.number}`, { align: 'center' }).fillColor('#000');
  doc.moveDown(1.2);

  const row = (label: string, value: string) => {
    doc.fontSize(11).fillColor('#555').text(label, { continued: true }).fillColor('#000').text(`  ${value}`);
    doc.moveDown(0.25);
  };
  row('课题编号', content.subjectCode);
  row('课题名称', content.subjectTitle);
  row('所属项目', `${content.projectCode} ${content.projectTitle}`);
  row('科技计划', content.programTitle);
  row('课题负责人', content.piName ?? '—');
  row('承担单位', content.leadUnit);
  if (content.coUnits.length > 0) row('参与单位', content.coUnits.join('、'));
  row('汇交平台', content.platformName);
  doc.moveDown(0.8);

  doc.fontSize(13).text('汇交完成情况');
  doc.moveDown(0.4);
  const columns = [0, 180, 260, 340];
  const header = ['资源类型', '计划数量', '已发布', '说明'];
  let y = doc.y;
  doc.fontSize(10).fillColor('#555');
  header.forEach((h, i) => doc.text(h, 56 + columns[i]!, y, { width: (columns[i + 1] ?? width) - columns[i]! }));
  doc.fillColor('#000');
  for (const line of content.lines) {
    y = doc.y + 4;
    const cells = [line.typeLabel, String(line.planned), String(line.released), line.waiver ? `豁免：${line.waiver}` : '已完成'];
    cells.forEach((c, i) => doc.text(c, 56 + columns[i]!, y, { width: (columns[i + 1] ?? width) - columns[i]! }));
  }
  doc.x = 56;
  doc.moveDown(1);

  doc.fontSize(13).text('已发布资源及科技资源标识（CSTR）', 56);
  doc.moveDown(0.4).fontSize(9);
  for (const r of content.resources) {
    doc.text(`[${r.typeLabel}] ${r.title}`, { width });
    doc.fillColor('#1d4ed8').text(r.cstr, { width }).fillColor('#000');
    doc.moveDown(0.2);
  }
  doc.moveDown(0.8).fontSize(11).text('兹证明上述课题已按批准的汇交计划完成科技资源汇交。', { width });
  doc.moveDown(0.3).fontSize(9).fillColor('#555').text('This certifies that the subject above has delivered the resources of its approved collection plan.', { width }).fillColor('#000');
  doc.moveDown(1).fontSize(11).text(`签发平台：${content.platformName}`, { align: 'right', width });
  doc.text(`签发日期：${content.issuedOn}`, { align: 'right', width });

  if (doc.y > doc.page.height - 200) doc.addPage();
  const top = doc.y + 20;
  doc.image(qr, 56, top, { width: 96 });
  doc.fontSize(10).text(`验证码：${code}`, 170, top + 16, { width: width - 114 });
  doc.fontSize(9).fillColor('#555').text(`扫描二维码或访问以下地址核验本凭证真伪：`, 170, doc.y + 4, { width: width - 114 });
  doc.fillColor('#1d4ed8').text(verifyUrl, 170, doc.y + 2, { width: width - 114, link: verifyUrl }).fillColor('#000');
  doc.end();
  return done;
}
