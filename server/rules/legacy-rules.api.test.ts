import { sql } from 'kysely'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { ApiError } from '../errors'
import { bindCredentialCipher, credentialCipherFor } from '../instances/credentials-crypto'
import { newId } from '../ids'
import { insertInstance } from '../instances/instance-store'
import { bindProviders, createProviderRegistry, type ProviderRegistry } from '../providers/provider-registry'
import { ACR_INSTANCE_ID, ACR_REGION } from '../providers/acr/testing/acr-fixtures'
import { startFakeAcr, type FakeAcr } from '../providers/acr/testing/fake-acr'
import { startTestApp, type TestApp } from '../testing/test-app'
import { MOVE_CLAIM_TTL_SECONDS, moveLegacyRule } from './legacy-rules'
import { rulesFor } from './rule-scans'

/**
 * Rules saved in our table for an ACR instance before its rules moved to ACR: listed on
 * their own, created in ACR through the provider (then our copy goes), or deleted; a
 * failed create keeps the copy. They never run from our table meanwhile.
 */
const KEY_ID = 'LTAI5tLegacyRules001'
const KEY_SECRET = 'fake-acr-legacy-rules-secret-0123456789'
const LOCAL_ID = 'cri-legacyruleslocal'

let t: TestApp
let acr: FakeAcr
let instanceId: string
let registry: ProviderRegistry

/** A row as the table held it for the instance before its rules moved upstream. */
async function legacyRule(over: { instanceId?: string; name: string; trigger?: 'AUTO' | 'MANUAL'; rescan?: boolean; createdAt?: Date }): Promise<string> {
  const id = newId('crscnr')
  const at = over.createdAt ?? new Date()
  await t.db
    .insertInto('scan_rules')
    .values({
      id,
      instance_id: over.instanceId ?? instanceId,
      name: over.name,
      scan_scope: 'REPO',
      trigger_type: over.trigger ?? 'AUTO',
      scan_type: 'VUL',
      tag_pattern: 'prod-.*',
      namespaces: JSON.stringify(['team']),
      repo_names: JSON.stringify(['app']),
      rescan_on_advisory_update: over.rescan ?? false,
      created_at: at,
      updated_at: at,
    })
    .execute()
  return id
}

const legacyIds = async (id = instanceId) => (await t.call('listLegacyScanRule', { instanceId: id, pageSize: 100 })).body.items.map((r) => r.scanRuleId)
const auditOf = (action: string) => t.db.selectFrom('audit_events').select(['action', 'target']).where('action', '=', action).execute()

beforeAll(async () => {
  t = await startTestApp()
  acr = await startFakeAcr({ [KEY_ID]: KEY_SECRET })
  // No client retries: one 503 from the fake is the upstream failing the create.
  registry = createProviderRegistry({ acr: { envAccessKey: null, timing: { requestTimeoutMs: 10_000, retryBudgetMs: 0, retryBaseMs: 50 }, scanPollMs: 50, scanTimeoutMs: 15_000 } })
  bindProviders(t.db, registry)
  const created = await t.call('createInstance', { kind: 'ACR', regionId: ACR_REGION, acrInstanceId: ACR_INSTANCE_ID, accessKeyId: KEY_ID, accessKeySecret: KEY_SECRET, endpoint: acr.endpoint, instanceName: 'acr legacy rules' })
  expect(created.status, JSON.stringify(created.body)).toBe(200)
  instanceId = created.body.instanceId
  await t.booted.sync.idle()
  await insertInstance(t.db, LOCAL_ID, 'local rules', { kind: 'DIRECTORY', endpoint: '/nonexistent', username: null, password: null, insecureTls: false })
}, 120_000)
beforeEach(async () => {
  await t.db.deleteFrom('scan_rules').execute()
  acr.rules.clear()
  acr.faults.unavailable = 0
  acr.faults.delayMs = 0
})
afterAll(async () => {
  await t.close()
  await acr.close()
})

describe('listLegacyScanRule', () => {
  it('lists an ACR instance’s rules from our table, newest first, apart from its ACR rules', async () => {
    const older = await legacyRule({ name: 'nightly', createdAt: new Date(Date.now() - 60_000) })
    const newer = await legacyRule({ name: 'on push' })
    const res = await t.call('listLegacyScanRule', { instanceId })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ totalCount: 2, pageNo: 1 })
    expect(res.body.items.map((r) => r.scanRuleId)).toEqual([newer, older])
    expect(res.body.items[1]).toMatchObject({ instanceId, ruleName: 'nightly', scanScope: 'REPO', triggerType: 'AUTO', namespaces: ['team'], repoNames: ['app'], repoTagFilterPattern: 'prod-.*' })
    // listScanRule reads ACR, which has none of them.
    expect((await t.call('listScanRule', { instanceId })).body.totalCount).toBe(0)
  })

  it('is empty for an instance whose rules are ours, and names an unknown instance', async () => {
    await legacyRule({ instanceId: LOCAL_ID, name: 'live rule' })
    expect(await legacyIds(LOCAL_ID)).toEqual([])
    const unknown = await t.call('listLegacyScanRule', { instanceId: 'cri-0000000000000000' })
    expect([unknown.status, unknown.body.code]).toEqual([404, 'INSTANCE_NOT_EXIST'])
  })

  it('leaves them out of the rules that start scans, on push, poll or advisory update', async () => {
    await legacyRule({ name: 'auto', trigger: 'AUTO', rescan: true })
    expect(await rulesFor(t.db, instanceId, 'auto')).toEqual([])
    expect(await rulesFor(t.db, instanceId, 'advisory-rescan')).toEqual([])
    // An instance whose rules are ours still runs its own.
    await legacyRule({ instanceId: LOCAL_ID, name: 'auto here', trigger: 'AUTO', rescan: true })
    expect((await rulesFor(t.db, LOCAL_ID, 'auto')).map((r) => r.instanceId)).toEqual([LOCAL_ID])
  })
})

describe('moveLegacyScanRule', () => {
  it('creates the rule in ACR with its fields, then removes our copy, and is audited', async () => {
    const id = await legacyRule({ name: 'prod tags', trigger: 'MANUAL', rescan: true })
    const res = await t.call('moveLegacyScanRule', { instanceId, scanRuleId: id })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body.upstreamScanRuleId).toMatch(/^crscnr-/)
    expect(res.body.ruleName).toBe('prod tags')
    const upstream = acr.rules.get(res.body.upstreamScanRuleId)
    expect(upstream).toMatchObject({ RuleName: 'prod tags', ScanScope: 'REPO', TriggerType: 'MANUAL', ScanType: 'VUL', RepoTagFilterPattern: 'prod-.*' })
    expect(await legacyIds()).toEqual([])
    // Now it is one of the instance's rules, read from ACR.
    const rules = (await t.call('listScanRule', { instanceId })).body.items
    expect(rules).toEqual([expect.objectContaining({ scanRuleId: res.body.upstreamScanRuleId, namespaces: ['team'], repoNames: ['app'], rescanOnAdvisoryUpdate: false })])
    expect(await auditOf('moveLegacyScanRule')).toEqual([
      { action: 'moveLegacyScanRule', target: expect.stringContaining(`scanRuleId=${id}`) as string },
    ])
    expect((await auditOf('moveLegacyScanRule'))[0]?.target).toContain(`upstreamScanRuleId=${res.body.upstreamScanRuleId}`)
  })

  it('creates the rule in ACR once when the same move is sent twice at once (a double click)', async () => {
    const id = await legacyRule({ name: 'clicked twice' })
    // ACR answers slowly, so the second request arrives while the first waits on the create.
    acr.faults.delayMs = 300
    const [first, second] = await Promise.all([
      t.call('moveLegacyScanRule', { instanceId, scanRuleId: id }),
      t.call('moveLegacyScanRule', { instanceId, scanRuleId: id }),
    ])
    expect([first.status, second.status], JSON.stringify([first.body, second.body])).toEqual([200, 200])
    expect(second.body.upstreamScanRuleId).toBe(first.body.upstreamScanRuleId)
    expect([...acr.rules.values()].map((r) => r.RuleName)).toEqual(['clicked twice'])
    expect(await legacyIds()).toEqual([])
    // Once done, the rule is gone: a later move is refused, not created again.
    const later = await t.call('moveLegacyScanRule', { instanceId, scanRuleId: id })
    expect([later.status, later.body.code]).toEqual([404, 'SCAN_RULE_NOT_EXIST'])
    expect(acr.rules.size).toBe(1)
  })

  it('creates the rule in ACR once when another server process on the same database moves it at the same time', async () => {
    const id = await legacyRule({ name: 'two servers' })
    // A second Kysely over the same database: what another server process shares with this one.
    const otherProcess = t.db.withoutPlugins()
    bindProviders(otherProcess, registry)
    bindCredentialCipher(otherProcess, credentialCipherFor(t.db))
    acr.faults.delayMs = 300
    const [here, there] = await Promise.all([
      t.call('moveLegacyScanRule', { instanceId, scanRuleId: id }),
      moveLegacyRule(otherProcess, { instanceId, scanRuleId: id }).then(
        (moved) => ({ status: 200, code: undefined, moved }),
        (err: unknown) => ({ status: err instanceof ApiError ? err.status : 500, code: err instanceof ApiError ? err.code : String(err), moved: undefined }),
      ),
    ])
    // One of them moved it; the other was told a move is under way, not given an error of ACR's.
    const outcomes = [here.status === 200 ? 'moved' : here.body.code, there.status === 200 ? 'moved' : there.code].sort()
    expect(outcomes, JSON.stringify([here.body, there])).toEqual(['SCAN_RULE_MOVE_IN_PROGRESS', 'moved'])
    expect([...acr.rules.values()].map((r) => r.RuleName)).toEqual(['two servers'])
    expect(await legacyIds()).toEqual([])
  })

  it('refuses a move while another holds a live claim on the rule, and takes over a claim its process left behind', async () => {
    const id = await legacyRule({ name: 'claimed' })
    const claim = (secondsAgo: number) =>
      t.db
        .updateTable('scan_rules')
        .set({ move_started_at: sql<Date>`now() - make_interval(secs => ${secondsAgo})` })
        .where('id', '=', id)
        .execute()
    const listed = async () => (await t.call('listLegacyScanRule', { instanceId })).body.items.find((r) => r.scanRuleId === id)
    expect((await listed())?.moveStartedTime).toBeNull()
    await claim(5)
    const startedTime = (await listed())?.moveStartedTime
    expect(startedTime).toBeGreaterThan(Date.now() - 60_000)
    const calls = acr.calls.length
    const refused = await t.call('moveLegacyScanRule', { instanceId, scanRuleId: id })
    expect([refused.status, refused.body.code]).toEqual([409, 'SCAN_RULE_MOVE_IN_PROGRESS'])
    expect(String(refused.body.message)).toContain('claimed')
    expect(acr.calls.slice(calls)).not.toContain('CreateScanRule')
    // Nor can it be deleted: the move would still create it upstream.
    const undeleted = await t.call('deleteLegacyScanRule', { instanceId, scanRuleId: id })
    expect([undeleted.status, undeleted.body.code]).toEqual([409, 'SCAN_RULE_MOVE_IN_PROGRESS'])
    expect(await legacyIds()).toEqual([id])
    // A claim older than any upstream create can take is a crashed move's.
    await claim(MOVE_CLAIM_TTL_SECONDS + 60)
    expect((await listed())?.moveStartedTime).toBeNull()
    const moved = await t.call('moveLegacyScanRule', { instanceId, scanRuleId: id })
    expect(moved.status, JSON.stringify(moved.body)).toBe(200)
    expect([...acr.rules.values()].map((r) => r.RuleName)).toEqual(['claimed'])
  })

  it('keeps our copy and answers the upstream’s error when ACR fails the create', async () => {
    const id = await legacyRule({ name: 'kept' })
    acr.faults.unavailable = 1
    const res = await t.call('moveLegacyScanRule', { instanceId, scanRuleId: id })
    expect([res.status, res.body.code]).toEqual([502, 'REGISTRY_ERROR'])
    expect(String(res.body.message)).toContain('creating scan rule kept')
    expect(await legacyIds()).toEqual([id])
    expect(acr.rules.size).toBe(0)
    // Nothing changed, so nothing is audited about this rule.
    expect((await auditOf('moveLegacyScanRule')).filter((e) => e.target.includes(id))).toEqual([])
    // The failed move let go of its claim: trying again works at once.
    const again = await t.call('moveLegacyScanRule', { instanceId, scanRuleId: id })
    expect(again.status, JSON.stringify(again.body)).toBe(200)
    expect(await legacyIds()).toEqual([])
  })

  it('refuses an unknown rule and an instance whose rules are ours', async () => {
    const unknown = await t.call('moveLegacyScanRule', { instanceId, scanRuleId: 'crscnr-0000000000000000' })
    expect([unknown.status, unknown.body.code]).toEqual([404, 'SCAN_RULE_NOT_EXIST'])
    const local = await legacyRule({ instanceId: LOCAL_ID, name: 'live rule' })
    const ours = await t.call('moveLegacyScanRule', { instanceId: LOCAL_ID, scanRuleId: local })
    expect([ours.status, ours.body.code]).toEqual([501, 'OPERATION_NOT_SUPPORTED'])
    expect(acr.rules.size).toBe(0)
  })
})

describe('deleteLegacyScanRule', () => {
  it('deletes our copy without asking ACR, and is audited', async () => {
    const id = await legacyRule({ name: 'gone' })
    const keep = await legacyRule({ name: 'stays' })
    const calls = acr.calls.length
    const res = await t.call('deleteLegacyScanRule', { instanceId, scanRuleId: id })
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ ok: true })
    expect(await legacyIds()).toEqual([keep])
    expect(acr.calls.slice(calls)).not.toContain('DeleteScanRule')
    expect((await auditOf('deleteLegacyScanRule')).map((e) => e.target)).toEqual([expect.stringContaining(`scanRuleId=${id}`)])
    const again = await t.call('deleteLegacyScanRule', { instanceId, scanRuleId: id })
    expect([again.status, again.body.code]).toEqual([404, 'SCAN_RULE_NOT_EXIST'])
  })

  it('refuses an instance whose rules are ours: deleteScanRule deletes those', async () => {
    const local = await legacyRule({ instanceId: LOCAL_ID, name: 'live rule' })
    const res = await t.call('deleteLegacyScanRule', { instanceId: LOCAL_ID, scanRuleId: local })
    expect([res.status, res.body.code]).toEqual([501, 'OPERATION_NOT_SUPPORTED'])
    expect(await t.db.selectFrom('scan_rules').select('id').where('id', '=', local).execute()).toHaveLength(1)
  })
})
