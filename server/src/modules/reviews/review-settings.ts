import type { Kysely } from 'kysely';
import type { DB, ReviewTier, SharingMode } from '../../db/schema';
import type { Config } from '../../config';
import type { Bilingual, Lang } from '../../platform/i18n';
import { AppError, type ErrorDetail } from '../../platform/errors';
import { RESOURCE_TYPES } from '../standards/standard-document';

export const SHARING_MODES: readonly SharingMode[] = ['open', 'registered', 'application', 'embargo', 'offline', 'restricted'];
export const TIERS: readonly ReviewTier[] = ['unit', 'platform', 'expert'];
/** Tiers a platform may skip per resource type; platform curation stays, since the platform releases. */
export const SKIPPABLE = ['unit', 'expert'] as const;

export const LICENCES: ReadonlyArray<{ id: string; label: Bilingual }> = [
  { id: 'CC-BY-4.0', label: { zh: '知识共享 署名 4.0', en: 'Creative Commons Attribution 4.0' } },
  { id: 'CC-BY-NC-4.0', label: { zh: '知识共享 署名-非商业性使用 4.0', en: 'Creative Commons Attribution-NonCommercial 4.0' } },
  { id: 'CC-BY-SA-4.0', label: { zh: '知识共享 署名-相同方式共享 4.0', en: 'Creative Commons Attribution-ShareAlike 4.0' } },
  { id: 'CC0-1.0', label: { zh: 'CC0 公共领域贡献', en: 'CC0 1.0 Public Domain Dedication' } },
  { id: 'platform-agreement', label: { zh: '平台数据使用协议', en: 'Platform data use agreement' } },
];

/** How a platform runs review: deadlines, skipped tiers, the expert rubric and decision rule, CSTR type codes. */
export interface ReviewSettings {
  reviewDays: number;
  returnDays: number;
  skipTiers: Record<string, Array<(typeof SKIPPABLE)[number]>>;
  rubric: Array<{ key: string; label: Bilingual }>;
  rule: { requireAllApprove: boolean; minMean: number | null };
  minExperts: number;
  cstrTypeCodes: Record<string, string>;
}

export function defaultSettings(config: Pick<Config, 'reviewDays' | 'returnDays'>): ReviewSettings {
  return {
    reviewDays: config.reviewDays,
    returnDays: config.returnDays,
    skipTiers: {},
    rubric: [
      { key: 'quality', label: { zh: '科学质量', en: 'Scientific quality' } },
      { key: 'completeness', label: { zh: '完整性', en: 'Completeness' } },
      { key: 'usability', label: { zh: '可用性', en: 'Usability' } },
    ],
    rule: { requireAllApprove: true, minMean: 3 },
    minExperts: 1,
    // GB/T 32843 type codes seen in use; instruments and physical resources use configured ones.
    cstrTypeCodes: { data: '11', report: '13', publication: '14', patent_standard: '16', instrument: '21', physical: '22' },
  };
}

/** The platform's stored settings over the defaults (a platform that never saved any runs on the defaults). */
export async function loadSettings(db: Kysely<DB>, platformOrgId: string, config: Pick<Config, 'reviewDays' | 'returnDays'>): Promise<ReviewSettings> {
  const row = await db.selectFrom('reviewSettings').select('settings').where('platformOrgId', '=', platformOrgId).executeTakeFirst();
  const defaults = defaultSettings(config);
  if (!row) return defaults;
  const stored = row.settings as Partial<ReviewSettings>;
  return { ...defaults, ...stored, cstrTypeCodes: { ...defaults.cstrTypeCodes, ...(stored.cstrTypeCodes ?? {}) } };
}

/** Rules the JSON schema cannot state; every problem is reported at once. */
export function checkSettings(input: ReviewSettings, lang: Lang): void {
  const problems: ErrorDetail[] = [];
  const problem = (path: string, zh: string, en: string) => problems.push({ path, code: 'review.settings_invalid', message: lang === 'en' ? en : zh });
  for (const [type, tiers] of Object.entries(input.skipTiers)) {
    if (!(RESOURCE_TYPES as readonly string[]).includes(type)) problem(`/skipTiers/${type}`, `未知的资源类型 ${type}`, `unknown resource type ${type}`);
    if (new Set(tiers).size !== tiers.length) problem(`/skipTiers/${type}`, '重复的审核层级', 'a tier is listed twice');
  }
  const keys = input.rubric.map((c) => c.key);
  keys.forEach((key, i) => {
    if (keys.indexOf(key) !== i) problem(`/rubric/${i}/key`, `评分项标识 ${key} 重复`, `criterion key ${key} is repeated`);
  });
  input.rubric.forEach((c, i) => {
    if (!c.label.zh.trim() || !c.label.en.trim()) problem(`/rubric/${i}/label`, '评分项须有中英文名称', 'a criterion needs zh and en labels');
  });
  if (!input.rule.requireAllApprove && input.rule.minMean === null) problem('/rule', '至少选择一条通过规则', 'choose at least one decision rule');
  for (const [type, code] of Object.entries(input.cstrTypeCodes)) {
    if (!(RESOURCE_TYPES as readonly string[]).includes(type)) problem(`/cstrTypeCodes/${type}`, `未知的资源类型 ${type}`, `unknown resource type ${type}`);
    if (!/^\d{2}$/.test(code)) problem(`/cstrTypeCodes/${type}`, '类型代码须为两位数字', 'a type code is two digits');
  }
  for (const type of RESOURCE_TYPES) {
    if (!input.cstrTypeCodes[type]) problem(`/cstrTypeCodes/${type}`, `缺少资源类型 ${type} 的代码`, `the code of ${type} is missing`);
  }
  if (problems.length > 0) throw new AppError('review.settings_invalid', {}, problems);
}

/** The tiers a resource of this type passes, in order, with the skipped ones marked. */
export function routeFor(settings: ReviewSettings, resourceType: string): Array<{ tier: ReviewTier; skipped: boolean }> {
  const skipped = new Set<string>(settings.skipTiers[resourceType] ?? []);
  return TIERS.map((tier) => ({ tier, skipped: skipped.has(tier) }));
}

export const STATUS_OF_TIER = { unit: 'unit_review', platform: 'platform_review', expert: 'expert_review' } as const;

export function tierOfStatus(status: string): ReviewTier | null {
  if (status === 'unit_review') return 'unit';
  if (status === 'platform_review') return 'platform';
  if (status === 'expert_review') return 'expert';
  return null;
}
