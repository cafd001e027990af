import { sql, type Kysely } from 'kysely'

/**
 * The OSV advisory store: one row per record (the raw JSON kept whole, so the matcher
 * reads exactly what the source published), and two index tables that answer the only
 * questions matching asks: "which records name this package in this ecosystem" and
 * "which records are known by this id".
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('advisories')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('modified', 'timestamptz', (c) => c.notNull())
    .addColumn('published', 'timestamptz')
    .addColumn('withdrawn', 'timestamptz')
    .addColumn('summary', 'text')
    .addColumn('raw', 'jsonb', (c) => c.notNull())
    .addColumn('imported_at', 'timestamptz', (c) => c.notNull())
    .execute()
  // The store's age ("newest record") is read on every scan.
  await db.schema.createIndex('advisories_modified').on('advisories').column('modified').execute()

  await db.schema
    .createTable('advisory_packages')
    .addColumn('advisory_id', 'text', (c) => c.notNull().references('advisories.id').onDelete('cascade'))
    /** As the record writes it: `Ubuntu:22.04:LTS`, `npm`. */
    .addColumn('ecosystem', 'text', (c) => c.notNull())
    /** The part before the first `:`, for records and lookups without a release. */
    .addColumn('ecosystem_base', 'text', (c) => c.notNull())
    /** Normalised per ecosystem (PEP 503 for PyPI, lower case for distributions). */
    .addColumn('name', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('advisory_packages_pk', ['advisory_id', 'ecosystem', 'name'])
    .execute()
  await db.schema.createIndex('advisory_packages_lookup').on('advisory_packages').columns(['ecosystem', 'name']).execute()
  await db.schema.createIndex('advisory_packages_base_lookup').on('advisory_packages').columns(['ecosystem_base', 'name']).execute()

  await db.schema
    .createTable('advisory_aliases')
    .addColumn('advisory_id', 'text', (c) => c.notNull().references('advisories.id').onDelete('cascade'))
    .addColumn('alias', 'text', (c) => c.notNull())
    /** `alias` (the same vulnerability), `upstream` (what a bundle such as a USN fixes) or `related`. */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('advisory_aliases_pk', ['advisory_id', 'alias', 'kind'])
    .execute()
  // The primary key answers "aliases of a record"; this answers "records known by an id".
  await db.schema.createIndex('advisory_aliases_alias').on('advisory_aliases').column('alias').execute()

  await db.schema
    .createTable('advisory_db_meta')
    // A single row: the check makes a second one impossible rather than merely unused.
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('imported_at', 'timestamptz', (c) => c.notNull())
    .addColumn('record_count', 'integer', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('advisory_db_meta').execute()
  await db.schema.dropTable('advisory_aliases').execute()
  await db.schema.dropTable('advisory_packages').execute()
  await db.schema.dropTable('advisories').execute()
}
