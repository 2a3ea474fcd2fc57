import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';

/**
 * Domain words jieba's default dictionary splits (or might): indexed and queried whole, so 汇交 never
 * matches 汇 and 交 apart. A low frequency lets a better split win where one exists (科学/数据库).
 */
export const DOMAIN_WORDS = ['汇交', '汇交计划', '汇交凭证', '科学数据', '种质资源', '实物资源', '科技资源', '开放共享', '领域平台'];

/** Function words left out of the index and of queries (their position still counts, so phrases keep working). */
const STOP_WORDS = new Set(['的', '了', '和', '与', '及', '或', '等', '之', '其', '在', '是', '为', '于', '以', '并', '对', '由', '将', '从', '而', '且', '也', '把', '被', '这', '那', '该', '此', '各']);

const HAN_RUN = /\p{Script=Han}+/gu;
const HAN = /\p{Script=Han}/u;
const CONTROL = /\p{Cc}/gu;

let jieba: Jieba | undefined;
const subWordCache = new Map<string, string[]>();

/** The segmenter, loaded once: the default dictionary plus the domain words. */
export function segmenter(): Jieba {
  if (!jieba) {
    const loaded = Jieba.withDict(dict);
    loaded.loadDict(Buffer.from(DOMAIN_WORDS.map((word) => `${word} 10 n`).join('\n')));
    jieba = loaded;
  }
  return jieba;
}

/** Text as it is indexed and queried: NFKC (full-width letters and digits become ASCII), no control characters. */
export function normalise(text: string): string {
  return text.normalize('NFKC').replace(CONTROL, ' ');
}

/**
 * Jieba's precise mode without the HMM (the same text always splits the same way). The tokens cover
 * the text: words, and every other character (space, punctuation) on its own; Latin words whole.
 */
export function cut(text: string): string[] {
  return segmenter().cut(text, false);
}

/** Whether a token is indexed as a Chinese word (it holds Han characters), not left to English stemming. */
export function isHanToken(token: string): boolean {
  return HAN.test(token);
}

/** The shorter dictionary words inside a compound (慢性病 → 慢性, 性病), as jieba's search mode finds them. */
export function subWords(word: string): string[] {
  if (word.length < 3) return [];
  let found = subWordCache.get(word);
  if (!found) {
    found = segmenter().cutForSearch(word, false).filter((w) => w !== word);
    if (subWordCache.size > 100_000) subWordCache.clear();
    subWordCache.set(word, found);
  }
  return found;
}

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}

/** The text without its Han characters (Latin words, digits), which PostgreSQL's English configuration stems. */
export function latinText(text: string): string {
  return normalise(text).replace(HAN_RUN, ' ').replace(/\s+/g, ' ').trim();
}

export type Weight = 'A' | 'B' | 'C' | 'D';

/**
 * Builds the Han part of a document's tsvector as a literal: each precise-mode word at its own
 * position, the dictionary words inside it at the same position (a query for 数据 finds 科学数据),
 * one weight per field. Positions let phrase queries (<->) work across the segmented text. One
 * jieba call for all fields (each call crosses into native code).
 */
export function hanVectorLiteral(fields: Array<{ text: string | null | undefined; weight: Weight }>): string {
  const texts = fields.map((f) => (f.text ? normalise(f.text) : ''));
  const lexemes = new Map<string, string[]>();
  let position = 0;
  let field = 0;
  let fieldEnd = texts[0]?.length ?? 0;
  let offset = 0;
  for (const token of cut(texts.join('\n'))) {
    while (field < texts.length - 1 && offset >= fieldEnd) {
      field += 1;
      fieldEnd += 1 + texts[field]!.length;
    }
    offset += token.length;
    position += 1;
    if (!isHanToken(token)) continue;
    const word = token.toLowerCase();
    if (isStopWord(word)) continue;
    const weight = fields[field]!.weight;
    const at = `${Math.min(position, 16383)}${weight === 'D' ? '' : weight}`;
    for (const lexeme of [word, ...subWords(word)]) {
      const entries = lexemes.get(lexeme);
      if (!entries) lexemes.set(lexeme, [at]);
      else if (entries.length < 256 && entries[entries.length - 1] !== at) entries.push(at);
    }
  }
  return [...lexemes].map(([word, positions]) => `${quoteLexeme(word)}:${positions.join(',')}`).join(' ');
}

/** The Han terms of a query: precise-mode words, each with its dictionary parts, grouped into phrases where single characters follow one another. */
export interface HanQuery {
  /** tsquery literal (empty when the query has no Han words). */
  literal: string;
  /** Every Han lexeme the query can match, for highlighting. */
  words: string[];
}

/**
 * Turns the Chinese words of a query into a tsquery: all words must match (AND). A compound may also
 * match through its parts (慢性病 | 慢性 & 性病) when they cover it; single characters in a row (a
 * name jieba does not know) must stand together (刘 <-> 洋).
 */
export function hanQuery(text: string): HanQuery {
  const terms: string[] = [];
  const words = new Set<string>();
  let singles: string[] = [];
  const flush = () => {
    if (singles.length > 0) terms.push(singles.length === 1 ? singles[0]! : `(${singles.join(' <-> ')})`);
    singles = [];
  };
  for (const token of cut(normalise(text))) {
    const word = token.toLowerCase();
    if (!isHanToken(word) || isStopWord(word)) {
      flush();
      continue;
    }
    words.add(word);
    if ([...word].length === 1) {
      singles.push(quoteLexeme(word));
      continue;
    }
    flush();
    const parts = subWords(word).filter((part) => !isStopWord(part));
    if (parts.length > 1 && covers(parts, word)) {
      parts.forEach((part) => words.add(part));
      terms.push(`(${quoteLexeme(word)} | (${parts.map(quoteLexeme).join(' & ')}))`);
    } else {
      terms.push(quoteLexeme(word));
    }
  }
  flush();
  return { literal: terms.join(' & '), words: [...words] };
}

/** Whether the parts together cover every character of the word. */
function covers(parts: string[], word: string): boolean {
  const covered = new Set<number>();
  for (const part of parts) {
    const at = word.indexOf(part);
    for (let i = 0; at >= 0 && i < part.length; i += 1) covered.add(at + i);
  }
  return covered.size === word.length;
}

/** A lexeme quoted for a tsvector/tsquery literal (quotes doubled, backslashes escaped). */
function quoteLexeme(word: string): string {
  return `'${word.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}
