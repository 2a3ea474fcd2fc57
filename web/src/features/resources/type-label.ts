import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { localLabel, type Bilingual } from '../standards/standard-types';

/** A resource type's name in the UI language: the standard's label when known, else the six types of DESIGN §3. */
export function useTypeLabel(types: ReadonlyArray<{ type: string; label: Bilingual }> = []) {
  const { t, i18n } = useTranslation();
  return useCallback(
    (type: string) => {
      const known = types.find((option) => option.type === type);
      return known ? localLabel(known.label, i18n.language) : t(`resources.types.${type}`, { defaultValue: type });
    },
    [types, t, i18n.language],
  );
}
