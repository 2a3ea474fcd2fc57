import type { Actor } from '../../platform/context';

export const evaluationPolicies = {
} satisfies Record<string, (actor: Actor, object: never) => boolean>;
