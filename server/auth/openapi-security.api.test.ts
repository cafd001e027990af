import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportsByName } from '@contract/exports'
import { operations } from '@contract/operations'
import { startTestApp, type TestApp } from '../testing/test-app'
import { exportRoles, featureDownloadRoles, operationRoles } from './operation-roles'
import { SESSION_COOKIE } from './session-cookie'
import { startProxyAuthTestApp, TEST_PROXY } from './testing/auth-test-app'

/** /api/openapi.json says how to sign in and which role each operation needs, as operation-roles.ts enforces it. */
interface Op {
  operationId: string
  description?: string
  security?: Record<string, string[]>[]
  'x-required-role'?: string
}
interface Doc {
  info: { description: string }
  paths: Record<string, Record<string, Op>>
  components: {
    securitySchemes?: Record<
      string,
      { type: string; scheme?: string; in?: string; name?: string; description?: string }
    >
  }
}

let t: TestApp
let doc: Doc
beforeAll(async () => {
  t = await startProxyAuthTestApp()
  const res = await t.request('/api/openapi.json')
  expect(res.status).toBe(200)
  doc = (await res.json()) as Doc
})
afterAll(() => t.close())

const expectedRoles: Record<string, string> = { ...operationRoles, ...exportRoles, ...featureDownloadRoles }
const operationsOf = (d: Doc) =>
  Object.entries(d.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ path, method, op })),
  )

describe('the OpenAPI document with sign-in required', () => {
  it('declares the bearer token, the session cookie with its CSRF header, and the configured sign-in proxy', () => {
    const schemes = doc.components.securitySchemes ?? {}
    expect(schemes.apiToken).toMatchObject({ type: 'http', scheme: 'bearer' })
    expect(schemes.sessionCookie).toMatchObject({ type: 'apiKey', in: 'cookie', name: SESSION_COOKIE })
    expect(schemes.csrfToken).toMatchObject({ type: 'apiKey', in: 'header', name: 'X-CSRF-Token' })
    expect(schemes.proxyUser).toMatchObject({ type: 'apiKey', in: 'header', name: 'x-forwarded-user' })
    expect(schemes.proxyUser?.description).toMatch(/x-forwarded-role/)
    expect(schemes.proxySecret).toMatchObject({ type: 'apiKey', in: 'header', name: 'x-auth-proxy-secret' })
    // The secret itself is never in the document.
    expect(JSON.stringify(doc)).not.toContain(TEST_PROXY.secret)
  })

  it('documents every operation and download of the contract', () => {
    const documented = operationsOf(doc).map((o) => o.op.operationId)
    for (const name of [
      ...Object.keys(operations),
      ...Object.keys(exportsByName),
      ...Object.keys(featureDownloadRoles),
    ])
      expect(documented, name).toContain(name)
  })

  it('gives every /api/v1 operation its security and the role operation-roles.ts requires, in x-required-role and in words', () => {
    const apiOps = operationsOf(doc).filter((o) => o.path.startsWith('/api/v1/'))
    // Each operation once (a download may answer GET and POST), and none without a line in operation-roles.ts.
    expect(new Set(apiOps.map((o) => o.path.slice('/api/v1/'.length)))).toEqual(
      new Set(Object.keys(expectedRoles)),
    )
    for (const { path, method, op } of apiOps) {
      const name = path.slice('/api/v1/'.length)
      const role = expectedRoles[name]
      expect(role, `${name} has an entry in operation-roles.ts`).toBeDefined()
      expect(op['x-required-role'], name).toBe(role)
      expect(op.description, name).toContain(
        role === 'public' ? 'Needs no sign-in' : `Required role: ${role}`,
      )
      const security = op.security ?? []
      expect(security.length, name).toBeGreaterThan(0)
      // Anonymous access (`{}`) is documented exactly where the server allows it.
      expect(
        security.some((r) => Object.keys(r).length === 0),
        name,
      ).toBe(role === 'public')
      expect(security, name).toContainEqual({ apiToken: [] })
      const write = method !== 'get'
      expect(security, name).toContainEqual(
        write ? { sessionCookie: [], csrfToken: [] } : { sessionCookie: [] },
      )
      expect(security, name).toContainEqual(
        write ? { proxyUser: [], proxySecret: [], csrfToken: [] } : { proxyUser: [], proxySecret: [] },
      )
    }
    expect(doc.paths['/api/v1/createScanRule']?.post?.['x-required-role']).toBe('operator')
    expect(doc.paths['/api/v1/listAuditEvent']?.get?.['x-required-role']).toBe('admin')
    expect(doc.paths['/api/v1/getSession']?.get?.['x-required-role']).toBe('public')
  })

  it('says in the introduction that sign-in is required, and the docs page shows the roles', async () => {
    expect(doc.info.description).toMatch(/Sign-in is required/)
    const html = await (await t.request('/api/docs')).text()
    expect(html).toContain('Required role: approver')
  })
})

describe('the OpenAPI document with sign-in off and no proxy', () => {
  it('says everyone is the local operator and declares no proxy scheme', async () => {
    const local = await startTestApp()
    try {
      const offDoc = (await (await local.request('/api/openapi.json')).json()) as Doc
      expect(offDoc.info.description).toMatch(/Sign-in is off/)
      expect(Object.keys(offDoc.components.securitySchemes ?? {}).sort()).toEqual([
        'apiToken',
        'csrfToken',
        'sessionCookie',
      ])
      const createInstance = offDoc.paths['/api/v1/createInstance']?.post
      expect(createInstance?.['x-required-role']).toBe('admin')
      expect(createInstance?.security).toEqual([{ apiToken: [] }, { sessionCookie: [], csrfToken: [] }])
    } finally {
      await local.close()
    }
  })
})
