import { useMemo } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ResourceDetail } from '../resources/resource-types';
import { localLabel } from '../standards/standard-types';
import { useStandardVersion } from '../standards/standards-api';
import { LICENCES } from './review-types';

/** A licence's name ("CC BY 4.0 署名"), or its code when unknown. */
export function licenceLabel(code: string, t: TFunction): string {
  const known = LICENCES.find((licence) => licence.code === code);
  return known ? t(`reviews.licences.${known.key}`) : code;
}

export function sharingModeLabel(mode: string | null, t: TFunction): string {
  return mode ? t(`reviews.sharingModes.${mode}`, { defaultValue: mode }) : '—';
}

export interface FieldOption {
  value: string;
  label: string;
}

/** The top-level fields of the resource's type in its standard version, labelled in the UI language. */
export function useFieldOptions(resource: Pick<ResourceDetail, 'standardVersionId' | 'resourceType'>) {
  const { i18n } = useTranslation();
  const version = useStandardVersion(resource.standardVersionId);
  const fields = version.data?.types.find((type) => type.type === resource.resourceType)?.fields;
  return useMemo(() => {
    const options: FieldOption[] = (fields ?? []).map((field) => ({ value: field.key, label: localLabel(field.label, i18n.language) }));
    const labelOf = (key: string) => options.find((option) => option.value === key)?.label ?? key;
    return { options, labelOf };
  }, [fields, i18n.language]);
}
