import fs from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../testing/test-app'

const DIST = fileURLToPath(new URL('../../dist', import.meta.url))
const built = fs.existsSync(`${DIST}/index.html`)

function expectCommonHeaders(res: Response) {
  const csp = res.headers.get('content-security-policy') ?? ''
  expect(csp).toContain("default-src 'self'")
  expect(csp).toContain("script-src 'self';")
  expect(csp).toContain("object-src 'none'")
  expect(csp).toContain("base-uri 'none'")
  expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  expect(res.headers.get('referrer-policy')).toBe('same-origin')
  expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin')
  expect(res.headers.get('permissions-policy')).toBe('camera=(), microphone=(), geolocation=()')
  return csp
}

describe("security headers (default: embedding from 'self')", () => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp(built ? { staticDir: DIST } : {})
  })
  afterAll(() => t.close())

  it('are on an API response', async () => {
    const res = await t.request('/api/healthz')
    expect(res.status).toBe(200)
    const csp = expectCommonHeaders(res)
    expect(csp).toContain("frame-ancestors 'self'")
    expect(csp).toContain("style-src 'self';")
    expect(res.headers.get('x-frame-options')).toBeNull()
  })

  it('are on error responses (unknown operation, malformed body)', async () => {
    const notFound = await t.request('/api/v1/noSuchThing')
    expect(notFound.status).toBe(404)
    expectCommonHeaders(notFound)
    const bad = await t.request('/api/v1/createInstance', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"kind":' })
    expect(bad.status).toBe(400)
    expectCommonHeaders(bad)
  })

  it('are on the docs page, whose inline style is allowed by hash only', async () => {
    const res = await t.request('/api/docs')
    expect(res.status).toBe(200)
    const csp = expectCommonHeaders(res)
    const html = await res.text()
    expect(html).not.toMatch(/<script/i)
    expect(csp).toMatch(/style-src 'self' 'sha256-[A-Za-z0-9+/]+=*';/)
    expect(csp).not.toContain("style-src 'self' 'unsafe-inline'")
  })

  it.skipIf(!built)('are on the SPA index and its assets, which need no inline script', async () => {
    const res = await t.request('/repositories/some/deep/link')
    expect(res.status).toBe(200)
    expectCommonHeaders(res)
    const html = await res.text()
    // Every <script> is an external file; CSP script-src 'self' blocks inline ones.
    const scripts = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)]
    expect(scripts.length).toBeGreaterThan(0)
    for (const [tag, body] of scripts) {
      expect(tag).toMatch(/\ssrc="\/assets\//)
      expect(body?.trim()).toBe('')
    }
    expect(html).not.toMatch(/<style/i)
    const asset = /src="(\/assets\/[^"]+)"/.exec(html)?.[1] ?? ''
    const assetRes = await t.request(asset)
    expect(assetRes.status).toBe(200)
    expectCommonHeaders(assetRes)
  })
})

describe('security headers with embedding off', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp({ security: { frameAncestors: 'none' } })
  })
  afterAll(() => t.close())

  it("send frame-ancestors 'none' and X-Frame-Options DENY", async () => {
    for (const path of ['/api/healthz', '/api/v1/noSuchThing', '/api/docs']) {
      const res = await t.request(path)
      expect(expectCommonHeaders(res)).toContain("frame-ancestors 'none'")
      expect(res.headers.get('x-frame-options')).toBe('DENY')
    }
  })
})

describe('security headers with an embedding allowlist', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp({ security: { frameAncestors: ["'self'", 'https://portal.example.com', 'https://*.corp.example.com'] } })
  })
  afterAll(() => t.close())

  it('list the allowed origins and send no X-Frame-Options', async () => {
    const res = await t.request('/api/healthz')
    expect(expectCommonHeaders(res)).toContain("frame-ancestors 'self' https://portal.example.com https://*.corp.example.com")
    expect(res.headers.get('x-frame-options')).toBeNull()
  })
})
