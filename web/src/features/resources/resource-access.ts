import type { Me } from '../auth/auth-types';

/** Who sees "实物接收": the staff (unit administrators) of an organisation of kind repository. */
export function canReceiveDeposits(me: Me): boolean {
  return me.grants.some((grant) => grant.role === 'unit_admin' && grant.scopeKind === 'repository');
}
