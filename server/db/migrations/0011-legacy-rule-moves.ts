import type { Kysely } from 'kysely'

/**
 * When a legacy scan rule's move to the upstream (ACR) began. A move claims the row here
 * before it creates the rule upstream, so two server processes on one database cannot
 * both create it; a claim older than the longest an upstream create can take is a
 * crashed move's, and may be taken over.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('scan_rules').addColumn('move_started_at', 'timestamptz').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('scan_rules').dropColumn('move_started_at').execute()
}
