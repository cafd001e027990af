import { sql, type Kysely } from 'kysely'

/**
 * What starts scans by itself: who started each task (a person, a rule run, a registry
 * push, the poller, an advisory update, demo seeding), SBOM tasks beside vulnerability
 * tasks, each instance's webhook secret and poll interval, the registry deliveries
 * already handled (registries retry), and the advisory-store changes already rescanned.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('scan_tasks')
    // Tasks queued before this migration were all asked for by someone (or the demo): USER.
    .addColumn('trigger_kind', 'text', (c) => c.notNull().defaultTo('USER'))
    .addColumn('trigger_rule_id', 'text')
    .addColumn('trigger_actor', 'text')
    .addColumn('trigger_detail', 'text')
    .addColumn('scan_type', 'text', (c) => c.notNull().defaultTo('VUL'))
    .execute()
  // An SBOM task and a vulnerability task of one image are different work: both may run.
  await sql`drop index scan_tasks_one_running`.execute(db)
  await sql`create unique index scan_tasks_one_running on scan_tasks (repo_id, digest, scan_service, scan_type, platform)
    where status in ('QUEUED', 'SCANNING', 'RETRYING')`.execute(db)
  // listScanTask filtered by status, and by the rule that started the tasks.
  await sql`create index scan_tasks_instance_status on scan_tasks (instance_id, status, created_at desc, seq desc)`.execute(db)
  await sql`create index scan_tasks_instance_rule on scan_tasks (instance_id, trigger_rule_id, created_at desc, seq desc)
    where trigger_rule_id is not null`.execute(db)

  await db.schema
    .alterTable('scan_rules')
    .addColumn('rescan_on_advisory_update', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute()

  await db.schema
    .createTable('instance_triggers')
    .addColumn('instance_id', 'text', (c) => c.primaryKey().references('instances.id').onDelete('cascade'))
    // sha256 of the webhook secret; the secret itself is shown once and never stored.
    .addColumn('webhook_secret_hash', 'text')
    .addColumn('webhook_secret_set_at', 'timestamptz')
    .addColumn('webhook_last_delivery_at', 'timestamptz')
    // Null: polling off.
    .addColumn('poll_interval_seconds', 'integer')
    .addColumn('poll_next_at', 'timestamptz')
    // Tags pushed (new, or moved to another digest) after this were not looked at by a poll yet.
    .addColumn('poll_checked_at', 'timestamptz')
    // A poll holds the instance until then, so two processes (or two ticks) never poll it at once.
    .addColumn('poll_lease_until', 'timestamptz')
    .addColumn('poll_last_at', 'timestamptz')
    .addColumn('poll_error', 'text')
    .execute()
  await sql`create index instance_triggers_poll_due on instance_triggers (poll_next_at) where poll_interval_seconds is not null`.execute(db)

  await db.schema
    .createTable('webhook_deliveries')
    .addColumn('instance_id', 'text', (c) => c.notNull().references('instances.id').onDelete('cascade'))
    // The registry's event id: a retried delivery repeats it.
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('received_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('webhook_deliveries_pk', ['instance_id', 'event_id'])
    .execute()
  await db.schema.createIndex('webhook_deliveries_received').on('webhook_deliveries').column('received_at').execute()

  await db.schema
    .createTable('advisory_rescans')
    // advisory_db_meta.imported_at of the import that was handled: one row per store change.
    .addColumn('imported_at', 'timestamptz', (c) => c.primaryKey())
    .addColumn('started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('finished_at', 'timestamptz')
    .addColumn('queued', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('existing', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  // The store as it is now was never rescanned for, and needs not be: no rule has opted in yet.
  await sql`insert into advisory_rescans (imported_at, started_at, finished_at)
    select imported_at, now(), now() from advisory_db_meta`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['advisory_rescans', 'webhook_deliveries', 'instance_triggers']) await db.schema.dropTable(table).execute()
  await db.schema.alterTable('scan_rules').dropColumn('rescan_on_advisory_update').execute()
  await sql`drop index scan_tasks_instance_rule`.execute(db)
  await sql`drop index scan_tasks_instance_status`.execute(db)
  await sql`drop index scan_tasks_one_running`.execute(db)
  await sql`create unique index scan_tasks_one_running on scan_tasks (repo_id, digest, scan_service, platform)
    where status in ('QUEUED', 'SCANNING', 'RETRYING')`.execute(db)
  for (const column of ['trigger_kind', 'trigger_rule_id', 'trigger_actor', 'trigger_detail', 'scan_type']) {
    await db.schema.alterTable('scan_tasks').dropColumn(column).execute()
  }
}
