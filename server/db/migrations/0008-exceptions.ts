import { sql, type Kysely } from 'kysely'

/**
 * Vulnerability exceptions and their history. One row per finding (CVE + package version)
 * and scope; the history is append-only: a trigger refuses to change or remove its rows,
 * except by removing the exception itself (when its instance is deleted).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('vuln_exceptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('instance_id', 'text', (c) => c.notNull().references('instances.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('repo_id', 'text')
    .addColumn('repository', 'text')
    .addColumn('digest', 'text')
    .addColumn('cve_name', 'text', (c) => c.notNull())
    .addColumn('package_name', 'text', (c) => c.notNull())
    .addColumn('package_version', 'text', (c) => c.notNull())
    .addColumn('package_format', 'text', (c) => c.notNull())
    .addColumn('component_id', 'text', (c) => c.notNull())
    .addColumn('scan_task_id', 'text', (c) => c.notNull())
    // What the advisory store calls the package, for "until a fix is available" (null: cannot be told).
    .addColumn('advisory_ecosystem', 'text')
    .addColumn('advisory_package', 'text')
    .addColumn('advisory_version', 'text')
    .addColumn('expiry', 'text')
    .addColumn('expires_at', 'timestamptz')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('justification', 'text', (c) => c.notNull())
    .addColumn('requested_by_id', 'text', (c) => c.notNull())
    .addColumn('requested_by_name', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'timestamptz', (c) => c.notNull())
    .addColumn('decided_by_id', 'text')
    .addColumn('decided_by_name', 'text')
    .addColumn('decided_at', 'timestamptz')
    .addColumn('decision_comment', 'text')
    .addColumn('closed_at', 'timestamptz')
    .addColumn('seq', 'bigserial', (c) => c.notNull())
    .execute()
  await sql`create index vuln_exceptions_instance_status on vuln_exceptions (instance_id, status, requested_at desc, seq desc)`.execute(db)
  await sql`create index vuln_exceptions_finding on vuln_exceptions (instance_id, cve_name, package_name, package_version)`.execute(db)
  await sql`create index vuln_exceptions_due on vuln_exceptions (status, expires_at)`.execute(db)
  // One open decision per finding and scope, even when two requests race past the service's own check.
  await sql`
    create unique index vuln_exceptions_one_open on vuln_exceptions
      (instance_id, scope, coalesce(repo_id, ''), coalesce(digest, ''), cve_name, package_name, package_version, package_format)
      where status in ('PENDING', 'APPROVED')`.execute(db)

  await db.schema
    .createTable('vuln_exception_events')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('exception_id', 'text', (c) => c.notNull().references('vuln_exceptions.id').onDelete('cascade'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('time', 'timestamptz', (c) => c.notNull())
    .addColumn('comment', 'text')
    .execute()
  await sql`create index vuln_exception_events_exception on vuln_exception_events (exception_id, id)`.execute(db)
  await sql`
    create function vuln_exception_events_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'vuln_exception_events is append-only';
    end $$`.execute(db)
  await sql`
    create trigger vuln_exception_events_no_update before update on vuln_exception_events
    for each row execute function vuln_exception_events_append_only()`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('vuln_exception_events').execute()
  await sql`drop function vuln_exception_events_append_only()`.execute(db)
  await db.schema.dropTable('vuln_exceptions').execute()
}
