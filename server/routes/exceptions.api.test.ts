import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { VulnException, VulnExceptionWithHistory, VulnFindingState } from '@contract/exceptions'
import type { VulnerabilityItem } from '@contract/scans'
import { callAs, startAuthTestApp, tokenFor } from '../auth/testing/auth-test-app'
import { DEMO_INSTANCE_ID } from '../demo/demo-instance'
import type { Principal } from '../http/request-context'
import { VulnExceptionService } from '../exceptions/exception-service'
import { findingKey, findingStatesByKey } from '../exceptions/finding-states'
import { getTaskRow } from '../scans/scan-store'
import { cycloneDxSchema } from '../exceptions/testing/cyclonedx-schema'
import { cloneScanAsImage, people, republishAdvisories } from '../exceptions/testing/exception-fixtures'
import { checkJsonSchema } from '../exceptions/testing/json-schema-check'
import { openVexSchema } from '../exceptions/testing/openvex-schema'
import { repoIdOf, waitForInstanceScans, waitForStatus } from '../scans/testing/scan-helpers'
import { startTestApp, type TestApp } from '../testing/test-app'

/**
 * Exceptions over the demo's real scans. HTTP calls run as the loopback operator (sign-in
 * off); steps by other people go through the service with explicit principals, as the
 * routes call it with the request's principal.
 */
let t: TestApp
const instanceId = DEMO_INSTANCE_ID
const DAY = 86_400_000
let clock = Date.now()
let service: VulnExceptionService
let shopTask: string
let shopDigest: string
let shopItems: VulnerabilityItem[]
let shopRepo: string
let legacyRepo: string

beforeAll(async () => {
  t = await startTestApp({ demo: true })
  await t.booted.seeded
  const tasks = await waitForInstanceScans(t, instanceId, { atLeast: 5 })
  shopRepo = await repoIdOf(t, instanceId, 'demo/shop-app')
  legacyRepo = await repoIdOf(t, instanceId, 'demo/legacy-api')
  const shop = tasks.find((x) => x.repoId === shopRepo)
  if (!shop) throw new Error('no shop-app scan')
  shopTask = shop.scanTaskId
  shopDigest = shop.digest
  const res = await t.call('listRepoTagScanResult', { scanTaskId: shopTask, pageSize: 100 })
  shopItems = res.body.items as VulnerabilityItem[]
  service = new VulnExceptionService(t.db, { now: () => new Date(clock) })
}, 180_000)
afterAll(() => t.close())

const ref = (v: VulnerabilityItem) => ({ cveName: v.cveName, componentId: v.componentId })
const item = (i: number) => {
  const v = shopItems[i]
  if (!v) throw new Error(`shop-app has no finding #${i}`)
  return v
}
const request = (over: Record<string, unknown> = {}) => ({
  scanTaskId: shopTask,
  findings: [ref(item(0))],
  kind: 'FALSE_POSITIVE' as const,
  scope: 'DIGEST' as const,
  reason: 'Not reachable in this service.',
  justification: 'vulnerable_code_not_in_execute_path' as const,
  ...over,
})
async function createOne(by: Principal = people.alice, over: Record<string, unknown> = {}): Promise<VulnException> {
  const [created] = await service.create(request(over), by)
  if (!created) throw new Error('nothing created')
  return created
}
async function history(id: string) {
  const res = await t.call('getVulnException', { exceptionId: id })
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  return (res.body as VulnExceptionWithHistory).history.map((h) => [h.action, h.actorName, h.comment])
}
async function states(scanTaskId: string): Promise<VulnFindingState[]> {
  const res = await t.call('listVulnFindingState', { scanTaskId, pageSize: 100 })
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  return res.body.items
}
const stateOf = async (scanTaskId: string, v: VulnerabilityItem) => (await states(scanTaskId)).find((s) => s.cveName === v.cveName && s.componentId === v.componentId)
const counts = async () => {
  const n = async (table: 'vuln_exceptions' | 'vuln_exception_events') => Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
  return [await n('vuln_exceptions'), await n('vuln_exception_events')]
}

describe('requesting and deciding', () => {
  // The loopback operator's own approval is allowed and marked (ADR 0007): server/exceptions/self-approval.api.test.ts.
  it('creates a PENDING request over HTTP, and refuses the requester’s own denial (they withdraw instead)', async () => {
    const created = await t.call('createVulnException', request({ findings: [ref(item(1)), ref(item(2))], kind: 'DEFERRAL', expiry: 'THIRTY_DAYS' }))
    expect(created.status, JSON.stringify(created.body)).toBe(200)
    const [first] = created.body.items
    expect(created.body.items).toHaveLength(2)
    expect(first).toMatchObject({ status: 'PENDING', scope: 'DIGEST', digest: shopDigest, repoId: shopRepo, cveName: item(1).cveName, feature: item(1).feature, expiry: 'THIRTY_DAYS', expiresAt: null, requestedBy: { name: 'local operator' } })
    const id = String(first?.exceptionId)
    const before = await counts()
    const self = await t.call('denyVulnException', { exceptionId: id, comment: 'mine' })
    expect(self.status).toBe(403)
    expect(self.body.code).toBe('VULN_EXCEPTION_SELF_APPROVAL')
    expect(await counts()).toEqual(before)
    expect(await history(id)).toEqual([['REQUESTED', 'local operator', 'Not reachable in this service.']])
  })

  it('approves (another approver): the finding becomes DEFERRED for the period counted from the approval', async () => {
    const e = await createOne(people.alice, { findings: [ref(item(3))], kind: 'DEFERRAL', expiry: 'TWO_WEEKS' })
    expect((await stateOf(shopTask, item(3)))?.pendingExceptionIds).toEqual([e.exceptionId])
    clock += DAY
    const approved = await service.approve({ exceptionId: e.exceptionId, comment: 'Mitigated by the WAF rule 4711.' }, people.bob)
    expect(approved).toMatchObject({ status: 'APPROVED', decidedBy: { name: 'bob' }, decisionTime: clock, expiresAt: clock + 14 * DAY })
    expect(await stateOf(shopTask, item(3))).toMatchObject({ state: 'DEFERRED', suppressed: true, suppressActivation: clock, suppressExpiry: clock + 14 * DAY, exceptionId: e.exceptionId, pendingExceptionIds: [] })
    expect(await history(e.exceptionId)).toEqual([
      ['REQUESTED', 'alice', 'Not reachable in this service.'],
      ['APPROVED', 'bob', 'Mitigated by the WAF rule 4711.'],
    ])
    const again = service.approve({ exceptionId: e.exceptionId, comment: 'twice' }, people.carol)
    await expect(again).rejects.toMatchObject({ code: 'VULN_EXCEPTION_STATE_CONFLICT' })
  })

  it('denies: the finding stays OBSERVED and the denial is kept with its comment', async () => {
    const e = await createOne(people.alice, { findings: [ref(item(4))] })
    const denied = await service.deny({ exceptionId: e.exceptionId, comment: 'The code path is reachable from /api/upload.' }, people.carol)
    expect(denied).toMatchObject({ status: 'DENIED', decisionComment: 'The code path is reachable from /api/upload.' })
    expect(await stateOf(shopTask, item(4))).toMatchObject({ state: 'OBSERVED', suppressed: false, exceptionId: null })
    expect((await history(e.exceptionId)).map(([a]) => a)).toEqual(['REQUESTED', 'DENIED'])
    await expect(service.deny({ exceptionId: e.exceptionId, comment: 'x' }, people.bob)).rejects.toMatchObject({ code: 'VULN_EXCEPTION_STATE_CONFLICT' })
  })

  it('withdraws: only the requester, only while pending', async () => {
    const e = await createOne(people.alice, { findings: [ref(item(5))] })
    await expect(service.withdraw({ exceptionId: e.exceptionId }, people.olga)).rejects.toMatchObject({ code: 'ACCESS_DENIED' })
    await expect(service.withdraw({ exceptionId: e.exceptionId }, people.root)).rejects.toMatchObject({ code: 'ACCESS_DENIED' })
    const withdrawn = await service.withdraw({ exceptionId: e.exceptionId, comment: 'Upgrading instead.' }, people.alice)
    expect(withdrawn).toMatchObject({ status: 'WITHDRAWN', closeTime: clock })
    expect(await history(e.exceptionId)).toEqual([
      ['REQUESTED', 'alice', 'Not reachable in this service.'],
      ['WITHDRAWN', 'alice', 'Upgrading instead.'],
    ])
    await expect(service.withdraw({ exceptionId: e.exceptionId }, people.alice)).rejects.toMatchObject({ code: 'VULN_EXCEPTION_STATE_CONFLICT' })
    await expect(service.approve({ exceptionId: e.exceptionId, comment: 'late' }, people.bob)).rejects.toMatchObject({ code: 'VULN_EXCEPTION_STATE_CONFLICT' })
    // A withdrawn request no longer blocks a new one for the same finding.
    await expect(createOne(people.alice, { findings: [ref(item(5))] })).resolves.toMatchObject({ status: 'PENDING' })
  })

  it('withdraws over HTTP for the loopback requester', async () => {
    const created = await t.call('createVulnException', request({ findings: [ref(item(6))] }))
    const res = await t.call('withdrawVulnException', { exceptionId: created.body.items[0]?.exceptionId })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body.status).toBe('WITHDRAWN')
  })

  it('checks roles: viewers cannot request, operators cannot decide, requesters cannot deny their own', async () => {
    await expect(createOne(people.vera, { findings: [ref(item(7))] })).rejects.toMatchObject({ code: 'ACCESS_DENIED' })
    const e = await createOne(people.bob, { findings: [ref(item(7))] })
    await expect(service.approve({ exceptionId: e.exceptionId, comment: 'ok' }, people.alice)).rejects.toMatchObject({ code: 'ACCESS_DENIED' })
    await expect(service.deny({ exceptionId: e.exceptionId, comment: 'no' }, people.olga)).rejects.toMatchObject({ code: 'ACCESS_DENIED' })
    await expect(service.approve({ exceptionId: e.exceptionId, comment: 'ok' }, people.bob)).rejects.toMatchObject({ code: 'VULN_EXCEPTION_SELF_APPROVAL' })
    await expect(service.deny({ exceptionId: e.exceptionId, comment: 'no' }, people.bob)).rejects.toMatchObject({ code: 'VULN_EXCEPTION_SELF_APPROVAL' })
    await expect(service.approve({ exceptionId: e.exceptionId, comment: 'ok' }, people.root)).resolves.toMatchObject({ status: 'APPROVED' })
  })

  it('keeps a dated deferral’s date, and refuses to approve it once the date has passed', async () => {
    const until = clock + 10 * DAY
    const dated = await createOne(people.alice, { findings: [ref(item(15))], kind: 'DEFERRAL', expiry: 'DATE', expiresAt: until })
    expect(dated.expiresAt).toBe(until)
    await expect(service.approve({ exceptionId: dated.exceptionId, comment: 'ok' }, people.bob)).resolves.toMatchObject({ status: 'APPROVED', expiresAt: until })
    const late = await createOne(people.alice, { findings: [ref(item(16))], kind: 'DEFERRAL', expiry: 'DATE', expiresAt: clock + DAY })
    const before = await counts()
    clock += 2 * DAY
    await expect(service.approve({ exceptionId: late.exceptionId, comment: 'ok' }, people.bob)).rejects.toMatchObject({ code: 'VULN_EXCEPTION_STATE_CONFLICT' })
    expect(await counts()).toEqual(before)
    expect((await t.call('getVulnException', { exceptionId: late.exceptionId })).body.status).toBe('PENDING')
  })

  it('keeps the history append-only in the database', async () => {
    await expect(t.db.updateTable('vuln_exception_events').set({ comment: 'rewritten' }).execute()).rejects.toThrow(/append-only/)
  })
})

describe('expiry and reopening', () => {
  it('expires an approved deferral when its period ends, and says so in its history', async () => {
    const e = await createOne(people.alice, { findings: [ref(item(8))], kind: 'DEFERRAL', expiry: 'TWO_WEEKS' })
    const approved = await service.approve({ exceptionId: e.exceptionId, comment: 'ok' }, people.bob)
    const end = Number(approved.expiresAt)
    expect((await t.booted.exceptionSweeper.tick(new Date(end - 1))).expired).not.toContain(e.exceptionId)
    expect((await stateOf(shopTask, item(8)))?.state).toBe('DEFERRED')
    expect((await t.booted.exceptionSweeper.tick(new Date(end))).expired).toContain(e.exceptionId)
    const res = await t.call('getVulnException', { exceptionId: e.exceptionId })
    expect(res.body).toMatchObject({ status: 'EXPIRED', closeTime: end })
    expect((res.body as VulnExceptionWithHistory).history.at(-1)).toMatchObject({ action: 'EXPIRED', actorId: 'system', time: end })
    expect((await stateOf(shopTask, item(8)))?.state).toBe('OBSERVED')
    // Sweeping again changes nothing: each exception is closed once.
    expect((await t.booted.exceptionSweeper.tick(new Date(end + DAY))).expired).not.toContain(e.exceptionId)
  })

  it('reopens a deferral "until fixed" once the advisory store has a fix, and not before', async () => {
    const target = shopItems.find((v) => v.scanType === 'sca' && v.versionFixed !== '' && v.cveName !== item(0).cveName)
    if (!target) throw new Error('shop-app has no fixable application finding')
    // The advisory first without a fix: a rescan shows the finding unfixed.
    const original = await republishAdvisories(t.db, target.cveName, undefined, false, new Date(Date.now() + DAY))
    const queued = await t.call('createRepoTagScanTask', { instanceId, repoId: shopRepo, tag: '1.0.0' })
    const rescan = await waitForStatus(t, String(queued.body.scanTaskId), ['COMPLETE'])
    const unfixed = (await t.call('listRepoTagScanResult', { scanTaskId: rescan.scanTaskId, pageSize: 100 })).body.items.find((v) => 'cveName' in v && v.cveName === target.cveName && v.componentId === target.componentId)
    expect(unfixed).toMatchObject({ versionFixed: '' })

    const [e] = await service.create(request({ scanTaskId: rescan.scanTaskId, findings: [ref(target)], kind: 'DEFERRAL', expiry: 'UNTIL_FIXED', scope: 'REPOSITORY' }), people.alice)
    if (!e) throw new Error('nothing created')
    await service.approve({ exceptionId: e.exceptionId, comment: 'ok' }, people.bob)
    expect((await t.booted.exceptionSweeper.tick(new Date(clock + 400 * DAY))).reopened).not.toContain(e.exceptionId)

    await republishAdvisories(t.db, target.cveName, original, true, new Date(Date.now() + 2 * DAY))
    expect((await t.booted.exceptionSweeper.tick(new Date(clock))).reopened).toEqual([e.exceptionId])
    const res = await t.call('getVulnException', { exceptionId: e.exceptionId })
    expect(res.body.status).toBe('EXPIRED')
    const last = (res.body as VulnExceptionWithHistory).history.at(-1)
    expect(last).toMatchObject({ action: 'REOPENED_ON_FIX', actorId: 'system' })
    expect(last?.comment).toContain(`${target.feature} ${target.versionFixed}`)
    expect((await stateOf(rescan.scanTaskId, target))?.state).toBe('OBSERVED')
  }, 120_000)

  it('refuses "until fixed" for a finding that already has a fix', async () => {
    const fixable = shopItems.find((v) => v.versionFixed !== '')
    if (!fixable) throw new Error('no fixable finding')
    const before = await counts()
    const res = await t.call('createVulnException', request({ findings: [ref(fixable)], kind: 'DEFERRAL', expiry: 'UNTIL_FIXED' }))
    expect(res.status).toBe(400)
    expect(res.body.fieldErrors).toHaveProperty('findings.0')
    expect(await counts()).toEqual(before)
  })
})

describe('scopes', () => {
  // The shop-app image rebuilt: same packages, another digest; and the same in another repository.
  let rebuilt: string
  let elsewhere: string
  beforeAll(async () => {
    rebuilt = await cloneScanAsImage(t.db, shopTask, { digest: `sha256:${'1'.repeat(64)}` })
    elsewhere = await cloneScanAsImage(t.db, shopTask, { digest: `sha256:${'2'.repeat(64)}`, repoId: legacyRepo, repository: 'demo/legacy-api' })
  })
  const approve = async (over: Record<string, unknown>) => {
    const e = await createOne(people.alice, over)
    await service.approve({ exceptionId: e.exceptionId, comment: 'ok' }, people.bob)
    return e.exceptionId
  }
  const statesOf = async (v: VulnerabilityItem) => Promise.all([shopTask, rebuilt, elsewhere].map(async (id) => (await stateOf(id, v))?.state))

  it('DIGEST covers the scanned image only', async () => {
    await approve({ findings: [ref(item(9))], scope: 'DIGEST' })
    expect(await statesOf(item(9))).toEqual(['FALSE_POSITIVE', 'OBSERVED', 'OBSERVED'])
  })

  it('REPOSITORY covers every digest of the repository, not other repositories', async () => {
    await approve({ findings: [ref(item(10))], scope: 'REPOSITORY' })
    expect(await statesOf(item(10))).toEqual(['FALSE_POSITIVE', 'FALSE_POSITIVE', 'OBSERVED'])
  })

  it('COMPONENT covers every image of the instance with that package version', async () => {
    await approve({ findings: [ref(item(11))], scope: 'COMPONENT' })
    expect(await statesOf(item(11))).toEqual(['FALSE_POSITIVE', 'FALSE_POSITIVE', 'FALSE_POSITIVE'])
  })

  it('the most specific scope decides: digest > repository > component', async () => {
    const v = item(12)
    const component = await approve({ findings: [ref(v)], scope: 'COMPONENT' })
    const repo = await approve({ findings: [ref(v)], scope: 'REPOSITORY', kind: 'DEFERRAL', expiry: 'NINETY_DAYS' })
    const digest = await approve({ findings: [ref(v)], scope: 'DIGEST', kind: 'DEFERRAL', expiry: 'THIRTY_DAYS' })
    const [here, there, other] = await Promise.all([shopTask, rebuilt, elsewhere].map((id) => stateOf(id, v)))
    expect(here).toMatchObject({ state: 'DEFERRED', exceptionId: digest, suppressExpiry: clock + 30 * DAY })
    expect(there).toMatchObject({ state: 'DEFERRED', exceptionId: repo, suppressExpiry: clock + 90 * DAY })
    expect(other).toMatchObject({ state: 'FALSE_POSITIVE', exceptionId: component, suppressExpiry: null })
  })

  it('refuses a second open exception for one finding in one scope, but allows another scope', async () => {
    await createOne(people.alice, { findings: [ref(item(13))], scope: 'DIGEST' })
    await expect(createOne(people.olga, { findings: [ref(item(13))], scope: 'DIGEST' })).rejects.toMatchObject({ code: 'VULN_EXCEPTION_DUPLICATE' })
    await expect(createOne(people.olga, { findings: [ref(item(13))], scope: 'REPOSITORY' })).resolves.toMatchObject({ status: 'PENDING' })
  })
})

describe('listing', () => {
  it('filters by status, scope, CVE, repository and expiring soon; pages and sorts', async () => {
    const pending = await t.call('listVulnException', { instanceId, status: 'PENDING', pageSize: 100 })
    expect(pending.status, JSON.stringify(pending.body)).toBe(200)
    expect(pending.body.items.length).toBeGreaterThan(0)
    expect(pending.body.items.every((e) => e.status === 'PENDING')).toBe(true)
    const several = await t.call('listVulnException', { status: ['APPROVED', 'DENIED'], pageSize: 100 })
    expect(new Set(several.body.items.map((e) => e.status))).toEqual(new Set(['APPROVED', 'DENIED']))
    const component = await t.call('listVulnException', { scope: 'COMPONENT', pageSize: 100 })
    expect(component.body.items.every((e) => e.scope === 'COMPONENT' && e.repoId === null)).toBe(true)
    const cve = await t.call('listVulnException', { cveName: item(12).cveName.toLowerCase() })
    expect(cve.body.items.map((e) => e.scope).sort()).toEqual(['COMPONENT', 'DIGEST', 'REPOSITORY'])
    const legacy = await t.call('listVulnException', { repoId: legacyRepo })
    expect(legacy.body.totalCount).toBe(0)

    // Expiring soon is measured from now: the 30-day deferral is within 40 days, the 90-day one is not.
    const soon = await t.call('listVulnException', { expiringWithinDays: 40, sortBy: 'expiresAt', pageSize: 100 })
    const ends = soon.body.items.map((e) => Number(e.expiresAt))
    expect(soon.body.items.every((e) => e.status === 'APPROVED' && e.kind === 'DEFERRAL')).toBe(true)
    expect(ends).toEqual([...ends].sort((a, b) => a - b))
    expect(ends.every((end) => end > Date.now() && end <= Date.now() + 40 * DAY)).toBe(true)

    const all = await t.call('listVulnException', { pageSize: 100 })
    const page2 = await t.call('listVulnException', { pageSize: 2, pageNo: 2 })
    expect(page2.body).toMatchObject({ pageNo: 2, pageSize: 2, totalCount: all.body.totalCount })
    expect(page2.body.items.map((e) => e.exceptionId)).toEqual(all.body.items.slice(2, 4).map((e) => e.exceptionId))
  })

  it('answers the same states by finding key, for the result lists to join', async () => {
    const byKey = await findingStatesByKey(t.db, await getTaskRow(t.db, shopTask), new Date())
    const listed = await states(shopTask)
    expect(byKey.size).toBe(listed.length)
    for (const s of listed) expect(byKey.get(findingKey(s.cveName, s.componentId))).toMatchObject({ state: s.state, suppressed: s.suppressed, exceptionId: s.exceptionId })
  })

  it('lists only findings in the given states', async () => {
    const res = await t.call('listVulnFindingState', { scanTaskId: shopTask, state: 'FALSE_POSITIVE,DEFERRED', pageSize: 100 })
    expect(res.body.items.length).toBeGreaterThan(0)
    expect(res.body.items.every((s) => s.state !== 'OBSERVED' && s.suppressed)).toBe(true)
  })
})

describe('bad input writes nothing', () => {
  const id = 'vex-0000000000000000'
  it.each([
    ['createVulnException', () => request({ reason: '  ' }), 400, 'reason'],
    ['createVulnException', () => request({ justification: 'because' }), 400, 'justification'],
    ['createVulnException', () => request({ kind: 'DEFERRAL' }), 400, 'expiry'],
    ['createVulnException', () => request({ expiry: 'TWO_WEEKS' }), 400, 'expiry'],
    ['createVulnException', () => request({ kind: 'DEFERRAL', expiry: 'DATE' }), 400, 'expiresAt'],
    ['createVulnException', () => request({ kind: 'DEFERRAL', expiry: 'DATE', expiresAt: Date.now() - DAY }), 400, 'expiresAt'],
    ['createVulnException', () => request({ kind: 'DEFERRAL', expiry: 'DATE', expiresAt: Date.now() + 400 * DAY }), 400, 'expiresAt'],
    ['createVulnException', () => request({ scope: 'EVERYWHERE' }), 400, 'scope'],
    ['createVulnException', () => request({ findings: [] }), 400, 'findings'],
    ['createVulnException', () => request({ findings: [{ cveName: 'CVE-1', componentId: 'x' }, { cveName: 'CVE-1', componentId: 'x' }] }), 400, 'findings'],
    ['createVulnException', () => request({ scanTaskId: 'not-a-uuid' }), 400, 'scanTaskId'],
    ['approveVulnException', () => ({ exceptionId: 'nope', comment: 'ok' }), 400, 'exceptionId'],
    ['approveVulnException', () => ({ exceptionId: id }), 400, 'comment'],
    ['denyVulnException', () => ({ exceptionId: id, comment: '' }), 400, 'comment'],
    ['withdrawVulnException', () => ({ exceptionId: 'vex-UPPER' }), 400, 'exceptionId'],
    ['getVulnException', () => ({ exceptionId: 'x' }), 400, 'exceptionId'],
    ['listVulnException', () => ({ status: 'OPEN' }), 400, 'status'],
    ['listVulnException', () => ({ pageSize: 101 }), 400, 'pageSize'],
    ['listVulnException', () => ({ expiringWithinDays: 0 }), 400, 'expiringWithinDays'],
    ['listVulnFindingState', () => ({ scanTaskId: 'x' }), 400, 'scanTaskId'],
  ] as const)('%s → PARAM_INVALID (case %#)', async (op, input, status, field) => {
    const before = await counts()
    const res = await t.call(op, input())
    expect(res.status, JSON.stringify(res.body)).toBe(status)
    expect(res.body.code).toBe('PARAM_INVALID')
    expect(Object.keys(res.body.fieldErrors as object).join(' ')).toContain(field)
    expect(await counts()).toEqual(before)
  })

  it.each([
    ['createVulnException', () => request({ scanTaskId: '00000000-0000-4000-8000-000000000000' }), 'SCAN_TASK_NOT_EXIST'],
    ['createVulnException', () => request({ findings: [ref(item(14)), { cveName: 'CVE-1999-0001', componentId: item(14).componentId }] }), 'FINDING_NOT_EXIST'],
    ['approveVulnException', () => ({ exceptionId: id, comment: 'ok' }), 'VULN_EXCEPTION_NOT_EXIST'],
    ['denyVulnException', () => ({ exceptionId: id, comment: 'no' }), 'VULN_EXCEPTION_NOT_EXIST'],
    ['withdrawVulnException', () => ({ exceptionId: id }), 'VULN_EXCEPTION_NOT_EXIST'],
    ['getVulnException', () => ({ exceptionId: id }), 'VULN_EXCEPTION_NOT_EXIST'],
    ['listVulnFindingState', () => ({ scanTaskId: '00000000-0000-4000-8000-000000000000' }), 'SCAN_TASK_NOT_EXIST'],
  ] as const)('%s with an unknown id (case %#)', async (op, input, code) => {
    const before = await counts()
    const res = await t.call(op, input())
    expect(res.status).toBe(404)
    expect(res.body.code).toBe(code)
    expect(await counts()).toEqual(before)
  })

  it('refuses a VEX download in an unknown format', async () => {
    const res = await t.request(`/api/v1/exportScanVex?scanTaskId=${shopTask}&format=csaf`)
    expect(res.status).toBe(400)
    expect(((await res.json()) as { fieldErrors: object }).fieldErrors).toHaveProperty('format')
  })
})

describe('VEX downloads', () => {
  it('are in the OpenAPI document beside the exception operations', async () => {
    const doc = (await (await t.request('/api/openapi.json')).json()) as { paths: Record<string, unknown> }
    for (const name of ['createVulnException', 'approveVulnException', 'denyVulnException', 'withdrawVulnException', 'getVulnException', 'listVulnException', 'listVulnFindingState', 'exportScanVex']) {
      expect(Object.keys(doc.paths)).toContain(`/api/v1/${name}`)
    }
  })


  it('OpenVEX: valid against the 0.2.0 schema, with the approved false positive as not_affected', async () => {
    const res = await t.request(`/api/v1/exportScanVex?scanTaskId=${shopTask}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/openvex+json')
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="demo_shop-app_.*_vex\.openvex\.json"/)
    const doc = (await res.json()) as { statements: { vulnerability: { name: string }; status: string; justification?: string; products: { '@id': string; subcomponents: { '@id': string }[] }[] }[] }
    const parsed = openVexSchema.safeParse(doc)
    expect(parsed.success, JSON.stringify(parsed.error?.issues.slice(0, 3))).toBe(true)
    const fp = doc.statements.find((s) => s.vulnerability.name === item(9).cveName && s.status === 'not_affected')
    expect(fp).toMatchObject({ justification: 'vulnerable_code_not_in_execute_path' })
    expect(fp?.products[0]?.['@id']).toMatch(new RegExp(`^pkg:oci/shop-app@sha256%3A${shopDigest.slice(7)}`))
  })

  it('CycloneDX: valid against the official 1.6 schema, with the decision in analysis', async () => {
    const res = await t.request(`/api/v1/exportScanVex?scanTaskId=${shopTask}&format=cyclonedx`)
    expect(res.status).toBe(200)
    const bom = (await res.json()) as { vulnerabilities: { id: string; analysis: { state: string }; affects: { ref: string }[] }[] }
    expect(checkJsonSchema(cycloneDxSchema(), bom)).toEqual([])
    const fp = bom.vulnerabilities.find((v) => v.id === item(9).cveName && v.affects[0]?.ref === item(9).componentId)
    expect(fp?.analysis.state).toBe('not_affected')
    const deferred = bom.vulnerabilities.find((v) => v.id === item(3).cveName && v.affects[0]?.ref === item(3).componentId)
    expect(deferred?.analysis.state).toBe('exploitable')
  })
})

describe("a finding's exceptions (getFindingExceptions)", () => {
  it('answers the state now and every covering exception in any status, newest first, each with its history', async () => {
    const v = item(20)
    const denied = await createOne(people.alice, { findings: [ref(v)], kind: 'DEFERRAL', expiry: 'NINETY_DAYS' })
    await service.deny({ exceptionId: denied.exceptionId, comment: 'Fix it this sprint.' }, people.carol)
    clock += 1_000
    const approved = await createOne(people.alice, { findings: [ref(v)], scope: 'REPOSITORY' })
    await service.approve({ exceptionId: approved.exceptionId, comment: 'Confirmed with the vendor.' }, people.bob)

    const res = await t.call('getFindingExceptions', { scanTaskId: shopTask, cveName: v.cveName.toLowerCase(), componentId: v.componentId })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body).toMatchObject({ cveName: v.cveName, componentId: v.componentId, feature: v.feature, version: v.version, state: 'FALSE_POSITIVE', suppressed: true, exceptionId: approved.exceptionId, pendingExceptionIds: [] })
    expect(res.body.items.map((e) => [e.exceptionId, e.status])).toEqual([
      [approved.exceptionId, 'APPROVED'],
      [denied.exceptionId, 'DENIED'],
    ])
    expect(res.body.items.map((e) => e.history.map((h) => [h.action, h.actorName]))).toEqual([
      [['REQUESTED', 'alice'], ['APPROVED', 'bob']],
      [['REQUESTED', 'alice'], ['DENIED', 'carol']],
    ])
    // The list and the states agree with it.
    expect(await stateOf(shopTask, v)).toMatchObject({ state: 'FALSE_POSITIVE', exceptionId: approved.exceptionId })
  })

  it('answers OBSERVED with nothing for a finding no exception covers, and names what is wrong otherwise', async () => {
    const v = item(21)
    const res = await t.call('getFindingExceptions', { scanTaskId: shopTask, cveName: v.cveName, componentId: v.componentId })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body).toMatchObject({ state: 'OBSERVED', suppressed: false, exceptionId: null, pendingExceptionIds: [], items: [] })

    const missing = await t.call('getFindingExceptions', { scanTaskId: shopTask, cveName: 'CVE-1999-0001', componentId: v.componentId })
    expect(missing.body.code).toBe('FINDING_NOT_EXIST')
    const bad = await t.call('getFindingExceptions', { scanTaskId: shopTask, cveName: '', componentId: v.componentId })
    expect(bad.status).toBe(400)
  })
})

describe('roles at the door, with sign-in required', () => {
  // The role gate runs before any input is read: what gets through answers about the (unknown) exception instead.
  let signed: TestApp
  beforeAll(async () => {
    signed = await startAuthTestApp()
  }, 60_000)
  afterAll(() => signed.close())

  it.each([
    ['viewer', 'createVulnException', 403],
    ['operator', 'createVulnException', 400],
    ['operator', 'approveVulnException', 403],
    ['operator', 'denyVulnException', 403],
    ['approver', 'approveVulnException', 404],
    ['approver', 'denyVulnException', 404],
    ['viewer', 'listVulnException', 200],
  ] as const)('%s calling %s → %i', async (role, op, status) => {
    const bearer = await tokenFor(signed, role)
    const input = op === 'createVulnException' ? {} : op === 'listVulnException' ? {} : { exceptionId: 'vex-0000000000000000', comment: 'ok' }
    const res = await callAs(signed, op, input, { bearer })
    expect(res.status, res.text).toBe(status)
    if (status === 403) expect(res.body.code).toBe('ACCESS_DENIED')
  })
})
