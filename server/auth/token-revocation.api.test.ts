import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestApp } from '../testing/test-app'
import { runTokenCommand } from './token-command'
import { createToken } from './token-store'
import { callAs, signIn, startAuthTestApp, tokenFor } from './testing/auth-test-app'

/** A revoked (or expired) token stops working at once, for scripts and for the sessions signed in with it. */
let t: TestApp
let admin: string

beforeAll(async () => {
  t = await startAuthTestApp()
  admin = await tokenFor(t, 'admin', 'root')
})
afterAll(() => t.close())

const cli = async (...argv: string[]) => {
  const out: string[] = []
  const err: string[] = []
  const code = await runTokenCommand(argv, t.db, { out: (s) => out.push(s), err: (s) => err.push(s), actor: 'cli:tester' })
  return { code, out: out.join(''), err: err.join('') }
}

describe('revokeApiToken', () => {
  it('ends the token and every session signed in with it', async () => {
    const created = await callAs(t, 'createApiToken', { name: 'ci pipeline', role: 'operator' }, { bearer: admin })
    expect(created.status).toBe(200)
    const secret = String(created.body.secret)
    const tokenId = (created.body.token as { tokenId: string }).tokenId
    expect(secret).toMatch(/^lsk_[A-Za-z0-9_-]{43}$/)
    const session = await signIn(t, secret)
    expect((await callAs(t, 'listInstance', {}, { bearer: secret })).status).toBe(200)
    expect((await callAs(t, 'listInstance', {}, { cookie: session.cookie })).status).toBe(200)

    const revoked = await callAs(t, 'revokeApiToken', { tokenId }, { bearer: admin })
    expect(revoked.body).toMatchObject({ tokenId, revoked: true })

    const script = await callAs(t, 'listInstance', {}, { bearer: secret })
    expect([script.status, script.body.code]).toEqual([401, 'UNAUTHENTICATED'])
    expect((await callAs(t, 'listInstance', {}, { cookie: session.cookie })).status).toBe(401)
    expect((await callAs(t, 'getSession', {}, { cookie: session.cookie })).body.principal).toBeNull()
    const again = await callAs(t, 'createSession', { token: secret })
    expect([again.status, again.body.code]).toEqual([401, 'TOKEN_INVALID'])
    expect(await t.db.selectFrom('auth_sessions').selectAll().where('token_id', '=', tokenId).execute()).toEqual([])
  })

  it('lists revoked tokens only when asked; an unknown id is API_TOKEN_NOT_EXIST', async () => {
    const active = await callAs(t, 'listApiToken', {}, { bearer: admin })
    const all = await callAs(t, 'listApiToken', { includeRevoked: 'true' }, { bearer: admin })
    expect((active.body.items as { name: string }[]).map((i) => i.name)).not.toContain('ci pipeline')
    expect((all.body.items as { name: string; revoked: boolean }[]).find((i) => i.name === 'ci pipeline')).toMatchObject({ revoked: true })
    const missing = await callAs(t, 'revokeApiToken', { tokenId: 'tok-0000000000000000' }, { bearer: admin })
    expect([missing.status, missing.body.code]).toEqual([404, 'API_TOKEN_NOT_EXIST'])
  })

  it('records last use, and never answers the hash', async () => {
    const list = await callAs(t, 'listApiToken', {}, { bearer: admin })
    const root = (list.body.items as { name: string; lastUsedTime: number | null }[]).find((i) => i.name === 'root')
    expect(root?.lastUsedTime).toBeGreaterThan(Date.now() - 60_000)
    const hash = (await t.db.selectFrom('api_tokens').select('token_hash').where('name', '=', 'root').executeTakeFirstOrThrow()).token_hash
    expect(list.text).not.toContain(hash)
  })
})

describe('expiry', () => {
  it('an expired token signs nobody in', async () => {
    const { token, secret } = await createToken(t.db, { name: 'short', role: 'viewer', createdBy: 'test', expiresInDays: 1 }, new Date(Date.now() - 2 * 86_400_000))
    expect(token.expireTime).toBeLessThan(Date.now())
    expect((await callAs(t, 'listInstance', {}, { bearer: secret })).status).toBe(401)
    expect((await callAs(t, 'createSession', { token: secret })).body.code).toBe('TOKEN_INVALID')
  })
})

describe('npm run token', () => {
  it('creates a token that works, lists it, revokes it, and audits both', async () => {
    const made = await cli('create', '--name', 'first admin', '--role', 'admin', '--expires', '30d')
    expect(made.code).toBe(0)
    const secret = /lsk_[A-Za-z0-9_-]{43}/.exec(made.out)?.[0] ?? ''
    const tokenId = /tok-[0-9a-z]{16}/.exec(made.out)?.[0] ?? ''
    expect((await callAs(t, 'listApiToken', {}, { bearer: secret })).status).toBe(200)

    const list = await cli('list')
    expect(list.out).toContain(tokenId)
    expect(list.out).toContain('cli:tester')
    expect(list.out).not.toContain(secret)

    expect((await cli('revoke', tokenId)).code).toBe(0)
    expect((await callAs(t, 'listApiToken', {}, { bearer: secret })).status).toBe(401)
    const events = await t.db.selectFrom('audit_events').selectAll().where('actor', '=', 'cli:tester').orderBy('id').execute()
    expect(events.map((e) => [e.action, e.actor_via])).toEqual([
      ['createApiToken', 'cli'],
      ['revokeApiToken', 'cli'],
    ])
    expect(JSON.stringify(events)).not.toContain(secret)
  })

  it('refuses bad input with a usage error and writes nothing', async () => {
    const before = (await t.db.selectFrom('api_tokens').select('id').execute()).length
    expect((await cli('create', '--name', 'x', '--role', 'root')).code).toBe(2)
    expect((await cli('create', '--role', 'admin')).code).toBe(2)
    expect((await cli('create', '--name', 'x', '--role', 'admin', '--expires', 'soon')).code).toBe(2)
    expect((await cli('revoke', 'nope')).code).toBe(2)
    expect((await cli('revoke', 'tok-0000000000000000')).code).toBe(1)
    expect((await cli('frobnicate')).code).toBe(2)
    expect((await t.db.selectFrom('api_tokens').select('id').execute()).length).toBe(before)
  })
})
