import { hasRole, orgScopes, withinOrgs } from '../../platform/authz';
import type { Actor } from '../../platform/context';
import { subjectVisibility } from '../registry/registry.policy';

/** Whose record (履历) is asked for: a person, or a unit with its ancestors (self first). */
export type RecordRef = { kind: 'person'; userId: string } | { kind: 'unit'; orgPath: string[] };

export const evaluationPolicies = {
  /** Editing the rule set and starting runs: the ministry (and sysadmin). */
  'evaluation.rules': (actor: Actor, _object: null) => hasRole(actor, 'sysadmin', 'ministry_admin'),
  /** Scores, runs and rules: everyone who sees some subjects; lists are narrowed to those subjects. */
  'evaluation.read': (actor: Actor, _object: null) => subjectVisibility(actor) !== null,
  /** A person's or a unit's record: the ministry, the person themself, the unit's admins. */
  'records.read': (actor: Actor, record: RecordRef) =>
    hasRole(actor, 'sysadmin', 'ministry_admin')
    || (record.kind === 'person' && record.userId === actor.userId)
    || (record.kind === 'unit' && withinOrgs({ id: record.orgPath[0] ?? '', path: record.orgPath }, orgScopes(actor, ['unit_admin']))),
  /** The reuse inbox: platform admins (their resources) and the ministry (all). */
  'reuse.inbox': (actor: Actor, _object: null) => hasRole(actor, 'sysadmin', 'ministry_admin', 'platform_admin'),
  /** Accepting or rejecting a reuse report: the admins of the resource's platform. */
  'reuse.decide': (actor: Actor, resource: { platformOrgId: string }) => orgScopes(actor, ['platform_admin']).includes(resource.platformOrgId),
} satisfies Record<string, (actor: Actor, object: never) => boolean>;
