import type { Kysely } from 'kysely';
import type { DB } from './db/schema';
import { recordAudit } from './platform/audit';
import { systemCtx } from './platform/context';
import { hashPassword } from './platform/secrets';

/** If no user exists and ADMIN_PASSWORD is set, creates `admin` as sysadmin. Returns true if created. */
export async function ensureAdmin(db: Kysely<DB>, password: string | undefined): Promise<boolean> {
  if (!password) return false;
  const passwordHash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    const any = await trx.selectFrom('users').select('id').limit(1).executeTakeFirst();
    if (any) return false;
    const user = await trx
      .insertInto('users')
      .values({ username: 'admin', displayName: '系统管理员', passwordHash })
      .returning(['id', 'username'])
      .executeTakeFirstOrThrow();
    await trx.insertInto('roleGrants').values({ userId: user.id, role: 'sysadmin', scopeType: 'platform', scopeId: null }).execute();
    await recordAudit(trx, systemCtx('bootstrap'), { action: 'user.bootstrap_admin', objectType: 'user', objectId: user.id, after: { username: 'admin', role: 'sysadmin' } });
    return true;
  });
}
