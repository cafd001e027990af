import { sql, type Kysely } from 'kysely'

/**
 * Scan rules: which tags of an instance get scanned (AUTO on push, MANUAL when run).
 * Namespaces and repository names are kept as given (they may not exist yet), as
 * JSON arrays; rule names are unique per instance.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('scan_rules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('instance_id', 'text', (c) => c.notNull().references('instances.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('scan_scope', 'text', (c) => c.notNull())
    .addColumn('trigger_type', 'text', (c) => c.notNull())
    .addColumn('scan_type', 'text', (c) => c.notNull())
    .addColumn('tag_pattern', 'text', (c) => c.notNull())
    .addColumn('namespaces', 'jsonb', (c) => c.notNull())
    .addColumn('repo_names', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('seq', 'bigserial', (c) => c.notNull())
    .addUniqueConstraint('scan_rules_instance_name', ['instance_id', 'name'])
    .execute()
  await sql`create index scan_rules_instance on scan_rules (instance_id, created_at desc, seq desc)`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('scan_rules').execute()
}
