/** A calendar day in the UI language, from "2027-06-30" or a timestamp (China time for timestamps). */
export function formatDay(value: string | null | undefined, language: string): string {
  if (!value) return '—';
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00+08:00`) : new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'zh-CN', { dateStyle: 'medium', timeZone: 'Asia/Shanghai' }).format(date);
}

/** Whole days from now until a day or timestamp (negative when it has passed). */
export function daysUntil(value: string, now = new Date()): number {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00+08:00`) : new Date(value);
  return Math.ceil((date.getTime() - now.getTime()) / 86_400_000);
}
