import { Type } from 'typebox';
import { Nullable } from '../../platform/schemas';

export const UserBody = Type.Object({
  id: Type.String(),
  username: Type.String(),
  email: Nullable(Type.String()),
  displayName: Type.String(),
  phone: Nullable(Type.String()),
  orcid: Nullable(Type.String()),
  orgId: Nullable(Type.String()),
  locale: Type.String(),
  status: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
});

export const GrantBody = Type.Object({
  id: Type.String(),
  role: Type.String(),
  scopeType: Type.String(),
  scopeId: Nullable(Type.String()),
  scopeName: Nullable(Type.String()),
  scopeKind: Nullable(Type.String({ description: 'Kind of the scope organisation (unit, repository, …)' })),
});

export const LoginRequest = Type.Object(
  {
    login: Type.String({ minLength: 1, maxLength: 254, description: 'Username or email' }),
    password: Type.String({ minLength: 1, maxLength: 256 }),
  },
  { additionalProperties: false },
);

export const LoginResponse = Type.Object({ expiresAt: Type.String({ format: 'date-time' }) });

export const MeResponse = Type.Object({
  user: UserBody,
  grants: Type.Array(GrantBody),
  capabilities: Type.Object({ manageOrgs: Type.Boolean(), listUsers: Type.Boolean(), readAudit: Type.Boolean() }),
  csrfToken: Nullable(Type.String()),
  via: Type.Union([Type.Literal('session'), Type.Literal('token'), Type.Literal('operator')]),
});

export const PasswordRequest = Type.Object(
  { currentPassword: Type.String({ minLength: 1, maxLength: 256 }), newPassword: Type.String({ minLength: 1, maxLength: 256 }) },
  { additionalProperties: false },
);

export const LocaleRequest = Type.Object(
  { locale: Type.Union([Type.Literal('zh-CN'), Type.Literal('en')]) },
  { additionalProperties: false },
);

export const TokenBody = Type.Object({
  id: Type.String(),
  name: Type.String(),
  prefix: Type.String(),
  readOnly: Type.Boolean(),
  expiresAt: Type.String({ format: 'date-time' }),
  lastUsedAt: Nullable(Type.String({ format: 'date-time' })),
  revokedAt: Nullable(Type.String({ format: 'date-time' })),
  createdAt: Type.String({ format: 'date-time' }),
});

export const CreateTokenRequest = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }),
    expiresInDays: Type.Integer({ minimum: 1, maximum: 365, default: 90 }),
    readOnly: Type.Boolean({ default: false }),
  },
  { additionalProperties: false },
);

export const CreatedToken = Type.Intersect([TokenBody, Type.Object({ token: Type.String({ description: 'Shown once' }) })]);
