import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../testing/test-app'
import { PORTAL_SCRIPT, PORTAL_SCRIPT_PATH } from './embed-portal-script'
import type { FrameAncestors } from './security-headers'

// A minimal built SPA: the test is about what the server adds, not about the bundle.
const INDEX = '<!doctype html><html><head><title>Layerscope</title></head><body><div id="root"></div><script type="module" src="/assets/app.js"></script></body></html>'

async function fakeDist(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'layerscope-dist-'))
  await fs.mkdir(path.join(dir, 'assets'))
  await fs.writeFile(path.join(dir, 'index.html'), INDEX)
  await fs.writeFile(path.join(dir, 'assets', 'app.js'), 'export {}\n')
  return dir
}

const metaContent = (html: string) => /<meta name="layerscope-embed-origins" content="([^"]*)">/.exec(html)?.[1]

/** Every way an embedded or a plain page is asked for: all get index.html with the origins in it. */
const PAGE_PATHS = ['/', '/?embed=1', '/index.html', '/instances', '/instances/demo/scans/t1?embed=1&theme=dark', '/embed', '/embed/', '/embed/instances/demo?links=tab']

describe.each<{ name: string; frameAncestors: FrameAncestors; meta: string; csp: string; xfo: string | null }>([
  { name: "default ('self')", frameAncestors: ["'self'"], meta: "'self'", csp: "frame-ancestors 'self'", xfo: null },
  {
    name: 'an allowlist',
    frameAncestors: ["'self'", 'https://portal.example.com', 'https://*.corp.example.com'],
    meta: "'self' https://portal.example.com https://*.corp.example.com",
    csp: "frame-ancestors 'self' https://portal.example.com https://*.corp.example.com",
    xfo: null,
  },
  { name: 'embedding off (none)', frameAncestors: 'none', meta: 'none', csp: "frame-ancestors 'none'", xfo: 'DENY' },
])('embedding with $name', ({ frameAncestors, meta, csp, xfo }) => {
  let t: TestApp
  let dist: string
  beforeAll(async () => {
    dist = await fakeDist()
    t = await startTestApp({ staticDir: dist, security: { frameAncestors } })
  })
  afterAll(async () => {
    await t.close()
    await fs.rm(dist, { recursive: true, force: true })
  })

  it('hands the allowed origins to the SPA on every page, with the matching frame headers', async () => {
    for (const pagePath of PAGE_PATHS) {
      const res = await t.request(pagePath)
      expect(res.status, pagePath).toBe(200)
      expect(res.headers.get('content-type'), pagePath).toMatch(/^text\/html/)
      expect(metaContent(await res.text()), pagePath).toBe(meta)
      expect(res.headers.get('content-security-policy'), pagePath).toContain(csp)
      expect(res.headers.get('x-frame-options'), pagePath).toBe(xfo)
    }
  })

  it('serves the portal script to any portal, as JavaScript', async () => {
    const res = await t.request(PORTAL_SCRIPT_PATH)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin')
    expect(await res.text()).toBe(PORTAL_SCRIPT)
  })

  it('still serves assets as files', async () => {
    const res = await t.request('/assets/app.js')
    expect(res.status).toBe(200)
    expect(await res.text()).toBe('export {}\n')
  })
})

describe('the portal script', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp()
  })
  afterAll(() => t.close())

  it('is there without a built SPA, and answers 304 to its own ETag', async () => {
    const first = await t.request(PORTAL_SCRIPT_PATH)
    expect(first.status).toBe(200)
    const etag = first.headers.get('etag') ?? ''
    expect(etag).toMatch(/^"[\w-]+"$/)
    const again = await t.request(PORTAL_SCRIPT_PATH, { headers: { 'if-none-match': etag } })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
  })

  it('checks the sender window and origin and the message type and version before sizing a frame', () => {
    expect(PORTAL_SCRIPT).toContain("var TYPE = 'layerscope:embed:size'")
    expect(PORTAL_SCRIPT).toContain('var VERSION = 1')
    expect(PORTAL_SCRIPT).toContain('frames[i].contentWindow === source')
    expect(PORTAL_SCRIPT).toContain('event.origin !== originOf(frame)')
    // Nothing a strict portal CSP would block: no eval-like calls, no inline handlers or style elements.
    expect(PORTAL_SCRIPT).not.toMatch(/\beval\(|new Function|setAttribute\('on|innerHTML|<style/)
  })
})
