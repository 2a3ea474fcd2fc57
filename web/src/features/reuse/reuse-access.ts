import type { Role } from '../../../../common/roles';
import type { Me } from '../auth/auth-types';

const REVIEWER_ROLES: readonly Role[] = ['platform_admin', 'ministry_admin', 'sysadmin'];

/** Who sees "成效审核": platform admins decide on reuse of their platform's resources; the ministry and sysadmins see all. */
export function reviewsReuse(me: Me): boolean {
  return me.grants.some((grant) => REVIEWER_ROLES.includes(grant.role));
}
