import { sql, type Kysely } from 'kysely'

/**
 * Sign-in and the audit log: API tokens (only a SHA-256 hash of each is kept), the
 * sessions the SPA signs in with, and one row per successful write through the API.
 * Registry passwords are encrypted by boot right after migrating (encryptStoredPasswords),
 * not here: the key comes from the environment, which migrations do not see.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_used_at', 'timestamptz')
    .addColumn('expires_at', 'timestamptz')
    .addColumn('revoked_at', 'timestamptz')
    .addColumn('seq', 'bigserial', (c) => c.notNull())
    .execute()
  await sql`create index api_tokens_created on api_tokens (created_at desc, seq desc)`.execute(db)

  await db.schema
    .createTable('auth_sessions')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    // A session lives no longer than the token it was signed in with: revoking ends it.
    .addColumn('token_id', 'text', (c) => c.notNull().references('api_tokens.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('auth_sessions_token').on('auth_sessions').column('token_id').execute()

  await db.schema
    .createTable('audit_events')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('time', 'timestamptz', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('actor_via', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('details', 'jsonb', (c) => c.notNull())
    .addColumn('request_id', 'text')
    .execute()
  await sql`create index audit_events_time on audit_events (time desc, id desc)`.execute(db)
  await db.schema.createIndex('audit_events_actor').on('audit_events').columns(['actor', 'time']).execute()
  await db.schema.createIndex('audit_events_action').on('audit_events').columns(['action', 'time']).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('audit_events').execute()
  await db.schema.dropTable('auth_sessions').execute()
  await db.schema.dropTable('api_tokens').execute()
}
