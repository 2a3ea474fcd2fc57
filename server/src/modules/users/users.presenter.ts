import type { RoleGrant, User } from '../../db/schema';

/** The API shape of a user; never the password hash. */
export function presentUser(user: User) {
  return {
    id: user.id,
    username: user.username,
    email: user.email,
    displayName: user.displayName,
    phone: user.phone,
    orcid: user.orcid,
    orgId: user.orgId,
    locale: user.locale,
    status: user.status,
    createdAt: new Date(user.createdAt).toISOString(),
  };
}
export type PresentedUser = ReturnType<typeof presentUser>;

export function presentGrant(grant: Pick<RoleGrant, 'id' | 'role' | 'scopeType' | 'scopeId'> & { scopeName?: string | null; scopeKind?: string | null }) {
  return {
    id: grant.id,
    role: grant.role,
    scopeType: grant.scopeType,
    scopeId: grant.scopeId,
    scopeName: grant.scopeName ?? null,
    scopeKind: grant.scopeKind ?? null,
  };
}
