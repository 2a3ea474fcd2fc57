import type { Role } from '../../../common/roles';
import type { ScopeType } from '../db/schema';
import type { Lang } from './i18n';

/** One role grant as the authoriser sees it. */
export interface ActorGrant {
  id: string;
  role: Role;
  scopeType: ScopeType;
  scopeId: string | null;
}

/** The authenticated user behind a request (session cookie or API token). */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  orgId: string | null;
  locale: string;
  grants: ActorGrant[];
  via: 'session' | 'token' | 'operator';
  readOnly: boolean;
}

/** What a service needs to know about the request it serves; services never see request/reply. */
export interface Ctx {
  actor: Actor | null;
  requestId: string;
  ip: string;
  lang: Lang;
}

/**
 * The operator at the command line (who already holds the database): acts as sysadmin, audited
 * under their OS login, with no user row behind it.
 */
export function operatorCtx(osUser: string): Ctx {
  const actor: Actor = {
    userId: '', username: `cli:${osUser}`, displayName: osUser, orgId: null, locale: 'zh-CN',
    grants: [{ id: 'operator', role: 'sysadmin', scopeType: 'platform', scopeId: null }], via: 'operator', readOnly: false,
  };
  return { actor, requestId: 'cli', ip: '127.0.0.1', lang: 'zh-CN' };
}

/** A context for work that no request started (jobs, demo loader). */
export function systemCtx(label = 'system'): Ctx {
  return { actor: null, requestId: label, ip: '127.0.0.1', lang: 'zh-CN' };
}
