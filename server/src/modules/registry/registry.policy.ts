import { grantsOf, hasRole, orgScopes, withinOrgs } from '../../platform/authz';
import type { Actor } from '../../platform/context';

/** A subject as the policy sees it: who undertakes it, where, and which platform receives it. */
export interface SubjectRef {
  id: string;
  /** Lead unit and co-undertaking units, each with its ancestors (self first). */
  unitPaths: string[][];
  leadUnitPath: string[];
  platformOrgId: string;
  /** Provincial departments whose region is the subject's region. */
  provinceDeptIds: string[];
}

/** Subject ids the actor holds a subject-scoped grant for (PI or submitter). */
export function subjectGrants(actor: Actor, roles: Array<'pi' | 'submitter'> = ['pi', 'submitter']): string[] {
  return grantsOf(actor, roles).filter((g) => g.scopeType === 'subject' && g.scopeId).map((g) => g.scopeId as string);
}

/** How the registry list is narrowed for an actor; null means the actor sees no subjects at all. */
export interface SubjectVisibility {
  all: boolean;
  subjectIds: string[];
  unitRoots: string[];
  platformIds: string[];
  provinceDeptIds: string[];
}

export function subjectVisibility(actor: Actor): SubjectVisibility | null {
  if (hasRole(actor, 'sysadmin', 'ministry_admin')) return { all: true, subjectIds: [], unitRoots: [], platformIds: [], provinceDeptIds: [] };
  const visibility = {
    all: false,
    subjectIds: subjectGrants(actor),
    unitRoots: orgScopes(actor, ['unit_admin']),
    platformIds: orgScopes(actor, ['platform_admin']),
    provinceDeptIds: orgScopes(actor, ['province_supervisor']),
  };
  const any = visibility.subjectIds.length + visibility.unitRoots.length + visibility.platformIds.length + visibility.provinceDeptIds.length;
  return any > 0 ? visibility : null;
}

export const unitAdminOf = (actor: Actor, paths: string[][]) => paths.some((path) => withinOrgs({ id: path[0] ?? '', path }, orgScopes(actor, ['unit_admin'])));

export const registryPolicies = {
  'registry.manage': (actor: Actor, _object: null) => hasRole(actor, 'sysadmin', 'ministry_admin'),
  'registry.list': (actor: Actor, _object: null) => subjectVisibility(actor) !== null,
  'subject.read': (actor: Actor, subject: SubjectRef) =>
    hasRole(actor, 'sysadmin', 'ministry_admin')
    || subjectGrants(actor).includes(subject.id)
    || unitAdminOf(actor, subject.unitPaths)
    || orgScopes(actor, ['platform_admin']).includes(subject.platformOrgId)
    || subject.provinceDeptIds.some((id) => orgScopes(actor, ['province_supervisor']).includes(id)),
  /** Editing a subject's registry record: the registry managers, or the lead unit's admin. */
  'subject.update': (actor: Actor, subject: SubjectRef) => hasRole(actor, 'sysadmin', 'ministry_admin') || unitAdminOf(actor, [subject.leadUnitPath]),
  /** The PI designates and revokes submitters (汇交义务人). */
  'subject.designate': (actor: Actor, subject: SubjectRef) => hasRole(actor, 'sysadmin') || subjectGrants(actor, ['pi']).includes(subject.id),
  'plan.edit': (actor: Actor, subject: SubjectRef) => subjectGrants(actor).includes(subject.id),
  /** Describing resources, uploading files and recording deposits: the subject's PI and submitters. */
  'resource.edit': (actor: Actor, subject: SubjectRef) => subjectGrants(actor).includes(subject.id),
  'plan.review_unit': (actor: Actor, subject: SubjectRef) => unitAdminOf(actor, [subject.leadUnitPath]),
  'plan.review_platform': (actor: Actor, subject: SubjectRef) => orgScopes(actor, ['platform_admin']).includes(subject.platformOrgId),
  /** Commenting on a plan: whoever may edit or review it. */
  'plan.comment': (actor: Actor, subject: SubjectRef) =>
    subjectGrants(actor).includes(subject.id) || unitAdminOf(actor, [subject.leadUnitPath]) || orgScopes(actor, ['platform_admin']).includes(subject.platformOrgId),
};
