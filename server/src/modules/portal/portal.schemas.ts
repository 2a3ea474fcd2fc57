import { Type } from 'typebox';
import { Nullable } from '../../platform/schemas';

const Bilingual = Type.Object({ zh: Type.String(), en: Type.String() });
const Named = Type.Object({ code: Type.String(), titleZh: Type.String() });

export const PortalResource = Type.Object({
  id: Type.String(), lineageId: Type.String(), versionNo: Type.Integer(), latestVersionNo: Type.Integer(), status: Type.String(),
  resourceType: Type.String(), typeLabel: Bilingual, titleZh: Type.String(), titleEn: Nullable(Type.String()), description: Nullable(Type.String()), keywords: Type.Array(Type.String()),
  cstr: Type.String(), cstrUrl: Type.String(), releasedAt: Type.String(), sharingMode: Type.String(), embargoEnd: Nullable(Type.String()), licence: Type.Object({ id: Type.String(), label: Bilingual }),
  subject: Named, project: Named, program: Named, platform: Type.Object({ id: Type.String(), name: Bilingual }), unit: Type.Object({ id: Type.String(), name: Type.String() }),
  province: Type.Object({ code: Type.String(), name: Bilingual }),
  creators: Type.Array(Type.Object({ name: Type.String(), unit: Nullable(Type.String()), orcid: Nullable(Type.String()) })),
  fields: Type.Array(Type.Object({ key: Type.String(), label: Bilingual, group: Nullable(Bilingual), value: Type.Unknown(), text: Type.String() })),
  files: Nullable(Type.Array(Type.Object({ id: Type.String(), path: Type.String(), name: Type.String(), size: Type.Number(), mediaType: Type.String(), sha256: Type.String() }))),
  access: Type.Object({
    canDownload: Type.Boolean(), reason: Type.String(), embargoEnd: Nullable(Type.String()),
    application: Nullable(Type.Object({ id: Type.String(), status: Type.String(), expiresAt: Nullable(Type.String()), reason: Nullable(Type.String()) })),
    contact: Nullable(Type.Object({ name: Type.String(), email: Nullable(Type.String()), phone: Nullable(Type.String()) })),
    agreement: Nullable(Bilingual),
  }),
  versions: Type.Array(Type.Object({ id: Type.String(), versionNo: Type.Integer(), status: Type.String(), cstr: Nullable(Type.String()), releasedAt: Nullable(Type.String()) })),
  related: Type.Array(Type.Object({ id: Type.String(), titleZh: Type.String(), resourceType: Type.String(), cstr: Type.String() })),
  usage: Type.Object({ views: Type.Integer(), downloads: Type.Integer(), uniqueViews: Type.Integer(), uniqueDownloads: Type.Integer() }),
  withdrawal: Nullable(Type.Object({ at: Type.String(), reason: Type.String() })),
  citation: Type.Object({ gbt7714: Type.String() }),
});

export const ApplicationBody = Type.Object({
  id: Type.String(), resourceId: Type.String(), resourceTitle: Type.String(), applicant: Type.Object({ id: Type.String(), displayName: Type.String(), email: Nullable(Type.String()) }),
  purpose: Type.String(), intendedUse: Type.String(), status: Type.String(), reason: Nullable(Type.String()), decidedBy: Nullable(Type.String()), decidedAt: Nullable(Type.String()),
  expiresAt: Nullable(Type.String()), createdAt: Type.String(), expired: Type.Boolean(),
});
const Text = (min: number, max: number) => Type.String({ minLength: min, maxLength: max, pattern: '\\S' });
export const ApplyRequest = Type.Object({ purpose: Text(4, 2000), intendedUse: Text(4, 2000), agreementAccepted: Type.Boolean() }, { additionalProperties: false });
export const ContactRequest = Type.Object({ name: Text(1, 100), email: Type.String({ format: 'email', maxLength: 254 }), message: Text(4, 2000) }, { additionalProperties: false });
export const DecisionRequest = Type.Object({
  decision: Type.Enum(['approve', 'reject']),
  reason: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  expiresAt: Type.Optional(Nullable(Type.String({ format: 'date' }))),
}, { additionalProperties: false });
export const RegisterRequest = Type.Object({
  username: Type.String({ minLength: 3, maxLength: 64, pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]*$' }),
  displayName: Text(1, 100),
  email: Type.String({ format: 'email', maxLength: 254 }),
  password: Type.String({ minLength: 1, maxLength: 200 }),
}, { additionalProperties: false });
export const VerifyEmailRequest = Type.Object({ token: Type.String({ minLength: 10, maxLength: 200 }) }, { additionalProperties: false });
