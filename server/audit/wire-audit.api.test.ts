import RPCClient from '@alicloud/pop-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuditEvent } from '@contract/audit'
import { DEMO_INSTANCE_ID } from '../demo/demo-instance'
import { waitForInstanceScans } from '../scans/testing/scan-helpers'
import { startTestApp, type TestApp } from '../testing/test-app'
import { parseApiTokens, tokenLabel } from '../wire/stackrox/api-tokens'
import { startWireServer, type WireServer } from '../wire/testing/wire-server'

/**
 * Writes that come in outside /api/v1 (the ACR and StackRox endpoints) are in the audit
 * log like the operations they map to: actor named by its credential's id, never its secret.
 */
const ACCESS_KEY_ID = 'LTAIaudittest'
const ACCESS_KEY_SECRET = 'audit-test-acr-secret-0123456789'
const STACKROX_TOKEN = 'audit-test-stackrox-token-0123456789'
const instanceId = DEMO_INSTANCE_ID

let t: TestApp
let wire: WireServer

function stackroxTokens() {
  const parsed = parseApiTokens(STACKROX_TOKEN)
  if (!('value' in parsed)) throw new Error(parsed.errors.join('; '))
  return parsed.value
}

async function auditEvents(q: Record<string, unknown>): Promise<AuditEvent[]> {
  const res = await t.call('listAuditEvent', { pageSize: 100, ...q })
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  return (res.body as { items: AuditEvent[] }).items
}

function expectNoSecret(events: readonly AuditEvent[]) {
  const text = JSON.stringify(events)
  for (const secret of [ACCESS_KEY_SECRET, STACKROX_TOKEN]) expect(text).not.toContain(secret)
}

beforeAll(async () => {
  t = await startTestApp({ demo: true })
  await t.booted.seeded
  await waitForInstanceScans(t, instanceId, { atLeast: 5 })
  wire = await startWireServer(t, {
    acr: { accessKeys: new Map([[ACCESS_KEY_ID, ACCESS_KEY_SECRET]]) },
    stackrox: { tokens: stackroxTokens(), scanTimeoutMs: 60_000, pollMs: 50 },
  })
})
afterAll(async () => {
  await wire.close()
  await t.close()
})

describe('audit of wire writes', () => {
  it('records a CreateScanRule through pop-core as createScanRule by acr:<AccessKeyId>', async () => {
    const client = new RPCClient({ endpoint: `${wire.origin}/acr`, apiVersion: '2018-12-01', accessKeyId: ACCESS_KEY_ID, accessKeySecret: ACCESS_KEY_SECRET })
    const created = await client.request<{ ScanRuleId: string; RequestId: string }>(
      'CreateScanRule',
      { InstanceId: instanceId, RuleName: 'audited rule', ScanScope: 'INSTANCE', TriggerType: 'MANUAL', ScanType: 'VUL', RepoTagFilterPattern: '.*' },
      { method: 'POST' },
    )
    // A read is not a write: it leaves no event.
    await client.request('ListScanRule', { InstanceId: instanceId }, { method: 'POST' })

    const events = await auditEvents({ actor: `acr:${ACCESS_KEY_ID}` })
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ actorVia: 'acr', action: 'createScanRule', requestId: created.RequestId })
    expect(events[0]?.details).toMatchObject({ ruleName: 'audited rule', scanScope: 'INSTANCE' })
    expect(events[0]?.target).toContain(`instanceId=${instanceId}`)
    expect(events[0]?.target).toContain(`scanRuleId=${created.ScanRuleId}`)
    expectNoSecret(events)
  })

  it('records a StackRox force scan as createRepoTagScanTask by stackrox:<token hash prefix>', async () => {
    const res = await fetch(`${wire.origin}/v1/images/scan`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${STACKROX_TOKEN}` },
      body: JSON.stringify({ imageName: `${instanceId}/demo/shop-app:1.0.0`, force: true }),
    })
    expect(res.status, await res.clone().text()).toBe(200)

    const actor = tokenLabel(STACKROX_TOKEN)
    expect(actor).toMatch(/^stackrox:[0-9a-f]{8}$/)
    const events = await auditEvents({ actor })
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ actorVia: 'stackrox', action: 'createRepoTagScanTask' })
    expect(events[0]?.details).toMatchObject({ force: true, tag: '1.0.0' })
    expect(events[0]?.target).toMatch(/scanTaskId=\S+/)
    expect(events[0]?.requestId).toBeTruthy()
    expectNoSecret(await auditEvents({}))
  })
})
