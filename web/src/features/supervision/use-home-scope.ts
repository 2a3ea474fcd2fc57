import { useOrg } from '../orgs/orgs-api';
import type { Me } from '../auth/auth-types';
import { homeGrant } from './supervision-access';
import { provinceOf } from './supervision-filter';

export interface HomeScope {
  /** False while the start of a province supervisor's drill-down is being looked up. */
  ready: boolean;
  level: 'national' | 'province' | 'unit';
  province?: string;
  unitId?: string;
}

/** Where the user's drill-down starts (see homeGrant): the province of a supervisor's department, or a unit admin's unit. */
export function useHomeScope(me: Me): HomeScope {
  const grant = homeGrant(me);
  const department = useOrg(grant?.kind === 'province' ? grant.orgId : null);
  if (!grant) return { ready: true, level: 'national' };
  if (grant.kind === 'unit') return { ready: true, level: 'unit', unitId: grant.orgId };
  if (department.isPending) return { ready: false, level: 'province' };
  const province = provinceOf(department.data?.regionCode);
  // A department without a region (or one we may not read) starts nationally; the server narrows the rows anyway.
  return province ? { ready: true, level: 'province', province } : { ready: true, level: 'national' };
}
