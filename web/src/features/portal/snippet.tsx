import type { ReactNode } from 'react';

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Undoes the server's HTML escaping; the result is only ever rendered as React text. */
export function unescapeText(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return NAMED[body.toLowerCase()] ?? entity;
  });
}

/**
 * Splits a search snippet (escaped text with <mark>…</mark> only) into text and highlighted parts.
 * Anything else that looks like markup stays text: nothing from the server becomes HTML.
 */
export function snippetParts(snippet: string): Array<{ text: string; marked: boolean }> {
  const parts: Array<{ text: string; marked: boolean }> = [];
  let marked = false;
  for (const piece of snippet.split(/(<mark>|<\/mark>)/i)) {
    const tag = piece.toLowerCase();
    if (tag === '<mark>') marked = true;
    else if (tag === '</mark>') marked = false;
    else if (piece) parts.push({ text: unescapeText(piece), marked });
  }
  return parts;
}

/** A search snippet with its matches highlighted. */
export function Snippet({ snippet, ...rest }: { snippet: string; 'data-testid'?: string }): ReactNode {
  return (
    <span {...rest}>
      {snippetParts(snippet).map((part, index) =>
        part.marked ? (
          <mark key={index} style={{ background: '#fef08a', padding: '0 1px', borderRadius: 2 }}>
            {part.text}
          </mark>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </span>
  );
}
