import { orgScopes } from '../../platform/authz';
import type { Actor } from '../../platform/context';
import { subjectGrants, type SubjectRef } from '../registry/registry.policy';

export const portalPolicies = {
  /** The provider decides access applications: the subject's PI, or its platform. */
  'application.decide': (actor: Actor, subject: SubjectRef) => subjectGrants(actor, ['pi']).includes(subject.id) || orgScopes(actor, ['platform_admin']).includes(subject.platformOrgId),
};
