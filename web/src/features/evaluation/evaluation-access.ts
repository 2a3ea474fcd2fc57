import type { Role } from '../../../../common/roles';
import type { Me } from '../auth/auth-types';

/** Roles that carry a subject visibility (experts and plain members have none). */
const EVALUATION_READ_ROLES: readonly Role[] = ['sysadmin', 'ministry_admin', 'province_supervisor', 'unit_admin', 'platform_admin', 'pi', 'submitter'];
const RULE_EDITOR_ROLES: readonly Role[] = ['sysadmin', 'ministry_admin'];

const holds = (me: Me, roles: readonly Role[]) => me.grants.some((grant) => roles.includes(grant.role));

/** Who sees 绩效评价: everyone with a subject visibility (the server narrows the rankings to it). */
export function canReadEvaluation(me: Me): boolean {
  return holds(me, EVALUATION_READ_ROLES);
}

/** The ministry edits the rules and starts runs (policy `evaluation.rules`). */
export function editsEvaluationRules(me: Me): boolean {
  return holds(me, RULE_EDITOR_ROLES);
}

/** A person's record: the ministry's, or one's own (policy `records.read`). */
export function readsPersonRecord(me: Me, userId: string): boolean {
  return editsEvaluationRules(me) || me.user.id === userId;
}

/** A unit's record: the ministry's, or its unit admin's. */
export function readsUnitRecord(me: Me, unitId: string): boolean {
  return editsEvaluationRules(me) || me.grants.some((grant) => grant.role === 'unit_admin' && grant.scopeId === unitId);
}
