import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../testing/test-app'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

describe('service endpoints', () => {
  it('healthz says the database answers', async () => {
    const res = await t.request('/api/healthz')
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ status: 'ok', database: { kind: t.dbKind, ok: true } })
  })

  it('serves the contract as OpenAPI with every operation', async () => {
    const res = await t.request('/api/openapi.json')
    const doc = (await res.json()) as { paths: Record<string, Record<string, { operationId: string }>> }
    const ids = Object.values(doc.paths).flatMap((p) => Object.values(p).map((o) => o.operationId))
    expect(ids).toEqual(expect.arrayContaining(['listInstance', 'createInstance', 'listRepository', 'listRepoTag', 'getRepository', 'listNamespace']))
    expect(doc.paths['/api/v1/listRepository']?.get).toBeDefined()
    expect(doc.paths['/api/v1/createInstance']?.post).toBeDefined()
  })

  it('renders a readable docs page from the same document', async () => {
    const res = await t.request('/api/docs')
    const html = await res.text()
    expect(res.headers.get('content-type')).toContain('text/html')
    expect(html).toContain('/api/v1/listRepoTag')
    expect(html).toContain('pageSize')
  })

  it('answers an unknown operation with a typed 404 whose requestId matches the header', async () => {
    const res = await t.request('/api/v1/noSuchThing')
    const body = (await res.json()) as { code: string; requestId: string }
    expect(res.status).toBe(404)
    expect(body.code).toBe('OPERATION_NOT_FOUND')
    expect(body.requestId).toBe(res.headers.get('x-request-id'))
    expect(body.requestId).toMatch(/^[0-9A-F-]{36}$/)
  })

  it('rejects malformed JSON with PARAM_INVALID', async () => {
    const res = await t.request('/api/v1/createInstance', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"kind":' })
    expect(res.status).toBe(400)
    expect(((await res.json()) as { code: string }).code).toBe('PARAM_INVALID')
  })
})
