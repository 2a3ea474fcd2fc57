import type { ReuseInput, ReuseKind } from './reuse-types';

/** The server's DOI pattern (a bare DOI, no resolver prefix). */
export const DOI_PATTERN = /^10\.\d{4,9}\/\S+$/;
const DOI_PREFIX = /^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i;

/** A DOI as people paste it (https://doi.org/10.…, doi:10.…) reduced to the bare DOI. */
export function bareDoi(value: string): string {
  return value.trim().replace(DOI_PREFIX, '');
}

/** An http(s) address without blanks (as the server checks it). */
export function isHttpUrl(value: string): boolean {
  if (/\s/.test(value)) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

export interface ReuseFormValues {
  kind?: ReuseKind;
  description?: string;
  citation?: string;
  doi?: string;
  url?: string;
}

/** The request body: trimmed text, the bare DOI, and no empty optional fields. */
export function reuseInput(values: ReuseFormValues): ReuseInput {
  const citation = values.citation?.trim();
  const doi = values.doi ? bareDoi(values.doi) : '';
  const url = values.url?.trim();
  return {
    kind: values.kind ?? 'citation',
    description: (values.description ?? '').trim(),
    ...(citation ? { citation } : {}),
    ...(doi ? { doi } : {}),
    ...(url ? { url } : {}),
  };
}
