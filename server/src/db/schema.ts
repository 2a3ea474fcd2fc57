import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string | undefined | null, string | null>;

export type OrgKind = 'ministry' | 'centre' | 'domain_platform' | 'province_dept' | 'unit' | 'repository';
export type ScopeType = 'platform' | 'organisation' | 'program' | 'subject' | 'none';

export interface RegionsTable {
  code: string;
  nameZh: string;
  nameEn: string;
  level: Generated<number>;
}

export interface OrganisationsTable {
  id: Generated<string>;
  kind: OrgKind;
  nameZh: string;
  nameEn: string | null;
  parentId: string | null;
  regionCode: string | null;
  creditCode: string | null;
  createdAt: GeneratedTimestamp;
  updatedAt: GeneratedTimestamp;
}

export interface UsersTable {
  id: Generated<string>;
  username: string;
  email: string | null;
  displayName: string;
  phone: string | null;
  orcid: string | null;
  orgId: string | null;
  passwordHash: string | null;
  locale: Generated<string>;
  status: Generated<'active' | 'disabled'>;
  passwordChangedAt: Timestamp | null;
  createdAt: GeneratedTimestamp;
  updatedAt: GeneratedTimestamp;
}

export interface RoleGrantsTable {
  id: Generated<string>;
  userId: string;
  role: string;
  scopeType: ScopeType;
  scopeId: string | null;
  grantedBy: string | null;
  createdAt: GeneratedTimestamp;
}

export interface SessionsTable {
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: GeneratedTimestamp;
  lastSeenAt: GeneratedTimestamp;
  expiresAt: Timestamp;
  ip: string | null;
  userAgent: string | null;
}

export interface ApiTokensTable {
  id: Generated<string>;
  userId: string;
  name: string;
  tokenHash: string;
  prefix: string;
  readOnly: Generated<boolean>;
  expiresAt: Timestamp;
  lastUsedAt: Timestamp | null;
  revokedAt: Timestamp | null;
  createdAt: GeneratedTimestamp;
}

export interface LoginFailuresTable {
  id: Generated<number>;
  loginKey: string;
  ip: string;
  at: GeneratedTimestamp;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  actorId: string | null;
  actorLabel: string;
  action: string;
  objectType: string;
  objectId: string | null;
  before: Json;
  after: Json;
  requestId: string | null;
  ip: string | null;
  prevHash: string;
  hash: string;
}

export type StandardStatus = 'draft' | 'in_review' | 'approved' | 'retired';

export interface StandardsTable {
  id: Generated<string>;
  domain: string;
  nameZh: string;
  nameEn: string;
  platformOrgId: string | null;
  createdAt: GeneratedTimestamp;
}

export interface StandardVersionsTable {
  id: Generated<string>;
  standardId: string;
  version: string;
  status: ColumnType<StandardStatus, StandardStatus | undefined, StandardStatus>;
  document: Json;
  quorum: ColumnType<'majority' | 'all', 'majority' | 'all' | undefined, 'majority' | 'all'>;
  reviewRound: ColumnType<number, number | undefined, number>;
  basedOnId: string | null;
  createdBy: string | null;
  createdAt: GeneratedTimestamp;
  updatedAt: GeneratedTimestamp;
  submittedAt: Timestamp | null;
  approvedAt: Timestamp | null;
  retiredAt: Timestamp | null;
}

export interface StandardReviewsTable {
  id: Generated<string>;
  versionId: string;
  round: number;
  expertId: string;
  assignedBy: string | null;
  assignedAt: GeneratedTimestamp;
  decision: 'approve' | 'request_changes' | null;
  comment: string | null;
  decidedAt: Timestamp | null;
}

export interface DB {
  regions: RegionsTable;
  organisations: OrganisationsTable;
  users: UsersTable;
  roleGrants: RoleGrantsTable;
  sessions: SessionsTable;
  apiTokens: ApiTokensTable;
  loginFailures: LoginFailuresTable;
  auditLog: AuditLogTable;
  standards: StandardsTable;
  standardVersions: StandardVersionsTable;
  standardReviews: StandardReviewsTable;
}

export type Organisation = Selectable<OrganisationsTable>;
export type NewOrganisation = Insertable<OrganisationsTable>;
export type OrganisationUpdate = Updateable<OrganisationsTable>;
export type User = Selectable<UsersTable>;
export type RoleGrant = Selectable<RoleGrantsTable>;
export type Session = Selectable<SessionsTable>;
export type ApiToken = Selectable<ApiTokensTable>;
export type AuditEntry = Selectable<AuditLogTable>;
export type Standard = Selectable<StandardsTable>;
export type StandardVersion = Selectable<StandardVersionsTable>;
export type StandardReview = Selectable<StandardReviewsTable>;
