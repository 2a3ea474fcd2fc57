import type { Language } from '../i18n';

/**
 * A timestamp in the UI language and in Beijing time, e.g. 2026年11月28日 00:30 or 28 Nov 2026, 00:30:
 * the platform's days (deadlines, release dates) are China's, so its times are shown on the same clock
 * wherever the browser is.
 */
export function formatDateTime(iso: string | Date | null | undefined, language: string, style: 'dateTime' | 'time' = 'dateTime'): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return String(iso);
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'zh-CN', {
    ...(style === 'dateTime' ? { dateStyle: 'medium' as const } : {}),
    timeStyle: 'short',
    timeZone: 'Asia/Shanghai',
  }).format(date);
}

/** A bilingual name in the UI language, falling back to Chinese when no English name is set. */
export function localName(item: { nameZh: string; nameEn?: string | null }, language: Language | string): string {
  return language === 'en' && item.nameEn ? item.nameEn : item.nameZh;
}
