import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { recordAudit } from '../../platform/audit';
import { systemCtx } from '../../platform/context';
import { chinaDate } from '../../platform/china-time';

/**
 * Opens the files of embargoed resources whose embargo ended (China date): the sharing mode becomes
 * open, audited, and `afterEach` (the search index) sees the change in the same transaction.
 */
export async function liftEmbargoes(db: Kysely<DB>, afterEach: (trx: Kysely<DB>, resourceId: string) => Promise<void>, today = chinaDate()): Promise<number> {
  const due = await db.selectFrom('resources').select(['id', 'embargoEnd']).where('sharingMode', '=', 'embargo').where('status', 'in', ['released', 'superseded']).where('embargoEnd', '<=', today).execute();
  for (const resource of due) {
    await db.transaction().execute(async (trx) => {
      const lifted = await trx.updateTable('resources').set({ sharingMode: 'open', updatedAt: new Date() }).where('id', '=', resource.id).where('sharingMode', '=', 'embargo').returning('id').executeTakeFirst();
      if (!lifted) return;
      await recordAudit(trx, systemCtx('embargo-lift'), { action: 'resource.embargo_lifted', objectType: 'resource', objectId: resource.id, before: { sharingMode: 'embargo', embargoEnd: resource.embargoEnd }, after: { sharingMode: 'open' } });
      await afterEach(trx, resource.id);
    });
  }
  return due.length;
}
