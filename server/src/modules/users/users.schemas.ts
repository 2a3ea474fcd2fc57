import { Type } from 'typebox';
import { ROLES } from '../../../../common/roles';
import { Nullable, Uuid } from '../../platform/schemas';
import { GrantBody, UserBody } from '../auth/auth.schemas';

export const UserListItem = Type.Intersect([UserBody, Type.Object({ orgName: Nullable(Type.String()) })]);
export const UserDetail = Type.Intersect([UserBody, Type.Object({ orgName: Nullable(Type.String()), grants: Type.Array(GrantBody) })]);

const contact = {
  email: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: 254 }))),
  phone: Type.Optional(Nullable(Type.String({ pattern: '^[0-9+\\- ()]{5,30}$' }))),
  orcid: Type.Optional(Nullable(Type.String({ pattern: '^\\d{4}-\\d{4}-\\d{4}-\\d{3}[\\dX]$' }))),
  orgId: Type.Optional(Nullable(Uuid)),
};

export const CreateUserRequest = Type.Object(
  {
    username: Type.String({ minLength: 3, maxLength: 64, pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]*$' }),
    displayName: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }),
    password: Type.String({ minLength: 1, maxLength: 256 }),
    ...contact,
  },
  { additionalProperties: false },
);

export const UpdateUserRequest = Type.Object(
  {
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' })),
    status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('disabled')])),
    password: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
    ...contact,
  },
  { additionalProperties: false, minProperties: 1 },
);

export const UserQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  orgId: Type.Optional(Uuid),
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
});

export const CreateGrantRequest = Type.Object(
  { role: Type.Enum(ROLES), scopeId: Type.Optional(Nullable(Uuid)) },
  { additionalProperties: false },
);
