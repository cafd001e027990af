import { sql, type Kysely } from 'kysely'

/**
 * Scan tasks (which are also the job queue: see docs/decisions/0003-scan-queue.md), the
 * history of their attempts, and their results: the whole report as JSON for
 * getImageReport, and one row per vulnerability, component, baseline risk and malicious
 * file with the columns the list filters and sorts read.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('scan_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('instance_id', 'text', (c) => c.notNull().references('instances.id').onDelete('cascade'))
    // No foreign key: a re-sync may drop a repository, and its scans stay readable.
    .addColumn('repo_id', 'text', (c) => c.notNull())
    .addColumn('repository', 'text', (c) => c.notNull())
    .addColumn('tag', 'text', (c) => c.notNull())
    .addColumn('digest', 'text', (c) => c.notNull())
    // '' for the default platform, so the uniqueness below can compare it.
    .addColumn('platform', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('scan_service', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    // When the task may next be claimed (QUEUED: at once; RETRYING: after its backoff).
    .addColumn('run_at', 'timestamptz', (c) => c.notNull())
    // While SCANNING: the claim expires at lease_until unless its worker heartbeats.
    .addColumn('lease_until', 'timestamptz')
    .addColumn('worker_id', 'text')
    .addColumn('layers_done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('layers_total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error_code', 'text')
    .addColumn('error_message', 'text')
    // Counts written with the results, so task lists show them without a join.
    .addColumn('summary', 'jsonb')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('started_at', 'timestamptz')
    .addColumn('finished_at', 'timestamptz')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('seq', 'bigserial', (c) => c.notNull())
    .execute()
  // At most one unfinished task per image, service and platform, even when two requests race.
  await sql`create unique index scan_tasks_one_running on scan_tasks (repo_id, digest, scan_service, platform)
    where status in ('QUEUED', 'SCANNING', 'RETRYING')`.execute(db)
  // The claim: ready tasks by run_at, and expired leases.
  await sql`create index scan_tasks_ready on scan_tasks (run_at, seq) where status in ('QUEUED', 'RETRYING')`.execute(db)
  await sql`create index scan_tasks_leased on scan_tasks (lease_until) where status = 'SCANNING'`.execute(db)
  await sql`create index scan_tasks_instance on scan_tasks (instance_id, created_at desc, seq desc)`.execute(db)
  await sql`create index scan_tasks_image on scan_tasks (repo_id, digest, created_at desc, seq desc)`.execute(db)

  await db.schema
    .createTable('scan_task_attempts')
    .addColumn('task_id', 'text', (c) => c.notNull().references('scan_tasks.id').onDelete('cascade'))
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('worker_id', 'text', (c) => c.notNull())
    .addColumn('started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ended_at', 'timestamptz')
    // COMPLETE, FAILED, RETRYING, RELEASED (shutdown), LOST (lease expired, taken over).
    .addColumn('outcome', 'text')
    .addColumn('error_code', 'text')
    .addColumn('error_message', 'text')
    .addPrimaryKeyConstraint('scan_task_attempts_pk', ['task_id', 'attempt'])
    .execute()

  await db.schema
    .createTable('scan_reports')
    .addColumn('task_id', 'text', (c) => c.primaryKey().references('scan_tasks.id').onDelete('cascade'))
    .addColumn('report', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('scan_vulnerabilities')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('task_id', 'text', (c) => c.notNull().references('scan_tasks.id').onDelete('cascade'))
    .addColumn('cve_name', 'text', (c) => c.notNull())
    .addColumn('package_name', 'text', (c) => c.notNull())
    .addColumn('package_version', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    // Critical 4 … Unknown 0: sorts worst first with `desc`.
    .addColumn('severity_rank', 'smallint', (c) => c.notNull())
    .addColumn('cvss_score', 'double precision')
    .addColumn('scan_type', 'text', (c) => c.notNull())
    .addColumn('fixable', 'boolean', (c) => c.notNull())
    // Lower-cased id, aliases, package and description: what vulQueryKey searches.
    .addColumn('search_text', 'text', (c) => c.notNull())
    // The ACR-shaped list item, ready to answer.
    .addColumn('item', 'jsonb', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('scan_vulnerabilities_task_severity').on('scan_vulnerabilities').columns(['task_id', 'severity_rank', 'id']).execute()
  await db.schema.createIndex('scan_vulnerabilities_task_type').on('scan_vulnerabilities').columns(['task_id', 'scan_type', 'severity_rank']).execute()

  await db.schema
    .createTable('scan_components')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('task_id', 'text', (c) => c.notNull().references('scan_tasks.id').onDelete('cascade'))
    .addColumn('component_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('layer_index', 'integer', (c) => c.notNull())
    .addColumn('purl', 'text', (c) => c.notNull())
    .addColumn('component', 'jsonb', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('scan_components_task').on('scan_components').columns(['task_id', 'component_id']).execute()

  await db.schema
    .createTable('scan_baseline')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('task_id', 'text', (c) => c.notNull().references('scan_tasks.id').onDelete('cascade'))
    .addColumn('check_id', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('level_rank', 'smallint', (c) => c.notNull())
    .addColumn('path', 'text')
    .addColumn('layer_index', 'integer')
    .addColumn('finding', 'jsonb', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('scan_baseline_task').on('scan_baseline').columns(['task_id', 'level_rank', 'id']).execute()

  await db.schema
    .createTable('scan_malicious')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('task_id', 'text', (c) => c.notNull().references('scan_tasks.id').onDelete('cascade'))
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('level_rank', 'smallint', (c) => c.notNull())
    .addColumn('file_path', 'text', (c) => c.notNull())
    .addColumn('md5', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('layer_index', 'integer', (c) => c.notNull())
    .addColumn('finding', 'jsonb', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('scan_malicious_task').on('scan_malicious').columns(['task_id', 'level_rank', 'id']).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['scan_malicious', 'scan_baseline', 'scan_components', 'scan_vulnerabilities', 'scan_reports', 'scan_task_attempts', 'scan_tasks']) {
    await db.schema.dropTable(table).execute()
  }
}
