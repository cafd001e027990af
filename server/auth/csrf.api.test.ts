import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CSRF_HEADER } from '@contract/auth'
import type { TestApp } from '../testing/test-app'
import { startTestApp } from '../testing/test-app'
import { PROXY_SECRET_HEADER } from './auth-settings'
import { callAs, signIn, startAuthTestApp, tokenFor } from './testing/auth-test-app'

/** Writes made with what a browser sends by itself (the session cookie, the proxy's identity) need the CSRF token. */
const PROXY_SECRET = 'proxy-secret-0123456789-abcdefghijklmnop'
let t: TestApp
let admin: string

beforeAll(async () => {
  t = await startAuthTestApp({ auth: { proxy: { userHeader: 'x-forwarded-user', secret: PROXY_SECRET, roleHeader: 'x-forwarded-role', defaultRole: 'viewer' } } })
  admin = await tokenFor(t, 'admin', 'csrf-admin')
})
afterAll(() => t.close())

const tokenCount = async () => (await t.db.selectFrom('api_tokens').select('id').execute()).length
const create = { name: 'made-by-csrf-test', role: 'viewer' }

describe('a cookie session', () => {
  it('reads without the CSRF token', async () => {
    const s = await signIn(t, admin)
    const res = await callAs(t, 'listApiToken', {}, { cookie: s.cookie })
    expect(res.status).toBe(200)
  })

  it('cannot write without the CSRF token, or with another session’s, and writes nothing', async () => {
    const s = await signIn(t, admin)
    const other = await signIn(t, admin)
    const before = await tokenCount()
    for (const csrf of [undefined, '', 'x'.repeat(43), other.csrf]) {
      const res = await callAs(t, 'createApiToken', create, { cookie: s.cookie, ...(csrf !== undefined ? { csrf } : {}) })
      expect([res.status, res.body.code], String(csrf)).toEqual([403, 'CSRF_TOKEN_INVALID'])
    }
    expect(await tokenCount()).toBe(before)
    const ok = await callAs(t, 'createApiToken', create, { cookie: s.cookie, csrf: s.csrf })
    expect(ok.status).toBe(200)
    expect(await tokenCount()).toBe(before + 1)
  })

  it('getSession hands the SPA its CSRF token; sign-out needs it too', async () => {
    const s = await signIn(t, admin)
    const session = await callAs(t, 'getSession', {}, { cookie: s.cookie })
    expect(session.body).toMatchObject({ authMode: 'required', csrfToken: s.csrf, principal: { name: 'csrf-admin', role: 'admin', via: 'session' } })
    expect((await callAs(t, 'deleteSession', {}, { cookie: s.cookie })).status).toBe(403)
    expect((await callAs(t, 'deleteSession', {}, { cookie: s.cookie, csrf: s.csrf })).status).toBe(200)
    expect((await callAs(t, 'getSession', {}, { cookie: s.cookie })).body.principal).toBeNull()
  })

  it('sets the cookie HttpOnly, Secure, host-only on /, SameSite=Lax when no other site frames the app', async () => {
    const { setCookie } = await signIn(t, admin)
    expect(setCookie).toMatch(/^__Host-layerscope-session=/)
    expect(setCookie).toMatch(/; HttpOnly/)
    expect(setCookie).toMatch(/; Secure/)
    expect(setCookie).toMatch(/; Path=\//)
    expect(setCookie).toMatch(/; SameSite=Lax/)
    expect(setCookie).not.toMatch(/Domain=/i)
  })
})

describe('a bearer token', () => {
  it('writes without a CSRF token: browsers never attach it on their own', async () => {
    const res = await callAs(t, 'createApiToken', { ...create, name: 'bearer-made' }, { bearer: admin })
    expect(res.status).toBe(200)
  })
})

describe('the trusted proxy', () => {
  const asProxyUser = (user: string, role?: string, secret = PROXY_SECRET) => ({
    'x-forwarded-user': user,
    [PROXY_SECRET_HEADER]: secret,
    ...(role ? { 'x-forwarded-role': role } : {}),
  })

  it('is believed only with its secret', async () => {
    const forged = await callAs(t, 'listInstance', {}, { headers: { 'x-forwarded-user': 'mallory' } })
    expect([forged.status, forged.body.code]).toEqual([401, 'UNAUTHENTICATED'])
    const wrong = await callAs(t, 'listInstance', {}, { headers: asProxyUser('mallory', 'admin', 'not-the-secret') })
    expect(wrong.status).toBe(401)
    const ok = await callAs(t, 'getSession', {}, { headers: asProxyUser('alice') })
    expect(ok.body).toMatchObject({ principal: { id: 'proxy:alice', name: 'alice', role: 'viewer', via: 'proxy' } })
  })

  it('takes the role the proxy names, refuses one it does not know', async () => {
    expect((await callAs(t, 'getSession', {}, { headers: asProxyUser('bob', 'Operator') })).body).toMatchObject({ principal: { role: 'operator' } })
    expect((await callAs(t, 'getSession', {}, { headers: asProxyUser('bob', 'root') })).status).toBe(401)
  })

  it('needs the CSRF token from getSession on writes, and it is the user’s own', async () => {
    const headers = asProxyUser('carol', 'admin')
    const session = await callAs(t, 'getSession', {}, { headers })
    const csrf = String(session.body.csrfToken)
    const daveCsrf = String((await callAs(t, 'getSession', {}, { headers: asProxyUser('dave', 'admin') })).body.csrfToken)
    expect(csrf).not.toBe(daveCsrf)
    expect((await callAs(t, 'createApiToken', { ...create, name: 'proxy-made' }, { headers })).status).toBe(403)
    expect((await callAs(t, 'createApiToken', { ...create, name: 'proxy-made' }, { headers: { ...headers, [CSRF_HEADER]: daveCsrf } })).status).toBe(403)
    const ok = await callAs(t, 'createApiToken', { ...create, name: 'proxy-made' }, { headers, csrf })
    expect(ok.status).toBe(200)
    expect(ok.body).toMatchObject({ token: { createdBy: 'carol' } })
  })
})

describe('sign-in off (loopback)', () => {
  it('everyone is the local operator, and another site’s page cannot post', async () => {
    const local = await startTestApp()
    try {
      const session = await local.call('getSession', {})
      expect(session.body).toMatchObject({ authMode: 'off', principal: { via: 'loopback', role: 'admin' }, csrfToken: null })
      const cross = await local.request('/api/v1/createApiToken', { method: 'POST', headers: { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' }, body: JSON.stringify(create) })
      expect(cross.status).toBe(403)
      const same = await local.request('/api/v1/createApiToken', { method: 'POST', headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' }, body: JSON.stringify(create) })
      expect(same.status).toBe(200)
      expect((await local.call('createSession', { token: 'lsk_whatever' })).body.code).toBe('OPERATION_NOT_SUPPORTED')
    } finally {
      await local.close()
    }
  })
})
