import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // Members register themselves: their account waits for the e-mail link before it may log in.
  await sql`ALTER TABLE users DROP CONSTRAINT IF EXISTS users_status_check`.execute(db);
  await sql`ALTER TABLE users ADD CONSTRAINT users_status_check CHECK (status IN ('active','disabled','pending'))`.execute(db);

  await db.schema
    .createTable('email_verifications')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('token_hash', 'char(64)', (c) => c.notNull().unique())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('access_applications')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('resource_id', 'uuid', (c) => c.notNull().references('resources.id'))
    .addColumn('applicant_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('intended_use', 'text', (c) => c.notNull())
    .addColumn('agreement_accepted_at', 'timestamptz', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending').check(sql`status IN ('pending','approved','rejected')`))
    .addColumn('reason', 'text')
    .addColumn('decided_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('decided_at', 'timestamptz')
    .addColumn('expires_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('access_applications_resource_idx').on('access_applications').columns(['resource_id', 'status']).execute();
  await db.schema.createIndex('access_applications_applicant_idx').on('access_applications').columns(['applicant_id', 'resource_id']).execute();
  // One open application per applicant and resource.
  await sql`CREATE UNIQUE INDEX access_applications_pending_uq ON access_applications (resource_id, applicant_id) WHERE status = 'pending'`.execute(db);

  await db.schema
    .createTable('contact_requests')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('resource_id', 'uuid', (c) => c.notNull().references('resources.id'))
    .addColumn('user_id', 'uuid', (c) => c.references('users.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['contact_requests', 'access_applications', 'email_verifications']) await db.schema.dropTable(table).ifExists().execute();
  await sql`ALTER TABLE users DROP CONSTRAINT IF EXISTS users_status_check`.execute(db);
  await sql`ALTER TABLE users ADD CONSTRAINT users_status_check CHECK (status IN ('active','disabled'))`.execute(db);
}
