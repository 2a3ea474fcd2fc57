import { Type } from 'typebox';
import { Nullable, Uuid } from '../../platform/schemas';
import { RESOURCE_TYPES } from './standard-document';

export const ResourceTypeName = Type.Enum(RESOURCE_TYPES);
const Bilingual = Type.Object({ zh: Type.String(), en: Type.String() });
const Status = Type.Enum(['draft', 'in_review', 'approved', 'retired']);

export const StandardDocumentBody = Type.Object({}, {
  additionalProperties: true,
  description: 'A collection standard document (see standards/README.md); checked in full on upload',
});

export const StandardSummary = Type.Object({
  id: Type.String(),
  domain: Type.String(),
  nameZh: Type.String(),
  nameEn: Type.String(),
  platformOrgId: Nullable(Type.String()),
  platformName: Nullable(Type.String()),
  platformNameEn: Nullable(Type.String()),
  canManage: Type.Boolean(),
  versions: Type.Array(Type.Object({
    id: Type.String(), version: Type.String(), status: Status, reviewRound: Type.Integer(),
    approvedAt: Nullable(Type.String()), updatedAt: Nullable(Type.String()),
  })),
});

const FieldRow = Type.Object({
  key: Type.String(),
  label: Bilingual,
  help: Nullable(Bilingual),
  type: Type.String(),
  required: Type.Boolean(),
  conditional: Type.Boolean(),
  vocabulary: Nullable(Type.String()),
  group: Nullable(Type.String()),
  widget: Nullable(Type.String()),
  example: Type.Unknown(),
});

export const VersionDetail = Type.Object({
  id: Type.String(),
  standardId: Type.String(),
  domain: Type.String(),
  platformOrgId: Nullable(Type.String()),
  version: Type.String(),
  status: Status,
  quorum: Type.String(),
  reviewRound: Type.Integer(),
  basedOnId: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  approvedAt: Nullable(Type.String()),
  document: Type.Unknown(),
  types: Type.Array(Type.Object({ type: Type.String(), label: Bilingual, fields: Type.Array(FieldRow) })),
  canManage: Type.Boolean(),
  canReview: Type.Boolean(),
  reviews: Type.Array(Type.Object({
    id: Type.String(), round: Type.Integer(), expertId: Type.String(), expertName: Type.String(),
    decision: Nullable(Type.String()), comment: Nullable(Type.String()), decidedAt: Nullable(Type.String()),
  })),
});

export const CreatedVersion = Type.Object({ id: Type.String(), version: Type.String(), status: Status });

export const CreateStandardRequest = Type.Object({
  domain: Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 64 }),
  nameZh: Type.String({ minLength: 1, maxLength: 200 }),
  nameEn: Type.String({ minLength: 1, maxLength: 300 }),
  platformOrgId: Type.Optional(Nullable(Uuid)),
}, { additionalProperties: false });

export const LinkPlatformRequest = Type.Object({ platformOrgId: Nullable(Uuid) }, { additionalProperties: false });

export const CloneRequest = Type.Object({ version: Type.Optional(Type.String({ pattern: '^\\d+\\.\\d+\\.\\d+$' })) }, { additionalProperties: false });

export const SubmitRequest = Type.Object({
  expertIds: Type.Array(Uuid, { minItems: 1, maxItems: 50 }),
  quorum: Type.Enum(['majority', 'all'], { default: 'majority' }),
}, { additionalProperties: false });

export const ReviewRequest = Type.Object({
  decision: Type.Enum(['approve', 'request_changes']),
  comment: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))),
}, { additionalProperties: false });

export const ValidateRequest = Type.Object({
  type: ResourceTypeName,
  record: Type.Object({}, { additionalProperties: true }),
  partial: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });

const RecordError = Type.Object({ path: Type.String(), label: Type.String(), code: Type.String(), message: Type.String() });
export const ValidateResponse = Type.Object({ valid: Type.Boolean(), errors: Type.Array(RecordError) });

export const TypeQuery = Type.Object({ type: ResourceTypeName });
export const DiffQuery = Type.Object({ base: Uuid });

export const DiffResponse = Type.Object({
  base: Type.String(),
  version: Type.String(),
  typesAdded: Type.Array(Type.String()),
  typesRemoved: Type.Array(Type.String()),
  fields: Type.Array(Type.Object({
    type: Type.String(), field: Type.String(), label: Bilingual, change: Type.String(),
    from: Type.Optional(Nullable(Type.String())), to: Type.Optional(Nullable(Type.String())),
  })),
  vocabularies: Type.Array(Type.Object({
    vocabulary: Type.String(), label: Bilingual, change: Type.String(), termsAdded: Type.Array(Type.String()), termsRemoved: Type.Array(Type.String()),
  })),
});

export const ParseResponse = Type.Object({
  valid: Type.Boolean(),
  rowCount: Type.Integer(),
  records: Type.Array(Type.Object({ row: Type.Integer(), record: Type.Unknown() })),
  errors: Type.Array(Type.Object({
    sheet: Type.String(), row: Nullable(Type.Integer()), column: Nullable(Type.String()),
    field: Nullable(Type.String()), label: Nullable(Type.String()), message: Type.String(),
  })),
});

export const ExpertBody = Type.Object({ id: Type.String(), displayName: Type.String(), username: Type.String() });

export const MyReview = Type.Object({
  id: Type.String(), round: Type.Integer(), decision: Nullable(Type.String()), comment: Nullable(Type.String()),
  assignedAt: Type.String(), decidedAt: Nullable(Type.String()), versionId: Type.String(), version: Type.String(),
  status: Status, domain: Type.String(), nameZh: Type.String(), nameEn: Type.String(), open: Type.Boolean(),
});

export const RevalidationRow = Type.Object({
  resourceId: Type.String(), subjectCode: Type.String(), resourceType: Type.String(), titleZh: Type.String(), status: Type.String(),
  currentVersion: Type.String(), typeCollected: Type.Boolean(), problems: Type.Array(RecordError),
});
