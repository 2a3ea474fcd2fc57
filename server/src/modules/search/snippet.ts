import { cut, isHanToken, normalise, subWords } from './segmenter';

/** What a query matches, for highlighting: Han lexemes, and Latin words with their English stems. */
export interface MatchTerms {
  han: ReadonlySet<string>;
  latin: ReadonlySet<string>;
  stems: readonly string[];
}

interface Piece {
  text: string;
  marked: boolean;
}

const LATIN_WORD = /^[\p{L}\p{N}]+$/u;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** HTML-escapes text (the snippet's only markup is the <mark> this module adds). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

function latinMatches(word: string, terms: MatchTerms): boolean {
  const lower = normalise(word).toLowerCase();
  if (terms.latin.has(lower)) return true;
  // English stems are prefixes of the words they come from (soils → soil, studies → studi).
  return terms.stems.some((stem) => stem.length >= 2 && lower.startsWith(stem) && lower.length - stem.length <= 4);
}

/** Splits text into jieba's tokens, marking those the query matched: whole words, or the matched part of a compound. */
function pieces(text: string, terms: MatchTerms): Piece[] {
  const out: Piece[] = [];
  for (const token of cut(text)) {
    if (isHanToken(token)) {
      const key = normalise(token).toLowerCase();
      const part = terms.han.has(key) ? null : subWords(key).find((p) => terms.han.has(p));
      const at = part ? token.indexOf(part) : -1;
      if (terms.han.has(key)) out.push({ text: token, marked: true });
      else if (part && at >= 0) out.push({ text: token.slice(0, at), marked: false }, { text: part, marked: true }, { text: token.slice(at + part.length), marked: false });
      else out.push({ text: token, marked: false });
    } else {
      out.push({ text: token, marked: LATIN_WORD.test(token) && latinMatches(token, terms) });
    }
  }
  return out.filter((p) => p.text.length > 0);
}

/** Whether the text may hold a match at all (cheap, before segmenting it). */
function mayMatch(text: string, terms: MatchTerms): boolean {
  const lower = normalise(text).toLowerCase();
  for (const word of terms.han) if (lower.includes(word)) return true;
  for (const word of terms.latin) if (lower.includes(word)) return true;
  return terms.stems.some((stem) => lower.includes(stem));
}

/** A window of about `maxChars` around the first match (or the start), escaped, with <mark> around matches. */
export function highlight(source: string, terms: MatchTerms, maxChars = 160): { html: string; matched: number } {
  const text = source.replace(/\s+/g, ' ').trim();
  const all = pieces(text, terms);
  const matched = new Set(all.filter((p) => p.marked).map((p) => normalise(p.text).toLowerCase())).size;
  const first = all.findIndex((p) => p.marked);
  const firstEnds = all.slice(0, first + 1).reduce((n, p) => n + p.text.length, 0);
  let start = 0;
  if (first > 0 && firstEnds > maxChars * 0.75) {
    // Some context before the first match, without cutting a word.
    let before = 0;
    start = first;
    while (start > 0 && before + all[start - 1]!.text.length <= 30) {
      start -= 1;
      before += all[start]!.text.length;
    }
  }
  let html = start > 0 ? '…' : '';
  let used = 0;
  let end = start;
  let open = false;
  for (; end < all.length && used < maxChars; end += 1) {
    const piece = all[end]!;
    if (piece.marked !== open) {
      html += piece.marked ? '<mark>' : '</mark>';
      open = piece.marked;
    }
    html += escapeHtml(piece.text);
    used += piece.text.length;
  }
  if (open) html += '</mark>';
  if (end < all.length) html += '…';
  return { html, matched };
}

/**
 * The snippet of a search hit: the field matching the most distinct query words (description,
 * keywords, title; Chinese before English on a tie), else the start of the description. Escaped
 * text with <mark> only.
 */
export function snippetOf(fields: { descriptionZh: string | null; descriptionEn: string | null; keywordsZh: string[]; keywordsEn: string[]; titleZh: string; titleEn: string | null }, terms: MatchTerms): string {
  const candidates = [fields.descriptionZh, fields.descriptionEn, fields.keywordsZh.join('、'), fields.keywordsEn.join(', '), fields.titleZh, fields.titleEn].filter((text): text is string => !!text && text.trim() !== '');
  let best: { html: string; matched: number } | null = null;
  if (terms.han.size > 0 || terms.latin.size > 0) {
    for (const candidate of candidates) {
      if (!mayMatch(candidate, terms)) continue;
      const result = highlight(candidate, terms);
      if (result.matched > (best?.matched ?? 0)) best = result;
    }
  }
  return (best ?? highlight(candidates[0] ?? '', terms)).html;
}
