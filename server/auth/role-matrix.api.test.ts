import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { roleAtLeast, roles, type Role } from '@contract/auth'
import { operations, type OperationName } from '@contract/operations'
import type { TestApp } from '../testing/test-app'
import { operationRoles } from './operation-roles'
import { callAs, startAuthTestApp, tokenFor } from './testing/auth-test-app'

/**
 * Every operation × every role, with sign-in required: a role below the operation's
 * answers 403 ACCESS_DENIED, no credentials 401 UNAUTHENTICATED, and a role that may
 * call it gets past the gate (the empty input then fails validation, or a read answers).
 * Denied calls write nothing: the audit log stays empty of them.
 */
let t: TestApp
const tokens = {} as Record<Role, string>
const names = Object.keys(operations) as OperationName[]

beforeAll(async () => {
  t = await startAuthTestApp()
  for (const role of roles) tokens[role] = await tokenFor(t, role)
})
afterAll(() => t.close())

const auditCount = async () => Number((await t.db.selectFrom('audit_events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)

describe.each(names)('%s', (name) => {
  const needed = operationRoles[name]

  it(`without credentials: ${needed === 'public' ? 'answers' : '401 UNAUTHENTICATED'}`, async () => {
    const res = await callAs(t, name, {})
    if (needed === 'public') expect([200, 400]).toContain(res.status)
    else expect([res.status, res.body.code]).toEqual([401, 'UNAUTHENTICATED'])
  })

  it.each(roles)(`as %s`, async (role) => {
    const before = await auditCount()
    const res = await callAs(t, name, {}, { bearer: tokens[role] })
    if (needed !== 'public' && !roleAtLeast(role, needed)) {
      expect([res.status, res.body.code]).toEqual([403, 'ACCESS_DENIED'])
      expect(String(res.body.message)).toContain(needed)
      expect(await auditCount()).toBe(before)
    } else {
      expect([401, 403]).not.toContain(res.status)
    }
  })
})

describe('the gate runs before validation', () => {
  it('a viewer posting a valid-looking createInstance is denied, not told what is wrong with the input', async () => {
    const res = await callAs(t, 'createInstance', { kind: 'DIRECTORY', instanceName: 'x', path: '/nonexistent' }, { bearer: tokens.viewer })
    expect(res.status).toBe(403)
    expect(res.body.fieldErrors).toBeUndefined()
    expect(await t.db.selectFrom('instances').selectAll().execute()).toEqual([])
  })

  it('an unknown operation needs sign-in before it is reported unknown', async () => {
    expect((await t.request('/api/v1/noSuchOperation')).status).toBe(401)
    const res = await t.request('/api/v1/noSuchOperation', { headers: { authorization: `Bearer ${tokens.viewer}` } })
    expect(res.status).toBe(404)
  })

  it('health, OpenAPI and the docs answer without sign-in', async () => {
    for (const url of ['/api/healthz', '/api/openapi.json', '/api/docs']) expect((await t.request(url)).status, url).toBe(200)
  })
})
