import type { Actor } from '../../platform/context';

export const authPolicies = {
  /** Personal API tokens are managed by their owner only, and never through a token. */
  'token.manage': (actor: Actor, token: { userId: string }) => actor.userId === token.userId && actor.via === 'session',
  'account.update': (actor: Actor, user: { id: string }) => actor.userId === user.id,
};
