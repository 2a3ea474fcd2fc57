import { Type } from 'typebox';
import { Nullable, Uuid } from '../../platform/schemas';

const Bilingual = Type.Object({ zh: Type.String({ maxLength: 100 }), en: Type.String({ maxLength: 100 }) }, { additionalProperties: false });
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const Tier = Type.Enum(['unit', 'platform', 'expert']);
const Snapshot = Nullable(Type.Object({ sha256: Type.String(), size: Type.Number() }));

export const QueueQuery = Type.Object({ tier: Type.Enum(['unit', 'platform', 'expert', 'release']) });
export const QueueItem = Type.Object({
  resourceId: Type.String(), titleZh: Type.String(), resourceType: Type.String(), typeLabel: Type.Object({ zh: Type.String(), en: Type.String() }), versionNo: Type.Integer(),
  subjectId: Type.String(), subjectCode: Type.String(), subjectTitle: Type.String(), leadUnitName: Type.String(), status: Type.String(), round: Type.Integer(),
  enteredAt: Type.String(), dueAt: Nullable(Type.String()), overdue: Type.Boolean(),
  experts: Nullable(Type.Object({ assigned: Type.Integer(), submitted: Type.Integer() })),
  assignment: Nullable(Type.Object({ id: Type.String(), conflict: Type.String(), submittedAt: Nullable(Type.String()) })),
});

export const DecisionRequest = Type.Object({
  decision: Type.Enum(['approve', 'return']),
  comment: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))),
  fieldComments: Type.Optional(Type.Array(Type.Object({ field: Text(100), body: Type.String({ maxLength: 5000 }) }, { additionalProperties: false }), { maxItems: 100 })),
  fileComments: Type.Optional(Type.Array(Type.Object({ path: Text(1000), body: Type.String({ maxLength: 5000 }) }, { additionalProperties: false }), { maxItems: 100 })),
}, { additionalProperties: false });
export const BulkRequest = Type.Object({
  resourceIds: Type.Array(Uuid, { minItems: 1, maxItems: 200 }),
  decision: Type.Enum(['approve', 'return']),
  comment: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))),
}, { additionalProperties: false });
export const BulkResult = Type.Object({
  results: Type.Array(Type.Object({ resourceId: Type.String(), ok: Type.Boolean(), status: Nullable(Type.String()), error: Nullable(Type.Object({ code: Type.String(), message: Type.String() })) })),
});
export const CommentRequest = Type.Object({
  body: Text(5000),
  field: Type.Optional(Nullable(Text(100))),
  filePath: Type.Optional(Nullable(Text(1000))),
  parentId: Type.Optional(Nullable(Uuid)),
}, { additionalProperties: false });

export const Assignment = Type.Object({
  assignmentId: Type.String(), expertId: Nullable(Type.String()), expertName: Type.String(), round: Type.Integer(), conflict: Type.String(), conflictNote: Nullable(Type.String()),
  scores: Nullable(Type.Array(Type.Object({ criterion: Type.String(), score: Type.Integer(), comment: Nullable(Type.String()) }))),
  recommendation: Nullable(Type.String()), sharingMode: Nullable(Type.String()), embargoMonths: Nullable(Type.Integer()), comment: Nullable(Type.String()), submittedAt: Nullable(Type.String()),
});
const Rule = Type.Object({ requireAllApprove: Type.Boolean(), minMean: Nullable(Type.Number({ minimum: 1, maximum: 5 })) }, { additionalProperties: false });
const Rubric = Type.Array(Type.Object({ key: Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$' }), label: Bilingual }, { additionalProperties: false }), { minItems: 1, maxItems: 10 });

export const ReviewDetail = Type.Object({
  resourceId: Type.String(), status: Type.String(), round: Type.Integer(), tier: Nullable(Tier), stepDueAt: Nullable(Type.String()), overdue: Type.Boolean(),
  route: Type.Array(Type.Object({ tier: Tier, skipped: Type.Boolean() })),
  rounds: Type.Array(Type.Object({ round: Type.Integer(), submittedAt: Type.String(), submittedByName: Nullable(Type.String()), outcome: Type.String() })),
  decisions: Type.Array(Type.Object({ id: Type.String(), round: Type.Integer(), tier: Tier, decision: Type.String(), comment: Nullable(Type.String()), reviewerName: Nullable(Type.String()), decidedAt: Type.String() })),
  comments: Type.Array(Type.Object({
    id: Type.String(), round: Type.Integer(), tier: Nullable(Tier), field: Nullable(Type.String()), fieldLabel: Nullable(Type.Object({ zh: Type.String(), en: Type.String() })), filePath: Nullable(Type.String()),
    parentId: Nullable(Type.String()), authorName: Type.String(), fromReviewer: Type.Boolean(), body: Type.String(), createdAt: Type.String(), resolvedAt: Nullable(Type.String()),
  })),
  openFields: Type.Array(Type.String()),
  diff: Type.Object({
    baseRound: Nullable(Type.Integer()),
    fields: Type.Array(Type.Object({ field: Type.String(), label: Type.Object({ zh: Type.String(), en: Type.String() }), before: Type.Unknown(), after: Type.Unknown() })),
    files: Type.Array(Type.Object({ path: Type.String(), change: Type.String(), before: Snapshot, after: Snapshot })),
  }),
  experts: Type.Array(Assignment),
  expertSummary: Nullable(Type.Object({
    rubric: Type.Array(Type.Object({ key: Type.String(), label: Type.Object({ zh: Type.String(), en: Type.String() }) })), means: Type.Record(Type.String(), Type.Number()), mean: Nullable(Type.Number()),
    approvals: Type.Integer(), submitted: Type.Integer(), active: Type.Integer(), minExperts: Type.Integer(), rule: Rule, outcome: Type.String(),
  })),
  myAssignment: Nullable(Assignment),
  can: Type.Object({ decide: Type.Boolean(), comment: Type.Boolean(), resolve: Type.Boolean(), assignExperts: Type.Boolean(), release: Type.Boolean(), withdraw: Type.Boolean(), newVersion: Type.Boolean() }),
});

export const Candidate = Type.Object({ userId: Type.String(), displayName: Type.String(), orgName: Nullable(Type.String()), assigned: Type.Boolean(), blocked: Type.Boolean(), reason: Nullable(Type.String()) });
export const AssignRequest = Type.Object({ expertIds: Type.Array(Uuid, { minItems: 1, maxItems: 10 }) }, { additionalProperties: false });
export const ConflictRequest = Type.Object({ conflict: Type.Boolean(), note: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))) }, { additionalProperties: false });
export const OpinionRequest = Type.Object({
  scores: Type.Array(Type.Object({ criterion: Text(40), score: Type.Integer({ minimum: 1, maximum: 5 }), comment: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))) }, { additionalProperties: false }), { minItems: 1, maxItems: 10 }),
  recommendation: Type.Enum(['approve', 'return']),
  sharingMode: Type.Enum(['open', 'registered', 'application', 'embargo', 'offline', 'restricted']),
  embargoMonths: Type.Integer({ minimum: 0, maximum: 36 }),
  comment: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))),
}, { additionalProperties: false });

export const ReviewSettingsBody = Type.Object({
  reviewDays: Type.Integer({ minimum: 1, maximum: 90 }),
  returnDays: Type.Integer({ minimum: 1, maximum: 90 }),
  skipTiers: Type.Record(Type.String({ maxLength: 40 }), Type.Array(Type.Enum(['unit', 'expert']), { maxItems: 2 })),
  rubric: Rubric,
  rule: Rule,
  minExperts: Type.Integer({ minimum: 1, maximum: 5 }),
  cstrTypeCodes: Type.Record(Type.String({ maxLength: 40 }), Type.String({ maxLength: 2 })),
}, { additionalProperties: false });
export const ReviewSettingsAnswer = Type.Intersect([ReviewSettingsBody, Type.Object({
  licences: Type.Array(Type.Object({ id: Type.String(), label: Type.Object({ zh: Type.String(), en: Type.String() }) })),
  resourceTypes: Type.Array(Type.Object({ type: Type.String(), label: Type.Object({ zh: Type.String(), en: Type.String() }) })),
})]);
export const AssignmentParams = Type.Object({ id: Uuid });
