/** Languages the platform speaks; zh-CN first. */
export type Lang = 'zh-CN' | 'en';
export const LANGS: readonly Lang[] = ['zh-CN', 'en'];

/** A zh/en pair, the shape of every user-facing server message. */
export interface Bilingual {
  zh: string;
  en: string;
}

/**
 * Picks the language: an explicit zh/en Accept-Language (the web app sends its current language),
 * then the user's saved setting, then Chinese.
 */
export function resolveLang(userLocale: string | null | undefined, acceptLanguage: string | undefined): Lang {
  const fromHeader = acceptLanguage ? langFromHeader(acceptLanguage) : null;
  if (fromHeader) return fromHeader;
  if (userLocale === 'en' || userLocale === 'zh-CN') return userLocale;
  return 'zh-CN';
}

function langFromHeader(acceptLanguage: string): Lang | null {
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((entry) => entry.tag && entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
  }
  return null;
}

/** Returns the message in the language, with {placeholders} filled. */
export function localize(text: Bilingual, lang: Lang, params: Record<string, string | number> = {}): string {
  const template = lang === 'en' ? text.en : text.zh;
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}
