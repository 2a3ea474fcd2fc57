import { Type, type TSchema } from 'typebox';
import { Nullable, Page, Uuid } from '../../platform/schemas';
import { Rules, SHARING_PARTS } from './evaluation-rules';

const Score = Nullable(Type.Number());
const Share = Nullable(Type.Number());
const Instant = Type.String({ format: 'date-time' });
const Parts = <T extends TSchema>(value: T) => Type.Object(Object.fromEntries(SHARING_PARTS.map((p) => [p, value])) as Record<(typeof SHARING_PARTS)[number], T>);

export const Run = Type.Object({
  id: Type.String(), ruleVersion: Type.Integer(), asOf: Type.String(), trigger: Type.String(), status: Type.String(), subjects: Type.Integer(),
  createdAt: Type.String(), startedAt: Nullable(Type.String()), finishedAt: Nullable(Type.String()), error: Nullable(Type.String()), requestedByName: Nullable(Type.String()),
});
export const RuleSetVersion = Type.Object({ version: Type.Integer(), rules: Rules, note: Nullable(Type.String()), createdAt: Type.String(), createdByName: Nullable(Type.String()) });
export const RulesAnswer = Type.Object({ current: RuleSetVersion, versions: Type.Array(RuleSetVersion) });
export const VersionParams = Type.Object({ version: Type.Integer({ minimum: 1, maximum: 1_000_000 }) });
export const NewRules = Type.Object({ rules: Rules, note: Type.String({ minLength: 1, maxLength: 500, pattern: '\\S' }) }, { additionalProperties: false });
export const NewRulesAnswer = Type.Object({ ruleSet: RuleSetVersion, run: Run });
export const RunRequest = Type.Object({ asOf: Type.Optional(Instant) }, { additionalProperties: false });
export const RunsQuery = Page;
export const RunsAnswer = Type.Object({ total: Type.Integer(), items: Type.Array(Run) });

const Filters = {
  province: Type.Optional(Type.String({ pattern: '^\\d{2}0000$' })),
  unitId: Type.Optional(Uuid),
  platformId: Type.Optional(Uuid),
  programCode: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
  projectCode: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
};
export const ScoresQuery = Type.Object({
  level: Type.Enum(['subject', 'pi', 'unit', 'province', 'platform', 'program'], { default: 'subject' }),
  run: Type.Optional(Uuid),
  ...Filters,
  sort: Type.Enum(['rank', 'total', 'completion', 'sharing'], { default: 'rank' }),
  order: Type.Optional(Type.Enum(['asc', 'desc'])),
  ...Page.properties,
}, { additionalProperties: false });
export const ScoreRow = Type.Object({
  key: Type.String(), name: Nullable(Type.String()), subjects: Type.Integer(), completion: Score, sharing: Score, total: Score, rank: Nullable(Type.Integer()),
  previousTotal: Score, trend: Type.Array(Type.Object({ runId: Type.String(), asOf: Type.String(), total: Score })),
});
export const ScoresAnswer = Type.Object({ run: Nullable(Run), level: Type.String(), total: Type.Integer(), items: Type.Array(ScoreRow) });

export const SubjectParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 60 }) });
export const RunQuery = Type.Object({ run: Type.Optional(Uuid) }, { additionalProperties: false });
const Inputs = Type.Object({
  lines: Type.Array(Type.Object({ type: Type.String(), planned: Type.Integer(), dueDate: Type.String(), onTime: Nullable(Type.Integer()), waived: Type.Boolean() })),
  releasedByType: Type.Record(Type.String(), Type.Integer()),
  firstRound: Type.Object({ approved: Type.Integer(), returned: Type.Integer() }),
  rubric: Type.Object({ count: Type.Integer(), mean: Share }),
  completeness: Type.Object({ resources: Type.Integer(), mean: Share }),
  usage: Parts(Type.Number()),
  usageThrough: Nullable(Type.String()),
});
const Components = Type.Object({
  timeliness: Share, quantity: Share, firstPass: Share, rubric: Share, completeness: Share, quality: Share, completion: Share,
  sharingParts: Parts(Type.Number()), sharing: Share, total: Share,
});
export const SubjectDetail = Type.Object({
  subject: Type.Object({ code: Type.String(), titleZh: Type.String(), titleEn: Nullable(Type.String()) }),
  run: Run,
  rules: Rules,
  score: Type.Object({ completion: Score, sharing: Score, total: Score, rank: Nullable(Type.Integer()), of: Type.Integer() }),
  inputs: Inputs,
  components: Components,
  history: Type.Array(Type.Object({ runId: Type.String(), asOf: Type.String(), ruleVersion: Type.Integer(), completion: Score, sharing: Score, total: Score })),
});

export const PersonParams = Type.Object({ id: Uuid });
export const UnitParams = Type.Object({ creditCode: Type.String({ pattern: '^[0-9A-HJ-NPQRTUWXY]{18}$' }) });
export const RecordAnswer = Type.Object({
  kind: Type.Enum(['person', 'unit']), id: Type.String(), name: Type.String(), organisation: Nullable(Type.String()),
  run: Nullable(Type.Object({ id: Type.String(), asOf: Type.String(), ruleVersion: Type.Integer() })),
  summary: Type.Object({ subjects: Type.Integer(), certified: Type.Integer(), completion: Score, quality: Score, sharing: Score, total: Score, rank: Nullable(Type.Integer()), of: Nullable(Type.Integer()) }),
  subjects: Type.Array(Type.Object({
    code: Type.String(), titleZh: Type.String(), role: Type.Enum(['pi', 'lead_unit', 'unit']), programCode: Type.String(), status: Type.String(),
    planned: Type.Integer(), delivered: Type.Integer(), completion: Score, quality: Score, sharing: Score, total: Score,
    certificate: Nullable(Type.Object({ code: Type.String(), issuedAt: Type.String() })),
  })),
});

export const ReuseRequest = Type.Object({
  kind: Type.Enum(['citation', 'benefit']),
  description: Type.String({ minLength: 1, maxLength: 2000, pattern: '\\S' }),
  citation: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
  doi: Type.Optional(Nullable(Type.String({ maxLength: 300, pattern: '^10\\.\\d{4,9}/\\S+$' }))),
  url: Type.Optional(Nullable(Type.String({ maxLength: 2000, pattern: '^https?://\\S+$' }))),
}, { additionalProperties: false });
export const ReuseReport = Type.Object({
  id: Type.String(), resourceId: Type.String(), resourceTitle: Type.String(), cstr: Nullable(Type.String()), kind: Type.String(), citation: Nullable(Type.String()), doi: Nullable(Type.String()),
  url: Nullable(Type.String()), description: Type.String(), reportedByName: Type.String(), reportedAt: Type.String(), status: Type.String(),
  reviewedByName: Nullable(Type.String()), reviewedAt: Nullable(Type.String()), reviewNote: Nullable(Type.String()),
});
export const ReuseQuery = Type.Object({ status: Type.Optional(Type.Enum(['pending', 'accepted', 'rejected'])), ...Page.properties }, { additionalProperties: false });
export const ReuseDecision = Type.Object({ decision: Type.Enum(['accept', 'reject']), note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))) }, { additionalProperties: false });
