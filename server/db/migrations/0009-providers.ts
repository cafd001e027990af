import type { Kysely } from 'kysely'

/**
 * ACR and StackRox instances: where the upstream is beyond its endpoint. ACR needs the
 * region and its own instance id; StackRox optionally the cluster Central scans from.
 * The AccessKey ID or API token go in the existing username/password columns (the
 * secret half encrypted, as registry passwords are).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('instances')
    .addColumn('region_id', 'text')
    .addColumn('upstream_instance_id', 'text')
    .addColumn('cluster', 'text')
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('instances').dropColumn('region_id').dropColumn('upstream_instance_id').dropColumn('cluster').execute()
}
