import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CSRF_HEADER } from '@contract/auth'
import type { TestApp } from '../testing/test-app'
import { startTestApp } from '../testing/test-app'
import { loadEnv } from '../env'
import { authSettings, PROXY_SECRET_HEADER } from './auth-settings'
import {
  callAs,
  signIn,
  startAuthTestApp,
  startProxyAuthTestApp,
  TEST_PROXY,
  tokenFor,
} from './testing/auth-test-app'

/** Writes made with what a browser sends by itself (the session cookie, the proxy's identity) need the CSRF token. */
let t: TestApp
let admin: string

beforeAll(async () => {
  t = await startProxyAuthTestApp()
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
      const res = await callAs(t, 'createApiToken', create, {
        cookie: s.cookie,
        ...(csrf !== undefined ? { csrf } : {}),
      })
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
    expect(session.body).toMatchObject({
      authMode: 'required',
      csrfToken: s.csrf,
      principal: { name: 'csrf-admin', role: 'admin', via: 'session' },
    })
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

describe('a cookie session when a portal of another site may frame the app', () => {
  it('is SameSite=None (it must travel in the portal’s frame), still HttpOnly and Secure', async () => {
    const framed = await startAuthTestApp({
      auth: {
        sameSite: authSettings(loadEnv({ EMBED_ALLOWED_ORIGINS: "'self' https://portal.example.com" }))
          .sameSite,
      },
    })
    try {
      const { setCookie } = await signIn(framed, await tokenFor(framed, 'viewer'))
      expect(setCookie).toMatch(/; SameSite=None/)
      expect(setCookie).toMatch(/; HttpOnly/)
      expect(setCookie).toMatch(/; Secure/)
    } finally {
      await framed.close()
    }
  })
})

describe('a bearer token', () => {
  it('writes without a CSRF token: browsers never attach it on their own', async () => {
    const res = await callAs(t, 'createApiToken', { ...create, name: 'bearer-made' }, { bearer: admin })
    expect(res.status).toBe(200)
  })
})

describe('the trusted proxy', () => {
  const asProxyUser = (user: string, role?: string, secret = TEST_PROXY.secret) => ({
    'x-forwarded-user': user,
    [PROXY_SECRET_HEADER]: secret,
    ...(role ? { 'x-forwarded-role': role } : {}),
  })

  it('is believed only with its secret', async () => {
    const forged = await callAs(t, 'listInstance', {}, { headers: { 'x-forwarded-user': 'mallory' } })
    expect([forged.status, forged.body.code]).toEqual([401, 'UNAUTHENTICATED'])
    const wrong = await callAs(
      t,
      'listInstance',
      {},
      { headers: asProxyUser('mallory', 'admin', 'not-the-secret') },
    )
    expect(wrong.status).toBe(401)
    const ok = await callAs(t, 'getSession', {}, { headers: asProxyUser('alice') })
    expect(ok.body).toMatchObject({
      principal: { id: 'proxy:alice', name: 'alice', role: 'viewer', via: 'proxy' },
    })
  })

  it('takes the role the proxy names, refuses one it does not know', async () => {
    expect(
      (await callAs(t, 'getSession', {}, { headers: asProxyUser('bob', 'Operator') })).body,
    ).toMatchObject({ principal: { role: 'operator' } })
    expect((await callAs(t, 'getSession', {}, { headers: asProxyUser('bob', 'root') })).status).toBe(401)
  })

  it('needs the CSRF token from getSession on writes, and it is the user’s own', async () => {
    const headers = asProxyUser('carol', 'admin')
    const session = await callAs(t, 'getSession', {}, { headers })
    const csrf = String(session.body.csrfToken)
    const daveCsrf = String(
      (await callAs(t, 'getSession', {}, { headers: asProxyUser('dave', 'admin') })).body.csrfToken,
    )
    expect(csrf).not.toBe(daveCsrf)
    expect((await callAs(t, 'createApiToken', { ...create, name: 'proxy-made' }, { headers })).status).toBe(
      403,
    )
    expect(
      (
        await callAs(
          t,
          'createApiToken',
          { ...create, name: 'proxy-made' },
          { headers: { ...headers, [CSRF_HEADER]: daveCsrf } },
        )
      ).status,
    ).toBe(403)
    const ok = await callAs(t, 'createApiToken', { ...create, name: 'proxy-made' }, { headers, csrf })
    expect(ok.status).toBe(200)
    expect(ok.body).toMatchObject({ token: { createdBy: 'carol' } })
  })
})

describe('sign-in off (loopback): no CSRF token exists, so the write must come from our page', () => {
  const PORTAL = 'https://portal.example.com'
  let local: TestApp
  beforeAll(async () => {
    local = await startTestApp({
      security: { frameAncestors: ["'self'", PORTAL, 'https://*.partner.example'] },
    })
  })
  afterAll(() => local.close())

  const post = (headers: Record<string, string>) =>
    local.request('/api/v1/createApiToken', {
      method: 'POST',
      headers: { 'content-type': 'application/json', host: '127.0.0.1:8080', ...headers },
      body: JSON.stringify(create),
    })
  const tokens = async () => (await local.db.selectFrom('api_tokens').select('id').execute()).length
  async function expectRefused(headers: Record<string, string>) {
    const before = await tokens()
    const res = await post(headers)
    expect([res.status, ((await res.json()) as { code?: string }).code], JSON.stringify(headers)).toEqual([
      403,
      'CSRF_TOKEN_INVALID',
    ])
    expect(await tokens()).toBe(before)
  }
  async function expectAllowed(headers: Record<string, string>) {
    const res = await post(headers)
    expect(res.status, JSON.stringify(headers)).toBe(200)
  }

  it('everyone is the local operator', async () => {
    const session = await local.call('getSession', {})
    expect(session.body).toMatchObject({
      authMode: 'off',
      principal: { via: 'loopback', role: 'admin' },
      csrfToken: null,
    })
    expect((await local.call('createSession', { token: 'lsk_whatever' })).body.code).toBe(
      'OPERATION_NOT_SUPPORTED',
    )
  })

  it('refuses a write another site’s page makes (Sec-Fetch-Site: cross-site or same-site), whatever Origin claims', async () => {
    await expectRefused({ 'sec-fetch-site': 'cross-site' })
    await expectRefused({ 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' })
    await expectRefused({ 'sec-fetch-site': 'same-site', origin: 'https://sibling.127.0.0.1.nip.io' })
    // A page cannot make its own Origin look like ours while the browser says cross-site.
    await expectRefused({ 'sec-fetch-site': 'cross-site', origin: 'http://127.0.0.1:8080' })
    await expectRefused({ 'sec-fetch-site': 'something-new' })
  })

  it('accepts a write of our own page, and of a portal EMBED_ALLOWED_ORIGINS names', async () => {
    await expectAllowed({ 'sec-fetch-site': 'same-origin', origin: 'http://127.0.0.1:8080' })
    await expectAllowed({ 'sec-fetch-site': 'cross-site', origin: PORTAL })
    await expectAllowed({ 'sec-fetch-site': 'cross-site', origin: 'https://team.partner.example' })
    // Wildcards are subdomains only, and scheme and port count, as in CSP frame-ancestors.
    await expectRefused({ 'sec-fetch-site': 'cross-site', origin: 'https://partner.example' })
    await expectRefused({ 'sec-fetch-site': 'cross-site', origin: 'http://portal.example.com' })
    await expectRefused({ 'sec-fetch-site': 'cross-site', origin: 'https://portal.example.com:8443' })
  })

  it('without Sec-Fetch-Site (older browsers) checks Origin, else Referer, against our own origin and the portals', async () => {
    await expectAllowed({ origin: 'http://127.0.0.1:8080' })
    // Behind a TLS-terminating proxy the browser says https; one host:port serves one scheme.
    await expectAllowed({ origin: 'https://127.0.0.1:8080' })
    await expectAllowed({ origin: PORTAL })
    await expectAllowed({ referer: 'http://127.0.0.1:8080/instances?x=1' })
    await expectRefused({ origin: 'https://evil.example' })
    await expectRefused({ origin: 'http://127.0.0.1:9999' })
    await expectRefused({ origin: 'http://127.0.0.1.evil.example:8080' })
    await expectRefused({ origin: 'null' })
    await expectRefused({ referer: 'https://evil.example/attack.html' })
    // Origin wins over a Referer that looks right.
    await expectRefused({ origin: 'https://evil.example', referer: 'http://127.0.0.1:8080/' })
  })

  it('lets curl-like clients, which send none of these headers, write (no browser, no forgery), with or without a token', async () => {
    await expectAllowed({})
    await expectAllowed({ authorization: 'Bearer lsk_anything-sign-in-is-off' })
  })
})

describe('sign-in required: the origin checks apply where no CSRF token exists yet (signing in)', () => {
  it('refuses a cross-site sign-in, accepts a curl one and a bearer token’s write from anywhere', async () => {
    const crossSignIn = await callAs(
      t,
      'createSession',
      { token: admin },
      { headers: { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' } },
    )
    expect([crossSignIn.status, crossSignIn.body.code]).toEqual([403, 'CSRF_TOKEN_INVALID'])
    const mismatch = await callAs(
      t,
      'createSession',
      { token: admin },
      { headers: { origin: 'https://evil.example', host: 'layerscope.example.com' } },
    )
    expect(mismatch.status).toBe(403)
    const own = await callAs(
      t,
      'createSession',
      { token: admin },
      { headers: { origin: 'https://layerscope.example.com', host: 'layerscope.example.com' } },
    )
    expect(own.status).toBe(200)
    expect((await callAs(t, 'createSession', { token: admin })).status).toBe(200)
    // A bearer token is never attached by a browser on its own: no origin matters.
    const bearer = await callAs(
      t,
      'createApiToken',
      { ...create, name: 'bearer-cross' },
      { bearer: admin, headers: { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' } },
    )
    expect(bearer.status).toBe(200)
  })
})
