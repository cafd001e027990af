import { sql, type Kysely } from 'kysely'

/**
 * The SignatureNonces the ACR wire endpoint has accepted, kept until their request's
 * timestamp leaves the window. In the database rather than in memory so that every
 * server process on one database refuses a request replayed to another of them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('acr_wire_nonces')
    .addColumn('access_key_id', 'text', (c) => c.notNull())
    .addColumn('nonce', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('acr_wire_nonces_pkey', ['access_key_id', 'nonce'])
    .execute()
  // Pruning deletes by expiry.
  await sql`create index acr_wire_nonces_expiry on acr_wire_nonces (expires_at)`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('acr_wire_nonces').execute()
}
