import { hasRole, orgScopes } from '../../platform/authz';
import type { Actor } from '../../platform/context';
import type { StandardStatus } from '../../db/schema';

/** A standard version as the policy sees it. */
export interface StandardRef {
  platformOrgId: string | null;
  status: StandardStatus;
  /** Experts assigned to the current review round. */
  expertIds: string[];
}

const managesPlatform = (actor: Actor, platformOrgId: string | null) =>
  hasRole(actor, 'sysadmin') || (platformOrgId !== null && orgScopes(actor, ['platform_admin']).includes(platformOrgId));

const isAssignedExpert = (actor: Actor, ref: StandardRef) =>
  ref.platformOrgId !== null && ref.expertIds.includes(actor.userId) && orgScopes(actor, ['expert']).includes(ref.platformOrgId);

/** Approved and retired versions are public; drafts and versions in review are not. */
export function isPublished(status: StandardStatus): boolean {
  return status === 'approved' || status === 'retired';
}

export const standardPolicies = {
  'standard.read': (actor: Actor, ref: StandardRef) =>
    isPublished(ref.status) || managesPlatform(actor, ref.platformOrgId) || hasRole(actor, 'ministry_admin') || isAssignedExpert(actor, ref),
  'standard.manage': (actor: Actor, ref: { platformOrgId: string | null }) => managesPlatform(actor, ref.platformOrgId),
  'standard.review': (actor: Actor, ref: StandardRef) => isAssignedExpert(actor, ref),
  'standard.create': (actor: Actor, _object: null) => hasRole(actor, 'sysadmin'),
};
