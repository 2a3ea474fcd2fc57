/** CSTR (科技资源标识, GB/T 32843-2016): `CSTR:{RA code}.{type code}.{internal id}` (DESIGN §6). */
export const CSTR_PATTERN = /^CSTR:(\w{5})\.(\d{2})\.([\w.-]+)$/i;

export function isCstr(value: string): boolean {
  return CSTR_PATTERN.test(value);
}

/** The resolver page of a CSTR. */
export function cstrResolverUrl(cstr: string): string {
  return `https://cstr.cn/${cstr.replace(/^CSTR:/i, '')}`;
}

/**
 * The CSTR of a released version. A first version takes a fresh internal id from the sequence
 * (`hj{year}{sequence}`); a later one extends its lineage's first CSTR with `.v{n}`, so versions stay related.
 */
export function mintCstr(input: { raCode: string; typeCode: string; sequence: number; year: number; versionNo: number; firstCstr: string | null }): string {
  if (input.versionNo > 1 && input.firstCstr) return `${input.firstCstr}.v${input.versionNo}`;
  const cstr = `CSTR:${input.raCode}.${input.typeCode}.hj${input.year}${String(input.sequence).padStart(6, '0')}`;
  if (!isCstr(cstr)) throw new Error(`minted an invalid CSTR: ${cstr}`);
  return cstr;
}
