import type { Actor } from '../../platform/context';
import { subjectVisibility } from '../registry/registry.policy';

export const usagePolicies = {
  /**
   * Usage summaries of a subject, project, unit, program or platform: whoever may read subjects at all
   * (DESIGN §4 scopes). The figures are narrowed to the subjects the actor may read, and a level
   * object none of whose subjects they may read is refused.
   */
  'usage.summary': (actor: Actor, _object: null) => subjectVisibility(actor) !== null,
};
