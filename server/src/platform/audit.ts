import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { Ctx } from './context';

export const GENESIS_HASH = '0'.repeat(64);
// Serialises appends to the chain across connections and app instances.
const AUDIT_LOCK_KEY = 72_011_042;

/** What changed: the action, the object, and its state before and after. */
export interface AuditInput {
  action: string;
  objectType: string;
  objectId: string | null;
  before?: unknown;
  after?: unknown;
}

/** JSON with sorted keys, so the hash does not depend on how jsonb orders them. */
export function canonicalJson(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

interface HashedFields {
  at: Date;
  actorId: string | null;
  actorLabel: string;
  action: string;
  objectType: string;
  objectId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  ip: string | null;
}

/** The hash of one entry, chained to the previous entry's hash. */
export function entryHash(prevHash: string, entry: HashedFields): string {
  const body = canonicalJson({ ...entry, at: entry.at.toISOString(), prevHash });
  return createHash('sha256').update(body).digest('hex');
}

/** Normalises a value the way jsonb will give it back (dates as strings, no undefined). */
function toJson(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

/**
 * Appends an audit entry inside the caller's transaction, so the entry exists exactly when the
 * change it describes does.
 */
export async function recordAudit(trx: Kysely<DB>, ctx: Ctx, input: AuditInput): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(trx);
  const last = await trx.selectFrom('auditLog').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
  const prevHash = last?.hash ?? GENESIS_HASH;
  // Millisecond precision: what JavaScript and timestamptz both keep exactly.
  const fields: HashedFields = {
    at: new Date(),
    actorId: ctx.actor?.userId || null,
    actorLabel: ctx.actor?.username ?? ctx.requestId,
    action: input.action,
    objectType: input.objectType,
    objectId: input.objectId,
    before: toJson(input.before),
    after: toJson(input.after),
    requestId: ctx.requestId,
    ip: ctx.ip,
  };
  await trx
    .insertInto('auditLog')
    .values({
      ...fields,
      before: JSON.stringify(fields.before),
      after: JSON.stringify(fields.after),
      prevHash,
      hash: entryHash(prevHash, fields),
    })
    .execute();
}

/** Result of walking the chain: the count checked and the first broken link, if any. */
export interface ChainReport {
  ok: boolean;
  checked: number;
  firstBrokenId: number | null;
  reason: 'hash_mismatch' | 'prev_hash_mismatch' | null;
}

/** Recomputes every hash in order and reports the first entry that does not match. */
export async function verifyAuditChain(db: Kysely<DB>, batchSize = 1000): Promise<ChainReport> {
  let prevHash = GENESIS_HASH;
  let lastId = 0;
  let checked = 0;
  for (;;) {
    const rows = await db.selectFrom('auditLog').selectAll().where('id', '>', lastId).orderBy('id').limit(batchSize).execute();
    if (rows.length === 0) return { ok: true, checked, firstBrokenId: null, reason: null };
    for (const row of rows) {
      if (row.prevHash !== prevHash) return { ok: false, checked, firstBrokenId: row.id, reason: 'prev_hash_mismatch' };
      const expected = entryHash(prevHash, {
        at: new Date(row.at),
        actorId: row.actorId,
        actorLabel: row.actorLabel,
        action: row.action,
        objectType: row.objectType,
        objectId: row.objectId,
        before: row.before,
        after: row.after,
        requestId: row.requestId,
        ip: row.ip,
      });
      if (expected !== row.hash) return { ok: false, checked, firstBrokenId: row.id, reason: 'hash_mismatch' };
      prevHash = row.hash;
      lastId = row.id;
      checked += 1;
    }
  }
}
