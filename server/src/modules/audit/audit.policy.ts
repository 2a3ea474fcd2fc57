import { hasRole } from '../../platform/authz';
import type { Actor } from '../../platform/context';

export const auditPolicies = {
  'audit.read': (actor: Actor, _object: null) => hasRole(actor, 'sysadmin', 'ministry_admin'),
  'audit.verify': (actor: Actor, _object: null) => hasRole(actor, 'sysadmin', 'ministry_admin'),
};
