import { describe, expect, it } from 'vitest';
import { bibtex, bibtexEscape, citationKey, citationRecordOf, gbt7714, ris, type CitationRecord } from './citations';

const dataset: CitationRecord = {
  creators: [{ name: '刘洋' }, { name: '张晓雨' }],
  title: '浙江省成人慢性病队列基线调查数据集（2019—2021）',
  titleEn: 'Baseline survey of the Zhejiang adult chronic disease cohort',
  publisher: '国家人口健康科学数据中心',
  year: 2026,
  cstr: 'CSTR:31253.11.hj2026000001',
  url: 'https://huijiao.example.cn/r/5b0e4c1e-8d1f-4c55-a3f7-6d2a7b3c9e10',
  resourceType: 'data',
  versionNo: 1,
  releasedAt: '2026-03-05T02:00:00.000Z',
  accessed: '2026-04-01',
};

describe('GB/T 7714-2015', () => {
  it('cites a dataset as [DS/OL] with publisher, year, citation date, URL and CSTR', () => {
    expect(gbt7714(dataset)).toBe('刘洋, 张晓雨. 浙江省成人慢性病队列基线调查数据集（2019—2021）[DS/OL]. 国家人口健康科学数据中心, 2026[2026-04-01]. https://huijiao.example.cn/r/5b0e4c1e-8d1f-4c55-a3f7-6d2a7b3c9e10. CSTR:31253.11.hj2026000001.');
  });

  it('lists three creators then 等 (et al for Latin names), 佚名 for none, and states versions after the first', () => {
    const many = [{ name: '刘洋' }, { name: '张晓雨' }, { name: '王芳' }, { name: '李雷' }];
    expect(gbt7714({ ...dataset, creators: many, versionNo: 2, cstr: 'CSTR:31253.11.hj2026000001.v2' }))
      .toBe('刘洋, 张晓雨, 王芳, 等. 浙江省成人慢性病队列基线调查数据集（2019—2021）[DS/OL]. V2. 国家人口健康科学数据中心, 2026[2026-04-01]. https://huijiao.example.cn/r/5b0e4c1e-8d1f-4c55-a3f7-6d2a7b3c9e10. CSTR:31253.11.hj2026000001.v2.');
    expect(gbt7714({ ...dataset, creators: [{ name: 'SMITH J' }, { name: 'LEE K' }, { name: 'WANG F' }, { name: 'ZHAO L' }] })).toMatch(/^SMITH J, LEE K, WANG F, et al\. 浙江/);
    expect(gbt7714({ ...dataset, creators: [] })).toMatch(/^佚名\. /);
  });

  it('uses the type codes of Appendix B: R, J (with journal, volume and issue), P (number and date), S (number), Z', () => {
    const base = { ...dataset, title: '示例', creators: [{ name: '刘洋' }] };
    const tail = '[2026-04-01]. https://huijiao.example.cn/r/5b0e4c1e-8d1f-4c55-a3f7-6d2a7b3c9e10. CSTR:31253.11.hj2026000001.';
    expect(gbt7714({ ...base, resourceType: 'report', number: 'HJ-2026-001' })).toBe(`刘洋. 示例: HJ-2026-001[R/OL]. 国家人口健康科学数据中心, 2026${tail}`);
    expect(gbt7714({ ...base, resourceType: 'publication', kind: 'journal_article', venue: '中华流行病学杂志', volume: '43', issue: '5', pages: '601-607', doi: '10.3760/cma.j.cn112338-20220105-00012' }))
      .toBe('刘洋. 示例[J/OL]. 中华流行病学杂志, 2026, 43(5): 601-607[2026-04-01]. https://huijiao.example.cn/r/5b0e4c1e-8d1f-4c55-a3f7-6d2a7b3c9e10. DOI:10.3760/cma.j.cn112338-20220105-00012. CSTR:31253.11.hj2026000001.');
    expect(gbt7714({ ...base, resourceType: 'publication', kind: 'monograph', originalPublisher: '科学出版社' })).toBe(`刘洋. 示例[M/OL]. 科学出版社, 2026${tail}`);
    expect(gbt7714({ ...base, resourceType: 'patent_standard', kind: 'patent', number: 'ZL202110000000.1', issued: '2023-04-11' })).toBe(`刘洋. 示例: ZL202110000000.1[P/OL]. 2023-04-11${tail}`);
    expect(gbt7714({ ...base, resourceType: 'patent_standard', kind: 'standard', number: 'GB/T 7714—2015', originalPublisher: '国家标准化管理委员会' })).toBe(`刘洋. 示例: GB/T 7714—2015[S/OL]. 国家标准化管理委员会, 2026${tail}`);
    expect(gbt7714({ ...base, resourceType: 'instrument' })).toBe(`刘洋. 示例[Z/OL]. 国家人口健康科学数据中心, 2026${tail}`);
  });
});

describe('BibTeX', () => {
  it('writes a @dataset entry keyed by the CSTR, title braced, URL and CSTR given', () => {
    expect(bibtex(dataset)).toBe([
      '@dataset{cstr:31253.11.hj2026000001,',
      '  author = {刘洋 and 张晓雨},',
      '  title = {{浙江省成人慢性病队列基线调查数据集（2019—2021）}},',
      '  publisher = {国家人口健康科学数据中心},',
      '  year = {2026},',
      '  version = {1},',
      '  url = {https://huijiao.example.cn/r/5b0e4c1e-8d1f-4c55-a3f7-6d2a7b3c9e10},',
      '  note = {CSTR:31253.11.hj2026000001}',
      '}',
      '',
    ].join('\n'));
  });

  it('escapes LaTeX specials and keeps the key stable and safe', () => {
    expect(bibtexEscape('50% of {x} & y_1 #2 $3 ^~\\')).toBe('50\\% of \\{x\\} \\& y\\_1 \\#2 \\$3 \\textasciicircum{}\\textasciitilde{}\\textbackslash{}');
    const entry = bibtex({ ...dataset, title: 'Q&A: 100% {braces}', resourceType: 'report' });
    expect(entry).toContain('title = {{Q\\&A: 100\\% \\{braces\\}}}');
    expect(entry.startsWith('@techreport{cstr:31253.11.hj2026000001,')).toBe(true);
    expect(citationKey({ cstr: 'CSTR:31253.11.Hj 2026/1', year: 2026 })).toBe('cstr:31253.11.hj_2026_1');
  });
});

describe('RIS', () => {
  it('writes TY DATA … ER with CRLF lines, one AU per creator and the CSTR as a note', () => {
    expect(ris(dataset)).toBe([
      'TY  - DATA', 'AU  - 刘洋', 'AU  - 张晓雨', 'TI  - 浙江省成人慢性病队列基线调查数据集（2019—2021）', 'TT  - Baseline survey of the Zhejiang adult chronic disease cohort',
      'PY  - 2026', 'DA  - 2026/03/05', 'PB  - 国家人口健康科学数据中心', 'ET  - V1', 'UR  - https://huijiao.example.cn/r/5b0e4c1e-8d1f-4c55-a3f7-6d2a7b3c9e10', 'N1  - CSTR:31253.11.hj2026000001', 'ER  - ', '',
    ].join('\r\n'));
  });

  it('types reports, articles, patents and standards, and keeps values on one line', () => {
    expect(ris({ ...dataset, resourceType: 'report' })).toMatch(/^TY {2}- RPRT\r\n/);
    expect(ris({ ...dataset, resourceType: 'publication', kind: 'journal_article', venue: '中华流行病学杂志', pages: '601-607' })).toMatch(/^TY {2}- JOUR\r\n[\s\S]*JO {2}- 中华流行病学杂志\r\n[\s\S]*SP {2}- 601\r\nEP {2}- 607\r\n/);
    expect(ris({ ...dataset, resourceType: 'patent_standard', kind: 'patent' })).toMatch(/^TY {2}- PAT\r\n/);
    expect(ris({ ...dataset, resourceType: 'patent_standard', kind: 'standard' })).toMatch(/^TY {2}- STAND\r\n/);
    expect(ris({ ...dataset, title: '第一行\n第二行' })).toContain('TI  - 第一行 第二行\r\n');
  });
});

describe('citationRecordOf', () => {
  it('takes the authors, venue and DOI of a publication from its metadata', () => {
    const record = citationRecordOf({
      resource: { resourceType: 'publication', titleZh: '论文题名', cstr: 'CSTR:31253.14.hj2026000002', versionNo: 1, releasedAt: new Date('2026-03-05T02:00:00Z') },
      metadata: { authors: ['王芳', '李雷'], creators: [{ name: '刘洋' }], publicationKind: 'journal_article', venue: '中华流行病学杂志', year: 2022, volume: '43', issue: '5', pages: '601-607', doi: '10.3760/x' },
      publisher: '平台', url: 'https://h.example.cn/r/1', accessed: '2026-04-01',
    });
    expect(record).toMatchObject({ creators: [{ name: '王芳' }, { name: '李雷' }], year: 2022, kind: 'journal_article', venue: '中华流行病学杂志', doi: '10.3760/x' });
    expect(gbt7714(record)).toBe('王芳, 李雷. 论文题名[J/OL]. 中华流行病学杂志, 2022, 43(5): 601-607[2026-04-01]. https://h.example.cn/r/1. DOI:10.3760/x. CSTR:31253.14.hj2026000002.');
  });

  it('dates a release by the calendar in China: 01:00 on New Year\'s Day in Beijing is 2027, not 2026', () => {
    const record = citationRecordOf({
      resource: { resourceType: 'report', titleZh: '年度报告', cstr: 'CSTR:31253.11.hj2027000001', versionNo: 1, releasedAt: new Date('2026-12-31T17:00:00Z') },
      metadata: { creators: [{ name: '刘洋' }], reportNumber: 'HJ-1' },
      publisher: '平台', url: 'https://h.example.cn/r/2', accessed: '2027-01-02',
    });
    expect(record.year).toBe(2027);
    expect(gbt7714(record)).toContain('平台, 2027[2027-01-02]');
    expect(ris(record)).toContain('DA  - 2027/01/01\r\n');
  });
});
