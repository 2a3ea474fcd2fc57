import { useTranslation } from 'react-i18next';
import { localName } from '../../components/format';
import { useOrgs } from '../orgs/orgs-api';

/**
 * Names an organisation in the UI language. The registry API gives Chinese names; the English
 * name comes from the organisations the user may see, else the Chinese name stays.
 */
export function useOrgName(): (id: string | null | undefined, fallback: string) => string {
  const { i18n } = useTranslation();
  const { data: orgs } = useOrgs();
  return (id, fallback) => {
    if (i18n.language !== 'en' || !id) return fallback;
    const org = orgs?.find((o) => o.id === id);
    return org ? localName(org, i18n.language) : fallback;
  };
}
