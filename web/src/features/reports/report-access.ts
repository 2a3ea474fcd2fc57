import type { Me } from '../auth/auth-types';

/** Who sees "利用报告": the ministry and sysadmins generate reports and keep their schedule and recipients. */
export function managesReports(me: Me): boolean {
  return me.grants.some((grant) => grant.role === 'ministry_admin' || grant.role === 'sysadmin');
}
