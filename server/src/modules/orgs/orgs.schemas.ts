import { Type } from 'typebox';
import { ORG_KINDS } from '../../../../common/roles';
import { Nullable, Uuid } from '../../platform/schemas';

export const OrgKind = Type.Enum(ORG_KINDS);

export const OrgBody = Type.Object({
  id: Type.String(),
  kind: OrgKind,
  nameZh: Type.String(),
  nameEn: Nullable(Type.String()),
  parentId: Nullable(Type.String()),
  regionCode: Nullable(Type.String()),
  creditCode: Nullable(Type.String()),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});

const name = Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' });
const optionalFields = {
  nameEn: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
  parentId: Type.Optional(Nullable(Uuid)),
  regionCode: Type.Optional(Nullable(Type.String({ pattern: '^\\d{6}$' }))),
  creditCode: Type.Optional(Nullable(Type.String({ maxLength: 18, description: 'Unified social credit code (GB 32100)' }))),
};

export const CreateOrgRequest = Type.Object({ kind: OrgKind, nameZh: name, ...optionalFields }, { additionalProperties: false });
export const UpdateOrgRequest = Type.Object(
  { kind: Type.Optional(OrgKind), nameZh: Type.Optional(name), ...optionalFields },
  { additionalProperties: false, minProperties: 1 },
);

export const OrgQuery = Type.Object({
  kind: Type.Optional(OrgKind),
  q: Type.Optional(Type.String({ maxLength: 100 })),
});

export const RegionBody = Type.Object({ code: Type.String(), nameZh: Type.String(), nameEn: Type.String() });
