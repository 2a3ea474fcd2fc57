/** Shapes of the registry API (server/src/modules/registry/registry.schemas.ts). */

export type SubjectStatus = 'active' | 'accepted' | 'terminated';
export type PlanStatus = 'none' | 'draft' | 'unit_review' | 'platform_review' | 'returned' | 'approved' | 'superseded';

export interface Program {
  id: string;
  code: string;
  titleZh: string;
  titleEn: string | null;
  startDate: string | null;
  endDate: string | null;
  status: string;
  projectCount: number;
  subjectCount: number;
}

export interface Project {
  id: string;
  programId: string;
  programCode: string | null;
  programTitle: string | null;
  code: string;
  titleZh: string;
  titleEn: string | null;
  startDate: string | null;
  endDate: string | null;
  status: string;
  subjectCount: number;
}

/** A subject's plan in one line: where it stands, when the current step is due, what is due next. */
export interface PlanSummary {
  status: PlanStatus;
  versionNo: number | null;
  versionId: string | null;
  approvedVersionNo: number | null;
  stepDueAt: string | null;
  overdue: boolean;
  nextDueDate: string | null;
}

export interface Subject {
  id: string;
  code: string;
  titleZh: string;
  titleEn: string | null;
  status: SubjectStatus;
  startDate: string | null;
  endDate: string | null;
  acceptanceDate: string | null;
  collectionBudget: number;
  projectId: string;
  projectCode: string;
  projectTitle: string;
  programId: string;
  programCode: string;
  programTitle: string;
  leadUnitId: string;
  leadUnitName: string;
  platformOrgId: string;
  platformName: string;
  regionCode: string;
  regionName: string;
  regionNameEn: string;
  piUserId: string | null;
  piName: string | null;
  plan: PlanSummary;
  daysToAcceptance: number | null;
}

export type SubjectRole = 'pi' | 'submitter';

export interface MyWorkItem extends Subject {
  myRole: SubjectRole;
}

export interface SubjectPerson {
  userId: string;
  role: SubjectRole;
  username: string;
  displayName: string;
  email: string | null;
  activated: boolean;
  since: string;
}

export interface SubjectDetail extends Subject {
  coUnits: Array<{ id: string; nameZh: string; nameEn: string | null; creditCode: string | null }>;
  people: SubjectPerson[];
  can: { update: boolean; designate: boolean; editPlan: boolean; reviewUnit: boolean; reviewPlatform: boolean };
}

export interface SubjectFilter {
  q?: string;
  programId?: string;
  projectId?: string;
  platformId?: string;
  regionCode?: string;
  unitId?: string;
  status?: SubjectStatus;
  planStatus?: Exclude<PlanStatus, 'superseded'>;
  overdue?: boolean;
  page: number;
  pageSize: number;
}

export interface Person {
  email: string;
  displayName: string;
}

export interface SubjectInput {
  projectId: string;
  code: string;
  titleZh: string;
  titleEn?: string | null;
  startDate?: string | null;
  endDate?: string | null;
  leadUnitId: string;
  coUnitIds?: string[];
  regionCode: string;
  platformOrgId: string;
  collectionBudget?: number;
  acceptanceDate?: string | null;
  pi?: Person | null;
}

export type SubjectChanges = Partial<Omit<SubjectInput, 'code' | 'pi'>> & { status?: SubjectStatus };

export interface ProgramInput {
  code: string;
  titleZh: string;
  titleEn?: string | null;
  startDate?: string | null;
  endDate?: string | null;
}

export interface ProjectInput extends ProgramInput {
  programId: string;
}

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface ImportResult {
  dryRun: boolean;
  ok: boolean;
  summary: { rows: number; programs: ImportCounts; projects: ImportCounts; subjects: ImportCounts; invitedPeople: number };
  problems: Array<{ row: number | null; column: string | null; message: string }>;
}

export interface Invitation {
  username: string;
  displayName: string;
  email: string | null;
  expiresAt: string;
}
