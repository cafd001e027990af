import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { callAs, signIn, startAuthTestApp, tokenFor } from '../auth/testing/auth-test-app'
import { insertInstance } from '../instances/instance-store'
import type { TestApp } from '../testing/test-app'

/** Who started which scan, changed which rule or instance, and when: one event per successful write. */
let t: TestApp
let admin: string
let operator: string
const instanceId = 'cri-auditauditaudit0'

beforeAll(async () => {
  t = await startAuthTestApp()
  admin = await tokenFor(t, 'admin', 'ada')
  operator = await tokenFor(t, 'operator', 'otto')
  await insertInstance(t.db, instanceId, 'audited', { kind: 'DIRECTORY', endpoint: '/nonexistent', username: null, password: null, insecureTls: false })
})
afterAll(() => t.close())

type Event = { actor: string; actorVia: string; action: string; target: string; details: Record<string, unknown>; requestId: string | null; time: number }
const events = async (q: Record<string, unknown> = {}) => {
  const res = await callAs(t, 'listAuditEvent', { pageSize: 100, ...q }, { bearer: admin })
  expect(res.status, res.text).toBe(200)
  return res.body as { items: Event[]; totalCount: number }
}

describe('the audit log', () => {
  it('records a rule change with its actor, target ids, input and request id', async () => {
    const before = Date.now()
    const created = await callAs(t, 'createScanRule', { instanceId, ruleName: 'prod', scanScope: 'INSTANCE', triggerType: 'MANUAL', repoTagFilterPattern: 'prod-.*' }, { bearer: operator })
    expect(created.status, created.text).toBe(200)
    const scanRuleId = String(created.body.scanRuleId)
    const [event] = (await events({ action: 'createScanRule' })).items
    expect(event).toMatchObject({
      actor: 'otto',
      actorVia: 'token',
      action: 'createScanRule',
      target: `instanceId=${instanceId} ruleName=prod scanRuleId=${scanRuleId}`,
      details: { instanceId, ruleName: 'prod', repoTagFilterPattern: 'prod-.*' },
      requestId: created.headers.get('x-request-id'),
    })
    expect(event?.time).toBeGreaterThanOrEqual(before - 1000)
  })

  it('records nothing for failed writes or reads', async () => {
    const { totalCount } = await events()
    await callAs(t, 'createScanRule', { instanceId, ruleName: 'prod', scanScope: 'INSTANCE', triggerType: 'MANUAL', repoTagFilterPattern: 'prod-.*' }, { bearer: operator })
    await callAs(t, 'deleteScanRule', { instanceId, scanRuleId: 'crscnr-0000000000000000' }, { bearer: operator })
    await callAs(t, 'listScanRule', { instanceId }, { bearer: operator })
    expect((await events()).totalCount).toBe(totalCount)
  })

  it('records sign-in and sign-out by the person, without the token', async () => {
    const s = await signIn(t, admin)
    await callAs(t, 'deleteSession', {}, { cookie: s.cookie, csrf: s.csrf })
    const items = (await events({ actor: 'ada' })).items.filter((e) => e.action.endsWith('Session'))
    expect(items.map((e) => [e.action, e.actorVia])).toEqual([
      ['deleteSession', 'session'],
      ['createSession', 'session'],
    ])
    expect(items[1]?.details).toEqual({ token: '[redacted]' })
  })

  it('filters by actor, action, target text and time, and pages newest first', async () => {
    await callAs(t, 'createApiToken', { name: 'bot-1', role: 'viewer' }, { bearer: admin })
    await callAs(t, 'createApiToken', { name: 'bot-2', role: 'viewer' }, { bearer: admin })
    const mine = await events({ actor: 'ada', action: 'createApiToken' })
    expect(mine.items.map((e) => e.details.name)).toEqual(['bot-2', 'bot-1'])
    expect(mine.items[0]?.target).toMatch(/^name=bot-2 tokenId=tok-[0-9a-z]{16}$/)
    expect((await events({ target: instanceId.toUpperCase() })).items.every((e) => e.target.includes(instanceId))).toBe(true)
    expect((await events({ from: Date.now() + 60_000 })).totalCount).toBe(0)
    expect((await events({ to: 1 })).totalCount).toBe(0)
    const all = await events()
    const page2 = await callAs(t, 'listAuditEvent', { pageSize: 1, pageNo: 2 }, { bearer: admin })
    expect(page2.body).toMatchObject({ totalCount: all.totalCount, pageNo: 2, pageSize: 1, items: [all.items[1]] })
  })

  it('is for admins, and bad filters are PARAM_INVALID', async () => {
    expect((await callAs(t, 'listAuditEvent', {}, { bearer: operator })).status).toBe(403)
    const bad = await callAs(t, 'listAuditEvent', { from: 'yesterday', pageSize: 1000 }, { bearer: admin })
    expect(bad.body.code).toBe('PARAM_INVALID')
    expect(Object.keys(bad.body.fieldErrors as object).sort()).toEqual(['from', 'pageSize'])
  })
})
