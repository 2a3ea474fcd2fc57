import type { Actor } from '../../platform/context';

export const reportPolicies = {
} satisfies Record<string, (actor: Actor, object: never) => boolean>;
