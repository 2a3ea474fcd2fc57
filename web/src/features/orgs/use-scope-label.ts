import { useTranslation } from 'react-i18next';
import { localName } from '../../components/format';
import type { Grant } from '../auth/auth-types';
import { useOrgs } from './orgs-api';

/** Names a grant's scope in the UI language (the API's scopeName is the Chinese name). */
export function useScopeLabel(): (grant: Grant) => string {
  const { t, i18n } = useTranslation();
  const { data: orgs } = useOrgs();
  return (grant) => {
    if (grant.scopeType === 'platform') return t('grants.platformWide');
    const org = grant.scopeType === 'organisation' ? orgs?.find((o) => o.id === grant.scopeId) : undefined;
    return org ? localName(org, i18n.language) : (grant.scopeName ?? grant.scopeId ?? '—');
  };
}
