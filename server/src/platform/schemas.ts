import { Type, type TSchema } from 'typebox';

/** The error body every failing route returns. */
export const ErrorBody = Type.Object(
  {
    code: Type.String(),
    message: Type.String(),
    details: Type.Array(Type.Object({ path: Type.String(), code: Type.String(), message: Type.String() })),
  },
  { $id: 'Error' },
);

const errorRef = Type.Ref('Error');

/** Error responses to document on a route, by status. */
export function errors(...statuses: number[]) {
  return Object.fromEntries(statuses.map((status) => [status, errorRef]));
}

export const Uuid = Type.String({ format: 'uuid' });
export const IdParams = Type.Object({ id: Uuid });
export const NoContent = Type.Null({ description: 'No content' });

export const Page = Type.Object({
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
});

export function Paged<T extends TSchema>(item: T) {
  return Type.Object({ items: Type.Array(item), total: Type.Integer() });
}

export function Items<T extends TSchema>(item: T) {
  return Type.Object({ items: Type.Array(item) });
}

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
