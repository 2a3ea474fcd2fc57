/** Vector charts and tables drawn with pdfkit primitives (no images), in the document's current font. */

/** The slice of pdfkit's document the helpers draw with. */
type Doc = PDFKit.PDFDocument;

export interface ChartSeries {
  name: string;
  color: string;
  values: number[];
}

/** Where a chart goes on the page (points); the title, legend and axes fit inside. */
export interface ChartFrame {
  x: number;
  y: number;
  width: number;
  height: number;
  title?: string;
}

const AXIS = '#444444';
const GRID = '#e2e2e2';
const LABEL = '#555555';

/** A y axis from 0 with about `ticks` round steps (1, 2 or 5 × 10ⁿ; whole numbers for counts). */
export function niceScale(max: number, ticks = 5): { top: number; step: number } {
  if (!(max > 0)) return { top: ticks, step: 1 };
  const raw = max / ticks;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const residual = raw / magnitude;
  const nice = residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 5 ? 5 : 10;
  const step = Math.max(1, nice * magnitude);
  return { top: Math.ceil(max / step) * step, step };
}

/** Thousands separators for axis and value labels. */
const formatNumber = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 1 });

interface Plot {
  left: number;
  top: number;
  width: number;
  height: number;
  scaleTop: number;
}

/** Title, legend and y axis with grid lines; returns the plot area left for the marks. */
function frame(doc: Doc, chart: ChartFrame, series: ChartSeries[], categoryRows: number): Plot {
  let top = chart.y;
  if (chart.title) {
    doc.fontSize(10).fillColor('#000000').text(chart.title, chart.x, top, { width: chart.width, lineBreak: false });
    top += 16;
  }
  // Legend: a swatch and the series name each, right-aligned on one line.
  doc.fontSize(8);
  const entries = series.map((s) => ({ s, width: 14 + doc.widthOfString(s.name) + 12 }));
  let legendX = chart.x + chart.width - entries.reduce((sum, e) => sum + e.width, 0);
  for (const { s, width } of entries) {
    doc.rect(legendX, top + 2, 10, 7).fill(s.color);
    doc.fillColor(LABEL).text(s.name, legendX + 14, top, { lineBreak: false });
    legendX += width;
  }
  top += 16;

  const max = Math.max(0, ...series.flatMap((s) => s.values));
  const { top: scaleTop, step } = niceScale(max);
  const tickLabels: number[] = [];
  for (let v = 0; v <= scaleTop + step / 2; v += step) tickLabels.push(v);
  doc.fontSize(7);
  const labelWidth = Math.max(...tickLabels.map((v) => doc.widthOfString(formatNumber(v))));
  const left = chart.x + labelWidth + 6;
  const bottom = chart.y + chart.height - categoryRows * 10 - 4;
  const plot = { left, top: top + 4, width: chart.x + chart.width - left, height: bottom - top - 4, scaleTop };

  for (const v of tickLabels) {
    const y = plot.top + plot.height - (v / scaleTop) * plot.height;
    doc.moveTo(plot.left, y).lineTo(plot.left + plot.width, y).lineWidth(0.5).strokeColor(GRID).stroke();
    doc.fillColor(LABEL).text(formatNumber(v), chart.x, y - 3.5, { width: labelWidth, align: 'right', lineBreak: false });
  }
  doc.moveTo(plot.left, plot.top).lineTo(plot.left, plot.top + plot.height).lineTo(plot.left + plot.width, plot.top + plot.height).lineWidth(0.8).strokeColor(AXIS).stroke();
  return plot;
}

/** Writes a category label centred under its slot, shortened to fit. */
function categoryLabel(doc: Doc, text: string, centre: number, width: number, y: number) {
  doc.fontSize(7).fillColor(LABEL).text(text, centre - width / 2, y, { width, align: 'center', lineBreak: false, ellipsis: true, height: 9 });
}

function finish(doc: Doc, chart: ChartFrame) {
  doc.fillColor('#000000').strokeColor('#000000').lineWidth(1);
  doc.x = chart.x;
  doc.y = chart.y + chart.height;
}

/** Grouped bars: one group per category, one bar per series, with the value above each bar. */
export function barChart(doc: Doc, chart: ChartFrame, categories: string[], series: ChartSeries[]): void {
  const plot = frame(doc, chart, series, 1);
  const slot = plot.width / Math.max(1, categories.length);
  const barWidth = Math.min(28, (slot * 0.7) / Math.max(1, series.length));
  categories.forEach((category, i) => {
    const centre = plot.left + slot * (i + 0.5);
    const groupLeft = centre - (barWidth * series.length) / 2;
    series.forEach((s, j) => {
      const value = s.values[i] ?? 0;
      const height = (value / plot.scaleTop) * plot.height;
      const x = groupLeft + j * barWidth;
      if (height > 0) doc.rect(x + 1, plot.top + plot.height - height, barWidth - 2, height).fill(s.color);
      doc.fontSize(6.5).fillColor(LABEL).text(formatNumber(value), x - 6, plot.top + plot.height - height - 9, { width: barWidth + 12, align: 'center', lineBreak: false });
    });
    categoryLabel(doc, category, centre, slot - 2, plot.top + plot.height + 4);
  });
  finish(doc, chart);
}

/** Lines over ordered categories (e.g. months), with a dot per point; labels thin out when crowded. */
export function lineChart(doc: Doc, chart: ChartFrame, categories: string[], series: ChartSeries[]): void {
  const plot = frame(doc, chart, series, 1);
  const slot = plot.width / Math.max(1, categories.length);
  const xOf = (i: number) => plot.left + slot * (i + 0.5);
  const yOf = (v: number) => plot.top + plot.height - (v / plot.scaleTop) * plot.height;
  for (const s of series) {
    if (s.values.length === 0) continue;
    doc.moveTo(xOf(0), yOf(s.values[0] ?? 0));
    s.values.forEach((v, i) => {
      if (i > 0) doc.lineTo(xOf(i), yOf(v));
    });
    doc.lineWidth(1.5).strokeColor(s.color).stroke();
    // Dots only where points stand apart; on long series the line alone reads better.
    if (slot >= 8) s.values.forEach((v, i) => doc.circle(xOf(i), yOf(v), 2).fill(s.color));
  }
  doc.fontSize(7);
  const widest = Math.max(1, ...categories.map((c) => doc.widthOfString(c) + 4));
  const every = Math.max(1, Math.ceil(widest / slot));
  categories.forEach((category, i) => {
    if (i % every === 0) categoryLabel(doc, category, xOf(i), Math.max(slot, widest) * 1.0, plot.top + plot.height + 4);
  });
  finish(doc, chart);
}

/** One column of a table: header, width in points, alignment. */
export interface TableColumn {
  header: string;
  width: number;
  align?: 'left' | 'right' | 'center';
}

/**
 * A table that wraps long cells and continues on a new page (header repeated) when the page is full.
 * Starts at doc.y; leaves doc.y below the last row.
 */
export function table(doc: Doc, x: number, columns: TableColumn[], rows: string[][], options: { fontSize?: number; bottom?: number } = {}): void {
  const size = options.fontSize ?? 8.5;
  const bottom = options.bottom ?? doc.page.height - doc.page.margins.bottom;
  const width = columns.reduce((sum, c) => sum + c.width, 0);
  const pad = 3;
  const heightOf = (cells: string[]) => Math.max(...cells.map((cell, i) => doc.fontSize(size).heightOfString(cell || ' ', { width: columns[i]!.width - 2 * pad }))) + 2 * pad;
  const drawRow = (cells: string[], y: number, header: boolean) => {
    const height = heightOf(cells);
    if (header) doc.rect(x, y, width, height).fill('#eef2f7');
    let cx = x;
    cells.forEach((cell, i) => {
      const column = columns[i]!;
      doc.fontSize(size).fillColor(header ? '#333333' : '#000000').text(cell, cx + pad, y + pad, { width: column.width - 2 * pad, align: column.align ?? 'left' });
      cx += column.width;
    });
    doc.moveTo(x, y + height).lineTo(x + width, y + height).lineWidth(0.4).strokeColor('#cccccc').stroke();
    return y + height;
  };
  const headers = columns.map((c) => c.header);
  let y = drawRow(headers, doc.y, true);
  for (const row of rows) {
    if (y + heightOf(row) > bottom) {
      doc.addPage();
      y = drawRow(headers, doc.page.margins.top, true);
    }
    y = drawRow(row, y, false);
  }
  doc.fillColor('#000000').strokeColor('#000000').lineWidth(1);
  doc.x = x;
  doc.y = y + 6;
}
