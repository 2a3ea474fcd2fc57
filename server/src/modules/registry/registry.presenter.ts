import type { Program, Project } from '../../db/schema';
import { iso } from '../../platform/format';
import { pastDue } from '../../platform/china-time';


export function presentProgram(program: Program & { projectCount?: number | null; subjectCount?: number | null }) {
  return {
    id: program.id,
    code: program.code,
    titleZh: program.titleZh,
    titleEn: program.titleEn,
    startDate: program.startDate,
    endDate: program.endDate,
    status: program.status,
    projectCount: Number(program.projectCount ?? 0),
    subjectCount: Number(program.subjectCount ?? 0),
  };
}

export function presentProject(project: Project & { programCode?: string; programTitle?: string; subjectCount?: number | null }) {
  return {
    id: project.id,
    programId: project.programId,
    programCode: project.programCode ?? null,
    programTitle: project.programTitle ?? null,
    code: project.code,
    titleZh: project.titleZh,
    titleEn: project.titleEn,
    startDate: project.startDate,
    endDate: project.endDate,
    status: project.status,
    subjectCount: Number(project.subjectCount ?? 0),
  };
}

/** A subject row of the registry list (names resolved, plan state summarised). */
export interface SubjectRow {
  id: string;
  code: string;
  titleZh: string;
  titleEn: string | null;
  status: string;
  startDate: string | null;
  endDate: string | null;
  acceptanceDate: string | null;
  collectionBudget: string;
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
  piEmail: string | null;
  planStatus: string | null;
  planVersionNo: number | null;
  planVersionId: string | null;
  planStepDueAt: Date | string | null;
  approvedVersionNo: number | null;
  nextDueDate: string | null;
}

export function presentSubject(row: SubjectRow, now = new Date()) {
  const stepDue = row.planStepDueAt ? new Date(row.planStepDueAt) : null;
  const waiting = row.planStatus === 'unit_review' || row.planStatus === 'platform_review' || row.planStatus === 'returned';
  return {
    id: row.id,
    code: row.code,
    titleZh: row.titleZh,
    titleEn: row.titleEn,
    status: row.status,
    startDate: row.startDate,
    endDate: row.endDate,
    acceptanceDate: row.acceptanceDate,
    collectionBudget: Number(row.collectionBudget),
    projectId: row.projectId,
    projectCode: row.projectCode,
    projectTitle: row.projectTitle,
    programId: row.programId,
    programCode: row.programCode,
    programTitle: row.programTitle,
    leadUnitId: row.leadUnitId,
    leadUnitName: row.leadUnitName,
    platformOrgId: row.platformOrgId,
    platformName: row.platformName,
    regionCode: row.regionCode,
    regionName: row.regionName,
    regionNameEn: row.regionNameEn,
    piUserId: row.piUserId,
    piName: row.piName,
    plan: {
      status: row.planStatus ?? 'none',
      versionNo: row.planVersionNo,
      versionId: row.planVersionId,
      approvedVersionNo: row.approvedVersionNo,
      stepDueAt: iso(stepDue),
      overdue: waiting && pastDue(stepDue, now.getTime()),
      nextDueDate: row.nextDueDate,
    },
    daysToAcceptance: row.acceptanceDate ? Math.ceil((Date.parse(`${row.acceptanceDate}T00:00:00+08:00`) - now.getTime()) / 86_400_000) : null,
  };
}
export type PresentedSubject = ReturnType<typeof presentSubject>;
