import { sql, type Kysely } from 'kysely';

// Self-registration is open to anyone: each accepted registration is recorded with its client address,
// so one address can register only so many accounts per window (REGISTER_MAX_PER_IP).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('registration_attempts')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('ip', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('registration_attempts_ip_idx').on('registration_attempts').columns(['ip', 'at']).execute();
  await db.schema.createIndex('login_failures_at_idx').on('login_failures').column('at').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('login_failures_at_idx').ifExists().execute();
  await db.schema.dropTable('registration_attempts').ifExists().execute();
}
