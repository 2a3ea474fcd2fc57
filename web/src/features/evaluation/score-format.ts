/** A score of 0–100 with two decimals ("—" when there is none). */
export function formatScore(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : value.toFixed(2);
}

/** A component of 0–1 on the scores' 0–100 scale. */
export function formatComponent(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : (Math.round(value * 10_000) / 100).toFixed(2);
}

/** A share of 0–1 as a percentage, e.g. 0.6 → "60%", 0.625 → "62.5%". */
export function formatShare(value: number | null | undefined, language: string): string {
  if (value === null || value === undefined) return '—';
  return new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'zh-CN', { style: 'percent', maximumFractionDigits: 1 }).format(value);
}

/** A count with thousands separators. */
export function formatCount(value: number, language: string): string {
  return new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'zh-CN').format(value);
}

/** A weight as entered (0.35, 0.4), with at most three decimals. */
export function formatWeight(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}

/** The China date (UTC+8) of an instant; a plain date stays as it is. */
export function chinaDate(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Date(date.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** Change of a total since the run before, rounded to the scores' two decimals; null when either is missing. */
export function scoreChange(total: number | null, previous: number | null): number | null {
  if (total === null || previous === null) return null;
  return Math.round((total - previous) * 100) / 100;
}

/** A group of weights sums to 1 within the server's tolerance (±0.001). */
export function sumsToOne(sum: number): boolean {
  return Math.abs(sum - 1) <= 0.001 + 1e-9;
}

/** A sum of weights: two decimals, three when two would hide how far it is from 1. */
export function formatSum(sum: number): string {
  const two = sum.toFixed(2);
  return Math.abs(sum - Number(two)) < 1e-9 ? two : sum.toFixed(3);
}
