import type { TFunction } from 'i18next';

/** Colours of the sharing-mode tags: green the open end, orange the guarded end. */
export const SHARING_MODE_COLOURS: Record<string, string> = {
  open: 'green',
  registered: 'cyan',
  application: 'gold',
  embargo: 'orange',
  offline: 'purple',
  restricted: 'red',
};

export function sharingModeName(mode: string, t: TFunction): string {
  return t(`portal.sharingModes.${mode}`, { defaultValue: mode });
}

/** 12,345 / 12,345 in the UI language. */
export function formatCount(value: number, language: string): string {
  return new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'zh-CN').format(value);
}

/** "7f3a…c9e2": enough of a checksum to compare by eye; the whole value is copied. */
export function shortHash(sha: string): string {
  return sha.length > 16 ? `${sha.slice(0, 8)}…${sha.slice(-8)}` : sha;
}

