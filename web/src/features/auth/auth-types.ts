import type { Role } from '../../../../common/roles';

export type ScopeType = 'platform' | 'organisation' | 'subject';

/** One role a user holds, with the object it is scoped to (none for platform-wide roles). */
export interface Grant {
  id: string;
  role: Role;
  scopeType: ScopeType;
  scopeId: string | null;
  scopeName: string | null;
  /** Kind of the scope organisation (unit, repository, …), when the grant is organisation-scoped. */
  scopeKind?: string | null;
}

export interface User {
  id: string;
  username: string;
  email: string | null;
  displayName: string;
  phone: string | null;
  orcid: string | null;
  orgId: string | null;
  locale: string;
  status: 'active' | 'disabled';
  createdAt: string;
}

export interface Capabilities {
  manageOrgs: boolean;
  listUsers: boolean;
  readAudit: boolean;
}

/** GET /api/auth/me: who is logged in, what they hold and may do. */
export interface Me {
  user: User;
  grants: Grant[];
  capabilities: Capabilities;
  csrfToken: string;
  via: string;
}
