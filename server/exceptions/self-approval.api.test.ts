import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { VulnException, VulnExceptionWithHistory } from '@contract/exceptions'
import type { VulnerabilityItem } from '@contract/scans'
import { callAs, signIn, startAuthTestApp } from '../auth/testing/auth-test-app'
import { createToken } from '../auth/token-store'
import { DEMO_INSTANCE_ID } from '../demo/demo-instance'
import { repoIdOf, waitForInstanceScans } from '../scans/testing/scan-helpers'
import { startTestApp, type TestApp } from '../testing/test-app'
import { VulnExceptionService } from './exception-service'
import { newExceptionId } from './exception-store'
import { people } from './testing/exception-fixtures'

/**
 * ADR 0007: with sign-in off the one local operator approves their own requests, and the
 * exception, its history, the audit log and the VEX documents say it was a self-approval;
 * with sign-in on nobody approves their own request, whatever their role or credential.
 */
const MARK = 'self-approved while sign-in was off'

describe('sign-in off: the local operator approves their own request', () => {
  let t: TestApp
  let shopTask: string
  let items: VulnerabilityItem[]
  const ref = (i: number) => {
    const v = items[i]
    if (!v) throw new Error(`shop-app has no finding #${i}`)
    return { cveName: v.cveName, componentId: v.componentId }
  }
  const create = async (i: number, over: Record<string, unknown> = {}): Promise<VulnException> => {
    const res = await t.call('createVulnException', {
      scanTaskId: shopTask,
      findings: [ref(i)],
      kind: 'FALSE_POSITIVE',
      scope: 'DIGEST',
      reason: 'Not reachable in this service.',
      justification: 'vulnerable_code_not_in_execute_path',
      ...over,
    })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    const [created] = res.body.items
    if (!created) throw new Error('nothing created')
    return created
  }

  beforeAll(async () => {
    t = await startTestApp({ demo: true })
    await t.booted.seeded
    const tasks = await waitForInstanceScans(t, DEMO_INSTANCE_ID, { atLeast: 5 })
    const shopRepo = await repoIdOf(t, DEMO_INSTANCE_ID, 'demo/shop-app')
    const shop = tasks.find((x) => x.repoId === shopRepo)
    if (!shop) throw new Error('no shop-app scan')
    shopTask = shop.scanTaskId
    items = (await t.call('listRepoTagScanResult', { scanTaskId: shopTask, pageSize: 100 })).body.items as VulnerabilityItem[]
  }, 180_000)
  afterAll(() => t.close())

  it('approves over HTTP, marked as a self-approval in the exception and its history', async () => {
    const e = await create(0)
    expect(e).toMatchObject({ status: 'PENDING', selfApproval: false, requestedBy: { name: 'local operator' } })
    const res = await t.call('approveVulnException', { exceptionId: e.exceptionId, comment: 'Only me here.' })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body).toMatchObject({ status: 'APPROVED', selfApproval: true, decidedBy: { name: 'local operator' } })

    const got = (await t.call('getVulnException', { exceptionId: e.exceptionId })).body as VulnExceptionWithHistory
    expect(got.selfApproval).toBe(true)
    expect(got.history.map((h) => [h.action, h.actorName, h.selfApproval])).toEqual([
      ['REQUESTED', 'local operator', undefined],
      ['APPROVED', 'local operator', true],
    ])
    const listed = (await t.call('listVulnException', { pageSize: 100 })).body.items
    expect(listed.find((x) => x.exceptionId === e.exceptionId)?.selfApproval).toBe(true)
  })

  it('records the self-approval in the audit log', async () => {
    const e = await create(1)
    await t.call('approveVulnException', { exceptionId: e.exceptionId, comment: 'Only me here.' })
    const audit = await t.call('listAuditEvent', { action: 'approveVulnException', target: e.exceptionId })
    expect(audit.status, JSON.stringify(audit.body)).toBe(200)
    const events = audit.body.items
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ actor: 'local operator', actorVia: 'loopback', details: { exceptionId: e.exceptionId, selfApproval: true } })
  })

  it('says so in the VEX documents', async () => {
    for (const format of ['openvex', 'cyclonedx']) {
      const res = await t.request(`/api/v1/exportScanVex?${new URLSearchParams({ scanTaskId: shopTask, format }).toString()}`)
      expect(res.status).toBe(200)
      expect(await res.text(), format).toContain(`approved by local operator (${MARK})`)
    }
  })

  it('another person’s approval is not a self-approval, even by the local operator', async () => {
    const service = new VulnExceptionService(t.db)
    const [byAlice] = await service.create({ scanTaskId: shopTask, findings: [ref(2)], kind: 'FALSE_POSITIVE', scope: 'DIGEST', reason: 'Not reachable.', justification: 'vulnerable_code_not_in_execute_path' }, people.alice)
    if (!byAlice) throw new Error('nothing created')
    const res = await t.call('approveVulnException', { exceptionId: byAlice.exceptionId, comment: 'Agreed.' })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body).toMatchObject({ status: 'APPROVED', selfApproval: false })
    const audit = (await t.call('listAuditEvent', { action: 'approveVulnException', target: byAlice.exceptionId })).body.items
    expect(audit[0]?.details).not.toHaveProperty('selfApproval')
  })

  it('still cannot deny their own request: they withdraw it', async () => {
    const e = await create(3)
    const res = await t.call('denyVulnException', { exceptionId: e.exceptionId, comment: 'no' })
    expect(res.status).toBe(403)
    expect(res.body.code).toBe('VULN_EXCEPTION_SELF_APPROVAL')
  })
})

describe('sign-in on: the four-eyes rule is absolute', () => {
  let signed: TestApp
  const instanceId = 'cri-selfapproval00001'

  /** A PENDING request by this principal id, written straight in the database (a signed-in app has no scans). */
  async function pendingBy(requesterId: string, requesterName: string): Promise<string> {
    const id = newExceptionId()
    await signed.db
      .insertInto('vuln_exceptions')
      .values({
        id,
        instance_id: instanceId,
        kind: 'FALSE_POSITIVE',
        status: 'PENDING',
        scope: 'COMPONENT',
        repo_id: null,
        repository: null,
        digest: null,
        cve_name: `CVE-2024-${String(Math.floor(Math.random() * 90_000) + 10_000)}`,
        package_name: 'lodash',
        package_version: '4.17.15',
        package_format: 'npm',
        component_id: '0123456789abcdef',
        scan_task_id: 'none',
        advisory_ecosystem: null,
        advisory_package: null,
        advisory_version: null,
        expiry: null,
        expires_at: null,
        reason: 'Not reachable.',
        justification: 'vulnerable_code_not_in_execute_path',
        requested_by_id: requesterId,
        requested_by_name: requesterName,
        requested_at: new Date(),
        decided_by_id: null,
        decided_by_name: null,
        decided_at: null,
        decision_comment: null,
        closed_at: null,
      })
      .execute()
    return id
  }

  beforeAll(async () => {
    signed = await startAuthTestApp()
    const now = new Date()
    await signed.db
      .insertInto('instances')
      .values({ id: instanceId, name: 'self-approval', provider: 'local', kind: 'DIRECTORY', endpoint: '/nonexistent', username: null, password: null, insecure_tls: false, sync_status: 'READY', sync_error: null, last_sync_at: null, created_at: now, modified_at: now })
      .execute()
  }, 60_000)
  afterAll(() => signed.close())

  it('refuses an approver’s and an admin’s own request, by token and by session', async () => {
    for (const role of ['approver', 'admin'] as const) {
      const { token, secret } = await createToken(signed.db, { name: `${role}-self`, role, createdBy: 'test' })
      const id = await pendingBy(token.tokenId, token.name)
      const byToken = await callAs(signed, 'approveVulnException', { exceptionId: id, comment: 'mine' }, { bearer: secret })
      expect(byToken.status, byToken.text).toBe(403)
      expect(byToken.body.code).toBe('VULN_EXCEPTION_SELF_APPROVAL')
      const session = await signIn(signed, secret)
      const bySession = await callAs(signed, 'approveVulnException', { exceptionId: id, comment: 'mine' }, { cookie: session.cookie, csrf: session.csrf })
      expect(bySession.status, bySession.text).toBe(403)
      expect(bySession.body.code).toBe('VULN_EXCEPTION_SELF_APPROVAL')
      const got = await callAs(signed, 'getVulnException', { exceptionId: id }, { bearer: secret })
      expect(got.body).toMatchObject({ status: 'PENDING', selfApproval: false })
    }
  })

  it('approves when someone else does, not marked', async () => {
    const requester = await createToken(signed.db, { name: 'olga', role: 'operator', createdBy: 'test' })
    const approver = await createToken(signed.db, { name: 'bob', role: 'approver', createdBy: 'test' })
    const id = await pendingBy(requester.token.tokenId, 'olga')
    const res = await callAs(signed, 'approveVulnException', { exceptionId: id, comment: 'Agreed.' }, { bearer: approver.secret })
    expect(res.status, res.text).toBe(200)
    expect(res.body).toMatchObject({ status: 'APPROVED', selfApproval: false, decidedBy: { name: 'bob' } })
  })
})
