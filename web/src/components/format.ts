import type { Language } from '../i18n';

/** A timestamp in the UI language, e.g. 2026/11/27 12:16 or 27 Nov 2026, 12:16. */
export function formatDateTime(iso: string | null | undefined, language: string): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'zh-CN', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(date);
}

/** A bilingual name in the UI language, falling back to Chinese when no English name is set. */
export function localName(item: { nameZh: string; nameEn?: string | null }, language: Language | string): string {
  return language === 'en' && item.nameEn ? item.nameEn : item.nameZh;
}
