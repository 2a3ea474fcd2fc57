import { Type, type Static } from 'typebox';
import { Nullable, Uuid } from '../../platform/schemas';

const count = Type.Integer({ minimum: 0 });
const share = Type.Number({ minimum: 0, maximum: 1, description: '0–1' });
const Money = Type.String({ description: 'Decimal string, e.g. "12345.67"' });
const Month = Type.String({ description: 'YYYY-MM (China time)' });
const Day = Type.String({ description: 'YYYY-MM-DD (China time)' });

/** The common filters of every supervision list (docs/supervision-and-evaluation.md, "Scope and filters"). */
const filterFields = {
  province: Type.Optional(Type.String({ pattern: '^\\d{2}0000$', description: 'Province region code, e.g. 330000' })),
  unitId: Type.Optional(Uuid),
  platformId: Type.Optional(Uuid),
  programCode: Type.Optional(Type.String({ maxLength: 40 })),
  projectCode: Type.Optional(Type.String({ maxLength: 40 })),
  q: Type.Optional(Type.String({ maxLength: 100, description: 'Subject code or title contains' })),
};
export const FilterQuery = Type.Object(filterFields, { additionalProperties: false });
export type FilterQuery = Static<typeof FilterQuery>;

export const BreakdownBy = Type.Union([Type.Literal('province'), Type.Literal('unit'), Type.Literal('platform'), Type.Literal('program')]);
export type BreakdownBy = Static<typeof BreakdownBy>;
export const BreakdownQuery = Type.Object({ ...filterFields, by: BreakdownBy }, { additionalProperties: false });

const SortKey = Type.Union([Type.Literal('code'), Type.Literal('completion'), Type.Literal('daysToAcceptance'), Type.Literal('overdue')], { default: 'code' });
const Order = Type.Union([Type.Literal('asc'), Type.Literal('desc')], { default: 'asc' });
const listFields = {
  ...filterFields,
  overdue: Type.Optional(Type.Boolean({ description: 'true: only subjects with overdue items' })),
  sort: Type.Optional(SortKey),
  order: Type.Optional(Order),
};
export const ExportQuery = Type.Object(listFields, { additionalProperties: false });
export const SubjectsQuery = Type.Object({
  ...listFields,
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
}, { additionalProperties: false });
export type SubjectsQuery = Static<typeof SubjectsQuery>;
export const ChartsQuery = Type.Object({ ...filterFields, months: Type.Integer({ minimum: 1, maximum: 36, default: 12 }) }, { additionalProperties: false });

const InReview = Type.Object({ unit: count, platform: count, expert: count });
const Funding = Type.Object({ budget: Money, spent: Money, flagged: Type.Integer({ minimum: 0 }) });

export const Overview = Type.Object({
  subjects: count, withApprovedPlan: count, planned: count, delivered: count, completion: share,
  byType: Type.Array(Type.Object({ type: Type.String(), planned: count, delivered: count })),
  inReview: InReview,
  overdue: Type.Object({ subjects: count, planLines: count, planReviews: count, resourceReviews: count }),
  certificates: Type.Object({ issued: count, eligible: count }),
  acceptanceWithin90Days: count,
  funding: Funding,
});
export type Overview = Static<typeof Overview>;

export const Breakdown = Type.Object({
  by: BreakdownBy,
  rows: Type.Array(Type.Object({
    key: Type.String(), name: Type.String(), nameEn: Nullable(Type.String()),
    subjects: count, planned: count, delivered: count, completion: share, inReview: count, overdueSubjects: count, certified: count,
  })),
});
export type Breakdown = Static<typeof Breakdown>;

export const SubjectRow = Type.Object({
  code: Type.String(), titleZh: Type.String(), titleEn: Nullable(Type.String()), piName: Nullable(Type.String()),
  leadUnit: Type.Object({ id: Type.String(), name: Type.String() }),
  province: Type.Object({ code: Type.String(), name: Type.String() }),
  platform: Type.Object({ id: Type.String(), name: Type.String() }),
  programCode: Type.String(), projectCode: Type.String(),
  planStatus: Type.Union([Type.Literal('none'), Type.Literal('draft'), Type.Literal('unit_review'), Type.Literal('platform_review'), Type.Literal('returned'), Type.Literal('approved')]),
  planned: count, delivered: count, completion: share,
  byType: Type.Array(Type.Object({ type: Type.String(), planned: count, delivered: count, dueDate: Nullable(Day), overdue: Type.Boolean() })),
  inReview: InReview,
  overdueItems: Type.Array(Type.String({ description: 'plan_review | resource_review | line:<type>' })),
  acceptanceDate: Nullable(Day), daysToAcceptance: Nullable(Type.Integer()),
  certificate: Type.Object({ status: Type.Union([Type.Literal('issued'), Type.Literal('eligible'), Type.Literal('missing')]), code: Nullable(Type.String()) }),
  funding: Type.Object({ budget: Money, spent: Money, flagged: Type.Boolean() }),
  lastReminderAt: Nullable(Type.String()),
  canRemind: Type.Boolean(),
});
export type SubjectRow = Static<typeof SubjectRow>;
export const SubjectsPage = Type.Object({ total: count, items: Type.Array(SubjectRow) });

export const Charts = Type.Object({
  months: Type.Array(Month),
  completion: Type.Array(Type.Object({ month: Month, planned: count, delivered: count })),
  overdue: Type.Array(Type.Object({ month: Month, lines: count })),
  turnaround: Type.Array(Type.Object({ tier: Type.Union([Type.Literal('unit'), Type.Literal('platform'), Type.Literal('expert')]), count, meanDays: Nullable(Type.Number()), medianDays: Nullable(Type.Number()) })),
  usage: Type.Array(Type.Object({ month: Month, views: count, downloads: count, searchHits: count })),
});
export type Charts = Static<typeof Charts>;

export const ReminderRequest = Type.Object({
  subjectCodes: Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { minItems: 1, maxItems: 200 }),
  message: Type.Optional(Type.String({ maxLength: 2000 })),
}, { additionalProperties: false });
export type ReminderRequest = Static<typeof ReminderRequest>;

export const ReminderStatus = Type.Union([Type.Literal('sent'), Type.Literal('already_today'), Type.Literal('no_recipients'), Type.Literal('forbidden'), Type.Literal('not_found')]);
export const ReminderResults = Type.Object({
  results: Type.Array(Type.Object({ code: Type.String(), status: ReminderStatus, recipients: Type.Integer({ minimum: 0, description: 'People mailed by this request' }) })),
});

export const ReminderLogQuery = Type.Object({
  subjectCode: Type.Optional(Type.String({ maxLength: 60 })),
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
}, { additionalProperties: false });
export type ReminderLogQuery = Static<typeof ReminderLogQuery>;
export const ReminderLog = Type.Object({
  total: count,
  items: Type.Array(Type.Object({
    id: Type.String(), subjectCode: Type.String(), subjectTitle: Type.String(), recipientName: Type.String(),
    reason: Type.String({ description: 'manual | before_due | after_due' }), message: Nullable(Type.String()), sentByName: Nullable(Type.String()),
    day: Day, createdAt: Type.String(),
  })),
});

export const ReminderSettings = Type.Object({
  enabled: Type.Boolean(),
  beforeDays: Type.Array(Type.Integer(), { maxItems: 100 }),
  afterDays: Type.Array(Type.Integer(), { maxItems: 100 }),
}, { additionalProperties: false });
export type ReminderSettings = Static<typeof ReminderSettings>;

export const CodeParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 60 }) });
export const FundingRequest = Type.Object({
  amountSpent: Type.Number(),
  note: Type.Optional(Type.String({ maxLength: 500 })),
}, { additionalProperties: false });
export type FundingRequest = Static<typeof FundingRequest>;
export const FundingBody = Type.Object({
  budget: Money, spent: Money, flagged: Type.Boolean(),
  reports: Type.Array(Type.Object({ amountSpent: Money, note: Nullable(Type.String()), reportedByName: Nullable(Type.String()), reportedAt: Type.String() })),
});
export type FundingBody = Static<typeof FundingBody>;
