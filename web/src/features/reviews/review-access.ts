import type { Role } from '../../../../common/roles';
import type { Me } from '../auth/auth-types';
import { reviewTiers } from '../registry/registry-access';
import type { QueueTier } from './review-types';

const holds = (me: Me, role: Role) => me.grants.some((grant) => grant.role === role);

/**
 * The resource review queues the user works: unit admins the unit tier; platform admins the
 * platform tier, the experts' progress and the releases; experts their own assignments.
 */
export function resourceReviewTiers(me: Me): QueueTier[] {
  const tiers: QueueTier[] = [];
  if (holds(me, 'unit_admin')) tiers.push('unit');
  if (holds(me, 'platform_admin')) tiers.push('platform', 'expert', 'release');
  else if (holds(me, 'expert')) tiers.push('expert');
  return tiers;
}

/** Platform admins see every expert's progress in the expert queue; experts only their assignments. */
export function seesExpertProgress(me: Me): boolean {
  return holds(me, 'platform_admin');
}

/** Who sees "审核待办": anyone with a plan or resource review queue. */
export function hasReviewWork(me: Me): boolean {
  return reviewTiers(me).length > 0 || resourceReviewTiers(me).length > 0;
}
