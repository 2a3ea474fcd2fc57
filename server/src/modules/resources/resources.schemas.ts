import { Type } from 'typebox';
import { Nullable, Uuid } from '../../platform/schemas';

const Bilingual = Type.Object({ zh: Type.String(), en: Type.String() });
const Item = Type.Object({ name: Type.String({ minLength: 1, maxLength: 200 }), quantity: Type.Number({ minimum: 0, maximum: 1e9 }), unit: Type.String({ minLength: 1, maxLength: 30 }) }, { additionalProperties: false });

export const CreateResourceRequest = Type.Object({
  resourceType: Type.String({ minLength: 1, maxLength: 40 }),
  metadata: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
}, { additionalProperties: false });
export const MetadataRequest = Type.Object({ metadata: Type.Record(Type.String(), Type.Unknown()) }, { additionalProperties: false });

export const FileBody = Type.Object({ id: Type.String(), path: Type.String(), name: Type.String(), size: Type.Number(), mediaType: Type.String(), sha256: Type.String(), createdAt: Type.String() });
export const DepositBody = Type.Object({
  id: Type.String(), resourceId: Type.String(), repositoryOrgId: Type.String(), repositoryName: Type.String(), repositoryNameEn: Nullable(Type.String()),
  items: Type.Array(Item), shippingMethod: Type.String(), trackingNumber: Nullable(Type.String()), sentDate: Type.String(), status: Type.String(),
  received: Nullable(Type.Array(Item)), condition: Nullable(Type.String()), accessionNumbers: Type.Array(Type.String()), discrepancyNote: Nullable(Type.String()),
  createdAt: Type.String(), confirmedAt: Nullable(Type.String()),
});
export const InboxItem = Type.Intersect([DepositBody, Type.Object({ resourceTitle: Type.String(), subjectCode: Type.String() })]);

export const ResourceDetail = Type.Object({
  id: Type.String(), subjectId: Type.String(), resourceType: Type.String(), typeLabel: Bilingual, standardVersionId: Type.String(), standardVersion: Type.String(),
  status: Type.String(), versionNo: Type.Integer(), titleZh: Type.String(), metadata: Type.Unknown(),
  problems: Type.Array(Type.Object({ path: Type.String(), label: Type.String(), code: Type.String(), message: Type.String() })),
  files: Type.Array(FileBody), deposits: Type.Array(DepositBody),
  planLine: Nullable(Type.Object({ position: Type.Integer(), resourceType: Type.String(), plannedCount: Type.Integer(), dueDate: Type.String(), ordinal: Type.Integer() })),
  editable: Type.Boolean(), createdAt: Type.String(), updatedAt: Type.String(), submittedAt: Nullable(Type.String()),
  review: Type.Object({ tier: Nullable(Type.String()), round: Type.Integer(), stepDueAt: Nullable(Type.String()), overdue: Type.Boolean(), openFields: Type.Array(Type.String()) }),
  release: Nullable(Type.Object({
    cstr: Type.String(), cstrUrl: Type.String(), sharingMode: Type.String(), embargoEnd: Nullable(Type.String()), licence: Type.String(), releasedAt: Type.String(),
    withdrawnAt: Nullable(Type.String()), withdrawalReason: Nullable(Type.String()),
  })),
  lineageId: Type.String(),
  versions: Type.Array(Type.Object({ id: Type.String(), versionNo: Type.Integer(), status: Type.String(), cstr: Nullable(Type.String()), releasedAt: Nullable(Type.String()) })),
});
export const ResourceListItem = Type.Object({
  id: Type.String(), resourceType: Type.String(), status: Type.String(), titleZh: Type.String(), versionNo: Type.Integer(),
  fileCount: Type.Integer(), totalBytes: Type.Number(), createdAt: Type.String(), updatedAt: Type.String(), submittedAt: Nullable(Type.String()),
});
export const DeliveryRow = Type.Object({ resourceType: Type.String(), planned: Type.Integer(), drafts: Type.Integer(), inReview: Type.Integer(), released: Type.Integer() });

export const DepositRequest = Type.Object({
  repositoryOrgId: Uuid,
  items: Type.Array(Item, { minItems: 1, maxItems: 200 }),
  shippingMethod: Type.String({ minLength: 1, maxLength: 100 }),
  trackingNumber: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
  sentDate: Type.String({ format: 'date' }),
}, { additionalProperties: false });
export const ReceiptRequest = Type.Object({
  outcome: Type.Enum(['received', 'discrepancy']),
  items: Type.Array(Item, { maxItems: 200 }),
  condition: Type.String({ minLength: 1, maxLength: 1000 }),
  accessionNumbers: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 1000 }),
  note: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
}, { additionalProperties: false });
export const FileParams = Type.Object({ id: Uuid, fileId: Uuid });
