/**
 * An in-memory NonceStore, for one process only (unit tests, tools): the endpoint itself
 * keeps nonces in the database (nonce-store.ts) so every process on it sees them.
 * The SignatureNonces seen inside the timestamp window, so a captured request cannot be
 * sent again. A nonce is kept until its request's timestamp leaves the window; after that
 * the timestamp check refuses a replay by itself. Memory is bounded: when the cache is
 * full of live nonces, new requests are refused (Throttling) rather than forgetting a
 * nonce early, which would reopen the replay window.
 */
export type NonceVerdict = 'fresh' | 'replayed' | 'full'

export class NonceCache {
  /** key → epoch ms after which the nonce may be forgotten; Map keeps insertion order. */
  private seen = new Map<string, number>()

  constructor(readonly maxEntries = 100_000) {}

  get size(): number {
    return this.seen.size
  }

  /** Records `nonce` of `accessKeyId` until `keepUntil`, unless it was seen already. */
  remember(accessKeyId: string, nonce: string, keepUntil: number, now: number): NonceVerdict {
    const key = `${accessKeyId}\0${nonce}`
    const until = this.seen.get(key)
    if (until !== undefined && until >= now) return 'replayed'
    this.dropExpiredHead(now)
    if (this.seen.size >= this.maxEntries) {
      this.dropAllExpired(now)
      if (this.seen.size >= this.maxEntries) return 'full'
    }
    this.seen.delete(key)
    this.seen.set(key, keepUntil)
    return 'fresh'
  }

  /** Cheap, every call: the oldest insertions expire first in the common case. */
  private dropExpiredHead(now: number) {
    for (const [key, until] of this.seen) {
      if (until >= now) return
      this.seen.delete(key)
    }
  }

  /** A full sweep, only when the cache is full (timestamps arrive slightly out of order). */
  private dropAllExpired(now: number) {
    for (const [key, until] of this.seen) if (until < now) this.seen.delete(key)
  }
}
