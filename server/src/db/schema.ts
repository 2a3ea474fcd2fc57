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
  status: Generated<'active' | 'disabled' | 'pending'>;
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

export interface RegistrationAttemptsTable {
  id: Generated<number>;
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

type DateColumn = ColumnType<string, string, string>;
type Numeric = ColumnType<string, string | number | undefined, string | number>;

export interface ProgramsTable {
  id: Generated<string>;
  code: string;
  titleZh: string;
  titleEn: string | null;
  startDate: DateColumn | null;
  endDate: DateColumn | null;
  status: ColumnType<'active' | 'closed', 'active' | 'closed' | undefined, 'active' | 'closed'>;
  createdAt: GeneratedTimestamp;
  updatedAt: GeneratedTimestamp;
}

export interface ProjectsTable {
  id: Generated<string>;
  programId: string;
  code: string;
  titleZh: string;
  titleEn: string | null;
  startDate: DateColumn | null;
  endDate: DateColumn | null;
  status: ColumnType<SubjectStatus, SubjectStatus | undefined, SubjectStatus>;
  createdAt: GeneratedTimestamp;
  updatedAt: GeneratedTimestamp;
}

export type SubjectStatus = 'active' | 'accepted' | 'terminated';

export interface SubjectsTable {
  id: Generated<string>;
  projectId: string;
  code: string;
  titleZh: string;
  titleEn: string | null;
  startDate: DateColumn | null;
  endDate: DateColumn | null;
  status: ColumnType<SubjectStatus, SubjectStatus | undefined, SubjectStatus>;
  piUserId: string | null;
  leadUnitId: string;
  regionCode: string;
  platformOrgId: string;
  collectionBudget: Numeric;
  acceptanceDate: DateColumn | null;
  quotaBytes: ColumnType<number | null, number | null | undefined, number | null>;
  createdAt: GeneratedTimestamp;
  updatedAt: GeneratedTimestamp;
}

export interface SubjectUnitsTable {
  subjectId: string;
  orgId: string;
}

export interface InvitationsTable {
  id: Generated<string>;
  userId: string;
  tokenHash: string;
  purpose: string;
  expiresAt: Timestamp;
  usedAt: Timestamp | null;
  createdBy: string | null;
  createdAt: GeneratedTimestamp;
}

export type PlanStatus = 'draft' | 'unit_review' | 'platform_review' | 'returned' | 'approved' | 'superseded';

export interface PlansTable {
  id: Generated<string>;
  subjectId: string;
  approvedVersionId: string | null;
  createdAt: GeneratedTimestamp;
}

export interface PlanVersionsTable {
  id: Generated<string>;
  planId: string;
  versionNo: number;
  kind: 'initial' | 'amendment';
  amendmentReason: string | null;
  status: ColumnType<PlanStatus, PlanStatus | undefined, PlanStatus>;
  round: ColumnType<number, number | undefined, number>;
  stepDueAt: Timestamp | null;
  createdBy: string | null;
  createdAt: GeneratedTimestamp;
  updatedAt: GeneratedTimestamp;
  submittedAt: Timestamp | null;
  approvedAt: Timestamp | null;
}

export interface PlanLinesTable {
  id: Generated<string>;
  planVersionId: string;
  position: number;
  resourceType: string;
  plannedCount: number;
  dueDate: DateColumn;
  sharingMode: string;
  notes: string | null;
}

export interface PlanRoundsTable {
  id: Generated<string>;
  planVersionId: string;
  round: number;
  submittedBy: string | null;
  submittedAt: GeneratedTimestamp;
  lines: Json;
}

export interface PlanDecisionsTable {
  id: Generated<string>;
  planVersionId: string;
  round: number;
  tier: 'unit' | 'platform';
  decision: 'approve' | 'return';
  reviewerId: string | null;
  comment: string | null;
  decidedAt: GeneratedTimestamp;
}

export interface PlanCommentsTable {
  id: Generated<string>;
  planVersionId: string;
  round: number;
  linePosition: number | null;
  parentId: string | null;
  authorId: string | null;
  body: string;
  resolvedAt: Timestamp | null;
  createdAt: GeneratedTimestamp;
}

export interface MailOutboxTable {
  id: Generated<string>;
  toAddress: string;
  subject: string;
  body: string;
  kind: string;
  status: ColumnType<'pending' | 'sent' | 'failed', 'pending' | 'sent' | 'failed' | undefined, 'pending' | 'sent' | 'failed'>;
  attempts: ColumnType<number, number | undefined, number>;
  lastError: string | null;
  nextAttemptAt: GeneratedTimestamp;
  createdAt: GeneratedTimestamp;
  sentAt: Timestamp | null;
}

export interface JobRunsTable {
  name: string;
  slot: string;
  startedAt: GeneratedTimestamp;
  finishedAt: Timestamp | null;
  outcome: string | null;
}

export interface RemindersTable {
  id: Generated<string>;
  itemType: string;
  itemId: string;
  recipientId: string;
  day: DateColumn;
  reason: string;
  sentBy: string | null;
  message: string | null;
  createdAt: GeneratedTimestamp;
}

export type ResourceStatus = 'draft' | 'submitted' | 'unit_review' | 'platform_review' | 'expert_review' | 'approved' | 'released' | 'returned' | 'withdrawn' | 'superseded';

export interface ResourcesTable {
  id: Generated<string>;
  subjectId: string;
  resourceType: string;
  standardVersionId: string;
  status: ColumnType<ResourceStatus, ResourceStatus | undefined, ResourceStatus>;
  lineageId: string;
  versionNo: ColumnType<number, number | undefined, number>;
  titleZh: ColumnType<string, string | undefined, string>;
  metadata: Json;
  createdBy: string | null;
  createdAt: GeneratedTimestamp;
  updatedAt: GeneratedTimestamp;
  submittedAt: Timestamp | null;
  reviewRound: ColumnType<number, number | undefined, number>;
  stepEnteredAt: Timestamp | null;
  stepDueAt: Timestamp | null;
  cstr: string | null;
  sharingMode: SharingMode | null;
  embargoEnd: DateColumn | null;
  embargoReason: string | null;
  licence: string | null;
  releasedAt: Timestamp | null;
  releasedBy: string | null;
  withdrawnAt: Timestamp | null;
  withdrawalReason: string | null;
}

export type SharingMode = 'open' | 'registered' | 'application' | 'embargo' | 'offline' | 'restricted';
export type ReviewTier = 'unit' | 'platform' | 'expert';

export interface ReviewSettingsTable {
  platformOrgId: string;
  settings: Json;
  updatedBy: string | null;
  updatedAt: GeneratedTimestamp;
}

export interface ReviewRoundsTable {
  id: Generated<string>;
  resourceId: string;
  round: number;
  submittedBy: string | null;
  submittedAt: GeneratedTimestamp;
  metadata: Json;
  files: Json;
  outcome: ColumnType<'open' | 'returned' | 'approved', 'open' | 'returned' | 'approved' | undefined, 'open' | 'returned' | 'approved'>;
}

export interface ReviewDecisionsTable {
  id: Generated<string>;
  resourceId: string;
  round: number;
  tier: ReviewTier;
  decision: 'approve' | 'return' | 'skipped';
  reviewerId: string | null;
  comment: string | null;
  detail: Json;
  decidedAt: GeneratedTimestamp;
  /** Order of recording (decided_at can tie within one request). */
  seq: Generated<string>;
}

export interface ReviewCommentsTable {
  id: Generated<string>;
  resourceId: string;
  round: number;
  tier: ReviewTier | null;
  field: string | null;
  filePath: string | null;
  parentId: string | null;
  authorId: string | null;
  fromReviewer: boolean;
  body: string;
  createdAt: GeneratedTimestamp;
  resolvedAt: Timestamp | null;
  resolvedBy: string | null;
}

export interface ExpertAssignmentsTable {
  id: Generated<string>;
  resourceId: string;
  round: number;
  expertId: string;
  assignedBy: string | null;
  assignedAt: GeneratedTimestamp;
  conflict: ColumnType<'pending' | 'none' | 'conflict', 'pending' | 'none' | 'conflict' | undefined, 'pending' | 'none' | 'conflict'>;
  conflictNote: string | null;
  declaredAt: Timestamp | null;
  scores: Json;
  recommendation: 'approve' | 'return' | null;
  sharingMode: string | null;
  embargoMonths: number | null;
  comment: string | null;
  submittedAt: Timestamp | null;
}

export interface CstrRegistrationsTable {
  id: Generated<string>;
  resourceId: string;
  cstr: string;
  registrar: string;
  status: ColumnType<'pending' | 'submitted' | 'registered' | 'failed', 'pending' | 'submitted' | 'registered' | 'failed' | undefined, 'pending' | 'submitted' | 'registered' | 'failed'>;
  taskId: string | null;
  attempts: ColumnType<number, number | undefined, number>;
  nextAttemptAt: GeneratedTimestamp;
  lastError: string | null;
  createdAt: GeneratedTimestamp;
  registeredAt: Timestamp | null;
}

export interface PlanWaiversTable {
  id: Generated<string>;
  subjectId: string;
  resourceType: string;
  reason: string;
  waivedBy: string | null;
  createdAt: GeneratedTimestamp;
}

export interface EmailVerificationsTable {
  id: Generated<string>;
  userId: string;
  tokenHash: string;
  expiresAt: Timestamp;
  usedAt: Timestamp | null;
  createdAt: GeneratedTimestamp;
}

export type ApplicationStatus = 'pending' | 'approved' | 'rejected';

export interface AccessApplicationsTable {
  id: Generated<string>;
  resourceId: string;
  applicantId: string;
  purpose: string;
  intendedUse: string;
  agreementAcceptedAt: Timestamp;
  status: ColumnType<ApplicationStatus, ApplicationStatus | undefined, ApplicationStatus>;
  reason: string | null;
  decidedBy: string | null;
  decidedAt: Timestamp | null;
  expiresAt: Timestamp | null;
  createdAt: GeneratedTimestamp;
}

export interface ContactRequestsTable {
  id: Generated<string>;
  resourceId: string;
  userId: string | null;
  name: string;
  email: string;
  message: string;
  createdAt: GeneratedTimestamp;
}

export interface CertificatesTable {
  id: Generated<string>;
  subjectId: string;
  number: string;
  code: string;
  platformOrgId: string;
  content: Json;
  pdfSha256: string;
  issuedBy: string | null;
  issuedAt: GeneratedTimestamp;
}

export interface BlobsTable {
  sha256: string;
  size: number;
  createdAt: GeneratedTimestamp;
}

export interface FilesTable {
  id: Generated<string>;
  resourceId: string;
  path: string;
  name: string;
  size: number;
  mediaType: string;
  sha256: string;
  uploadedBy: string | null;
  createdAt: GeneratedTimestamp;
}

export interface UploadsTable {
  id: string;
  resourceId: string;
  userId: string;
  path: string;
  name: string;
  size: number;
  mediaType: string;
  status: ColumnType<'uploading' | 'finalising' | 'completed' | 'expired', 'uploading' | 'finalising' | 'completed' | 'expired' | undefined, 'uploading' | 'finalising' | 'completed' | 'expired'>;
  sha256: string | null;
  fileId: string | null;
  expiresAt: Timestamp;
  createdAt: GeneratedTimestamp;
  completedAt: Timestamp | null;
}

export interface PhysicalDepositsTable {
  id: Generated<string>;
  resourceId: string;
  repositoryOrgId: string;
  items: Json;
  shippingMethod: string;
  trackingNumber: string | null;
  sentDate: DateColumn;
  status: ColumnType<'sent' | 'received' | 'discrepancy', 'sent' | 'received' | 'discrepancy' | undefined, 'sent' | 'received' | 'discrepancy'>;
  received: Json;
  condition: string | null;
  accessionNumbers: Json;
  discrepancyNote: string | null;
  createdBy: string | null;
  confirmedBy: string | null;
  createdAt: GeneratedTimestamp;
  confirmedAt: Timestamp | null;
}

export interface ImportJobsTable {
  id: Generated<string>;
  subjectId: string;
  resourceType: string;
  status: ColumnType<'queued' | 'checking' | 'checked' | 'importing' | 'done' | 'failed', 'queued' | 'checking' | 'checked' | 'importing' | 'done' | 'failed' | undefined, 'queued' | 'checking' | 'checked' | 'importing' | 'done' | 'failed'>;
  dryRun: boolean;
  workbookSha256: string;
  archiveSha256: string | null;
  progress: ColumnType<number, number | undefined, number>;
  total: ColumnType<number, number | undefined, number>;
  report: Json;
  createdBy: string | null;
  createdAt: GeneratedTimestamp;
  finishedAt: Timestamp | null;
}

export type UsageKind = 'view' | 'search_hit' | 'download' | 'application_approved';

export interface UsageEventsTable {
  id: Generated<number>;
  occurredAt: Timestamp;
  month: DateColumn;
  resourceId: string;
  kind: UsageKind;
  userId: string | null;
  sessionKey: string;
  clientHash: string;
  robot: boolean;
  machine: boolean;
  recordedAt: GeneratedTimestamp;
}

export interface UsageMonthlyTable {
  resourceId: string;
  month: DateColumn;
  totalItemInvestigations: number;
  uniqueItemInvestigations: number;
  totalItemRequests: number;
  uniqueItemRequests: number;
  searchHits: number;
  applicationsApproved: number;
  machineInvestigations: number;
  machineRequests: number;
  uniqueMachineInvestigations: number;
  uniqueMachineRequests: number;
}

export interface UsageDirtyMonthsTable {
  month: DateColumn;
  touchedAt: GeneratedTimestamp;
}

export interface UsageSaltsTable {
  day: DateColumn;
  salt: string;
  createdAt: GeneratedTimestamp;
}

export interface ResourceSearchTable {
  id: string;
  resourceType: string;
  platformOrgId: string;
  discipline: string | null;
  programCode: string;
  leadUnitId: string;
  provinceCode: string;
  year: number;
  sharingMode: string;
  licence: string;
  titleZh: string;
  titleEn: string | null;
  descriptionZh: string | null;
  descriptionEn: string | null;
  keywordsZh: ColumnType<string[], string[] | undefined, string[]>;
  keywordsEn: ColumnType<string[], string[] | undefined, string[]>;
  cstr: string;
  doi: string | null;
  subjectCode: string;
  identifiers: ColumnType<string[], string[] | undefined, string[]>;
  views: ColumnType<number, number | undefined, number>;
  downloads: ColumnType<number, number | undefined, number>;
  releasedAt: Timestamp;
  indexedAt: GeneratedTimestamp;
  /** tsvector; written through SQL expressions (see modules/search). */
  fts: string;
}

export interface SettingsTable {
  key: string;
  value: Json;
  updatedBy: string | null;
  updatedAt: GeneratedTimestamp;
}

export interface FundingReportsTable {
  id: Generated<string>;
  subjectId: string;
  /** numeric(14,2): read as a string. */
  amountSpent: Numeric;
  note: string | null;
  reportedBy: string | null;
  reportedAt: GeneratedTimestamp;
}

export type ReuseKind = 'citation' | 'benefit';
export type ReuseStatus = 'pending' | 'accepted' | 'rejected';

export interface ReuseReportsTable {
  id: Generated<string>;
  resourceId: string;
  kind: ReuseKind;
  citation: string | null;
  doi: string | null;
  url: string | null;
  description: string;
  reportedBy: string;
  reportedAt: GeneratedTimestamp;
  status: ColumnType<ReuseStatus, ReuseStatus | undefined, ReuseStatus>;
  reviewedBy: string | null;
  reviewedAt: Timestamp | null;
  reviewNote: string | null;
}

export interface EvaluationRuleSetsTable {
  version: number;
  rules: Json;
  note: string | null;
  createdBy: string | null;
  createdAt: GeneratedTimestamp;
}

export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface EvaluationRunsTable {
  id: Generated<string>;
  ruleVersion: number;
  asOf: Timestamp;
  trigger: 'schedule' | 'rules' | 'manual' | 'recompute';
  status: ColumnType<JobStatus, JobStatus | undefined, JobStatus>;
  subjects: ColumnType<number, number | undefined, number>;
  requestedBy: string | null;
  createdAt: GeneratedTimestamp;
  startedAt: Timestamp | null;
  finishedAt: Timestamp | null;
  error: string | null;
}

/** numeric(6,2) score columns: read as strings (or null where there is no basis). */
type Score = ColumnType<string | null, string | number | null | undefined, string | number | null>;

export interface SubjectScoresTable {
  runId: string;
  subjectId: string;
  completion: Score;
  sharing: Score;
  total: Score;
  rank: number | null;
  inputs: Json;
  components: Json;
}

export type RollupLevel = 'pi' | 'unit' | 'province' | 'platform' | 'program';

export interface RollupScoresTable {
  runId: string;
  level: RollupLevel;
  key: string;
  subjects: number;
  completion: Score;
  sharing: Score;
  total: Score;
  rank: number | null;
}

export interface ProgramContactsTable {
  programId: string;
  email: string;
  name: string;
}

export type ReportPeriod = 'monthly' | 'quarterly' | 'yearly' | 'on_demand';

export interface UtilisationReportsTable {
  id: Generated<string>;
  scopeType: 'project' | 'program';
  scopeId: string;
  period: ReportPeriod;
  periodStart: DateColumn;
  periodEnd: DateColumn;
  status: ColumnType<JobStatus, JobStatus | undefined, JobStatus>;
  progress: ColumnType<number, number | undefined, number>;
  total: ColumnType<number, number | undefined, number>;
  summary: Json;
  pdfSha256: string | null;
  xlsxSha256: string | null;
  downloadKey: string;
  requestedBy: string | null;
  createdAt: GeneratedTimestamp;
  startedAt: Timestamp | null;
  finishedAt: Timestamp | null;
  error: string | null;
}

/** A subject's progress as the supervision dashboards aggregate it (T1810; refreshed from subjectProgressStale). */
export interface SubjectProgressTable {
  subjectId: string;
  code: string;
  regionCode: string;
  leadUnitId: string;
  platformOrgId: string;
  projectCode: string;
  programCode: string;
  acceptanceDate: DateColumn | null;
  collectionBudget: Numeric;
  planned: number;
  delivered: number;
  plannedByType: number[];
  deliveredByType: number[];
  complete: boolean;
  openDueByType: Array<DateColumn | null>;
  firstOpenDue: DateColumn | null;
  released: number;
  inUnit: number;
  inPlatform: number;
  inExpert: number;
  reviewDueAt: Timestamp | null;
  approved: boolean;
  planStatus: string;
  planReviewDueAt: Timestamp | null;
  certificateCode: string | null;
  /** numeric(14,2): read as a string. */
  spent: Numeric;
  refreshedAt: GeneratedTimestamp;
}

export interface SubjectTypeProgressTable {
  subjectId: string;
  resourceType: string;
  planned: number;
  delivered: number;
  dueDate: DateColumn | null;
  waived: boolean;
}

export interface SubjectOpenLinesTable {
  subjectId: string;
  resourceType: string;
  dueDate: DateColumn;
  lines: number;
}

export interface SubjectProgressStaleTable {
  subjectId: string;
  mark: Generated<string>;
}

export interface DB {
  regions: RegionsTable;
  organisations: OrganisationsTable;
  users: UsersTable;
  roleGrants: RoleGrantsTable;
  sessions: SessionsTable;
  apiTokens: ApiTokensTable;
  loginFailures: LoginFailuresTable;
  registrationAttempts: RegistrationAttemptsTable;
  auditLog: AuditLogTable;
  standards: StandardsTable;
  standardVersions: StandardVersionsTable;
  standardReviews: StandardReviewsTable;
  programs: ProgramsTable;
  projects: ProjectsTable;
  subjects: SubjectsTable;
  subjectUnits: SubjectUnitsTable;
  invitations: InvitationsTable;
  plans: PlansTable;
  planVersions: PlanVersionsTable;
  planLines: PlanLinesTable;
  planRounds: PlanRoundsTable;
  planDecisions: PlanDecisionsTable;
  planComments: PlanCommentsTable;
  mailOutbox: MailOutboxTable;
  jobRuns: JobRunsTable;
  reminders: RemindersTable;
  resources: ResourcesTable;
  blobs: BlobsTable;
  files: FilesTable;
  uploads: UploadsTable;
  physicalDeposits: PhysicalDepositsTable;
  importJobs: ImportJobsTable;
  reviewSettings: ReviewSettingsTable;
  reviewRounds: ReviewRoundsTable;
  reviewDecisions: ReviewDecisionsTable;
  reviewComments: ReviewCommentsTable;
  expertAssignments: ExpertAssignmentsTable;
  cstrRegistrations: CstrRegistrationsTable;
  planWaivers: PlanWaiversTable;
  certificates: CertificatesTable;
  resourceSearch: ResourceSearchTable;
  usageEvents: UsageEventsTable;
  usageMonthly: UsageMonthlyTable;
  usageDirtyMonths: UsageDirtyMonthsTable;
  usageSalts: UsageSaltsTable;
  emailVerifications: EmailVerificationsTable;
  accessApplications: AccessApplicationsTable;
  contactRequests: ContactRequestsTable;
  settings: SettingsTable;
  fundingReports: FundingReportsTable;
  subjectProgress: SubjectProgressTable;
  subjectTypeProgress: SubjectTypeProgressTable;
  subjectOpenLines: SubjectOpenLinesTable;
  subjectProgressStale: SubjectProgressStaleTable;
  reuseReports: ReuseReportsTable;
  evaluationRuleSets: EvaluationRuleSetsTable;
  evaluationRuns: EvaluationRunsTable;
  subjectScores: SubjectScoresTable;
  rollupScores: RollupScoresTable;
  programContacts: ProgramContactsTable;
  utilisationReports: UtilisationReportsTable;
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
export type Program = Selectable<ProgramsTable>;
export type Project = Selectable<ProjectsTable>;
export type Subject = Selectable<SubjectsTable>;
export type PlanVersion = Selectable<PlanVersionsTable>;
export type PlanLine = Selectable<PlanLinesTable>;
export type Resource = Selectable<ResourcesTable>;
export type FileRow = Selectable<FilesTable>;
export type Upload = Selectable<UploadsTable>;
export type ReviewRound = Selectable<ReviewRoundsTable>;
export type ReviewComment = Selectable<ReviewCommentsTable>;
export type ExpertAssignment = Selectable<ExpertAssignmentsTable>;
export type Certificate = Selectable<CertificatesTable>;
