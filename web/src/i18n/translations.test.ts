import { describe, expect, it } from 'vitest';
import { MESSAGES } from './index';

const zhCN = MESSAGES['zh-CN'] as Record<string, Record<string, string>>;
const en = MESSAGES.en;

function flatKeys(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) =>
    flatKeys(child, prefix ? `${prefix}.${key}` : key),
  );
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();
}

function leaf(tree: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], tree);
}

describe('translations', () => {
  it('zh-CN and en have exactly the same keys', () => {
    const zhKeys = flatKeys(zhCN).sort();
    const enKeys = flatKeys(en).sort();
    expect(zhKeys.filter((k) => !enKeys.includes(k))).toEqual([]);
    expect(enKeys.filter((k) => !zhKeys.includes(k))).toEqual([]);
  });

  it('every text is a non-empty string with the same {{placeholders}} in both languages', () => {
    for (const key of flatKeys(zhCN)) {
      const zh = leaf(zhCN, key);
      const english = leaf(en, key);
      expect(typeof zh, key).toBe('string');
      expect(typeof english, key).toBe('string');
      expect((zh as string).trim(), key).not.toBe('');
      expect((english as string).trim(), key).not.toBe('');
      expect(placeholders(zh as string), key).toEqual(placeholders(english as string));
    }
  });

  it('has a label for every role and organisation kind', async () => {
    const { ROLES, ORG_KINDS } = await import('../../../common/roles');
    for (const role of ROLES) {
      expect(zhCN.roles).toHaveProperty(role);
      expect(zhCN.roleDescriptions).toHaveProperty(role);
    }
    for (const kind of ORG_KINDS) expect(zhCN.orgKinds).toHaveProperty(kind);
  });
});
