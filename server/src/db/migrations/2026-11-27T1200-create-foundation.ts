import { sql, type Kysely } from 'kysely';

// GB/T 2260: the 34 provincial-level administrative divisions.
const PROVINCES: Array<[string, string, string]> = [
  ['110000', '北京市', 'Beijing'], ['120000', '天津市', 'Tianjin'], ['130000', '河北省', 'Hebei'],
  ['140000', '山西省', 'Shanxi'], ['150000', '内蒙古自治区', 'Inner Mongolia'], ['210000', '辽宁省', 'Liaoning'],
  ['220000', '吉林省', 'Jilin'], ['230000', '黑龙江省', 'Heilongjiang'], ['310000', '上海市', 'Shanghai'],
  ['320000', '江苏省', 'Jiangsu'], ['330000', '浙江省', 'Zhejiang'], ['340000', '安徽省', 'Anhui'],
  ['350000', '福建省', 'Fujian'], ['360000', '江西省', 'Jiangxi'], ['370000', '山东省', 'Shandong'],
  ['410000', '河南省', 'Henan'], ['420000', '湖北省', 'Hubei'], ['430000', '湖南省', 'Hunan'],
  ['440000', '广东省', 'Guangdong'], ['450000', '广西壮族自治区', 'Guangxi'], ['460000', '海南省', 'Hainan'],
  ['500000', '重庆市', 'Chongqing'], ['510000', '四川省', 'Sichuan'], ['520000', '贵州省', 'Guizhou'],
  ['530000', '云南省', 'Yunnan'], ['540000', '西藏自治区', 'Xizang'], ['610000', '陕西省', 'Shaanxi'],
  ['620000', '甘肃省', 'Gansu'], ['630000', '青海省', 'Qinghai'], ['640000', '宁夏回族自治区', 'Ningxia'],
  ['650000', '新疆维吾尔自治区', 'Xinjiang'], ['710000', '台湾省', 'Taiwan'],
  ['810000', '香港特别行政区', 'Hong Kong'], ['820000', '澳门特别行政区', 'Macao'],
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);

  await db.schema
    .createTable('regions')
    .addColumn('code', 'char(6)', (c) => c.primaryKey())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('level', 'smallint', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.insertInto('regions').values(PROVINCES.map(([code, nameZh, nameEn]) => ({ code, name_zh: nameZh, name_en: nameEn }))).execute();

  await db.schema
    .createTable('organisations')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind IN ('ministry','centre','domain_platform','province_dept','unit','repository')`))
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text')
    .addColumn('parent_id', 'uuid', (c) => c.references('organisations.id'))
    .addColumn('region_code', 'char(6)', (c) => c.references('regions.code'))
    .addColumn('credit_code', 'char(18)', (c) => c.unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('organisations_parent_idx').on('organisations').column('parent_id').execute();
  await sql`CREATE UNIQUE INDEX organisations_name_parent_uq ON organisations (coalesce(parent_id, '00000000-0000-0000-0000-000000000000'::uuid), name_zh)`.execute(db);

  await db.schema
    .createTable('users')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('orcid', 'text')
    .addColumn('org_id', 'uuid', (c) => c.references('organisations.id'))
    .addColumn('password_hash', 'text')
    .addColumn('locale', 'text', (c) => c.notNull().defaultTo('zh-CN'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active').check(sql`status IN ('active','disabled')`))
    .addColumn('password_changed_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`CREATE UNIQUE INDEX users_username_uq ON users (lower(username))`.execute(db);
  await sql`CREATE UNIQUE INDEX users_email_uq ON users (lower(email)) WHERE email IS NOT NULL`.execute(db);
  await sql`CREATE INDEX users_name_trgm ON users USING gin (display_name gin_trgm_ops)`.execute(db);
  await db.schema.createIndex('users_org_idx').on('users').column('org_id').execute();

  await db.schema
    .createTable('role_grants')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('scope_type', 'text', (c) =>
      c.notNull().check(sql`scope_type IN ('platform','organisation','program','subject','none')`))
    .addColumn('scope_id', 'text')
    .addColumn('granted_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`CREATE UNIQUE INDEX role_grants_uq ON role_grants (user_id, role, scope_type, coalesce(scope_id, ''))`.execute(db);

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'char(64)', (c) => c.primaryKey())
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('last_seen_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'char(64)', (c) => c.notNull().unique())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('read_only', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_used_at', 'timestamptz')
    .addColumn('revoked_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('login_failures')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('login_key', 'text', (c) => c.notNull())
    .addColumn('ip', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('login_failures_key_idx').on('login_failures').columns(['login_key', 'at']).execute();
  await db.schema.createIndex('login_failures_ip_idx').on('login_failures').columns(['ip', 'at']).execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('actor_id', 'uuid')
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('object_type', 'text', (c) => c.notNull())
    .addColumn('object_id', 'text')
    .addColumn('before', 'jsonb')
    .addColumn('after', 'jsonb')
    .addColumn('request_id', 'text')
    .addColumn('ip', 'text')
    .addColumn('prev_hash', 'char(64)', (c) => c.notNull())
    .addColumn('hash', 'char(64)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_log_object_idx').on('audit_log').columns(['object_type', 'object_id']).execute();
  await db.schema.createIndex('audit_log_actor_idx').on('audit_log').column('actor_id').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['audit_log', 'login_failures', 'api_tokens', 'sessions', 'role_grants', 'users', 'organisations', 'regions']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
