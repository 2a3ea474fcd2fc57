import { Type } from 'typebox';
import { Nullable, Uuid } from '../../platform/schemas';
import { SHARING_MODES } from './plans.service';

const Line = Type.Object({
  resourceType: Type.String({ minLength: 1, maxLength: 40 }),
  plannedCount: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
  dueDate: Type.String({ format: 'date' }),
  sharingMode: Type.Enum(SHARING_MODES),
  notes: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
}, { additionalProperties: false });

export const LinesRequest = Type.Object({ lines: Type.Array(Line, { maxItems: 100 }) }, { additionalProperties: false });
export const AmendRequest = Type.Object({ reason: Type.String({ minLength: 2, maxLength: 2000, pattern: '\\S' }) }, { additionalProperties: false });
export const DecisionRequest = Type.Object({
  decision: Type.Enum(['approve', 'return']),
  comment: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))),
  lineComments: Type.Optional(Type.Array(Type.Object({ position: Type.Integer({ minimum: 1 }), body: Type.String({ minLength: 1, maxLength: 5000 }) }, { additionalProperties: false }), { maxItems: 100 })),
}, { additionalProperties: false });
export const CommentRequest = Type.Object({
  body: Type.String({ minLength: 1, maxLength: 5000, pattern: '\\S' }),
  linePosition: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
  parentId: Type.Optional(Nullable(Uuid)),
}, { additionalProperties: false });
export const QueueQuery = Type.Object({ tier: Type.Enum(['unit', 'platform']) });

const LineBody = Type.Object({
  position: Type.Integer(), resourceType: Type.String(), plannedCount: Type.Integer(), dueDate: Type.String(), sharingMode: Type.String(), notes: Nullable(Type.String()),
});
const VersionBody = Type.Object({
  id: Type.String(), versionNo: Type.Integer(), kind: Type.String(), amendmentReason: Nullable(Type.String()), status: Type.String(), round: Type.Integer(),
  stepDueAt: Nullable(Type.String()), overdue: Type.Boolean(), submittedAt: Nullable(Type.String()), approvedAt: Nullable(Type.String()), createdAt: Type.String(),
  lines: Type.Array(Type.Intersect([LineBody, Type.Object({ id: Type.String() })])),
  rounds: Type.Array(Type.Object({ round: Type.Integer(), submittedAt: Type.String(), lines: Type.Array(LineBody) })),
  decisions: Type.Array(Type.Object({ round: Type.Integer(), tier: Type.String(), decision: Type.String(), comment: Nullable(Type.String()), reviewerName: Nullable(Type.String()), decidedAt: Type.String() })),
  comments: Type.Array(Type.Object({ id: Type.String(), round: Type.Integer(), linePosition: Nullable(Type.Integer()), parentId: Nullable(Type.String()), authorName: Nullable(Type.String()), body: Type.String(), resolvedAt: Nullable(Type.String()), createdAt: Type.String() })),
  diff: Type.Array(Type.Object({
    position: Type.Integer(), change: Type.String(),
    fields: Type.Array(Type.Object({ field: Type.String(), from: Type.Unknown(), to: Type.Unknown() })),
    before: Nullable(LineBody), after: Nullable(LineBody),
  })),
  diffBase: Nullable(Type.String()),
});
export const PlanBody = Type.Object({
  subjectId: Type.String(),
  planId: Nullable(Type.String()),
  approved: Nullable(VersionBody),
  working: Nullable(VersionBody),
  history: Type.Array(Type.Object({ id: Type.String(), versionNo: Type.Integer(), kind: Type.String(), status: Type.String(), approvedAt: Nullable(Type.String()), amendmentReason: Nullable(Type.String()) })),
  allowedTypes: Type.Array(Type.Object({ type: Type.String(), label: Type.Object({ zh: Type.String(), en: Type.String() }) })),
  defaultDueDate: Nullable(Type.String()),
  acceptanceDate: Nullable(Type.String()),
  can: Type.Object({ edit: Type.Boolean(), reviewUnit: Type.Boolean(), reviewPlatform: Type.Boolean(), comment: Type.Boolean() }),
});
export const QueueItem = Type.Object({
  versionId: Type.String(), versionNo: Type.Integer(), kind: Type.String(), round: Type.Integer(), subjectId: Type.String(), code: Type.String(), titleZh: Type.String(),
  leadUnitName: Type.String(), piName: Nullable(Type.String()), since: Type.String(), dueAt: Nullable(Type.String()), overdue: Type.Boolean(),
});
