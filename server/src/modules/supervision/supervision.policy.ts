import { hasRole, orgScopes } from '../../platform/authz';
import type { Actor } from '../../platform/context';
import { unitAdminOf, type SubjectRef } from '../registry/registry.policy';

/** Supervision (docs/supervision-and-evaluation.md): who reads the dashboards and who reminds whom. */
export const supervisionPolicies = {
  /** Dashboards, lists, export and the reminder log; PI-only users have their own pages instead. */
  'supervision.read': (actor: Actor, _object: null) => hasRole(actor, 'sysadmin', 'ministry_admin', 'province_supervisor', 'unit_admin', 'platform_admin'),
  /** Reminding a subject's PI and submitters: the ministry, the supervisor of its region, the admin of one of its units. */
  'supervision.remind': (actor: Actor, subject: SubjectRef) =>
    hasRole(actor, 'sysadmin', 'ministry_admin')
    || subject.provinceDeptIds.some((id) => orgScopes(actor, ['province_supervisor']).includes(id))
    || unitAdminOf(actor, subject.unitPaths),
  /** Whether the actor may remind any subject at all (platform admins read but do not remind). */
  'supervision.send_reminders': (actor: Actor, _object: null) => hasRole(actor, 'sysadmin', 'ministry_admin', 'province_supervisor', 'unit_admin'),
  /** The automatic reminder schedule is the ministry's. */
  'supervision.configure': (actor: Actor, _object: null) => hasRole(actor, 'sysadmin', 'ministry_admin'),
} satisfies Record<string, (actor: Actor, object: never) => boolean>;
