import { sql } from 'kysely'
import type { Db } from '../../db/database'
import type { NonceVerdict } from './nonce-cache'

/** Where accepted SignatureNonces are remembered until their window is over. */
export interface NonceStore {
  /** Records `nonce` of `accessKeyId` until `keepUntil` (epoch ms), unless it is still remembered. */
  remember(accessKeyId: string, nonce: string, keepUntil: number, now: number): NonceVerdict | Promise<NonceVerdict>
}

/** Expired nonces are deleted at most this often per process: a replay check must not cost a sweep. */
const PRUNE_EVERY_MS = 60_000

/**
 * The nonces in the database (acr_wire_nonces, migration 0010), so that two server
 * processes on one database both refuse a request already answered by either. One
 * statement decides: the insert wins, or it finds the nonce and takes it over only when
 * the stored one has expired. Expired rows are pruned now and then; until then they are
 * harmless, as the timestamp check refuses their requests by itself.
 *
 * @example
 * const nonces = new DbNonceStore(db)
 * await nonces.remember('LTAI…', 'f3a…', at + TIMESTAMP_WINDOW_MS, Date.now()) // 'fresh', then 'replayed'
 */
export class DbNonceStore implements NonceStore {
  private lastPrune = 0

  constructor(private readonly db: Db) {}

  async remember(accessKeyId: string, nonce: string, keepUntil: number, now: number): Promise<NonceVerdict> {
    if (now - this.lastPrune >= PRUNE_EVERY_MS) {
      this.lastPrune = now
      await this.prune(now)
    }
    const { rows } = await sql<{ fresh: boolean }>`
      insert into acr_wire_nonces (access_key_id, nonce, expires_at)
      values (${accessKeyId}, ${nonce}, ${new Date(keepUntil)})
      on conflict (access_key_id, nonce) do update set expires_at = excluded.expires_at
        where acr_wire_nonces.expires_at < ${new Date(now)}
      returning true as fresh`.execute(this.db)
    return rows.length > 0 ? 'fresh' : 'replayed'
  }

  /** Deletes the nonces whose window ended before `now`; answers how many. */
  async prune(now: number): Promise<number> {
    const res = await sql`delete from acr_wire_nonces where expires_at < ${new Date(now)}`.execute(this.db)
    return Number(res.numAffectedRows ?? 0)
  }
}
