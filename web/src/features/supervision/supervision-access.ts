import type { Role } from '../../../../common/roles';
import type { Me } from '../auth/auth-types';

const holds = (me: Me, roles: readonly Role[]) => me.grants.some((grant) => roles.includes(grant.role));

/** Policy supervision.read: the oversight roles (not PI-only users); the server narrows to each one's scope. */
export function canSupervise(me: Me): boolean {
  return holds(me, ['sysadmin', 'ministry_admin', 'province_supervisor', 'unit_admin', 'platform_admin']);
}

/** Who may send reminders at all (supervision.remind, per subject on the server); platform admins read but do not remind. */
export function mayRemind(me: Me): boolean {
  return holds(me, ['sysadmin', 'ministry_admin', 'province_supervisor', 'unit_admin']);
}

/** The automatic reminder schedule is the ministry's. */
export function keepsReminderSettings(me: Me): boolean {
  return holds(me, ['sysadmin', 'ministry_admin']);
}

/**
 * Where someone's drill-down starts: national for the ministry and platforms, a province supervisor's department,
 * a unit admin's unit. Only a single regional grant narrows the start; several leave the national view (the server
 * narrows the rows anyway).
 */
export function homeGrant(me: Me): { kind: 'province' | 'unit'; orgId: string } | null {
  if (holds(me, ['sysadmin', 'ministry_admin', 'platform_admin'])) return null;
  const supervisors = me.grants.filter((grant) => grant.role === 'province_supervisor' && grant.scopeId);
  const units = me.grants.filter((grant) => grant.role === 'unit_admin' && grant.scopeId);
  if (supervisors.length === 1 && units.length === 0) return { kind: 'province', orgId: supervisors[0]?.scopeId ?? '' };
  if (units.length === 1 && supervisors.length === 0) return { kind: 'unit', orgId: units[0]?.scopeId ?? '' };
  return null;
}
