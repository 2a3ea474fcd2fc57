import { hasRole, orgScopes } from '../../platform/authz';
import type { Actor } from '../../platform/context';
import { subjectGrants, unitAdminOf, type SubjectRef } from '../registry/registry.policy';

/** A resource in expert review as the policy sees it: its platform and the experts assigned to it. */
export interface ExpertRef {
  platformOrgId: string;
  expertIds: string[];
}

const platformAdminOf = (actor: Actor, platformOrgId: string) => orgScopes(actor, ['platform_admin']).includes(platformOrgId);

export const reviewPolicies = {
  /** Unit review (单位把关): the lead unit's administrators. */
  'resource.review_unit': (actor: Actor, subject: SubjectRef) => unitAdminOf(actor, [subject.leadUnitPath]),
  /** Platform curation, expert assignment, release and withdrawal: the subject's platform. */
  'resource.review_platform': (actor: Actor, subject: SubjectRef) => platformAdminOf(actor, subject.platformOrgId),
  'resource.release': (actor: Actor, subject: SubjectRef) => platformAdminOf(actor, subject.platformOrgId),
  /** An assigned expert of the platform reads the resource and gives an opinion; nobody else through this door. */
  'resource.expert_review': (actor: Actor, ref: ExpertRef) => ref.expertIds.includes(actor.userId) && orgScopes(actor, ['expert']).includes(ref.platformOrgId),
  /** Comment threads: the submitters and the unit and platform reviewers (assigned experts via resource.expert_review). */
  'resource.comment': (actor: Actor, subject: SubjectRef) =>
    subjectGrants(actor).includes(subject.id) || unitAdminOf(actor, [subject.leadUnitPath]) || platformAdminOf(actor, subject.platformOrgId),
  /** Resolving a thread is a reviewer's call. */
  'resource.resolve_comment': (actor: Actor, subject: SubjectRef) => unitAdminOf(actor, [subject.leadUnitPath]) || platformAdminOf(actor, subject.platformOrgId),
  'review.settings': (actor: Actor, platformOrgId: string) => hasRole(actor, 'sysadmin') || platformAdminOf(actor, platformOrgId),
  /** Waivers and the collection certificate (汇交凭证): the subject's platform. */
  'subject.certify': (actor: Actor, subject: SubjectRef) => platformAdminOf(actor, subject.platformOrgId),
};
