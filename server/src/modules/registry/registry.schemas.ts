import { Type } from 'typebox';
import { Nullable, Uuid } from '../../platform/schemas';

const Code = Type.String({ pattern: '^\\d{4}[A-Z]{2,4}\\d{5,9}$', description: 'e.g. 2021YFA0100100' });
const DateString = Type.String({ format: 'date' });
const Title = Type.String({ minLength: 1, maxLength: 300, pattern: '\\S' });

export const ProgramBody = Type.Object({
  id: Type.String(), code: Type.String(), titleZh: Type.String(), titleEn: Nullable(Type.String()),
  startDate: Nullable(Type.String()), endDate: Nullable(Type.String()), status: Type.String(),
  projectCount: Type.Integer(), subjectCount: Type.Integer(),
});
export const ProjectBody = Type.Object({
  id: Type.String(), programId: Type.String(), programCode: Nullable(Type.String()), programTitle: Nullable(Type.String()),
  code: Type.String(), titleZh: Type.String(), titleEn: Nullable(Type.String()), startDate: Nullable(Type.String()),
  endDate: Nullable(Type.String()), status: Type.String(), subjectCount: Type.Integer(),
});

const dates = { startDate: Type.Optional(Nullable(DateString)), endDate: Type.Optional(Nullable(DateString)) };
export const CreateProgramRequest = Type.Object({ code: Code, titleZh: Title, titleEn: Type.Optional(Nullable(Type.String({ maxLength: 300 }))), ...dates }, { additionalProperties: false });
export const UpdateProgramRequest = Type.Object({ titleZh: Type.Optional(Title), titleEn: Type.Optional(Nullable(Type.String({ maxLength: 300 }))), ...dates, status: Type.Optional(Type.Enum(['active', 'closed'])) }, { additionalProperties: false, minProperties: 1 });
export const CreateProjectRequest = Type.Object({ programId: Uuid, code: Code, titleZh: Title, titleEn: Type.Optional(Nullable(Type.String({ maxLength: 300 }))), ...dates }, { additionalProperties: false });
export const UpdateProjectRequest = Type.Object({ programId: Type.Optional(Uuid), titleZh: Type.Optional(Title), titleEn: Type.Optional(Nullable(Type.String({ maxLength: 300 }))), ...dates, status: Type.Optional(Type.Enum(['active', 'accepted', 'terminated'])) }, { additionalProperties: false, minProperties: 1 });

const Person = Type.Object({ email: Type.String({ format: 'email', maxLength: 254 }), displayName: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }) }, { additionalProperties: false });
export const PersonRequest = Person;

const subjectFields = {
  projectId: Uuid,
  titleZh: Title,
  titleEn: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
  ...dates,
  leadUnitId: Uuid,
  coUnitIds: Type.Optional(Type.Array(Uuid, { maxItems: 50 })),
  regionCode: Type.String({ pattern: '^\\d{6}$' }),
  platformOrgId: Uuid,
  collectionBudget: Type.Optional(Type.Number({ minimum: 0, maximum: 1e12 })),
  acceptanceDate: Type.Optional(Nullable(DateString)),
};
export const CreateSubjectRequest = Type.Object({ code: Code, ...subjectFields, pi: Type.Optional(Nullable(Person)) }, { additionalProperties: false });
export const UpdateSubjectRequest = Type.Partial(Type.Object({ ...subjectFields, status: Type.Enum(['active', 'accepted', 'terminated']) }), { additionalProperties: false, minProperties: 1 });

const PlanSummary = Type.Object({
  status: Type.String(), versionNo: Nullable(Type.Integer()), versionId: Nullable(Type.String()), approvedVersionNo: Nullable(Type.Integer()),
  stepDueAt: Nullable(Type.String()), overdue: Type.Boolean(), nextDueDate: Nullable(Type.String()),
});
export const SubjectBody = Type.Object({
  id: Type.String(), code: Type.String(), titleZh: Type.String(), titleEn: Nullable(Type.String()), status: Type.String(),
  startDate: Nullable(Type.String()), endDate: Nullable(Type.String()), acceptanceDate: Nullable(Type.String()), collectionBudget: Type.Number(),
  projectId: Type.String(), projectCode: Type.String(), projectTitle: Type.String(), programId: Type.String(), programCode: Type.String(), programTitle: Type.String(),
  leadUnitId: Type.String(), leadUnitName: Type.String(), platformOrgId: Type.String(), platformName: Type.String(),
  regionCode: Type.String(), regionName: Type.String(), regionNameEn: Type.String(), piUserId: Nullable(Type.String()), piName: Nullable(Type.String()),
  plan: PlanSummary, daysToAcceptance: Nullable(Type.Integer()),
});
export const MyWorkItem = Type.Intersect([SubjectBody, Type.Object({ myRole: Type.String() })]);
export const SubjectDetail = Type.Intersect([SubjectBody, Type.Object({
  coUnits: Type.Array(Type.Object({ id: Type.String(), nameZh: Type.String(), nameEn: Nullable(Type.String()), creditCode: Nullable(Type.String()) })),
  people: Type.Array(Type.Object({ userId: Type.String(), role: Type.String(), username: Type.String(), displayName: Type.String(), email: Nullable(Type.String()), activated: Type.Boolean(), since: Type.String() })),
  can: Type.Object({ update: Type.Boolean(), designate: Type.Boolean(), editPlan: Type.Boolean(), reviewUnit: Type.Boolean(), reviewPlatform: Type.Boolean() }),
})]);

export const SubjectQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  programId: Type.Optional(Uuid),
  projectId: Type.Optional(Uuid),
  platformId: Type.Optional(Uuid),
  regionCode: Type.Optional(Type.String({ pattern: '^\\d{6}$' })),
  unitId: Type.Optional(Uuid),
  status: Type.Optional(Type.Enum(['active', 'accepted', 'terminated'])),
  planStatus: Type.Optional(Type.Enum(['none', 'draft', 'unit_review', 'platform_review', 'returned', 'approved'])),
  overdue: Type.Optional(Type.Boolean()),
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
});

export const SubmitterParams = Type.Object({ id: Uuid, userId: Uuid });
export const Designation = Type.Object({ userId: Type.String(), username: Type.String(), displayName: Type.String(), email: Nullable(Type.String()), activated: Type.Boolean() });
export const TokenParams = Type.Object({ token: Type.String({ pattern: '^hji_[A-Za-z0-9_-]{20,80}$' }) });
export const InvitationBody = Type.Object({ username: Type.String(), displayName: Type.String(), email: Nullable(Type.String()), expiresAt: Type.String() });
export const AcceptInvitationRequest = Type.Object({ password: Type.String({ minLength: 1, maxLength: 256 }) }, { additionalProperties: false });

const Counts = Type.Object({ created: Type.Integer(), updated: Type.Integer(), unchanged: Type.Integer() });
export const ImportResultBody = Type.Object({
  dryRun: Type.Boolean(),
  ok: Type.Boolean(),
  summary: Type.Object({ rows: Type.Integer(), programs: Counts, projects: Counts, subjects: Counts, invitedPeople: Type.Integer() }),
  problems: Type.Array(Type.Object({ row: Nullable(Type.Integer()), column: Nullable(Type.String()), message: Type.String() })),
});
export const ImportQuery = Type.Object({ dryRun: Type.Boolean({ default: true }) });
const importValue = Type.Optional(Type.String({ maxLength: 500 }));
export const ImportRowsRequest = Type.Object({
  dryRun: Type.Boolean({ default: true }),
  rows: Type.Array(Type.Object({
    program_code: importValue, program_title: importValue, project_code: importValue, project_title: importValue,
    subject_code: importValue, subject_title: importValue, subject_title_en: importValue, start_date: importValue, end_date: importValue,
    pi_name: importValue, pi_email: importValue, lead_unit_code: importValue, co_unit_codes: importValue, region_code: importValue,
    platform: importValue, collection_budget: importValue, acceptance_date: importValue,
  }, { additionalProperties: false }), { minItems: 1, maxItems: 20000 }),
}, { additionalProperties: false });
