import { sql, type Kysely } from 'kysely'

/** Instances and the index of their repositories and tags. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('instances')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('endpoint', 'text', (c) => c.notNull())
    .addColumn('username', 'text')
    .addColumn('password', 'text')
    .addColumn('insecure_tls', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('sync_status', 'text', (c) => c.notNull())
    .addColumn('sync_error', 'text')
    .addColumn('last_sync_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('modified_at', 'timestamptz', (c) => c.notNull())
    .execute()
  // Names are unique regardless of case: "Prod" and "prod" side by side only confuse.
  await sql`create unique index instances_name_lower on instances (lower(name))`.execute(db)

  await db.schema
    .createTable('repositories')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('instance_id', 'text', (c) => c.notNull().references('instances.id').onDelete('cascade'))
    .addColumn('namespace', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('last_push_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('modified_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('repositories_instance_full_name', ['instance_id', 'full_name'])
    .execute()
  await db.schema.createIndex('repositories_instance_ns').on('repositories').columns(['instance_id', 'namespace', 'name']).execute()

  await db.schema
    .createTable('tags')
    .addColumn('repo_id', 'text', (c) => c.notNull().references('repositories.id').onDelete('cascade'))
    .addColumn('instance_id', 'text', (c) => c.notNull().references('instances.id').onDelete('cascade'))
    .addColumn('tag', 'text', (c) => c.notNull())
    .addColumn('digest', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('image_size', 'bigint', (c) => c.notNull())
    .addColumn('platforms', 'jsonb', (c) => c.notNull())
    .addColumn('layer_count', 'integer', (c) => c.notNull())
    .addColumn('image_created_at', 'timestamptz')
    .addColumn('push_time', 'timestamptz', (c) => c.notNull())
    .addColumn('synced_at', 'timestamptz', (c) => c.notNull())
    // A tie-breaker that keeps paging stable when sort keys are equal.
    .addColumn('seq', 'bigserial', (c) => c.notNull())
    .addPrimaryKeyConstraint('tags_pk', ['repo_id', 'tag'])
    .execute()
  await db.schema.createIndex('tags_instance_digest').on('tags').columns(['instance_id', 'digest']).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('tags').execute()
  await db.schema.dropTable('repositories').execute()
  await db.schema.dropTable('instances').execute()
}
