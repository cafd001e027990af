import RPCClient from '@alicloud/pop-core'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../testing/test-app'
import { startWireServer, type WireServer } from '../testing/wire-server'
import { DbNonceStore } from './nonce-store'

/**
 * Replays across processes: two app instances (each with its own ACR wire endpoint and
 * nonce store) over one database. A request answered by one must be refused by the other.
 */
const KEY_ID = 'LTAInoncetest'
const KEY_SECRET = 'nonce-store-test-secret-0123456789'

let t: TestApp
let first: WireServer
let second: WireServer

beforeAll(async () => {
  t = await startTestApp()
  const acr = { accessKeys: new Map([[KEY_ID, KEY_SECRET]]) }
  first = await startWireServer(t, { acr })
  second = await startWireServer(t, { acr })
})
afterAll(async () => {
  await first.close()
  await second.close()
  await t.close()
})

describe('ACR wire nonces in the database', () => {
  it('a request answered by one app instance is refused as a replay by another on the same database', async () => {
    const client = new RPCClient({ endpoint: `${first.origin}/acr`, apiVersion: '2018-12-01', accessKeyId: KEY_ID, accessKeySecret: KEY_SECRET })
    // Verbose, to learn the signed URL pop-core sent.
    ;(client as unknown as { verbose: boolean }).verbose = true
    const [answer, entry] = await client.request<[{ Code: string }, { url: string }]>('ListInstance', {})
    expect(answer.Code).toBe('success')
    // The signature covers method, path and parameters, not the host: the same URL is valid at the other instance.
    const replayed = await fetch(entry.url.replace(first.origin, second.origin))
    expect(replayed.status).toBe(400)
    expect(await replayed.json()).toMatchObject({ Code: 'SignatureNonceUsed' })
  })

  it('forgets a nonce once its window is over, and prunes expired ones', async () => {
    const store = new DbNonceStore(t.db)
    const now = Date.now()
    expect(await store.remember('k', 'a', now + 1_000, now)).toBe('fresh')
    expect(await store.remember('k', 'a', now + 1_000, now + 500)).toBe('replayed')
    expect(await store.remember('other', 'a', now + 1_000, now)).toBe('fresh')
    // After its window the same nonce is accepted again (the timestamp check refuses the old request by itself).
    expect(await store.remember('k', 'a', now + 5_000, now + 2_000)).toBe('fresh')
    expect(await store.remember('k', 'b', now + 1_000, now)).toBe('fresh')
    const pruned = await store.prune(now + 3_000)
    expect(pruned).toBeGreaterThanOrEqual(2)
    const { rows } = await sql<{ nonce: string; access_key_id: string }>`select access_key_id, nonce from acr_wire_nonces where access_key_id in ('k', 'other')`.execute(t.db)
    expect(rows).toEqual([{ access_key_id: 'k', nonce: 'a' }])
  })
})
