import type { Actor } from '../../platform/context';

export const supervisionPolicies = {
} satisfies Record<string, (actor: Actor, object: never) => boolean>;
