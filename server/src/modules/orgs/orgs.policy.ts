import { hasRole, orgScopes, withinOrgs, type OrgRef } from '../../platform/authz';
import type { Actor } from '../../platform/context';

/** Roles whose organisation scope lets them see that part of the organisation tree. */
const SCOPED_READERS = ['platform_admin', 'expert', 'province_supervisor', 'unit_admin'] as const;

/** Which organisations an actor sees: all, or the subtrees below some roots (plus their own). */
export type OrgVisibility = { all: true } | { all: false; roots: string[] };

export function orgVisibility(actor: Actor): OrgVisibility {
  if (hasRole(actor, 'sysadmin', 'ministry_admin')) return { all: true };
  const roots = orgScopes(actor, SCOPED_READERS);
  if (actor.orgId) roots.push(actor.orgId);
  return { all: false, roots: [...new Set(roots)] };
}

export const orgPolicies = {
  'org.list': (_actor: Actor, _object: null) => true,
  'org.read': (actor: Actor, org: OrgRef | null) => {
    const visibility = orgVisibility(actor);
    return visibility.all || withinOrgs(org, visibility.roots);
  },
  'org.manage': (actor: Actor, _object: null) => hasRole(actor, 'sysadmin'),
};
