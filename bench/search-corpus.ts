/**
 * Synthetic bilingual resources for bench/search.ts: Chinese text built from the shipped standards'
 * field examples and vocabularies plus a list of S&T terms, drawn with Zipf frequencies so that a
 * few words are very common and most are rare, as in real catalogues.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { DocumentSource } from '../server/src/modules/search/search-document';

type Pair = [zh: string, en: string];

/** Topics and aspects of national S&T program resources (zh, en). */
const TOPICS: Pair[] = [
  ['水稻', 'rice'], ['小麦', 'wheat'], ['玉米', 'maize'], ['大豆', 'soybean'], ['棉花', 'cotton'], ['油菜', 'rapeseed'], ['茶树', 'tea plant'], ['马铃薯', 'potato'],
  ['土壤', 'soil'], ['地下水', 'groundwater'], ['湖泊', 'lake'], ['森林', 'forest'], ['草地', 'grassland'], ['湿地', 'wetland'], ['冰川', 'glacier'], ['珊瑚礁', 'coral reef'],
  ['慢性病', 'chronic disease'], ['高血压', 'hypertension'], ['糖尿病', 'diabetes'], ['肺癌', 'lung cancer'], ['肠道菌群', 'gut microbiota'], ['病毒', 'virus'], ['疫苗', 'vaccine'],
  ['蛋白质', 'protein'], ['基因组', 'genome'], ['转录组', 'transcriptome'], ['代谢组', 'metabolome'], ['遥感', 'remote sensing'], ['气象', 'meteorology'], ['降水', 'precipitation'],
  ['气温', 'air temperature'], ['碳排放', 'carbon emission'], ['碳汇', 'carbon sink'], ['交通', 'traffic'], ['能源', 'energy'], ['新材料', 'new materials'], ['催化剂', 'catalyst'],
  ['锂电池', 'lithium battery'], ['半导体', 'semiconductor'], ['地震', 'earthquake'], ['滑坡', 'landslide'], ['海洋', 'ocean'], ['渔业', 'fisheries'], ['畜禽', 'livestock'],
  ['中药材', 'Chinese medicinal herbs'], ['种质资源', 'germplasm resources'], ['科学数据', 'scientific data'], ['队列', 'cohort'], ['生物样本', 'biospecimens'], ['病原微生物', 'pathogenic microorganisms'],
];
const ASPECTS: Pair[] = [
  ['表型鉴定', 'phenotyping'], ['长期定位观测', 'long-term observation'], ['调查', 'survey'], ['监测', 'monitoring'], ['田间试验', 'field trials'], ['测序', 'sequencing'],
  ['模拟', 'simulation'], ['评估', 'assessment'], ['图谱', 'atlas'], ['时空分布', 'spatio-temporal distribution'], ['产量', 'yield'], ['抗病性', 'disease resistance'],
  ['水质', 'water quality'], ['有机碳', 'organic carbon'], ['重金属', 'heavy metals'], ['流行病学', 'epidemiology'], ['随访', 'follow-up'], ['风险因素', 'risk factors'],
  ['汇交', 'collection'], ['开放共享', 'open sharing'], ['标准化', 'standardisation'], ['质量控制', 'quality control'],
];
const KINDS: Record<string, Pair[]> = {
  data: [['数据集', 'dataset'], ['观测数据', 'observation data'], ['数据库', 'database']],
  report: [['研究报告', 'research report'], ['年度报告', 'annual report'], ['实验报告', 'experiment report']],
  publication: [['研究论文', 'research article'], ['专著', 'monograph']],
  patent_standard: [['发明专利', 'invention patent'], ['技术规程', 'technical specification']],
  instrument: [['分析测试仪器', 'analytical instrument'], ['共享平台', 'sharing platform']],
  physical: [['样本', 'samples'], ['标本', 'specimens'], ['种子', 'seeds']],
};
const PROVINCES: Array<[code: string, zh: string, en: string]> = [
  ['110000', '北京市', 'Beijing'], ['120000', '天津市', 'Tianjin'], ['130000', '河北省', 'Hebei'], ['140000', '山西省', 'Shanxi'], ['150000', '内蒙古自治区', 'Inner Mongolia'],
  ['210000', '辽宁省', 'Liaoning'], ['220000', '吉林省', 'Jilin'], ['230000', '黑龙江省', 'Heilongjiang'], ['310000', '上海市', 'Shanghai'], ['320000', '江苏省', 'Jiangsu'],
  ['330000', '浙江省', 'Zhejiang'], ['340000', '安徽省', 'Anhui'], ['350000', '福建省', 'Fujian'], ['360000', '江西省', 'Jiangxi'], ['370000', '山东省', 'Shandong'],
  ['410000', '河南省', 'Henan'], ['420000', '湖北省', 'Hubei'], ['430000', '湖南省', 'Hunan'], ['440000', '广东省', 'Guangdong'], ['450000', '广西壮族自治区', 'Guangxi'],
  ['460000', '海南省', 'Hainan'], ['500000', '重庆市', 'Chongqing'], ['510000', '四川省', 'Sichuan'], ['520000', '贵州省', 'Guizhou'], ['530000', '云南省', 'Yunnan'],
  ['540000', '西藏自治区', 'Xizang'], ['610000', '陕西省', 'Shaanxi'], ['620000', '甘肃省', 'Gansu'], ['630000', '青海省', 'Qinghai'], ['640000', '宁夏回族自治区', 'Ningxia'],
  ['650000', '新疆维吾尔自治区', 'Xinjiang'],
];
const TYPES = Object.keys(KINDS);
const SHARING = ['open', 'registered', 'application', 'embargo', 'offline'];
const LICENCES = ['CC-BY-4.0', 'CC-BY-NC-4.0', 'CC-BY-SA-4.0', 'CC0-1.0', 'platform-agreement'];

/** A small deterministic PRNG (mulberry32), so runs are comparable. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Draws indexes 0…n-1 with probability ∝ 1/(i+1)^s. */
export function zipf(n: number, s: number, random: () => number): () => number {
  const cumulative: number[] = [];
  let sum = 0;
  for (let i = 0; i < n; i += 1) cumulative.push((sum += 1 / (i + 1) ** s));
  return () => {
    const x = random() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/** Chinese sentences and bilingual vocabulary terms from standards/<domain>/1.0.0/standard.json. */
function standardsText(root = path.resolve('standards')): { sentences: string[]; terms: Pair[] } {
  const sentences = new Set<string>();
  const terms = new Map<string, string>();
  for (const domain of fs.readdirSync(root)) {
    const file = path.join(root, domain, '1.0.0', 'standard.json');
    if (!fs.existsSync(file)) continue;
    const doc = JSON.parse(fs.readFileSync(file, 'utf8')) as { vocabularies: Record<string, { terms: Array<{ label: { zh: string; en: string } }> }> };
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
          if (key === 'x-example' && typeof value === 'string' && /\p{Script=Han}{6}/u.test(value) && value.length >= 12) sentences.add(value);
          else walk(value);
        }
      }
    };
    walk(doc);
    for (const vocabulary of Object.values(doc.vocabularies)) {
      for (const term of vocabulary.terms) if (/\p{Script=Han}/u.test(term.label.zh) && term.label.zh.length <= 8) terms.set(term.label.zh, term.label.en);
    }
  }
  return { sentences: [...sentences], terms: [...terms] };
}

export interface Corpus {
  /** Every term a query may use, most common first (zh). */
  queryTerms: string[];
  platforms: string[];
  units: string[];
  programs: string[];
  next(): DocumentSource & { terms: string[] };
}

/** A generator of synthetic resources over fixed facet populations (20 platforms, 2,000 units, 300 programs). */
export function corpus(seed = 42): Corpus {
  const random = rng(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const { sentences, terms: vocabulary } = standardsText();
  const topics = [...TOPICS, ...vocabulary.slice(0, 120)];
  const topicOf = zipf(topics.length, 1.0, random);
  const aspectOf = zipf(ASPECTS.length, 0.8, random);
  const provinceOf = zipf(PROVINCES.length, 0.7, random);
  const platforms = Array.from({ length: 20 }, () => randomUUID());
  const units = Array.from({ length: 2000 }, () => randomUUID());
  const programs = Array.from({ length: 300 }, (_, i) => `20${String(15 + (i % 10)).padStart(2, '0')}YF${'ABCDE'[i % 5]}${String(100000 + i).padStart(7, '0')}`);
  const platformOf = zipf(platforms.length, 0.8, random);
  const unitOf = zipf(units.length, 1.0, random);
  const programOf = zipf(programs.length, 0.9, random);
  const disciplines = ['110', '140', '150', '170', '180', '210', '220', '230', '240', '310', '320', '330', '350', '360', '410', '420', '430', '460', '480', '510', '520', '530', '570', '580', '610', '620'];
  const disciplineOf = zipf(disciplines.length, 0.8, random);
  let n = 0;
  return {
    queryTerms: [...topics.map((t) => t[0]), ...ASPECTS.map((a) => a[0]), ...PROVINCES.map((p) => p[1])],
    platforms, units, programs,
    next() {
      n += 1;
      const type = TYPES[Math.min(TYPES.length - 1, Math.floor(random() ** 1.6 * TYPES.length))]!;
      const [province, provinceZh, provinceEn] = PROVINCES[provinceOf()]!;
      const topic = topics[topicOf()]!;
      const topic2 = topics[topicOf()]!;
      const aspect = ASPECTS[aspectOf()]!;
      const aspect2 = ASPECTS[aspectOf()]!;
      const kind = pick(KINDS[type]!);
      const year = 2015 + Math.floor(random() ** 0.6 * 12);
      const releasedAt = new Date(Date.UTC(year, Math.floor(random() * 12), 1 + Math.floor(random() * 28), Math.floor(random() * 24)));
      const description = [
        `本${kind[0]}汇集了${provinceZh}${1 + Math.floor(random() * 40)}个站点的${topic[0]}${aspect[0]}结果，涉及${topic2[0]}与${aspect2[0]}。`,
        pick(sentences), pick(sentences), random() < 0.5 ? pick(sentences) : '',
        random() < 0.02 ? '项目组按计划完成资源汇交。' : random() < 0.02 ? `研究区碳汇交易与${topic[0]}的关系。` : '',
      ].join('');
      return {
        id: randomUUID(), resourceType: type, platformOrgId: platforms[platformOf()]!, discipline: disciplines[disciplineOf()]!, programCode: programs[programOf()]!,
        projectCode: null, subjectCode: `2021YFC${String(2500000 + n).padStart(7, '0')}`, leadUnitId: units[unitOf()]!, regionCode: province,
        sharingMode: SHARING[Math.floor(random() ** 1.5 * SHARING.length)]!, licence: LICENCES[Math.floor(random() ** 1.5 * LICENCES.length)]!,
        cstr: `CSTR:31253.11.bench.${n}`, doi: null, releasedAt,
        titleZh: `${provinceZh}${topic[0]}${aspect[0]}${kind[0]}（${year}）`,
        titleEn: `${aspect[1]} of ${topic[1]} in ${provinceEn}: ${kind[1]} (${year})`,
        descriptionZh: description,
        descriptionEn: random() < 0.3 ? `This ${kind[1]} covers ${topic[1]} ${aspect[1]} at sites in ${provinceEn}, with ${topic2[1]} and ${aspect2[1]}.` : null,
        keywordsZh: [topic[0], aspect[0], topic2[0]], keywordsEn: [topic[1], aspect[1]], extra: ['刘洋', '浙江大学'],
        terms: [topic[0], aspect[0], topic2[0], provinceZh],
      };
    },
  };
}
