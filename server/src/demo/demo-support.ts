import { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { Ctx } from '../platform/context';
import type { Role } from '../../../common/roles';
import type { Services } from '../services';
import type { FieldSchema } from '../modules/standards/standard-document';

/** A demo user acting through the services, exactly as their requests would. */
export async function as(db: Kysely<DB>, username: string): Promise<Ctx> {
  const user = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirstOrThrow();
  const grants = await db.selectFrom('roleGrants').select(['id', 'role', 'scopeType', 'scopeId']).where('userId', '=', user.id).execute();
  return {
    actor: { userId: user.id, username, displayName: user.displayName, orgId: user.orgId, locale: 'zh-CN', grants: grants.map((g) => ({ ...g, role: g.role as Role })), via: 'session', readOnly: false },
    requestId: 'demo', ip: '127.0.0.1', lang: 'zh-CN',
  };
}

/** A record valid against the standard: every field's example, with the demo's own title and subject. */
export function exampleRecord(schema: FieldSchema, title: string, subjectCode: string, sharingMode: string): Record<string, unknown> {
  const record = Object.fromEntries(Object.entries(schema.properties ?? {}).filter(([, f]) => f['x-example'] !== undefined && f['x-example'] !== null).map(([key, f]) => [key, f['x-example']]));
  delete record.titleEn;
  return { ...record, titleZh: title, subjectCode, sharingMode };
}

/** Stores a small demo file on a resource the way a finished upload does (blob, then the file row). */
export async function attach(db: Kysely<DB>, services: Services, resourceId: string, filePath: string, content: string) {
  const stored = await services.blobs.putStream(Readable.from([Buffer.from(content)]));
  await db.insertInto('blobs').values({ sha256: stored.sha256, size: stored.size }).onConflict((oc) => oc.column('sha256').doNothing()).execute();
  await db.insertInto('files').values({ resourceId, path: filePath, name: filePath.split('/').pop()!, size: stored.size, mediaType: filePath.endsWith('.csv') ? 'text/csv' : 'text/plain', sha256: stored.sha256, uploadedBy: null }).execute();
}
