import type { Role } from '../../../../common/roles';
import type { Me } from '../auth/auth-types';

/** Roles whose holders may list subjects (the server narrows the list to their scope). */
const SUBJECT_LIST_ROLES: readonly Role[] = ['sysadmin', 'ministry_admin', 'unit_admin', 'platform_admin', 'province_supervisor', 'pi', 'submitter'];

const holds = (me: Me, roles: readonly Role[]) => me.grants.some((grant) => roles.includes(grant.role));

/** PIs and submitters: someone with a subject-scoped grant has work of their own. */
export function hasSubjectWork(me: Me): boolean {
  return me.grants.some((grant) => grant.scopeType === 'subject');
}

export function canListSubjects(me: Me): boolean {
  return holds(me, SUBJECT_LIST_ROLES);
}

/** The registry managers create programs, projects and subjects and import them in bulk. */
export function isRegistryManager(me: Me): boolean {
  return holds(me, ['sysadmin', 'ministry_admin']);
}

export type ReviewTier = 'unit' | 'platform';

/** The plan review steps the user takes: unit admins review for their unit, platform admins for their platform. */
export function reviewTiers(me: Me): ReviewTier[] {
  const tiers: ReviewTier[] = [];
  if (holds(me, ['unit_admin'])) tiers.push('unit');
  if (holds(me, ['platform_admin'])) tiers.push('platform');
  return tiers;
}
