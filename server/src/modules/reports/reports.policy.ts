import { hasRole } from '../../platform/authz';
import type { Actor } from '../../platform/context';

/** Utilisation reports are the ministry's: it orders them, reads them and says who receives them. */
export const reportPolicies = {
  'report.manage': (actor: Actor, _object: null) => hasRole(actor, 'sysadmin', 'ministry_admin'),
  'report.read': (actor: Actor, _object: null) => hasRole(actor, 'sysadmin', 'ministry_admin'),
};
