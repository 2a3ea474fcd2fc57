import { Type, type Static } from 'typebox';
import { Nullable, Uuid } from '../../platform/schemas';

const ScopeType = Type.Union([Type.Literal('project'), Type.Literal('program')]);
const Status = Type.Union([Type.Literal('queued'), Type.Literal('running'), Type.Literal('done'), Type.Literal('failed')]);
const Code = Type.String({ minLength: 1, maxLength: 60 });
const DateString = Type.String({ format: 'date' });

export const ReportRequest = Type.Object({ scopeType: ScopeType, code: Code, periodStart: DateString, periodEnd: DateString }, { additionalProperties: false });
export type ReportRequest = Static<typeof ReportRequest>;

export const ReportQuery = Type.Object({
  scopeType: Type.Optional(ScopeType),
  code: Type.Optional(Code),
  status: Type.Optional(Status),
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
}, { additionalProperties: false });
export type ReportQuery = Static<typeof ReportQuery>;

export const FileQuery = Type.Object({ key: Type.Optional(Type.String({ maxLength: 64 })) }, { additionalProperties: false });

export const ReportSummary = Type.Object({
  subjects: Type.Integer(), planned: Type.Integer(), delivered: Type.Integer(), released: Type.Integer(),
  views: Type.Integer(), downloads: Type.Integer(), searchHits: Type.Integer(), uniqueUsers: Type.Integer(), applications: Type.Integer(),
  reuse: Type.Integer(), meanTotal: Nullable(Type.Number()),
});

export const Report = Type.Object({
  id: Uuid,
  scopeType: ScopeType,
  scope: Type.Object({ code: Type.String(), titleZh: Type.String(), titleEn: Nullable(Type.String()) }),
  period: Type.Union([Type.Literal('monthly'), Type.Literal('quarterly'), Type.Literal('yearly'), Type.Literal('on_demand')]),
  periodStart: Type.String(),
  periodEnd: Type.String(),
  status: Status,
  progress: Type.Integer(),
  total: Type.Integer(),
  summary: Nullable(ReportSummary),
  createdAt: Type.String(),
  finishedAt: Nullable(Type.String()),
  error: Nullable(Type.String()),
  requestedByName: Nullable(Type.String()),
  files: Type.Object({ pdf: Nullable(Type.String()), xlsx: Nullable(Type.String()) }),
});

export const ReportSchedule = Type.Object({ monthly: Type.Boolean(), quarterly: Type.Boolean(), yearly: Type.Boolean(), projects: Type.Boolean() }, { additionalProperties: false });

export const Contact = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }),
  email: Type.String({ format: 'email', maxLength: 254 }),
}, { additionalProperties: false });
export const Contacts = Type.Object({ items: Type.Array(Contact, { maxItems: 20 }) }, { additionalProperties: false });
export type Contacts = Static<typeof Contacts>;

export const ProgramCodeParams = Type.Object({ code: Code });
