import type { Role } from '../../../common/roles';
import { AppError } from './errors';
import type { Actor } from './context';
import { orgPolicies } from '../modules/orgs/orgs.policy';
import { userPolicies } from '../modules/users/users.policy';
import { auditPolicies } from '../modules/audit/audit.policy';
import { authPolicies } from '../modules/auth/auth.policy';
import { standardPolicies } from '../modules/standards/standards.policy';
import { registryPolicies } from '../modules/registry/registry.policy';
import { reviewPolicies } from '../modules/reviews/reviews.policy';
import { portalPolicies } from '../modules/portal/portal.policy';
import { usagePolicies } from '../modules/usage/usage.policy';
import { supervisionPolicies } from '../modules/supervision/supervision.policy';
import { evaluationPolicies } from '../modules/evaluation/evaluation.policy';
import { reportPolicies } from '../modules/reports/reports.policy';

/**
 * The single authorisation point (DESIGN §4). Each module states its rules in <module>.policy.ts as
 * pure functions of (actor, object); services call authorize() before touching an object.
 */
const POLICIES = { ...orgPolicies, ...userPolicies, ...auditPolicies, ...authPolicies, ...standardPolicies, ...registryPolicies, ...reviewPolicies, ...portalPolicies, ...usagePolicies, ...supervisionPolicies, ...evaluationPolicies, ...reportPolicies };

type Policies = typeof POLICIES;
export type Action = keyof Policies;
export type PolicyObject<A extends Action> = Parameters<Policies[A]>[1];

/** True when the actor may perform the action on the object. */
export function can<A extends Action>(actor: Actor | null, action: A, object: PolicyObject<A>): boolean {
  if (!actor) return false;
  const policy = POLICIES[action] as (actor: Actor, object: PolicyObject<A>) => boolean;
  return policy(actor, object);
}

/** Throws 401 without an actor and 403 when the policy refuses. */
export function authorize<A extends Action>(actor: Actor | null, action: A, object: PolicyObject<A>): asserts actor is Actor {
  if (!actor) throw new AppError('auth.unauthenticated');
  if (!can(actor, action, object)) throw new AppError('auth.forbidden');
}

/** Shorthand for the actor's grants of some roles. */
export function grantsOf(actor: Actor, roles: readonly Role[]) {
  return actor.grants.filter((grant) => roles.includes(grant.role));
}

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return grantsOf(actor, roles).length > 0;
}

/** Organisation ids the actor's grants of these roles are scoped to. */
export function orgScopes(actor: Actor, roles: readonly Role[]): string[] {
  return grantsOf(actor, roles)
    .filter((grant) => grant.scopeType === 'organisation' && grant.scopeId)
    .map((grant) => grant.scopeId as string);
}

/** An organisation together with its ancestors (self first), which scope checks need. */
export interface OrgRef {
  id: string;
  path: string[];
}

/** True when the organisation is one of the scope roots or lies below one. */
export function withinOrgs(org: OrgRef | null, roots: readonly string[]): boolean {
  if (!org) return false;
  return org.path.some((id) => roots.includes(id));
}
