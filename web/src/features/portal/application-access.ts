import type { Me } from '../auth/auth-types';

/** Who sees "申请审批": providers of resources that may need an application (subject PIs, platform admins); the API decides per application. */
export function decidesApplications(me: Me): boolean {
  return me.grants.some((grant) => grant.role === 'pi' || grant.role === 'platform_admin');
}
