import type { FormInstance } from 'antd';
import { ApiError } from '../../api/client';
import { fieldNameFromPath } from '../../components/form-errors';
import type { Bilingual } from '../standards/standard-types';
import { SKIPPABLE_TIERS, type DecisionRule, type ReviewSettings, type ReviewSettingsAnswer, type SkippableTier } from './review-settings-types';

export const DAYS_RANGE = { min: 1, max: 90 } as const;
export const MEAN_RANGE = { min: 1, max: 5 } as const;
export const EXPERTS_RANGE = { min: 1, max: 5 } as const;
export const RUBRIC_SIZE = { min: 1, max: 10 } as const;
export const RUBRIC_KEY = /^[a-z][a-z0-9_]*$/;
export const CSTR_TYPE_CODE = /^\d{2}$/;

/** The settings as the form holds them: the skipped tiers as a matrix of checkboxes per resource type. */
export interface SettingsFormValues {
  reviewDays: number | null;
  returnDays: number | null;
  skip: Record<string, Record<SkippableTier, boolean>>;
  rubric: Array<{ key: string; label: Bilingual }>;
  rule: { requireAllApprove: boolean; minMean: number | null };
  minExperts: number | null;
  cstrTypeCodes: Record<string, string>;
}

/** The API's settings as the form holds them (one row of checkboxes and a CSTR code per offered type). */
export function toFormValues(settings: ReviewSettingsAnswer): SettingsFormValues {
  const skip: SettingsFormValues['skip'] = {};
  const cstrTypeCodes: Record<string, string> = {};
  for (const { type } of settings.resourceTypes) {
    const skipped = settings.skipTiers[type] ?? [];
    skip[type] = { unit: skipped.includes('unit'), expert: skipped.includes('expert') };
    cstrTypeCodes[type] = settings.cstrTypeCodes[type] ?? '';
  }
  return {
    reviewDays: settings.reviewDays,
    returnDays: settings.returnDays,
    skip,
    rubric: settings.rubric.map((criterion) => ({ key: criterion.key, label: { ...criterion.label } })),
    rule: { requireAllApprove: settings.rule.requireAllApprove, minMean: settings.rule.minMean },
    minExperts: settings.minExperts,
    cstrTypeCodes,
  };
}

/**
 * The form's values as the API takes them; call after the form validated. Types the platform no
 * longer offers keep what they had, so saving never silently drops a setting.
 */
export function toSettings(values: SettingsFormValues, original: ReviewSettingsAnswer): ReviewSettings {
  const skipTiers: Record<string, SkippableTier[]> = { ...original.skipTiers };
  const cstrTypeCodes: Record<string, string> = { ...original.cstrTypeCodes };
  for (const { type } of original.resourceTypes) {
    const row = values.skip[type];
    skipTiers[type] = SKIPPABLE_TIERS.filter((tier) => Boolean(row?.[tier]));
    cstrTypeCodes[type] = (values.cstrTypeCodes[type] ?? '').trim();
  }
  return {
    reviewDays: Number(values.reviewDays),
    returnDays: Number(values.returnDays),
    skipTiers,
    rubric: values.rubric.map((criterion) => ({
      key: criterion.key.trim(),
      label: { zh: criterion.label.zh.trim(), en: criterion.label.en.trim() },
    })),
    rule: {
      requireAllApprove: Boolean(values.rule.requireAllApprove),
      minMean: values.rule.minMean === null || values.rule.minMean === undefined ? null : Math.round(Number(values.rule.minMean) * 10) / 10,
    },
    minExperts: Number(values.minExperts),
    cstrTypeCodes,
  };
}

/** Why a decision rule is refused, or null: it must require unanimous approval, a minimum mean, or both. */
export function ruleProblem(rule: Partial<DecisionRule> | undefined): 'none' | 'mean_range' | null {
  const mean = rule?.minMean;
  const hasMean = mean !== null && mean !== undefined;
  if (!rule?.requireAllApprove && !hasMean) return 'none';
  if (hasMean && (mean < MEAN_RANGE.min || mean > MEAN_RANGE.max)) return 'mean_range';
  return null;
}

/** Why a rubric key is refused, or null: lower-case letters, digits and _, starting with a letter, unique. */
export function rubricKeyProblem(key: string | undefined, allKeys: readonly (string | undefined)[]): 'required' | 'pattern' | 'duplicate' | null {
  const value = key?.trim() ?? '';
  if (!value) return 'required';
  if (!RUBRIC_KEY.test(value)) return 'pattern';
  if (allKeys.filter((other) => other?.trim() === value).length > 1) return 'duplicate';
  return null;
}

/** Why a CSTR type code is refused, or null: exactly two digits. */
export function cstrCodeProblem(code: string | undefined): 'required' | 'pattern' | null {
  const value = code?.trim() ?? '';
  if (!value) return 'required';
  return CSTR_TYPE_CODE.test(value) ? null : 'pattern';
}

/** The form field an API error path ("/rubric/0/label/zh", "/rule") belongs to, or null when none shows it. */
export function formFieldOf(path: string, types: readonly string[]): (string | number)[] | null {
  const name = fieldNameFromPath(path);
  const [top, second, third, fourth] = name;
  if (top === 'reviewDays' || top === 'returnDays' || top === 'minExperts') return [top];
  if (top === 'rule') return ['rule', second === 'requireAllApprove' ? 'requireAllApprove' : 'minMean'];
  if (top === 'rubric' && typeof second === 'number') {
    if (third === 'key') return ['rubric', second, 'key'];
    if (third === 'label' && (fourth === 'zh' || fourth === 'en')) return ['rubric', second, 'label', fourth];
    if (third === 'label') return ['rubric', second, 'label', 'zh'];
    return null;
  }
  if (top === 'cstrTypeCodes' && typeof second === 'string' && types.includes(second)) return ['cstrTypeCodes', second];
  return null;
}

/**
 * Puts the API's field errors on the settings form.
 * Returns the message still to show elsewhere, or null when every problem landed on a field.
 */
export function applySettingsErrors(form: FormInstance, error: unknown, types: readonly string[]): string | null {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  const fields: Array<{ name: (string | number)[]; errors: string[] }> = [];
  const rest: string[] = [];
  for (const detail of error.details) {
    const name = formFieldOf(detail.path, types);
    if (name) fields.push({ name, errors: [detail.message || error.message] });
    else rest.push(detail.message || detail.path);
  }
  form.setFields(fields);
  if (fields.length > 0 && rest.length === 0) return null;
  return rest.length > 0 ? `${error.message}: ${rest.join('; ')}` : error.message;
}
