#!/usr/bin/env node
// Builds the shipped collection standards (汇交标准规范) from standards/core/core-fields.json plus the
// domain definitions below, and writes standards/<domain>/<version>/standard.json.
//
//   node scripts/build-standards.mjs
//
// The generated standard.json files are the product (the platform loads them, DESIGN §1, §3;
// format in standards/README.md); this script is only a maintenance tool so that the core fields,
// repeated in each of the six resource types, are copied verbatim from one place.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const core = JSON.parse(fs.readFileSync(path.join(root, 'standards/core/core-fields.json'), 'utf8'));
const SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';

// Order of the core fields in every form (all core properties, each exactly once).
const CORE_ORDER = [
  'titleZh', 'titleEn', 'descriptionZh', 'descriptionEn', 'keywordsZh', 'keywordsEn', 'discipline', 'language',
  'creators', 'contact', 'subjectCode', 'programName', 'dateCreated', 'licence', 'sharingMode', 'relatedIdentifiers',
];
{
  const coreKeys = Object.keys(core.properties).sort();
  const ordered = [...CORE_ORDER].sort();
  if (JSON.stringify(coreKeys) !== JSON.stringify(ordered)) {
    throw new Error(`CORE_ORDER does not match core-fields.json properties: ${coreKeys.join(', ')}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

const L = (zh, en) => ({ zh, en });

/** A property: JSON Schema keywords first, then the annotations in a fixed order. */
function prop(schema, label, a = {}) {
  const out = { ...schema, 'x-label': L(label[0], label[1]) };
  if (a.help) out['x-help'] = L(a.help[0], a.help[1]);
  if (a.group) out['x-group'] = a.group;
  if (a.widget) out['x-widget'] = a.widget;
  if (a.vocab) out['x-vocabulary'] = a.vocab;
  if (a.example !== undefined) out['x-example'] = a.example;
  return out;
}
const text = (label, a = {}, max = 200, extra = {}) => prop({ type: 'string', minLength: 1, maxLength: max, ...extra }, label, a);
const textarea = (label, a = {}, max = 5000, min = 1) =>
  prop({ type: 'string', minLength: min, maxLength: max }, label, { widget: 'textarea', ...a });
const select = (vocab, label, a = {}) => prop({ type: 'string' }, label, { widget: 'select', vocab, ...a });
const multiSelect = (vocab, label, a = {}, minItems = 1) =>
  prop({ type: 'array', minItems, uniqueItems: true, items: { type: 'string' } }, label, { widget: 'select', vocab, ...a });
const tags = (label, a = {}, item = { type: 'string', minLength: 1, maxLength: 200 }, minItems = 1, maxItems = 100) =>
  prop({ type: 'array', minItems, maxItems, uniqueItems: true, items: item }, label, { widget: 'tags', ...a });
const date = (label, a = {}) => prop({ type: 'string', format: 'date' }, label, { widget: 'date', ...a });
const int = (label, a = {}, range = {}) => prop({ type: 'integer', ...range }, label, { widget: 'number', ...a });
const num = (label, a = {}, range = {}) => prop({ type: 'number', ...range }, label, { widget: 'number', ...a });
const bool = (label, a = {}) => prop({ type: 'boolean' }, label, a);
const obj = (label, properties, required, a = {}) =>
  prop({ type: 'object', required, additionalProperties: false, properties }, label, a);
/** Nested (item or member) property: label only, no group or example. */
const sub = (schema, label, a = {}) => prop(schema, label, a);

function vocab(label, terms) {
  return { label: L(label[0], label[1]), terms: terms.map(([code, zh, en]) => ({ code, label: L(zh, en) })) };
}

// if/then helpers
const thenClause = (thenRequired, extra) => ({ ...(thenRequired.length ? { required: thenRequired } : {}), ...extra });
const whenConst = (field, value, thenRequired, extra = {}) => ({
  if: { properties: { [field]: { const: value } }, required: [field] },
  then: thenClause(thenRequired, extra),
});
const whenEnum = (field, values, thenRequired, extra = {}) => ({
  if: { properties: { [field]: { enum: values } }, required: [field] },
  then: thenClause(thenRequired, extra),
});
const whenContains = (field, value, thenRequired) => ({
  if: { properties: { [field]: { contains: { const: value } } }, required: [field] },
  then: { required: thenRequired },
});

// Patterns (String.raw keeps the backslashes literal).
const P = {
  icd10: String.raw`^[A-Z]\d{2}(\.\d{1,2})?$`,
  region: String.raw`^\d{6}$`,
  doi: String.raw`^10\.\d{4,9}/\S+$`,
  isbn: String.raw`^(97[89]-?)?(\d-?){9}[\dX]$`,
  issn: String.raw`^\d{4}-\d{3}[\dX]$`,
  pmid: String.raw`^[1-9]\d{0,8}$`,
  // CN application / patent / publication numbers (ZL202110123456.7, CN202110123456.7, CN112345678B,
  // old 8-digit ZL98123456.X), and common foreign and PCT publication numbers (US10123456B2, WO2021123456A1).
  patent: String.raw`^(?:(?:CN|ZL)\d{8,13}(?:\.[\dX]|[A-Z]\d?)?|(?:US|EP|WO|JP|KR|DE|GB|FR|AU|CA|RU)\d{6,12}(?:[A-Z]\d?)?)$`,
  // GB 2762-2017, GB/T 32843-2016, GB/Z 41083-2021, NY/T 1234-2020, WS 2-letter industry codes,
  // DB33/T 1234-2021 (local), T/CAAS 001-2021 (group), Q/ABC 001-2021 (enterprise), ISO 20387:2018.
  standard: String.raw`^(?:(?:GB|GB/T|GB/Z|[A-Z]{2}/[TZ]|[A-Z]{2}|DB\d{2}(?:/T)?|T/[A-Z0-9]+|Q/[A-Z0-9-]+) ?\d+(?:\.\d+)*-\d{4}|(?:ISO|IEC|ISO/IEC)(?:/TS|/TR)? \d+(?:-\d+)*:\d{4})$`,
  ipc: String.raw`^[A-H]\d{2}[A-Z] ?\d{1,4}/\d{2,6}$`,
  ccs: String.raw`^[A-Z]\d{2}$`,
  ics: String.raw`^\d{2}(\.\d{3}(\.\d{2})?)?$`,
  country: String.raw`^[A-Z]{2}$`,
  phone: String.raw`^[0-9+\- ()]{5,30}$`,
  scientificName: String.raw`^[A-Z][a-z]+ (× ?)?[a-z][a-z-]+( .+)?$`,
  germplasm: String.raw`^[A-Z]{1,4}\d{4,8}$`,
};

// ---------------------------------------------------------------------------------------------
// Groups and vocabularies shared by both domains (beyond the core ones)
// ---------------------------------------------------------------------------------------------

const COMMON_GROUPS = [
  { id: 'coverage', label: L('时空范围', 'Spatial and temporal coverage') },
  { id: 'method_quality', label: L('方法与质量', 'Methods and quality') },
  { id: 'format_volume', label: L('格式与数据量', 'Formats and volume') },
  { id: 'report_info', label: L('报告信息', 'Report details') },
  { id: 'bibliographic', label: L('出版信息', 'Publication details') },
  { id: 'patent_info', label: L('专利信息', 'Patent details') },
  { id: 'standard_info', label: L('标准信息', 'Standard details') },
  { id: 'instrument_info', label: L('仪器信息', 'Instrument details') },
  { id: 'instrument_service', label: L('共享服务', 'Sharing service') },
  { id: 'material', label: L('实物信息', 'Material details') },
  { id: 'collection', label: L('采集信息', 'Collection') },
  { id: 'preservation', label: L('保藏与汇交', 'Preservation and deposit') },
];

const BASE_DATA_FORMATS = [
  ['CSV', 'CSV 逗号分隔值文本', 'CSV (comma-separated values)'],
  ['XLSX', 'Excel 工作簿（XLSX）', 'Excel workbook (XLSX)'],
  ['NetCDF', 'NetCDF', 'NetCDF'],
  ['HDF5', 'HDF5', 'HDF5'],
  ['FASTQ', 'FASTQ 测序读段', 'FASTQ sequencing reads'],
  ['BAM', 'BAM 序列比对', 'BAM alignments'],
  ['VCF', 'VCF 变异位点', 'VCF variant calls'],
  ['DICOM', 'DICOM 医学影像', 'DICOM medical images'],
  ['GeoTIFF', 'GeoTIFF 栅格', 'GeoTIFF raster'],
  ['Shapefile', 'Shapefile 矢量', 'Esri Shapefile vector'],
  ['JSON', 'JSON', 'JSON'],
];
const OTHER_FORMAT = ['other', '其他格式', 'Other format'];

const COMMON_VOCABS = {
  volume_unit: vocab(['数据量单位', 'Data volume unit'], [
    ['MB', 'MB（兆字节）', 'MB (megabytes)'],
    ['GB', 'GB（吉字节）', 'GB (gigabytes)'],
    ['TB', 'TB（太字节）', 'TB (terabytes)'],
  ]),
  report_type: vocab(['报告类型', 'Report type'], [
    ['annual', '年度报告', 'Annual report'],
    ['mid_term', '中期报告', 'Mid-term report'],
    ['final', '结题（验收）报告', 'Final (acceptance) report'],
    ['experiment', '实验报告', 'Experiment report'],
    ['technical', '技术报告', 'Technical report'],
    ['other', '其他报告', 'Other report'],
  ]),
  confidentiality: vocab(['密级与知悉范围', 'Confidentiality level'], [
    ['public', '公开', 'Public'],
    ['internal', '内部（限项目相关单位）', 'Internal (project units only)'],
    ['restricted', '受控（限定范围使用）', 'Restricted (controlled circulation)'],
  ]),
  publication_kind: vocab(['论文论著类型', 'Publication kind'], [
    ['journal_article', '期刊论文', 'Journal article'],
    ['conference_paper', '会议论文', 'Conference paper'],
    ['monograph', '专著', 'Monograph'],
    ['thesis', '学位论文', 'Thesis'],
  ]),
  degree_level: vocab(['学位层次', 'Degree level'], [
    ['doctoral', '博士学位论文', 'Doctoral thesis'],
    ['master', '硕士学位论文', "Master's thesis"],
  ]),
  indexing_database: vocab(['收录情况', 'Indexed in'], [
    ['scie', '科学引文索引扩展版（SCIE）', 'Science Citation Index Expanded (SCIE)'],
    ['ssci', '社会科学引文索引（SSCI）', 'Social Sciences Citation Index (SSCI)'],
    ['ei', '工程索引（EI Compendex）', 'Engineering Index (EI Compendex)'],
    ['cpci', '会议录引文索引（CPCI）', 'Conference Proceedings Citation Index (CPCI)'],
    ['medline', 'MEDLINE / PubMed', 'MEDLINE / PubMed'],
    ['cscd', '中国科学引文数据库（CSCD）', 'Chinese Science Citation Database (CSCD)'],
    ['cssci', '中文社会科学引文索引（CSSCI）', 'Chinese Social Sciences Citation Index (CSSCI)'],
    ['pku_core', '北大中文核心期刊', 'Peking University core journals'],
    ['cstpcd', '中国科技核心期刊（CSTPCD）', 'China Scientific and Technical Papers and Citations Database (CSTPCD)'],
    ['other', '其他', 'Other'],
  ]),
  patent_standard_kind: vocab(['专利标准类别', 'Patent or standard'], [
    ['patent', '专利', 'Patent'],
    ['standard', '标准', 'Standard'],
  ]),
  patent_type: vocab(['专利类型', 'Patent type'], [
    ['invention', '发明专利', 'Invention patent'],
    ['utility_model', '实用新型专利', 'Utility model patent'],
    ['design', '外观设计专利', 'Design patent'],
  ]),
  patent_status: vocab(['专利法律状态', 'Patent status'], [
    ['applied', '已申请（审查中）', 'Applied (pending)'],
    ['granted', '已授权', 'Granted'],
    ['lapsed', '已失效', 'Lapsed'],
  ]),
  standard_level: vocab(['标准层级', 'Standard level'], [
    ['international', '国际标准', 'International standard'],
    ['national', '国家标准', 'National standard'],
    ['industry', '行业标准', 'Industry standard'],
    ['local', '地方标准', 'Local standard'],
    ['group', '团体标准', 'Group (association) standard'],
    ['enterprise', '企业标准', 'Enterprise standard'],
  ]),
  standard_status: vocab(['标准状态', 'Standard status'], [
    ['draft', '制定中（草案）', 'Draft'],
    ['published', '现行（已发布）', 'Published (in force)'],
    ['superseded', '被代替 / 废止', 'Superseded or withdrawn'],
  ]),
  instrument_class: vocab(['大型科研仪器分类', 'Large research instrument class'], [
    ['analytical', '分析仪器', 'Analytical instruments'],
    ['physical_property', '物理性能测试仪器', 'Physical property testing instruments'],
    ['metrology', '计量仪器', 'Metrology instruments'],
    ['electronic_measurement', '电子测量仪器', 'Electronic measuring instruments'],
    ['marine', '海洋仪器', 'Marine instruments'],
    ['earth_exploration', '地球探测仪器', 'Earth exploration instruments'],
    ['atmospheric', '大气探测仪器', 'Atmospheric sounding instruments'],
    ['special_detection', '特种检测仪器', 'Special detection instruments'],
    ['laser', '激光器', 'Lasers'],
    ['process_testing', '工艺试验仪器', 'Process testing instruments'],
    ['computing', '计算机及其配套设备', 'Computers and auxiliary equipment'],
    ['astronomical', '天文仪器', 'Astronomical instruments'],
    ['medical', '医学科研仪器', 'Medical research instruments'],
    ['nuclear', '核仪器', 'Nuclear instruments'],
    ['other', '其他仪器', 'Other instruments'],
  ]),
  instrument_status: vocab(['运行状态', 'Operating status'], [
    ['normal', '正常运行', 'In normal operation'],
    ['under_maintenance', '故障维修中', 'Under repair'],
    ['idle', '闲置', 'Idle'],
    ['to_be_scrapped', '待报废', 'Awaiting disposal'],
  ]),
};

// ---------------------------------------------------------------------------------------------
// Type-common field builders (same fields in both domains; examples differ per domain)
// ---------------------------------------------------------------------------------------------

function dataCommon(ex) {
  return {
    coverage: {
      spatialCoverage: tags(['空间范围', 'Spatial coverage'], {
        group: 'coverage',
        help: ['优先填写 GB/T 2260 六位行政区划代码（省级如 330000，县级如 330106），无法用代码表示的填写地名；全国范围填写“全国”',
          'Prefer six-digit GB/T 2260 administrative division codes (province e.g. 330000, county e.g. 330106); otherwise place names; "全国" for nationwide'],
        example: ex.spatialCoverage,
      }, { type: 'string', minLength: 1, maxLength: 100 }, 1, 200),
      temporalCoverageStart: date(['时间范围（起）', 'Temporal coverage start'], {
        group: 'coverage',
        help: ['数据所反映的时间范围的起始日期', 'Start of the period the data describe'],
        example: ex.temporalCoverageStart,
      }),
      temporalCoverageEnd: date(['时间范围（止）', 'Temporal coverage end'], {
        group: 'coverage',
        help: ['数据所反映的时间范围的截止日期，不早于起始日期', 'End of the period the data describe; not before the start'],
        example: ex.temporalCoverageEnd,
      }),
    },
    method: {
      variables: prop({
        type: 'array', minItems: 1, maxItems: 2000,
        items: {
          type: 'object', required: ['name'], additionalProperties: false,
          properties: {
            name: sub({ type: 'string', minLength: 1, maxLength: 100 }, ['变量名（指标名称）', 'Variable name']),
            unit: sub({ type: 'string', maxLength: 50 }, ['计量单位', 'Unit'], {
              help: ['采用法定计量单位，如 mmol/L、kg/hm²；无量纲的留空', 'SI / statutory units such as mmol/L or kg/hm²; leave empty if dimensionless'],
            }),
            description: sub({ type: 'string', maxLength: 1000 }, ['说明', 'Description'], {
              help: ['含义、测量方法或取值编码', 'Meaning, how it was measured, or value coding'],
            }),
          },
        },
      }, ['变量与观测指标', 'Variables and measured items'], {
        group: 'method_quality',
        help: ['列出数据集中的主要变量；表格中每个变量一段，用分号分隔，段内依次为 变量名|单位|说明；变量较多时可另附数据字典文件',
          'Main variables of the dataset; in spreadsheets one per segment separated by semicolons: name|unit|description. Attach a data dictionary when there are many'],
        example: ex.variables,
      }),
      methods: textarea(['数据产生方法', 'Methods'], {
        group: 'method_quality',
        help: ['说明数据采集、测量、处理与质量控制的方法、仪器和所依据的标准或规程', 'How the data were collected, measured and processed, with instruments and the standards or protocols followed'],
        example: ex.methods,
      }, 10000, 20),
      qualityStatement: textarea(['数据质量说明', 'Quality statement'], {
        group: 'method_quality',
        help: ['说明数据的完整性、准确性、缺失值处理及已知局限', 'Completeness, accuracy, handling of missing values and known limitations'],
        example: ex.qualityStatement,
      }, 5000),
    },
    format: {
      dataFormats: multiSelect('data_format', ['数据格式', 'Data formats'], {
        group: 'format_volume',
        help: ['选择汇交的实体数据文件格式，可多选', 'Formats of the data files deposited; select all that apply'],
        example: ex.dataFormats,
      }),
      dataVolume: obj(['数据量', 'Data volume'], {
        value: sub({ type: 'number', exclusiveMinimum: 0 }, ['数值', 'Value'], { widget: 'number' }),
        unit: sub({ type: 'string' }, ['单位', 'Unit'], { widget: 'select', vocab: 'volume_unit' }),
      }, ['value', 'unit'], {
        group: 'format_volume',
        help: ['汇交数据文件的总大小；表格中依次为 数值|单位，如 2.3|GB', 'Total size of the data files; in spreadsheets value|unit, e.g. 2.3|GB'],
        example: ex.dataVolume,
      }),
    },
  };
}

function reportCommon(ex) {
  return {
    reportNumber: text(['报告编号', 'Report number'], {
      group: 'report_info',
      help: ['单位或课题的正式报告编号；无正式编号的按“课题编号-BG-序号”自行编制', 'Formal report number; if none, use "<subject code>-BG-<sequence>"'],
      example: ex.reportNumber,
    }, 100),
    reportType: select('report_type', ['报告类型', 'Report type'], { group: 'report_info', example: ex.reportType }),
    reportDate: date(['报告完成日期', 'Report date'], { group: 'report_info', example: ex.reportDate }),
    compilingUnit: text(['编制单位', 'Compiling unit'], {
      group: 'report_info', help: ['报告的编写（完成）单位，多个单位用分号分隔', 'Unit(s) that wrote the report; separate several with semicolons'],
      example: ex.compilingUnit,
    }, 500),
    pages: int(['页数', 'Pages'], { group: 'report_info', example: ex.pages }, { minimum: 1, maximum: 100000 }),
    confidentialityLevel: select('confidentiality', ['密级与知悉范围', 'Confidentiality level'], {
      group: 'report_info',
      help: ['涉及国家秘密（秘密、机密、绝密）的报告不得通过本平台汇交，应按保密规定另行报送；“受控”报告只能选择申请审批、线下共享或受限方式共享',
        'Reports classified as state secrets (secret, confidential, top secret) must not be submitted here but through the classified channel; "restricted" reports may only be shared on application, offline or restricted'],
      example: ex.confidentialityLevel,
    }),
    mainConclusions: textarea(['主要结论', 'Main conclusions'], {
      group: 'report_info', help: ['概述报告的主要结论与成果', 'Summary of the main conclusions and outcomes'], example: ex.mainConclusions,
    }, 5000),
    tableOfContents: textarea(['目次', 'Table of contents'], {
      group: 'report_info', help: ['报告一级、二级标题，可直接从报告目录复制', 'First- and second-level headings, e.g. copied from the report'], example: ex.tableOfContents,
    }, 10000),
  };
}

const reportAllOf = [
  whenConst('confidentialityLevel', 'restricted', [], {
    properties: { sharingMode: { enum: ['application', 'offline', 'restricted'] } },
  }),
];

function publicationCommon(ex) {
  return {
    publicationKind: select('publication_kind', ['论文论著类型', 'Publication kind'], { group: 'bibliographic', example: ex.publicationKind }),
    authors: tags(['作者', 'Authors'], {
      group: 'bibliographic',
      help: ['按署名顺序逐一填写全部作者；外文作者按“姓 名缩写”填写，如 Liu Y', 'All authors in byline order; non-Chinese names as "Family Initials", e.g. Liu Y'],
      example: ex.authors,
    }, { type: 'string', minLength: 1, maxLength: 100 }, 1, 3000),
    venue: text(['刊名 / 会议名 / 学位授予单位', 'Journal, conference or degree-granting institution'], {
      group: 'bibliographic',
      help: ['期刊论文填刊名，会议论文填会议名称，专著填丛书名（无则填出版社），学位论文填学位授予单位', 'Journal title; conference name; series (or publisher) for monographs; degree-granting institution for theses'],
      example: ex.venue,
    }, 300),
    publisher: text(['出版者', 'Publisher'], { group: 'bibliographic', example: ex.publisher }, 200),
    year: int(['出版年', 'Year'], { group: 'bibliographic', example: ex.year }, { minimum: 1900, maximum: 2100 }),
    volume: text(['卷', 'Volume'], { group: 'bibliographic', example: ex.volume }, 20),
    issue: text(['期', 'Issue'], { group: 'bibliographic', example: ex.issue }, 20),
    pages: text(['页码', 'Pages'], {
      group: 'bibliographic', help: ['起止页码如 678-685，或文章编号如 e0123456；专著填总页数', 'Page range such as 678-685 or an article number such as e0123456; total pages for monographs'],
      example: ex.pages,
    }, 50),
    doi: prop({ type: 'string', pattern: P.doi, maxLength: 300 }, ['DOI', 'DOI'], {
      group: 'bibliographic', help: ['不含 https://doi.org/ 前缀，如 10.3760/cma.j.cn112338-20220105-00012', 'Without the https://doi.org/ prefix'],
      example: ex.doi,
    }),
    isbn: prop({ type: 'string', pattern: P.isbn }, ['ISBN', 'ISBN'], {
      group: 'bibliographic', help: ['专著必填，可带连字符，如 978-7-117-12345-6', 'Required for monographs; hyphens allowed'], example: ex.isbn,
    }),
    issn: prop({ type: 'string', pattern: P.issn }, ['ISSN', 'ISSN'], {
      group: 'bibliographic', help: ['期刊的国际标准连续出版物号，如 0254-6450', 'International Standard Serial Number, e.g. 0254-6450'], example: ex.issn,
    }),
    degreeLevel: select('degree_level', ['学位层次', 'Degree level'], { group: 'bibliographic', help: ['学位论文必填', 'Required for theses'], example: ex.degreeLevel }),
    indexedIn: prop({ type: 'array', uniqueItems: true, items: { type: 'string' } }, ['收录情况', 'Indexed in'], {
      group: 'bibliographic', widget: 'select', vocab: 'indexing_database', example: ex.indexedIn,
    }),
    fundingAcknowledged: bool(['是否标注本课题资助', 'Acknowledges this subject'], {
      group: 'bibliographic', help: ['论文论著中是否标注了本课题（课题编号）的资助', 'Whether the publication acknowledges funding by this subject (with its code)'],
      example: true,
    }),
    citationGbt7714: textarea(['引文格式（GB/T 7714）', 'Citation (GB/T 7714)'], {
      group: 'bibliographic',
      help: ['按 GB/T 7714—2015《信息与文献 参考文献著录规则》著录，作者超过 3 人时列前 3 人加“等”', 'Formatted per GB/T 7714-2015; list the first three authors followed by 等 (et al.) when there are more'],
      example: ex.citation,
    }, 2000, 10),
  };
}

const publicationAllOf = [
  whenConst('publicationKind', 'monograph', ['isbn', 'publisher']),
  whenConst('publicationKind', 'thesis', ['degreeLevel']),
];

function patentStandardCommon(ex) {
  return {
    kind: select('patent_standard_kind', ['类别（专利 / 标准）', 'Kind (patent or standard)'], {
      group: 'basic', help: ['选择后填写对应的专利信息或标准信息', 'Then fill in the patent details or the standard details'], example: 'patent',
    }),
    patentType: select('patent_type', ['专利类型', 'Patent type'], { group: 'patent_info', example: 'invention' }),
    patentNumber: prop({ type: 'string', pattern: P.patent }, ['专利号 / 申请号', 'Patent or application number'], {
      group: 'patent_info',
      help: ['已授权专利填专利号（ZL + 申请号，如 ZL202110123456.7），审查中的填申请号（如 CN202110123456.7）或公开号（如 CN112345678A）；境外专利填公开/授权号（如 US10123456B2、WO2021123456A1）；不含空格',
        'Granted: ZL + application number (e.g. ZL202110123456.7); pending: application number (CN202110123456.7) or publication number (CN112345678A); foreign: publication/grant number (US10123456B2, WO2021123456A1); no spaces'],
      example: ex.patentNumber,
    }),
    ipcClassification: tags(['IPC 分类号', 'IPC classification'], {
      group: 'patent_info', help: ['国际专利分类号，主分类号在前，如 G16H 50/30', 'International Patent Classification, main class first, e.g. G16H 50/30'],
      example: ex.ipc,
    }, { type: 'string', pattern: P.ipc }, 1, 50),
    applicationDate: date(['申请日', 'Application date'], { group: 'patent_info', example: ex.applicationDate }),
    grantDate: date(['授权公告日', 'Grant date'], { group: 'patent_info', help: ['已授权专利必填', 'Required for granted patents'], example: ex.grantDate }),
    holders: tags(['专利权人（申请人）', 'Patent holders (applicants)'], {
      group: 'patent_info', help: ['按专利文件所列顺序填写', 'In the order listed on the patent'], example: ex.holders,
    }, { type: 'string', minLength: 1, maxLength: 200 }, 1, 50),
    inventors: tags(['发明人（设计人）', 'Inventors (designers)'], { group: 'patent_info', example: ex.inventors },
      { type: 'string', minLength: 1, maxLength: 100 }, 1, 100),
    patentStatus: select('patent_status', ['专利法律状态', 'Patent status'], { group: 'patent_info', example: ex.patentStatus }),
    standardNumber: prop({ type: 'string', pattern: P.standard }, ['标准编号', 'Standard number'], {
      group: 'standard_info',
      help: ['按“代号 顺序号-年号”填写，使用半角连字符，如 GB/T 32843-2016、NY/T 1234-2020、WS/T 500.1-2016、DB33/T 2345-2021、T/CAAS 001-2021、ISO 20387:2018；制定中的标准可暂不填写',
        'Code, number and year with an ASCII hyphen, e.g. GB/T 32843-2016, NY/T 1234-2020, DB33/T 2345-2021, T/CAAS 001-2021, ISO 20387:2018; may be left empty while the standard is a draft'],
      example: ex.standardNumber,
    }),
    standardLevel: select('standard_level', ['标准层级', 'Standard level'], { group: 'standard_info', example: ex.standardLevel }),
    standardStatus: select('standard_status', ['标准状态', 'Standard status'], { group: 'standard_info', example: ex.standardStatus }),
    issuingBody: text(['发布机构', 'Issuing body'], {
      group: 'standard_info', help: ['如 国家市场监督管理总局、国家标准化管理委员会；团体标准填社会团体名称', 'E.g. SAMR and SAC; for group standards the association'],
      example: ex.issuingBody,
    }, 300),
    issueDate: date(['发布日期', 'Issue date'], { group: 'standard_info', example: ex.issueDate }),
    implementationDate: date(['实施日期', 'Implementation date'], { group: 'standard_info', example: ex.implementationDate }),
    draftingUnits: tags(['起草单位', 'Drafting units'], { group: 'standard_info', example: ex.draftingUnits },
      { type: 'string', minLength: 1, maxLength: 200 }, 1, 100),
    ccsCode: prop({ type: 'string', pattern: P.ccs }, ['中国标准文献分类号（CCS）', 'CCS classification'], {
      group: 'standard_info', help: ['如 C05、B22', 'E.g. C05, B22'], example: ex.ccs,
    }),
    icsCode: prop({ type: 'string', pattern: P.ics }, ['国际标准分类号（ICS）', 'ICS classification'], {
      group: 'standard_info', help: ['如 11.020、65.020.20', 'E.g. 11.020, 65.020.20'], example: ex.ics,
    }),
    replacesStandard: tags(['代替标准', 'Replaces'], {
      group: 'standard_info', help: ['本标准代替的标准编号', 'Numbers of the standards this one replaces'], example: ex.replaces,
    }, { type: 'string', pattern: P.standard }, 1, 20),
  };
}

const patentStandardRequired = ['kind'];
const patentStandardAllOf = [
  whenConst('kind', 'patent', ['patentType', 'patentNumber', 'applicationDate', 'holders', 'patentStatus']),
  whenConst('kind', 'standard', ['standardLevel', 'standardStatus', 'issuingBody']),
  {
    if: { properties: { kind: { const: 'standard' }, standardStatus: { enum: ['published', 'superseded'] } }, required: ['kind', 'standardStatus'] },
    then: { required: ['standardNumber', 'issueDate'] },
  },
  {
    if: { properties: { kind: { const: 'patent' }, patentStatus: { const: 'granted' } }, required: ['kind', 'patentStatus'] },
    then: { required: ['grantDate'] },
  },
];

function instrumentCommon(ex) {
  return {
    instrumentClass: select('instrument_class', ['仪器分类', 'Instrument class'], {
      group: 'instrument_info', help: ['按大型科研仪器分类选择一级类别', 'First-level class of the national large research instrument classification'],
      example: ex.instrumentClass,
    }),
    model: text(['规格型号', 'Model'], { group: 'instrument_info', example: ex.model }, 200),
    manufacturer: text(['生产厂商', 'Manufacturer'], { group: 'instrument_info', example: ex.manufacturer }, 200),
    countryOfOrigin: prop({ type: 'string', pattern: P.country }, ['产地国别', 'Country of origin'], {
      group: 'instrument_info', help: ['ISO 3166-1 两位字母代码，如 CN、US、DE、JP', 'ISO 3166-1 alpha-2 code, e.g. CN, US, DE, JP'],
      example: ex.countryOfOrigin,
    }),
    originalValue: num(['原值（元）', 'Original value (CNY)'], {
      group: 'instrument_info', help: ['购置时的资产原值，单位：元（人民币）；大型科研仪器一般指单台（套）原值 50 万元及以上', 'Asset value at purchase, in CNY; large research instruments are usually ≥ 500,000 CNY per unit'],
      example: ex.originalValue,
    }, { minimum: 0 }),
    purchaseDate: date(['购置日期', 'Purchase date'], { group: 'instrument_info', example: ex.purchaseDate }),
    assetNumber: text(['资产编号', 'Asset number'], { group: 'instrument_info', help: ['所在单位固定资产编号', 'Fixed-asset number at the owning unit'], example: ex.assetNumber }, 100),
    managingUnit: text(['管理单位', 'Managing unit'], { group: 'instrument_info', help: ['负责仪器运行和共享的单位（部门）', 'Unit or department operating and sharing the instrument'], example: ex.managingUnit }, 300),
    location: obj(['安放地点', 'Location'], {
      address: sub({ type: 'string', minLength: 1, maxLength: 300 }, ['地址', 'Address']),
      building: sub({ type: 'string', maxLength: 100 }, ['楼宇', 'Building']),
      room: sub({ type: 'string', maxLength: 50 }, ['房间号', 'Room']),
    }, ['address'], {
      group: 'instrument_info', help: ['表格中依次为 地址|楼宇|房间号', 'In spreadsheets: address|building|room'], example: ex.location,
    }),
    mainSpecifications: textarea(['主要技术指标', 'Main technical specifications'], {
      group: 'instrument_info', help: ['逐条列出决定仪器能力的关键指标（分辨率、灵敏度、量程、精度等）', 'Key specifications one per line (resolution, sensitivity, range, accuracy ...)'],
      example: ex.mainSpecifications,
    }, 5000, 10),
    mainFunctions: textarea(['主要功能与特色', 'Main functions'], { group: 'instrument_info', example: ex.mainFunctions }, 5000),
    instrumentStatus: select('instrument_status', ['运行状态', 'Operating status'], { group: 'instrument_info', example: 'normal' }),
    sharingTerms: textarea(['开放共享要求', 'Sharing terms'], {
      group: 'instrument_service', help: ['对外服务的方式、预约规则、用户资质、样品要求和安全须知', 'How external users are served: booking rules, user qualification, sample requirements, safety'],
      example: ex.sharingTerms,
    }, 5000, 10),
    serviceFeeStandard: textarea(['收费标准', 'Service fee standard'], {
      group: 'instrument_service', help: ['按单位核定的收费标准填写，注明计费单位（机时、样品等）', 'Fees as approved by the unit, with the billing unit (hour, sample ...)'],
      example: ex.serviceFeeStandard,
    }, 2000),
    bookingContact: prop({
      type: 'object', required: ['name'], additionalProperties: false,
      properties: {
        name: sub({ type: 'string', minLength: 1, maxLength: 100 }, ['姓名', 'Name']),
        email: sub({ type: 'string', format: 'email' }, ['电子邮箱', 'Email']),
        phone: sub({ type: 'string', pattern: P.phone }, ['电话', 'Phone']),
      },
      anyOf: [{ required: ['email'] }, { required: ['phone'] }],
    }, ['预约联系人', 'Booking contact'], {
      group: 'instrument_service', help: ['表格中依次为 姓名|邮箱|电话，邮箱与电话至少填一项', 'In spreadsheets: name|email|phone; email or phone required'],
      example: ex.bookingContact,
    }),
    bookingUrl: prop({ type: 'string', format: 'uri', maxLength: 500 }, ['在线预约网址', 'Booking URL'], {
      group: 'instrument_service', example: ex.bookingUrl,
    }),
  };
}
const instrumentRequired = ['instrumentClass', 'model', 'manufacturer', 'countryOfOrigin', 'originalValue', 'purchaseDate',
  'managingUnit', 'location', 'mainSpecifications', 'instrumentStatus', 'sharingTerms', 'bookingContact'];

/** Physical-resource fields both domains share: quantity, collection, preservation and deposit. */
function physicalCommon(ex) {
  return {
    quantity: {
      quantity: num(['数量', 'Quantity'], { group: 'material', example: ex.quantity }, { exclusiveMinimum: 0 }),
      quantityUnit: select('quantity_unit', ['数量单位', 'Quantity unit'], { group: 'material', example: ex.quantityUnit }),
    },
    collection: {
      collectionDate: date(['采集日期', 'Collection date'], {
        group: 'collection', help: ['采集（收集）日期；跨多日采集的填首次采集日期，并在描述中说明', 'Date collected; for multi-day collection the first day (explain in the description)'],
        example: ex.collectionDate,
      }),
      collectionLocation: text(['采集地点', 'Collection location'], { group: 'collection', example: ex.collectionLocation }, 300),
    },
    preservation: {
      storageConditions: textarea(['保存条件', 'Storage conditions'], {
        group: 'preservation', help: ['保存设备、温湿度、包装方式及监控措施', 'Equipment, temperature and humidity, packaging and monitoring'], example: ex.storageConditions,
      }, 2000),
      preservationRepository: text(['保藏机构', 'Preservation repository'], {
        group: 'preservation', help: ['实物汇交（保藏）的机构全称', 'Full name of the repository receiving the deposit'], example: ex.preservationRepository,
      }, 300),
      accessionNumber: text(['保藏编号', 'Accession number'], {
        group: 'preservation', help: ['保藏机构分配的编号（库编号）；多个编号可填编号范围', 'Number assigned by the repository; a range for many items'], example: ex.accessionNumber,
      }, 200),
      depositDate: date(['汇交（入库）日期', 'Deposit date'], { group: 'preservation', example: ex.depositDate }),
      depositReceiptNumber: text(['入库凭证号', 'Deposit receipt number'], {
        group: 'preservation', help: ['保藏机构出具的接收（入库）凭证编号', 'Number of the receipt issued by the repository'], example: ex.depositReceiptNumber,
      }, 100),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Population health (人口健康) — 国家人口健康科学数据中心
// ---------------------------------------------------------------------------------------------

function populationHealth() {
  const icd10 = (group, example, required = false) => prop({
    type: 'array', ...(required ? { minItems: 1 } : {}), maxItems: 50, uniqueItems: true,
    items: { type: 'string', pattern: P.icd10 },
  }, ['疾病（ICD-10 编码）', 'Diseases (ICD-10 codes)'], {
    group, widget: 'tags',
    help: ['填写 ICD-10 类目（3 位，如 I10）或亚目（如 E11.9）编码，依据 GB/T 14396《疾病分类与代码》；不使用国家临床版扩展码（如 I10.x00）；健康人群研究可不填',
      'ICD-10 category (3 characters, e.g. I10) or subcategory (e.g. E11.9) per GB/T 14396; no national clinical extension codes (such as I10.x00); leave empty for healthy-population studies'],
    example,
  });

  const ethics = {
    ethicsApprovalNumber: text(['伦理审查批件号', 'Ethics approval number'], {
      group: 'ethics',
      help: ['伦理委员会审查批准文件编号；依规免除审查的，填写免除审查的文件编号', 'Number of the ethics committee approval; where review was exempted, the number of the exemption decision'],
      example: 'ZJU-IRB-2018-056',
    }, 200),
    ethicsCommittee: text(['伦理委员会', 'Ethics committee'], { group: 'ethics', example: '浙江大学医学院伦理委员会' }, 200),
    informedConsent: bool(['已获知情同意', 'Informed consent obtained'], {
      group: 'ethics',
      help: ['研究对象（或其监护人）是否签署了覆盖数据共享用途的知情同意书；经伦理委员会批准免除知情同意的选“否”并在描述中说明', 'Whether participants (or guardians) consented, covering data sharing; if the ethics committee waived consent, answer no and explain in the description'],
      example: true,
    }),
    involvesHumanGeneticResources: bool(['涉及人类遗传资源', 'Involves human genetic resources'], {
      group: 'ethics',
      help: ['是否涉及我国人类遗传资源材料（含人体基因组、基因等遗传物质的器官、组织、细胞等）或信息（基因、基因组数据等）；涉及的须填写行政许可或备案号',
        'Whether the resource contains Chinese human genetic resource materials (organs, tissues, cells containing genetic material) or information (genetic or genomic data); if so, the approval or filing number is required'],
      example: true,
    }),
    humanGeneticResourcesApproval: text(['人类遗传资源行政许可 / 备案号', 'Human genetic resources approval or filing number'], {
      group: 'ethics',
      help: ['依据《中华人民共和国人类遗传资源管理条例》及实施细则，填写人类遗传资源主管部门出具的采集、保藏、国际合作等行政许可决定书编号或备案号（按批件原文填写，多个用分号分隔）',
        'Per the Regulation on Human Genetic Resources: number(s) of the administrative licence (collection, preservation, international collaboration) or filing issued by the competent authority, as printed; separate several with semicolons'],
      example: '2019CJ1234',
    }, 300),
    deIdentificationStatement: textarea(['去标识化说明', 'De-identification statement'], {
      group: 'ethics',
      help: ['说明个人信息去标识化的方法（可参照 GB/T 37964—2019《信息安全技术 个人信息去标识化指南》）。汇交内容不得含姓名、身份证号、联系方式、详细住址等可直接识别个人身份的信息',
        'How personal information was de-identified (see GB/T 37964-2019). Deposits must not contain names, ID numbers, contact details, full addresses or other direct identifiers'],
      example: '已删除姓名、身份证号、联系电话、详细住址等直接标识符；出生日期仅保留年份，居住地精确到区县；研究对象以随机编号标识，编号与身份信息对照表由承担单位加密单独保存，不随数据汇交。',
    }, 5000, 20),
  };
  const hgrRule = whenConst('involvesHumanGeneticResources', true, ['humanGeneticResourcesApproval']);

  const data = dataCommon({
    spatialCoverage: ['330000'],
    temporalCoverageStart: '2019-03-01',
    temporalCoverageEnd: '2021-06-30',
    variables: [
      { name: 'sbp', unit: 'mmHg', description: '收缩压，坐位测量 3 次取均值' },
      { name: 'fpg', unit: 'mmol/L', description: '空腹血糖（己糖激酶法）' },
      { name: 'smoking', description: '吸烟状况：0 从不，1 已戒，2 现在吸烟' },
    ],
    methods: '采用多阶段分层整群抽样，由经统一培训的调查员开展面对面问卷调查；体格检查按《中国慢性病及其危险因素监测》工作手册执行；空腹静脉血在 2 小时内分离，由中心实验室统一检测。',
    qualityStatement: '问卷双录入一致率 99.8%；实验室检测参加国家卫生健康委临床检验中心室间质评；关键变量缺失率低于 2%，未做插补。',
    dataFormats: ['CSV', 'SAS'],
    dataVolume: { value: 2.3, unit: 'GB' },
  });

  const study = {
    studyType: select('study_type', ['研究类型', 'Study type'], { group: 'domain', example: 'cohort' }),
    disease: icd10('domain', ['I10', 'E11.9']),
    population: textarea(['目标人群', 'Target population'], {
      group: 'domain', help: ['研究对象的来源、纳入与排除标准', 'Where participants came from; inclusion and exclusion criteria'],
      example: '浙江省 12 个区县 35—74 岁常住居民，排除严重精神疾病及无法完成调查者。',
    }, 2000),
    sex: select('population_sex', ['研究对象性别', 'Sex of participants'], { group: 'domain', example: 'all' }),
    ageRange: obj(['年龄范围（岁）', 'Age range (years)'], {
      min: sub({ type: 'integer', minimum: 0, maximum: 150 }, ['最小年龄', 'Minimum age'], { widget: 'number' }),
      max: sub({ type: 'integer', minimum: 0, maximum: 150 }, ['最大年龄', 'Maximum age'], { widget: 'number' }),
    }, [], {
      group: 'domain', help: ['单位：岁；表格中依次为 最小|最大；婴幼儿研究请在目标人群中注明月龄', 'In years; in spreadsheets min|max; give ages in months for infants in the population description'],
      example: { min: 35, max: 74 },
    }),
    sampleSize: int(['样本量（人）', 'Sample size (participants)'], {
      group: 'domain', help: ['数据集中包含的研究对象人数', 'Number of participants in the dataset'], example: 42000,
    }, { minimum: 1 }),
  };
  const collectionPeriod = {
    collectionPeriodStart: date(['采集时间（起）', 'Collection period start'], {
      group: 'coverage', help: ['现场调查或样本、数据采集的开始日期', 'When fieldwork or data collection started'], example: '2019-03-01',
    }),
    collectionPeriodEnd: date(['采集时间（止）', 'Collection period end'], { group: 'coverage', example: '2021-06-30' }),
  };

  const dataFields = {
    ...study,
    ...data.coverage,
    ...collectionPeriod,
    ...data.method,
    ...data.format,
    ...ethics,
  };

  const report = {
    ...reportCommon({
      reportNumber: '2021YFC2500101-BG-03',
      reportType: 'final',
      reportDate: '2023-12-15',
      compilingUnit: '浙江大学公共卫生学院',
      pages: 186,
      confidentialityLevel: 'internal',
      mainConclusions: '完成 4.2 万人基线调查与 2 轮随访，建立高血压、2 型糖尿病发病风险预测模型，并形成社区慢性病综合防控适宜技术方案。',
      tableOfContents: '1 研究背景；2 队列设计与实施；3 基线特征；4 主要发现；5 数据管理与共享；6 结论与建议',
    }),
    disease: icd10('domain', ['I10', 'E11']),
  };

  const publication = {
    ...publicationCommon({
      publicationKind: 'journal_article',
      authors: ['刘洋', '张晓雨', '王磊'],
      venue: '中华流行病学杂志',
      publisher: '中华医学会',
      year: 2022,
      volume: '43',
      issue: '5',
      pages: '678-685',
      doi: '10.3760/cma.j.cn112338-20220105-00012',
      isbn: '978-7-117-12345-6',
      issn: '0254-6450',
      degreeLevel: 'doctoral',
      indexedIn: ['cscd', 'pku_core', 'medline'],
      citation: '刘洋, 张晓雨, 王磊. 浙江省成人慢性病队列的设计与基线特征[J]. 中华流行病学杂志, 2022, 43(5): 678-685. DOI:10.3760/cma.j.cn112338-20220105-00012.',
    }),
    pmid: prop({ type: 'string', pattern: P.pmid }, ['PubMed ID', 'PubMed ID'], {
      group: 'bibliographic', help: ['PubMed 收录号（PMID），仅数字', 'PubMed identifier (PMID), digits only'], example: '35589123',
    }),
    disease: icd10('domain', ['I10', 'E11.9']),
  };

  const patentStandard = {
    ...patentStandardCommon({
      patentNumber: 'ZL202110123456.7',
      ipc: ['G16H 50/30'],
      applicationDate: '2021-03-18',
      grantDate: '2023-05-09',
      holders: ['浙江大学'],
      inventors: ['刘洋', '张晓雨'],
      patentStatus: 'granted',
      standardNumber: 'T/CPMA 012-2022',
      standardLevel: 'group',
      standardStatus: 'published',
      issuingBody: '中华预防医学会',
      issueDate: '2022-09-01',
      implementationDate: '2022-12-01',
      draftingUnits: ['浙江大学', '浙江省疾病预防控制中心'],
      ccs: 'C05',
      ics: '11.020',
      replaces: ['T/CPMA 003-2019'],
    }),
    disease: icd10('domain', ['I10']),
  };

  const instrument = {
    ...instrumentCommon({
      instrumentClass: 'analytical',
      model: 'Orbitrap Exploris 480',
      manufacturer: 'Thermo Fisher Scientific',
      countryOfOrigin: 'US',
      originalValue: 6800000,
      purchaseDate: '2021-11-20',
      assetNumber: '2021-0345678',
      managingUnit: '浙江大学公共卫生学院公共卫生实验平台',
      location: { address: '浙江省杭州市西湖区余杭塘路 866 号', building: '公共卫生学院大楼', room: 'B312' },
      mainSpecifications: '分辨率 480 000 FWHM（m/z 200）；质量精度 < 1 ppm（内标）；扫描速度最高 40 Hz；质量范围 m/z 40—8000。',
      mainFunctions: '血清、尿液等生物样本的代谢组学与蛋白质组学定性定量分析，支持大规模人群队列样本检测。',
      sharingTerms: '通过平台网站提前 3 个工作日预约；校外用户须签署样品检测委托协议；生物样本须提供伦理批件和样本来源说明，涉及病原微生物的样本须先灭活。',
      serviceFeeStandard: '校内 600 元/样，校外 900 元/样（按单位核定标准执行）。',
      bookingContact: { name: '陈静', email: 'chen.jing@zju.example.cn', phone: '0571-88200001' },
      bookingUrl: 'https://instruments.zju.example.cn/booking/ms480',
    }),
    medicalDeviceRegistrationNumber: text(['医疗器械注册证号', 'Medical device registration number'], {
      group: 'domain', help: ['属于医疗器械的填写注册证（备案凭证）编号，如 国械注进20173224567；非医疗器械不填', 'Registration (or filing) certificate number for medical devices; leave empty otherwise'],
      example: '国械注进20173224567',
    }, 100),
    labBiosafetyLevel: select('biosafety_level', ['所在实验室生物安全防护水平', 'Laboratory biosafety level'], {
      group: 'domain', help: ['仪器所在实验室的生物安全防护水平（GB 19489）', 'Biosafety level of the laboratory housing the instrument (GB 19489)'],
      example: 'bsl2',
    }),
  };

  const phys = physicalCommon({
    quantity: 15000,
    quantityUnit: 'tube',
    collectionDate: '2019-05-20',
    collectionLocation: '浙江省 12 个区县社区卫生服务中心',
    storageConditions: '-80℃ 超低温冰箱保存，配备温度实时监控、报警与备用电源；样本冻融不超过 1 次。',
    preservationRepository: '浙江大学人群队列生物样本库',
    accessionNumber: 'ZJBB-2019-000001—ZJBB-2019-015000',
    depositDate: '2021-09-30',
    depositReceiptNumber: 'ZJBB-RK-2021-0456',
  });
  const physical = {
    physicalKind: select('physical_kind', ['实物类型', 'Physical resource kind'], { group: 'material', example: 'sample' }),
    biospecimenTypes: multiSelect('biospecimen_type', ['生物样本类型', 'Biospecimen types'], {
      group: 'material', help: ['生物样本、标本必填，可多选', 'Required for samples and specimens; select all that apply'], example: ['serum', 'plasma', 'buffy_coat'],
    }),
    disease: icd10('material', ['I10', 'E11.9']),
    donorCount: int(['供者人数', 'Number of donors'], {
      group: 'material', help: ['样本来源的研究对象人数', 'Number of participants the samples come from'], example: 5000,
    }, { minimum: 1 }),
    ...phys.quantity,
    sampleProcessing: textarea(['样本处理方法', 'Sample processing'], {
      group: 'material', help: ['采集容器与抗凝剂、离心条件、分装体积、处理时限等', 'Tubes and anticoagulant, centrifugation, aliquot volume, time to processing'],
      example: '空腹采集静脉血，EDTA 抗凝管与促凝管各 1 支；采血后 2 小时内 3000 r/min 离心 10 分钟，血清、血浆、白膜层分装至 0.5 mL 冻存管。',
    }, 3000),
    pathogenHazardClass: select('pathogen_hazard_class', ['病原微生物危害程度分类', 'Pathogen hazard class'], {
      group: 'material', help: ['菌（毒）种必填，依据《病原微生物实验室生物安全管理条例》及《人间传染的病原微生物目录》', 'Required for strains; per the Regulations on Biosafety of Pathogenic Microorganism Laboratories and the catalogue of human pathogens'],
      example: 'class3',
    }),
    ...phys.collection,
    storageTemperature: select('storage_temperature', ['保存温度', 'Storage temperature'], { group: 'preservation', example: 'minus_80' }),
    ...phys.preservation,
    qualityControl: textarea(['质量控制', 'Quality control'], {
      group: 'preservation', help: ['样本质量评估方法与结果，如溶血、DNA 浓度与完整性（A260/A280、RIN 等）', 'Quality assessment and results, e.g. haemolysis, DNA yield and integrity (A260/A280, RIN)'],
      example: '按 1% 比例随机抽检：血清溶血指数合格率 99.5%；DNA A260/A280 为 1.8—2.0。',
    }, 3000),
    ...ethics,
  };

  return {
    domain: 'population-health',
    version: '1.0.0',
    name: L('人口健康领域科技资源汇交标准规范', 'Population Health Resource Collection Standard'),
    description: L(
      '国家人口健康科学数据中心发布。规定国家科技计划人口健康领域项目（课题）汇交科学数据、研究实验报告、论文论著、专利标准、大型仪器设备和实物资源时应著录的描述信息。涉及个人信息、人类遗传资源和伦理审查的资源，须符合《中华人民共和国个人信息保护法》《中华人民共和国人类遗传资源管理条例》及涉及人的生命科学和医学研究伦理审查的有关规定。',
      'Published by the National Population Health Data Center. Defines the descriptive metadata that projects (subjects) of national S&T programs in population health submit for scientific data, reports, publications, patents and standards, large instruments and physical resources. Resources involving personal information, human genetic resources or ethics review must comply with the Personal Information Protection Law, the Regulation on Human Genetic Resources and the rules on ethics review of life science and medical research involving humans.',
    ),
    extraGroups: [
      { id: 'ethics', label: L('伦理与个人信息保护', 'Ethics and personal information protection') },
    ],
    vocabularies: {
      data_format: vocab(['数据格式', 'Data format'], [
        ...BASE_DATA_FORMATS,
        ['SAS', 'SAS 数据集', 'SAS dataset'],
        ['SPSS', 'SPSS 数据文件（SAV）', 'SPSS data file (SAV)'],
        ['Stata', 'Stata 数据文件（DTA）', 'Stata data file (DTA)'],
        ['NIfTI', 'NIfTI 神经影像', 'NIfTI neuroimaging'],
        OTHER_FORMAT,
      ]),
      ...COMMON_VOCABS,
      study_type: vocab(['研究类型', 'Study type'], [
        ['cross_sectional', '横断面研究', 'Cross-sectional study'],
        ['cohort', '队列研究', 'Cohort study'],
        ['case_control', '病例对照研究', 'Case-control study'],
        ['rct', '随机对照试验', 'Randomised controlled trial'],
        ['registry', '登记研究', 'Registry'],
        ['surveillance', '监测', 'Surveillance'],
        ['other', '其他', 'Other'],
      ]),
      population_sex: vocab(['研究对象性别', 'Sex of participants'], [
        ['male', '男性', 'Male'],
        ['female', '女性', 'Female'],
        ['all', '不限（男女均有）', 'All'],
      ]),
      physical_kind: vocab(['实物类型', 'Physical resource kind'], [
        ['sample', '生物样本', 'Biological sample'],
        ['specimen', '标本', 'Specimen'],
        ['strain', '菌（毒）种', 'Microbial strain'],
        ['cell_line', '细胞系（株）', 'Cell line'],
        ['reference_material', '标准物质', 'Reference material'],
        ['germplasm', '种质资源', 'Germplasm'],
        ['other', '其他', 'Other'],
      ]),
      biospecimen_type: vocab(['生物样本类型', 'Biospecimen type'], [
        ['serum', '血清', 'Serum'],
        ['plasma', '血浆', 'Plasma'],
        ['whole_blood', '全血', 'Whole blood'],
        ['buffy_coat', '白膜层', 'Buffy coat'],
        ['pbmc', '外周血单个核细胞（PBMC）', 'Peripheral blood mononuclear cells (PBMC)'],
        ['dna', 'DNA', 'DNA'],
        ['rna', 'RNA', 'RNA'],
        ['tissue_frozen', '新鲜冰冻组织', 'Fresh-frozen tissue'],
        ['tissue_ffpe', '石蜡包埋组织（FFPE）', 'Formalin-fixed paraffin-embedded tissue (FFPE)'],
        ['urine', '尿液', 'Urine'],
        ['saliva', '唾液', 'Saliva'],
        ['stool', '粪便', 'Stool'],
        ['csf', '脑脊液', 'Cerebrospinal fluid'],
        ['swab', '拭子', 'Swab'],
        ['other', '其他', 'Other'],
      ]),
      storage_temperature: vocab(['保存温度', 'Storage temperature'], [
        ['minus_80', '-80℃', '-80 °C'],
        ['liquid_nitrogen', '液氮（≤ -150℃）', 'Liquid nitrogen (≤ -150 °C)'],
        ['minus_20', '-20℃', '-20 °C'],
        ['plus_4', '4℃（2—8℃）', '4 °C (2–8 °C)'],
        ['room_temperature', '室温', 'Room temperature'],
      ]),
      quantity_unit: vocab(['数量单位', 'Quantity unit'], [
        ['tube', '管（冻存管）', 'Tubes (cryovials)'],
        ['aliquot', '份', 'Aliquots'],
        ['ml', '毫升（mL）', 'Millilitres (mL)'],
        ['ug', '微克（μg）', 'Micrograms (μg)'],
        ['block', '块（蜡块）', 'Blocks (paraffin)'],
        ['slide', '张（切片）', 'Slides'],
        ['strain', '株', 'Strains'],
        ['vial', '支（安瓿）', 'Vials (ampoules)'],
        ['other', '其他', 'Other'],
      ]),
      pathogen_hazard_class: vocab(['病原微生物危害程度分类', 'Pathogen hazard class'], [
        ['class1', '第一类（高度危险）', 'Class 1 (highest hazard)'],
        ['class2', '第二类', 'Class 2'],
        ['class3', '第三类', 'Class 3'],
        ['class4', '第四类（通常不致病）', 'Class 4 (usually non-pathogenic)'],
        ['non_pathogenic', '非病原微生物', 'Non-pathogenic'],
      ]),
      biosafety_level: vocab(['实验室生物安全防护水平', 'Laboratory biosafety level'], [
        ['none', '非生物安全实验室', 'Not a biosafety laboratory'],
        ['bsl1', '一级（BSL-1）', 'BSL-1'],
        ['bsl2', '二级（BSL-2）', 'BSL-2'],
        ['bsl3', '三级（BSL-3）', 'BSL-3'],
        ['bsl4', '四级（BSL-4）', 'BSL-4'],
      ]),
    },
    types: {
      data: {
        fields: dataFields,
        required: ['studyType', 'population', 'sampleSize', 'spatialCoverage', 'temporalCoverageStart', 'methods', 'dataFormats',
          'ethicsApprovalNumber', 'informedConsent', 'involvesHumanGeneticResources', 'deIdentificationStatement'],
        allOf: [hgrRule],
      },
      report: {
        fields: report,
        required: ['reportNumber', 'reportType', 'reportDate', 'compilingUnit', 'pages', 'confidentialityLevel'],
        allOf: reportAllOf,
      },
      publication: {
        fields: publication,
        required: ['publicationKind', 'authors', 'venue', 'year', 'fundingAcknowledged', 'citationGbt7714'],
        allOf: publicationAllOf,
      },
      patent_standard: { fields: patentStandard, required: patentStandardRequired, allOf: patentStandardAllOf },
      instrument: { fields: instrument, required: instrumentRequired, allOf: [] },
      physical: {
        fields: physical,
        required: ['physicalKind', 'quantity', 'quantityUnit', 'collectionDate', 'storageTemperature', 'preservationRepository',
          'involvesHumanGeneticResources'],
        allOf: [
          whenEnum('physicalKind', ['sample', 'specimen'],
            ['biospecimenTypes', 'donorCount', 'ethicsApprovalNumber', 'informedConsent', 'deIdentificationStatement']),
          whenConst('physicalKind', 'strain', ['pathogenHazardClass']),
          hgrRule,
        ],
      },
    },
    crosswalk: {
      datacite: {
        studyType: "descriptions/description[@descriptionType='Methods']",
        disease: "subjects/subject[@subjectScheme='ICD-10']",
        population: "descriptions/description[@descriptionType='Other']",
        sampleSize: "sizes/size",
        collectionPeriodStart: "dates/date[@dateType='Collected']",
        collectionPeriodEnd: "dates/date[@dateType='Collected']",
        biospecimenTypes: "subjects/subject[@subjectScheme='biospecimen type']",
        donorCount: 'sizes/size',
        pmid: "alternateIdentifiers/alternateIdentifier[@alternateIdentifierType='PMID']",
      },
      dc: {
        studyType: 'dc:description',
        disease: 'dc:subject',
        population: 'dc:description',
        sampleSize: 'dc:format',
        collectionPeriodStart: 'dc:coverage',
        collectionPeriodEnd: 'dc:coverage',
        biospecimenTypes: 'dc:subject',
        donorCount: 'dc:format',
        pmid: 'dc:identifier',
      },
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Agriculture (农业) — 国家农业科学数据中心
// ---------------------------------------------------------------------------------------------

function agriculture() {
  const speciesMulti = (group, example, minItems = 1) => multiSelect('species', ['物种（作物 / 畜禽）', 'Species (crop or livestock)'], {
    group, help: ['可多选；不在列表中的选“其他”并填写学名', 'Select all that apply; choose "other" and give the scientific name if not listed'], example,
  }, minItems);
  const scientificName = (example) => prop({ type: 'string', pattern: P.scientificName, maxLength: 200 }, ['学名', 'Scientific name'], {
    group: 'domain',
    help: ['拉丁学名，属名首字母大写，种加词小写，可附亚种、变种或命名人，如 Triticum aestivum L.、Oryza sativa subsp. japonica', 'Latin binomial, genus capitalised, optionally with infraspecific rank or author, e.g. Triticum aestivum L.'],
    example,
  });
  const variety = (example) => text(['品种（品系）名称', 'Variety or line'], {
    group: 'domain', help: ['审定（登记）品种名称或育种品系编号', 'Registered variety name or breeding line code'], example,
  }, 200);
  const germplasmAccessionNumber = (example) => prop({ type: 'string', pattern: P.germplasm }, ['种质库编号（全国统一编号）', 'Germplasm accession number'], {
    group: 'domain',
    help: ['国家种质库（圃）的全国统一编号，由 1—4 个大写字母和 4—8 位数字组成，如小麦 ZM012345', 'National unified germplasm number: 1–4 capital letters followed by 4–8 digits, e.g. ZM012345 for wheat'],
    example,
  });
  const regionCode = (label, example, group) => prop({ type: 'string', pattern: P.region }, label, {
    group, help: ['县级行政区划代码（GB/T 2260，6 位数字），如 410721 新乡县', 'County-level administrative division code (GB/T 2260, six digits), e.g. 410721'], example,
  });
  const coordinates = (label, group, example) => obj(label, {
    longitude: sub({ type: 'number', minimum: -180, maximum: 180 }, ['经度', 'Longitude'], { widget: 'number' }),
    latitude: sub({ type: 'number', minimum: -90, maximum: 90 }, ['纬度', 'Latitude'], { widget: 'number' }),
    elevation: sub({ type: 'number', minimum: -500, maximum: 9000 }, ['海拔（m）', 'Elevation (m)'], { widget: 'number' }),
  }, ['longitude', 'latitude'], {
    group, help: ['十进制度，CGCS2000 或 WGS 84 坐标；表格中依次为 经度|纬度|海拔', 'Decimal degrees, CGCS2000 or WGS 84; in spreadsheets longitude|latitude|elevation'], example,
  });
  const trialStation = (example, group = 'trial') => text(['试验站（基地）', 'Trial station'], {
    group, help: ['试验站、观测站或试验基地的全称', 'Full name of the experimental station, observatory or trial base'], example,
  }, 300);

  const data = dataCommon({
    spatialCoverage: ['410721'],
    temporalCoverageStart: '2020-10-12',
    temporalCoverageEnd: '2022-06-08',
    variables: [
      { name: 'grain_yield', unit: 'kg/hm²', description: '籽粒产量，按 13% 含水量折算' },
      { name: 'spad', description: '旗叶 SPAD 值（开花期）' },
      { name: 'nue', unit: 'kg/kg', description: '氮肥农学利用效率' },
    ],
    methods: '田间小区试验，每小区收获中间 6 m² 测产；植株样品按 NY/T 2017 测定全氮；土壤样品 0—20 cm 分层采集，按 NY/T 1121 系列标准测定理化性质。',
    qualityStatement: '产量数据为 3 次重复均值，变异系数 < 8%；2021 年 7 月暴雨导致 2 个小区数据缺失，已在数据中标注。',
    dataFormats: ['XLSX', 'CSV'],
    dataVolume: { value: 35, unit: 'MB' },
  });

  const dataFields = {
    species: speciesMulti('domain', ['wheat']),
    scientificName: scientificName('Triticum aestivum L.'),
    variety: variety('济麦22'),
    germplasmAccessionNumber: germplasmAccessionNumber('ZM012345'),
    trialType: select('trial_type', ['试验（数据来源）类型', 'Trial type'], { group: 'trial', example: 'field_trial' }),
    trialStation: trialStation('中国农业科学院新乡综合试验基地'),
    trialRegion: regionCode(['试验地行政区划代码', 'Trial region code'], '410721', 'trial'),
    siteCoordinates: coordinates(['试验地经纬度', 'Site coordinates'], 'trial', { longitude: 113.80, latitude: 35.18, elevation: 75 }),
    climateZone: select('climate_zone', ['气候带（温度带）', 'Climate zone'], { group: 'trial', example: 'warm_temperate' }),
    soilType: select('soil_type', ['土壤类型（土类）', 'Soil type'], {
      group: 'trial', help: ['按 GB/T 17296《中国土壤分类与代码》的土类选择', 'Soil group per GB/T 17296 (Chinese soil classification)'], example: 'fluvo_aquic',
    }),
    season: select('season', ['种植季别', 'Season'], {
      group: 'trial', help: ['试验所在的播种季或茬口；跨年度连续观测选“全年（周年）”', 'Sowing season or crop; "annual" for year-round observation'], example: 'autumn',
    }),
    plotDesign: obj(['试验设计', 'Plot design'], {
      design: sub({ type: 'string' }, ['设计类型', 'Design'], { widget: 'select', vocab: 'experimental_design' }),
      replicates: sub({ type: 'integer', minimum: 1, maximum: 100 }, ['重复数', 'Replicates'], { widget: 'number' }),
      plotArea: sub({ type: 'number', exclusiveMinimum: 0 }, ['小区面积（m²）', 'Plot area (m²)'], { widget: 'number' }),
      treatments: sub({ type: 'string', maxLength: 2000 }, ['处理设置', 'Treatments'], { widget: 'textarea' }),
    }, ['design'], {
      group: 'trial', help: ['表格中依次为 设计类型|重复数|小区面积|处理设置', 'In spreadsheets design|replicates|plot area|treatments'],
      example: { design: 'rcbd', replicates: 3, plotArea: 30, treatments: '设 N0、N120、N180、N240 四个施氮水平（kg N/hm²）' },
    }),
    managementPractices: textarea(['栽培（饲养）管理措施', 'Management practices'], {
      group: 'trial', help: ['播种（出栏）时间、密度、施肥、灌溉、植保或饲喂管理等', 'Sowing dates and density, fertilisation, irrigation, plant protection, or feeding regime'],
      example: '10 月中旬播种，基本苗 300 万/hm²；磷钾肥作基肥一次施入，氮肥基追比 5∶5，拔节期追施；全生育期灌溉 2 次。',
    }, 5000),
    ...data.coverage,
    ...data.method,
    ...data.format,
  };

  const report = {
    ...reportCommon({
      reportNumber: '2021YFD1900101-BG-02',
      reportType: 'experiment',
      reportDate: '2022-09-30',
      compilingUnit: '中国农业科学院农业资源与农业区划研究所',
      pages: 64,
      confidentialityLevel: 'public',
      mainConclusions: '在华北潮土区冬小麦—夏玉米轮作体系中，施氮量由 240 kg/hm² 减至 180 kg/hm² 未显著降低产量，氮肥农学利用效率提高 18%。',
      tableOfContents: '1 试验目的；2 试验地概况；3 试验设计与方法；4 结果与分析；5 结论',
    }),
    species: speciesMulti('domain', ['wheat', 'maize'], 0),
  };

  const publication = {
    ...publicationCommon({
      publicationKind: 'journal_article',
      authors: ['李明', '王芳', '赵强', '孙丽'],
      venue: '中国农业科学',
      publisher: '中国农业科学院',
      year: 2023,
      volume: '56',
      issue: '8',
      pages: '1456-1470',
      doi: '10.3864/j.issn.0578-1752.2023.08.004',
      isbn: '978-7-109-12345-6',
      issn: '0578-1752',
      degreeLevel: 'master',
      indexedIn: ['cscd', 'pku_core', 'cstpcd'],
      citation: '李明, 王芳, 赵强, 等. 减氮条件下冬小麦产量与氮素利用效率的响应[J]. 中国农业科学, 2023, 56(8): 1456-1470. DOI:10.3864/j.issn.0578-1752.2023.08.004.',
    }),
    species: speciesMulti('domain', ['wheat'], 0),
  };

  const patentStandard = {
    ...patentStandardCommon({
      patentNumber: 'ZL202210654321.X',
      ipc: ['A01G 22/20', 'A01C 21/00'],
      applicationDate: '2022-06-10',
      grantDate: '2024-01-16',
      holders: ['中国农业科学院农业资源与农业区划研究所'],
      inventors: ['李明', '王芳'],
      patentStatus: 'granted',
      standardNumber: 'NY/T 4321-2023',
      standardLevel: 'industry',
      standardStatus: 'published',
      issuingBody: '中华人民共和国农业农村部',
      issueDate: '2023-04-11',
      implementationDate: '2023-08-01',
      draftingUnits: ['中国农业科学院农业资源与农业区划研究所', '河南省农业科学院'],
      ccs: 'B05',
      ics: '65.020.20',
      replaces: ['NY/T 1234-2008'],
    }),
    species: speciesMulti('domain', ['wheat'], 0),
  };

  const instrument = {
    ...instrumentCommon({
      instrumentClass: 'analytical',
      model: 'NexION 2000',
      manufacturer: 'PerkinElmer',
      countryOfOrigin: 'US',
      originalValue: 2150000,
      purchaseDate: '2020-07-15',
      assetNumber: 'CAAS-2020-11234',
      managingUnit: '中国农业科学院新乡综合试验基地分析测试中心',
      location: { address: '河南省新乡市新乡县七里营镇', building: '综合实验楼', room: '205' },
      mainSpecifications: '质量范围 1—285 amu；检出限 Be、In、U ≤ 0.5 ng/L；丰度灵敏度 ≤ 1×10⁻⁶；配备碰撞/反应池。',
      mainFunctions: '土壤、植物、肥料及农产品中重金属与微量元素的痕量分析。',
      sharingTerms: '提前 5 个工作日在线预约；样品须完成消解并提供基体说明；高盐及有机溶剂样品需预先沟通。',
      serviceFeeStandard: '常规元素 80 元/元素·样，全扫描 500 元/样（按单位核定标准执行）。',
      bookingContact: { name: '周伟', email: 'zhou.wei@caas.example.cn', phone: '0373-5800000' },
      bookingUrl: 'https://instruments.caas.example.cn/icpms',
    }),
    trialStation: trialStation('中国农业科学院新乡综合试验基地', 'domain'),
    applicableSpecies: speciesMulti('domain', ['wheat', 'maize'], 0),
  };

  const phys = physicalCommon({
    quantity: 150,
    quantityUnit: 'g',
    collectionDate: '2022-06-10',
    collectionLocation: '河南省新乡市新乡县七里营镇 试验基地育种圃',
    storageConditions: '种子含水量降至 5%—7%，铝箔袋真空密封，-18℃ 长期库保存，相对湿度 ≤ 50%。',
    preservationRepository: '国家作物种质库',
    accessionNumber: 'ZM012345',
    depositDate: '2022-11-20',
    depositReceiptNumber: 'NCGB-2022-0789',
  });
  const physical = {
    physicalKind: select('physical_kind', ['实物类型', 'Physical resource kind'], { group: 'material', example: 'germplasm' }),
    species: select('species', ['物种（作物 / 畜禽）', 'Species (crop or livestock)'], {
      group: 'domain', help: ['不在列表中的选“其他”并填写学名', 'Choose "other" and give the scientific name if not listed'], example: 'wheat',
    }),
    scientificName: scientificName('Triticum aestivum L.'),
    variety: variety('HJ2022-15'),
    germplasmType: select('germplasm_type', ['种质类型', 'Germplasm type'], { group: 'domain', example: 'breeding_line' }),
    germplasmAccessionNumber: germplasmAccessionNumber('ZM012345'),
    pedigree: text(['系谱（来源）', 'Pedigree'], {
      group: 'domain', help: ['杂交组合或选育来源，如 母本 × 父本；地方品种填原产地', 'Cross or selection history (female × male); place of origin for landraces'],
      example: '济麦22 × 周麦18',
    }, 500),
    keyTraits: textarea(['主要特征特性', 'Key traits'], {
      group: 'domain', help: ['可参照相应作物（畜禽）种质资源描述规范', 'See the crop (livestock) germplasm descriptor standards'],
      example: '半冬性，株高约 75 cm，抗倒伏，中抗条锈病，千粒重约 45 g。',
    }, 3000),
    ...phys.quantity,
    seedViability: num(['种子发芽率（%）', 'Seed viability (%)'], {
      group: 'material', help: ['按 GB/T 3543.4《农作物种子检验规程 发芽试验》测定；入库保存的种子必填', 'Germination per GB/T 3543.4; required for seed genebank storage'], example: 96,
    }, { minimum: 0, maximum: 100 }),
    seedMoisture: num(['种子含水量（%）', 'Seed moisture (%)'], {
      group: 'material', help: ['按 GB/T 3543.6 测定', 'Per GB/T 3543.6'], example: 6.5,
    }, { minimum: 0, maximum: 100 }),
    ...phys.collection,
    collectionRegion: regionCode(['采集地行政区划代码', 'Collection region code'], '410721', 'collection'),
    collectionCoordinates: coordinates(['采集地经纬度', 'Collection coordinates'], 'collection', { longitude: 113.80, latitude: 35.18, elevation: 75 }),
    conservationMethod: select('conservation_method', ['保存方式', 'Conservation method'], { group: 'preservation', example: 'long_term_seed_bank' }),
    ...phys.preservation,
    quarantineCertificateNumber: text(['检疫证书编号', 'Quarantine certificate number'], {
      group: 'preservation', help: ['跨省调运或引进的种子、种苗、畜禽遗传材料应提供植物检疫证书或动物检疫合格证明编号', 'Plant or animal quarantine certificate for material moved across provinces or imported'],
      example: '4107212022000123',
    }, 100),
  };

  return {
    domain: 'agriculture',
    version: '1.0.0',
    name: L('农业领域科技资源汇交标准规范', 'Agriculture Resource Collection Standard'),
    description: L(
      '国家农业科学数据中心发布。规定国家科技计划农业领域项目（课题）汇交科学数据、研究实验报告、论文论著、专利标准、大型仪器设备和实物资源时应著录的描述信息。农作物种质资源、畜禽遗传资源等实物汇交须符合《中华人民共和国种子法》《中华人民共和国畜牧法》及种质资源管理的有关规定。',
      'Published by the National Agricultural Science Data Center. Defines the descriptive metadata that projects (subjects) of national S&T programs in agriculture submit for scientific data, reports, publications, patents and standards, large instruments and physical resources. Deposits of crop germplasm and livestock genetic resources must comply with the Seed Law, the Animal Husbandry Law and the rules on germplasm management.',
    ),
    extraGroups: [
      { id: 'trial', label: L('试验与站点', 'Trial and site') },
    ],
    vocabularies: {
      data_format: vocab(['数据格式', 'Data format'], [
        ...BASE_DATA_FORMATS,
        ['FASTA', 'FASTA 序列', 'FASTA sequences'],
        ['GFF3', 'GFF3 基因组注释', 'GFF3 genome annotation'],
        ['image', '图像（JPEG / PNG / TIFF）', 'Images (JPEG / PNG / TIFF)'],
        OTHER_FORMAT,
      ]),
      ...COMMON_VOCABS,
      species: vocab(['物种（作物 / 畜禽）', 'Species (crop or livestock)'], [
        ['rice', '水稻', 'Rice'],
        ['wheat', '小麦', 'Wheat'],
        ['maize', '玉米', 'Maize'],
        ['soybean', '大豆', 'Soybean'],
        ['cotton', '棉花', 'Cotton'],
        ['rapeseed', '油菜', 'Rapeseed'],
        ['potato', '马铃薯', 'Potato'],
        ['tea', '茶树', 'Tea'],
        ['pig', '猪', 'Pig'],
        ['cattle', '牛', 'Cattle'],
        ['sheep', '绵羊', 'Sheep'],
        ['goat', '山羊', 'Goat'],
        ['chicken', '鸡', 'Chicken'],
        ['other', '其他', 'Other'],
      ]),
      trial_type: vocab(['试验（数据来源）类型', 'Trial type'], [
        ['field_trial', '田间试验', 'Field trial'],
        ['pot_greenhouse', '盆栽 / 温室试验', 'Pot or greenhouse trial'],
        ['feeding_trial', '畜禽饲养试验', 'Livestock feeding trial'],
        ['long_term_monitoring', '长期定位观测', 'Long-term monitoring'],
        ['laboratory', '实验室分析', 'Laboratory analysis'],
        ['survey', '调查', 'Survey'],
        ['remote_sensing', '遥感监测', 'Remote sensing'],
        ['modelling', '模型模拟', 'Modelling'],
        ['other', '其他', 'Other'],
      ]),
      climate_zone: vocab(['气候带（温度带）', 'Climate zone'], [
        ['tropical', '热带', 'Tropical'],
        ['subtropical', '亚热带', 'Subtropical'],
        ['warm_temperate', '暖温带', 'Warm temperate'],
        ['mid_temperate', '中温带', 'Mid temperate'],
        ['cold_temperate', '寒温带', 'Cold temperate'],
        ['plateau', '青藏高原区', 'Qinghai–Tibet Plateau'],
      ]),
      soil_type: vocab(['土壤类型（土类）', 'Soil type'], [
        ['latosol', '砖红壤', 'Latosol'],
        ['lateritic_red', '赤红壤', 'Lateritic red soil'],
        ['red_soil', '红壤', 'Red soil'],
        ['yellow_soil', '黄壤', 'Yellow soil'],
        ['paddy_soil', '水稻土', 'Paddy soil'],
        ['purple_soil', '紫色土', 'Purple soil'],
        ['brown_earth', '棕壤', 'Brown earth'],
        ['cinnamon_soil', '褐土', 'Cinnamon soil'],
        ['fluvo_aquic', '潮土', 'Fluvo-aquic soil'],
        ['loessal_soil', '黄绵土', 'Loessal soil'],
        ['black_soil', '黑土', 'Black soil'],
        ['chernozem', '黑钙土', 'Chernozem'],
        ['meadow_soil', '草甸土', 'Meadow soil'],
        ['saline_alkali', '盐碱土（盐土、碱土）', 'Saline-alkali soil (solonchak, solonetz)'],
        ['aeolian_sandy', '风沙土', 'Aeolian sandy soil'],
        ['other', '其他', 'Other'],
      ]),
      season: vocab(['种植季别', 'Season'], [
        ['spring', '春季（春播）', 'Spring'],
        ['summer', '夏季（夏播）', 'Summer'],
        ['autumn', '秋季（秋播）', 'Autumn'],
        ['winter', '冬季', 'Winter'],
        ['early_rice', '早稻', 'Early rice'],
        ['single_rice', '一季稻（中稻）', 'Single-season (middle) rice'],
        ['late_rice', '晚稻', 'Late rice'],
        ['annual', '全年（周年）', 'Year-round'],
      ]),
      experimental_design: vocab(['试验设计类型', 'Experimental design'], [
        ['rcbd', '随机区组设计', 'Randomised complete block design'],
        ['crd', '完全随机设计', 'Completely randomised design'],
        ['split_plot', '裂区设计', 'Split-plot design'],
        ['strip_plot', '条区设计', 'Strip-plot design'],
        ['latin_square', '拉丁方设计', 'Latin square design'],
        ['augmented', '增广设计（间比法）', 'Augmented design'],
        ['paired', '对比（配对）设计', 'Paired comparison'],
        ['observational', '无重复观测', 'Observation without replication'],
        ['other', '其他', 'Other'],
      ]),
      physical_kind: vocab(['实物类型', 'Physical resource kind'], [
        ['germplasm', '种质资源', 'Germplasm'],
        ['strain', '菌种', 'Microbial strain'],
        ['specimen', '标本', 'Specimen'],
        ['sample', '样品', 'Sample'],
        ['reference_material', '标准物质', 'Reference material'],
        ['cell_line', '细胞系（株）', 'Cell line'],
        ['other', '其他', 'Other'],
      ]),
      germplasm_type: vocab(['种质类型', 'Germplasm type'], [
        ['wild', '野生资源', 'Wild relative'],
        ['landrace', '地方品种', 'Landrace'],
        ['bred_variety', '选育品种', 'Bred variety'],
        ['breeding_line', '品系', 'Breeding line'],
        ['genetic_stock', '遗传材料', 'Genetic stock'],
        ['introduced', '引进资源', 'Introduced material'],
        ['other', '其他', 'Other'],
      ]),
      quantity_unit: vocab(['数量单位', 'Quantity unit'], [
        ['g', '克（g）', 'Grams (g)'],
        ['kg', '千克（kg）', 'Kilograms (kg)'],
        ['grain', '粒', 'Seeds'],
        ['ear', '穗', 'Ears'],
        ['plant', '株', 'Plants'],
        ['tube', '管（试管苗、菌种管）', 'Tubes'],
        ['dose', '剂（冻精细管）', 'Doses (semen straws)'],
        ['embryo', '枚（胚胎）', 'Embryos'],
        ['head', '头（只）', 'Animals'],
        ['other', '其他', 'Other'],
      ]),
      conservation_method: vocab(['保存方式', 'Conservation method'], [
        ['long_term_seed_bank', '种质长期库', 'Long-term seed genebank'],
        ['medium_term_seed_bank', '种质中期库', 'Medium-term seed genebank'],
        ['field_genebank', '种质圃（田间保存）', 'Field genebank'],
        ['in_vitro', '试管苗（离体）保存', 'In vitro conservation'],
        ['cryopreservation', '超低温（液氮）保存', 'Cryopreservation'],
        ['live_conservation', '活体保种（保种场、保护区）', 'In vivo conservation (conservation farm or area)'],
        ['frozen_semen_embryo', '冷冻精液 / 胚胎保存', 'Frozen semen or embryos'],
        ['culture_collection', '菌种保藏（冻干 / 液氮）', 'Culture collection (freeze-dried or liquid nitrogen)'],
        ['dna_bank', 'DNA 库', 'DNA bank'],
        ['other', '其他', 'Other'],
      ]),
    },
    types: {
      data: {
        fields: dataFields,
        required: ['species', 'trialType', 'spatialCoverage', 'temporalCoverageStart', 'methods', 'dataFormats'],
        allOf: [
          whenContains('species', 'other', ['scientificName']),
          whenEnum('trialType', ['field_trial', 'long_term_monitoring'], ['trialStation', 'trialRegion', 'climateZone', 'soilType']),
          whenConst('trialType', 'feeding_trial', ['trialStation', 'trialRegion']),
        ],
      },
      report: {
        fields: report,
        required: ['reportNumber', 'reportType', 'reportDate', 'compilingUnit', 'pages', 'confidentialityLevel'],
        allOf: reportAllOf,
      },
      publication: {
        fields: publication,
        required: ['publicationKind', 'authors', 'venue', 'year', 'fundingAcknowledged', 'citationGbt7714'],
        allOf: publicationAllOf,
      },
      patent_standard: { fields: patentStandard, required: patentStandardRequired, allOf: patentStandardAllOf },
      instrument: { fields: instrument, required: instrumentRequired, allOf: [] },
      physical: {
        fields: physical,
        required: ['physicalKind', 'species', 'quantity', 'quantityUnit', 'conservationMethod', 'preservationRepository'],
        allOf: [
          whenConst('physicalKind', 'germplasm', ['germplasmAccessionNumber', 'germplasmType']),
          whenConst('species', 'other', ['scientificName']),
          whenEnum('conservationMethod', ['long_term_seed_bank', 'medium_term_seed_bank'], ['seedViability']),
        ],
      },
    },
    crosswalk: {
      datacite: {
        species: "subjects/subject[@subjectScheme='species']",
        scientificName: "subjects/subject[@subjectScheme='scientific name']",
        variety: 'subjects/subject',
        germplasmAccessionNumber: "alternateIdentifiers/alternateIdentifier[@alternateIdentifierType='Germplasm accession number']",
        trialStation: "geoLocations/geoLocation/geoLocationPlace",
        trialRegion: "geoLocations/geoLocation/geoLocationPlace",
        siteCoordinates: 'geoLocations/geoLocation/geoLocationPoint',
        collectionRegion: 'geoLocations/geoLocation/geoLocationPlace',
        collectionCoordinates: 'geoLocations/geoLocation/geoLocationPoint',
        trialType: "descriptions/description[@descriptionType='Methods']",
        plotDesign: "descriptions/description[@descriptionType='Methods']",
        climateZone: "descriptions/description[@descriptionType='Other']",
        soilType: "descriptions/description[@descriptionType='Other']",
        applicableSpecies: "subjects/subject[@subjectScheme='species']",
      },
      dc: {
        species: 'dc:subject',
        scientificName: 'dc:subject',
        variety: 'dc:subject',
        germplasmAccessionNumber: 'dc:identifier',
        trialStation: 'dc:coverage',
        trialRegion: 'dc:coverage',
        siteCoordinates: 'dc:coverage',
        collectionRegion: 'dc:coverage',
        collectionCoordinates: 'dc:coverage',
        trialType: 'dc:description',
        plotDesign: 'dc:description',
        climateZone: 'dc:coverage',
        soilType: 'dc:description',
        applicableSpecies: 'dc:subject',
      },
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Crosswalk entries shared by both domains (core fields and type-common fields)
// ---------------------------------------------------------------------------------------------

const COMMON_CROSSWALK = {
  datacite: {
    titleZh: "titles/title[@xml:lang='zh']",
    titleEn: "titles/title[@xml:lang='en'][@titleType='TranslatedTitle']",
    descriptionZh: "descriptions/description[@descriptionType='Abstract'][@xml:lang='zh']",
    descriptionEn: "descriptions/description[@descriptionType='Abstract'][@xml:lang='en']",
    keywordsZh: "subjects/subject[@xml:lang='zh']",
    keywordsEn: "subjects/subject[@xml:lang='en']",
    discipline: "subjects/subject[@subjectScheme='GB/T 13745']",
    language: 'language',
    creators: 'creators/creator',
    contact: "contributors/contributor[@contributorType='ContactPerson']",
    subjectCode: 'fundingReferences/fundingReference/awardNumber',
    programName: 'fundingReferences/fundingReference/awardTitle',
    dateCreated: "dates/date[@dateType='Created']",
    licence: 'rightsList/rights',
    sharingMode: 'rightsList/rights/@rightsURI',
    relatedIdentifiers: 'relatedIdentifiers/relatedIdentifier',
    // data
    spatialCoverage: 'geoLocations/geoLocation/geoLocationPlace',
    temporalCoverageStart: "dates/date[@dateType='Coverage']",
    temporalCoverageEnd: "dates/date[@dateType='Coverage']",
    variables: "descriptions/description[@descriptionType='TechnicalInfo']",
    methods: "descriptions/description[@descriptionType='Methods']",
    qualityStatement: "descriptions/description[@descriptionType='TechnicalInfo']",
    dataFormats: 'formats/format',
    dataVolume: 'sizes/size',
    // report
    reportNumber: "alternateIdentifiers/alternateIdentifier[@alternateIdentifierType='Report number']",
    reportType: 'resourceType',
    reportDate: "dates/date[@dateType='Issued']",
    compilingUnit: "contributors/contributor[@contributorType='Producer']",
    pages: 'sizes/size',
    tableOfContents: "descriptions/description[@descriptionType='TableOfContents']",
    mainConclusions: "descriptions/description[@descriptionType='Other']",
    // publication
    publicationKind: 'resourceType',
    authors: 'creators/creator/creatorName',
    venue: "relatedItems/relatedItem[@relationType='IsPublishedIn']/titles/title",
    publisher: 'publisher',
    year: 'publicationYear',
    volume: "relatedItems/relatedItem[@relationType='IsPublishedIn']/volume",
    issue: "relatedItems/relatedItem[@relationType='IsPublishedIn']/issue",
    doi: "alternateIdentifiers/alternateIdentifier[@alternateIdentifierType='DOI']",
    isbn: "alternateIdentifiers/alternateIdentifier[@alternateIdentifierType='ISBN']",
    issn: "relatedIdentifiers/relatedIdentifier[@relatedIdentifierType='ISSN'][@relationType='IsPublishedIn']",
    citationGbt7714: "descriptions/description[@descriptionType='Other']",
    // patent / standard
    kind: 'resourceType',
    patentNumber: "alternateIdentifiers/alternateIdentifier[@alternateIdentifierType='Patent number']",
    ipcClassification: "subjects/subject[@subjectScheme='IPC']",
    applicationDate: "dates/date[@dateType='Submitted']",
    grantDate: "dates/date[@dateType='Issued']",
    holders: "contributors/contributor[@contributorType='RightsHolder']",
    inventors: 'creators/creator',
    standardNumber: "alternateIdentifiers/alternateIdentifier[@alternateIdentifierType='Standard number']",
    issuingBody: 'publisher',
    issueDate: "dates/date[@dateType='Issued']",
    implementationDate: "dates/date[@dateType='Valid']",
    draftingUnits: 'creators/creator',
    ccsCode: "subjects/subject[@subjectScheme='CCS']",
    icsCode: "subjects/subject[@subjectScheme='ICS']",
    replacesStandard: "relatedIdentifiers/relatedIdentifier[@relationType='Obsoletes']",
    // instrument
    instrumentClass: 'resourceType',
    model: "descriptions/description[@descriptionType='TechnicalInfo']",
    manufacturer: "contributors/contributor[@contributorType='Producer']",
    mainSpecifications: "descriptions/description[@descriptionType='TechnicalInfo']",
    managingUnit: "contributors/contributor[@contributorType='HostingInstitution']",
    location: 'geoLocations/geoLocation/geoLocationPlace',
    purchaseDate: "dates/date[@dateType='Other']",
    bookingContact: "contributors/contributor[@contributorType='ContactPerson']",
    sharingTerms: 'rightsList/rights',
    // physical
    physicalKind: 'resourceType',
    collectionDate: "dates/date[@dateType='Collected']",
    collectionLocation: 'geoLocations/geoLocation/geoLocationPlace',
    preservationRepository: "contributors/contributor[@contributorType='HostingInstitution']",
    accessionNumber: "alternateIdentifiers/alternateIdentifier[@alternateIdentifierType='Accession number']",
    quantity: 'sizes/size',
    storageConditions: "descriptions/description[@descriptionType='TechnicalInfo']",
  },
  dc: {
    titleZh: 'dc:title',
    titleEn: 'dc:title',
    descriptionZh: 'dc:description',
    descriptionEn: 'dc:description',
    keywordsZh: 'dc:subject',
    keywordsEn: 'dc:subject',
    discipline: 'dc:subject',
    language: 'dc:language',
    creators: 'dc:creator',
    contact: 'dc:contributor',
    subjectCode: 'dc:relation',
    programName: 'dc:relation',
    dateCreated: 'dc:date',
    licence: 'dc:rights',
    sharingMode: 'dc:rights',
    relatedIdentifiers: 'dc:relation',
    spatialCoverage: 'dc:coverage',
    temporalCoverageStart: 'dc:coverage',
    temporalCoverageEnd: 'dc:coverage',
    variables: 'dc:description',
    methods: 'dc:description',
    qualityStatement: 'dc:description',
    dataFormats: 'dc:format',
    dataVolume: 'dc:format',
    reportNumber: 'dc:identifier',
    reportType: 'dc:type',
    reportDate: 'dc:date',
    compilingUnit: 'dc:contributor',
    pages: 'dc:format',
    tableOfContents: 'dc:description',
    mainConclusions: 'dc:description',
    publicationKind: 'dc:type',
    authors: 'dc:creator',
    venue: 'dc:source',
    publisher: 'dc:publisher',
    year: 'dc:date',
    doi: 'dc:identifier',
    isbn: 'dc:identifier',
    issn: 'dc:source',
    citationGbt7714: 'dc:identifier',
    kind: 'dc:type',
    patentNumber: 'dc:identifier',
    ipcClassification: 'dc:subject',
    applicationDate: 'dc:date',
    grantDate: 'dc:date',
    holders: 'dc:rights',
    inventors: 'dc:creator',
    standardNumber: 'dc:identifier',
    issuingBody: 'dc:publisher',
    issueDate: 'dc:date',
    implementationDate: 'dc:date',
    draftingUnits: 'dc:creator',
    ccsCode: 'dc:subject',
    icsCode: 'dc:subject',
    replacesStandard: 'dc:relation',
    instrumentClass: 'dc:type',
    model: 'dc:description',
    manufacturer: 'dc:contributor',
    mainSpecifications: 'dc:description',
    managingUnit: 'dc:publisher',
    location: 'dc:coverage',
    purchaseDate: 'dc:date',
    bookingContact: 'dc:contributor',
    sharingTerms: 'dc:rights',
    physicalKind: 'dc:type',
    collectionDate: 'dc:date',
    collectionLocation: 'dc:coverage',
    preservationRepository: 'dc:publisher',
    accessionNumber: 'dc:identifier',
    quantity: 'dc:format',
    storageConditions: 'dc:description',
  },
};

// ---------------------------------------------------------------------------------------------
// Assembly and self-checks
// ---------------------------------------------------------------------------------------------

const TYPE_LABELS = {
  data: L('科学数据', 'Scientific data'),
  report: L('研究实验报告', 'Research and experiment report'),
  publication: L('论文论著', 'Papers and monographs'),
  patent_standard: L('专利标准', 'Patents and standards'),
  instrument: L('大型仪器设备', 'Large research instruments'),
  physical: L('实物资源', 'Physical resources'),
};

function buildType(typeCode, def) {
  const properties = {};
  for (const key of CORE_ORDER) properties[key] = structuredClone(core.properties[key]);
  for (const [key, value] of Object.entries(def.fields)) {
    if (key in properties) throw new Error(`${typeCode}: field ${key} collides with a core field`);
    properties[key] = value;
  }
  const required = [...core.required];
  for (const key of def.required) {
    if (!(key in properties)) throw new Error(`${typeCode}: required field ${key} is not defined`);
    if (!required.includes(key)) required.push(key);
  }
  const schema = {
    $schema: SCHEMA_DIALECT,
    type: 'object',
    additionalProperties: false,
    properties,
    required,
    ...(def.allOf.length ? { allOf: structuredClone(def.allOf) } : {}),
    'x-order': Object.keys(properties),
  };
  return { label: TYPE_LABELS[typeCode], schema };
}

function walkProperties(properties, pathPrefix, visit) {
  for (const [key, schema] of Object.entries(properties)) {
    const here = `${pathPrefix}.${key}`;
    visit(here, schema);
    if (schema.properties) walkProperties(schema.properties, here, visit);
    if (schema.items?.properties) walkProperties(schema.items.properties, `${here}[]`, visit);
  }
}

function build(def) {
  const groups = [...core.groups, ...COMMON_GROUPS, ...def.extraGroups];
  const vocabularies = { ...structuredClone(core.vocabularies), ...def.vocabularies };
  const resourceTypes = {};
  for (const typeCode of Object.keys(TYPE_LABELS)) resourceTypes[typeCode] = buildType(typeCode, def.types[typeCode]);

  // Self-checks: labels, groups, vocabularies, crosswalk keys.
  const groupIds = new Set(groups.map((g) => g.id));
  const usedGroups = new Set(core.groups.map((g) => g.id));
  const allFields = new Set();
  for (const [typeCode, type] of Object.entries(resourceTypes)) {
    Object.keys(type.schema.properties).forEach((k) => allFields.add(k));
    walkProperties(type.schema.properties, typeCode, (where, schema) => {
      if (!schema['x-label']?.zh || !schema['x-label']?.en) throw new Error(`${def.domain} ${where}: missing x-label`);
      if (schema['x-group']) {
        if (!groupIds.has(schema['x-group'])) throw new Error(`${def.domain} ${where}: unknown group ${schema['x-group']}`);
        usedGroups.add(schema['x-group']);
      }
      if (schema['x-vocabulary'] && !vocabularies[schema['x-vocabulary']]) {
        throw new Error(`${def.domain} ${where}: unknown vocabulary ${schema['x-vocabulary']}`);
      }
    });
  }
  for (const [target, map] of Object.entries(def.crosswalk)) {
    for (const key of Object.keys(map)) if (!allFields.has(key)) throw new Error(`${def.domain} crosswalk.${target}: unknown field ${key}`);
  }
  for (const [target, map] of Object.entries(COMMON_CROSSWALK)) {
    for (const key of Object.keys(map)) if (!allFields.has(key)) throw new Error(`common crosswalk.${target}: unknown field ${key}`);
  }

  return {
    domain: def.domain,
    version: def.version,
    name: def.name,
    description: def.description,
    groups: groups.filter((g) => usedGroups.has(g.id)),
    vocabularies,
    resourceTypes,
    crosswalk: {
      datacite: { ...COMMON_CROSSWALK.datacite, ...def.crosswalk.datacite },
      dc: { ...COMMON_CROSSWALK.dc, ...def.crosswalk.dc },
    },
  };
}

for (const def of [populationHealth(), agriculture()]) {
  const doc = build(def);
  const file = path.join(root, 'standards', doc.domain, doc.version, 'standard.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(doc, null, 2)}\n`);
  const counts = Object.entries(doc.resourceTypes).map(([t, r]) => `${t} ${Object.keys(r.schema.properties).length}`).join(', ');
  console.log(`wrote ${path.relative(root, file)} (${counts})`);
}
