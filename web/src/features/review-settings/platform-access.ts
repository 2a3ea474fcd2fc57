import type { Me } from '../auth/auth-types';

export interface PlatformChoice {
  id: string;
  name: string | null;
}

/** The platforms whose review settings the user keeps: the scopes of their platform_admin grants, in grant order. */
export function administeredPlatforms(me: Me): PlatformChoice[] {
  const seen = new Set<string>();
  const platforms: PlatformChoice[] = [];
  for (const grant of me.grants) {
    if (grant.role !== 'platform_admin' || !grant.scopeId || seen.has(grant.scopeId)) continue;
    seen.add(grant.scopeId);
    platforms.push({ id: grant.scopeId, name: grant.scopeName });
  }
  return platforms;
}

/** Sysadmins may open any platform's review settings. */
export function isSysadmin(me: Me): boolean {
  return me.grants.some((grant) => grant.role === 'sysadmin');
}

/** Who sees "审核设置" in the menu: platform administrators (sysadmins reach any platform's page from /review-settings). */
export function keepsReviewSettings(me: Me): boolean {
  return administeredPlatforms(me).length > 0;
}
