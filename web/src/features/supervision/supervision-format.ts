/** Numbers as the supervision screens show them: shares as %, money with thousands separators and ¥. */

const locale = (language: string) => (language === 'en' ? 'en-GB' : 'zh-CN');

/** A 0–1 share as a percentage with one decimal (0.4567 → 45.7%). */
export function formatShare(share: number | null | undefined, language: string): string {
  if (share === null || share === undefined || Number.isNaN(share)) return '—';
  return new Intl.NumberFormat(locale(language), { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(share);
}

/** A decimal money string ("12345.6") as ¥12,345.60. */
export function formatMoney(amount: string | number | null | undefined, language: string): string {
  if (amount === null || amount === undefined || amount === '') return '—';
  const value = Number(amount);
  if (Number.isNaN(value)) return String(amount);
  return new Intl.NumberFormat(locale(language), { style: 'currency', currency: 'CNY', currencyDisplay: 'narrowSymbol', minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
}

export function formatCount(value: number, language: string): string {
  return new Intl.NumberFormat(locale(language)).format(value);
}

/** Days with at most one decimal (review turnaround). */
export function formatDays(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return String(Math.round(value * 10) / 10);
}
