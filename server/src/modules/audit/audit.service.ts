import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { authorize } from '../../platform/authz';
import { verifyAuditChain } from '../../platform/audit';
import type { Ctx } from '../../platform/context';

export interface AuditFilter {
  action?: string;
  objectType?: string;
  objectId?: string;
  actorId?: string;
  page: number;
  pageSize: number;
}

export class AuditService {
  constructor(private readonly db: Kysely<DB>) {}

  async list(ctx: Ctx, filter: AuditFilter) {
    authorize(ctx.actor, 'audit.read', null);
    let query = this.db.selectFrom('auditLog');
    if (filter.action) query = query.where('action', '=', filter.action);
    if (filter.objectType) query = query.where('objectType', '=', filter.objectType);
    if (filter.objectId) query = query.where('objectId', '=', filter.objectId);
    if (filter.actorId) query = query.where('actorId', '=', filter.actorId);
    const [rows, total] = await Promise.all([
      query.selectAll().orderBy('id', 'desc').limit(filter.pageSize).offset((filter.page - 1) * filter.pageSize).execute(),
      query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return {
      items: rows.map((row) => ({
        id: row.id,
        at: new Date(row.at).toISOString(),
        actorId: row.actorId,
        actorLabel: row.actorLabel,
        action: row.action,
        objectType: row.objectType,
        objectId: row.objectId,
        before: row.before ?? null,
        after: row.after ?? null,
        requestId: row.requestId,
        ip: row.ip,
        hash: row.hash,
      })),
      total: Number(total.n),
    };
  }

  async verify(ctx: Ctx) {
    authorize(ctx.actor, 'audit.verify', null);
    return verifyAuditChain(this.db);
  }
}
