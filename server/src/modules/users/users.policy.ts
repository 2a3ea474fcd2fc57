import { ROLE_SCOPES, type Role } from '../../../../common/roles';
import { hasRole, orgScopes, withinOrgs, type OrgRef } from '../../platform/authz';
import type { Actor } from '../../platform/context';

/** Which users an actor may list: all, those in some organisation subtrees, or none. */
export type UserVisibility = { all: true } | { all: false; roots: string[] };

export function userVisibility(actor: Actor): UserVisibility | null {
  if (hasRole(actor, 'sysadmin', 'ministry_admin')) return { all: true };
  const roots = orgScopes(actor, ['unit_admin']);
  return roots.length > 0 ? { all: false, roots } : null;
}

/** A user as the policy sees it: id and the organisation they belong to. */
export interface UserRef {
  id: string;
  org: OrgRef | null;
}

/** A grant being made or revoked: the role, the target user and the scope organisation. */
export interface GrantRef {
  role: Role;
  user: UserRef;
  scopeOrg: OrgRef | null;
}

/** Roles a unit admin may hand out inside their own unit. */
const UNIT_GRANTABLE: readonly Role[] = ['unit_admin'];

const managesUser = (actor: Actor, org: OrgRef | null) =>
  hasRole(actor, 'sysadmin') || withinOrgs(org, orgScopes(actor, ['unit_admin']));

export const userPolicies = {
  'user.list': (actor: Actor, _object: null) => userVisibility(actor) !== null,
  'user.read': (actor: Actor, user: UserRef) => {
    if (actor.userId === user.id) return true;
    const visibility = userVisibility(actor);
    return visibility !== null && (visibility.all || withinOrgs(user.org, visibility.roots));
  },
  /** Creating a user in an organisation, or editing one who belongs to it. */
  'user.manage': (actor: Actor, org: OrgRef | null) => managesUser(actor, org),
  'grant.manage': (actor: Actor, grant: GrantRef) => {
    if (hasRole(actor, 'sysadmin')) return true;
    if (!UNIT_GRANTABLE.includes(grant.role) || ROLE_SCOPES[grant.role].type !== 'organisation') return false;
    const units = orgScopes(actor, ['unit_admin']);
    return withinOrgs(grant.user.org, units) && withinOrgs(grant.scopeOrg, units);
  },
};
