import fs from 'node:fs';
import PDFDocument from 'pdfkit';

/** Noto Sans CJK from Debian's fonts-noto-cjk; the collection's Simplified Chinese face. */
export const CJK_FONT_PATH = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const CJK_FONT_NAME = 'NotoSansCJKsc-Regular';

let fontFile: Buffer | undefined;
/** The font collection, read once: it is 20 MB and every certificate, record and report needs it. */
const cjkFont = () => (fontFile ??= fs.readFileSync(CJK_FONT_PATH));

/** A PDF document set in the Chinese font, and the bytes it will have once `doc.end()` is called. */
export function chineseDocument(options: PDFKit.PDFDocumentOptions): { doc: PDFKit.PDFDocument; bytes: Promise<Buffer> } {
  const doc = new PDFDocument(options);
  doc.registerFont('cjk', cjkFont(), CJK_FONT_NAME);
  doc.font('cjk');
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const bytes = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, bytes };
}
