import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import zhCN from './zh-CN.json';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';
const STORAGE_KEY = 'hj.lang';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The language the user chose on this browser, or null if they never chose one. */
export function storedLanguage(): Language | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

export function storeLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
}

type Messages = Record<string, unknown>;

/**
 * Messages: the shell's files plus one pair per feature in ./modules (<feature>.zh-CN.json and
 * <feature>.en.json), each owning its own top-level keys so features never edit the same file.
 */
function merge(base: Messages, modules: Record<string, Messages>): Messages {
  const merged: Messages = { ...base };
  for (const [file, messages] of Object.entries(modules)) {
    for (const [key, value] of Object.entries(messages)) {
      if (key in merged) throw new Error(`i18n key "${key}" of ${file} is already defined`);
      merged[key] = value;
    }
  }
  return merged;
}

export const MESSAGES: Record<Language, Messages> = {
  'zh-CN': merge(zhCN, import.meta.glob<Messages>('./modules/*.zh-CN.json', { eager: true, import: 'default' })),
  en: merge(en, import.meta.glob<Messages>('./modules/*.en.json', { eager: true, import: 'default' })),
};

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: MESSAGES['zh-CN'] }, en: { translation: MESSAGES.en } },
  lng: storedLanguage() ?? DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

/** The current UI language, always one of LANGUAGES. */
export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
}

/** Switches the UI language and remembers it on this browser. */
export async function changeLanguage(language: Language): Promise<void> {
  storeLanguage(language);
  document.documentElement.lang = language;
  await i18n.changeLanguage(language);
}
