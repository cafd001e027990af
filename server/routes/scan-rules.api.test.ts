import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ScanRule } from '@contract/scan-rules'
import { DEMO_INSTANCE_ID } from '../demo/demo-instance'
import { startTestApp, type TestApp } from '../testing/test-app'

/**
 * The scan-rule operations over the demo instance (namespace `demo`: ubuntu-web 22.04
 * and 1.0, legacy-api 2.3.1, alpine-base 3.18, shop-app 1.0.0 and latest).
 */
let t: TestApp
const instanceId = DEMO_INSTANCE_ID

beforeAll(async () => {
  t = await startTestApp({ demo: true })
  await t.booted.seeded
})
afterAll(() => t.close())

const ruleCount = async () => Number((await t.db.selectFrom('scan_rules').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
const clearRules = () => t.db.deleteFrom('scan_rules').execute()

const base = (over: Record<string, unknown> = {}) => ({
  instanceId,
  ruleName: 'all tags',
  scanScope: 'INSTANCE',
  triggerType: 'MANUAL',
  repoTagFilterPattern: '.*',
  ...over,
})

async function create(over: Record<string, unknown> = {}): Promise<string> {
  const res = await t.call('createScanRule', base(over))
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  return res.body.scanRuleId
}

async function get(scanRuleId: string): Promise<ScanRule> {
  const res = await t.call('getScanRule', { instanceId, scanRuleId })
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  return res.body
}

describe('createScanRule and getScanRule', () => {
  it('creates a rule with an ACR-shaped id and answers it with epoch-ms times; scanType defaults to VUL', async () => {
    await clearRules()
    const before = Date.now()
    const id = await create({ ruleName: 'prod tags', scanScope: 'NAMESPACE', namespaces: ['demo'], repoTagFilterPattern: 'prod-.*', triggerType: 'AUTO' })
    expect(id).toMatch(/^crscnr-[0-9a-z]{16}$/)
    const rule = await get(id)
    expect(rule).toMatchObject({
      scanRuleId: id,
      instanceId,
      ruleName: 'prod tags',
      scanScope: 'NAMESPACE',
      triggerType: 'AUTO',
      scanType: 'VUL',
      repoTagFilterPattern: 'prod-.*',
      namespaces: ['demo'],
      repoNames: [],
      unknownNamespaces: [],
      unknownRepos: [],
    })
    expect(rule.createTime).toBeGreaterThanOrEqual(before - 1000)
    expect(rule.updateTime).toBe(rule.createTime)
  })

  it('accepts Namespaces and RepoNames as JSON-array strings, as ACR sends them, and flags selectors the index lacks', async () => {
    const id = await create({ ruleName: 'repo rule', scanScope: 'REPO', namespaces: '["demo"]', repoNames: '["shop-app","not-yet"]', scanType: 'SBOM' })
    const rule = await get(id)
    expect(rule).toMatchObject({ scanScope: 'REPO', scanType: 'SBOM', namespaces: ['demo'], repoNames: ['shop-app', 'not-yet'], unknownNamespaces: [], unknownRepos: ['not-yet'] })
    const ns = await get(await create({ ruleName: 'future ns', scanScope: 'NAMESPACE', namespaces: ['demo', 'future'] }))
    expect(ns.unknownNamespaces).toEqual(['future'])
    const repoInUnknownNs = await get(await create({ ruleName: 'future repo', scanScope: 'REPO', namespaces: ['future'], repoNames: ['shop-app'] }))
    expect(repoInUnknownNs).toMatchObject({ unknownNamespaces: ['future'], unknownRepos: ['shop-app'] })
  })

  it('answers SCAN_RULE_NOT_EXIST for an unknown rule and INSTANCE_NOT_EXIST for an unknown instance', async () => {
    const res = await t.call('getScanRule', { instanceId, scanRuleId: 'crscnr-0000000000000000' })
    expect(res.status).toBe(404)
    expect(res.body.code).toBe('SCAN_RULE_NOT_EXIST')
    const other = await t.call('getScanRule', { instanceId: 'cri-0000000000000000', scanRuleId: 'crscnr-0000000000000000' })
    expect(other.status).toBe(404)
    expect(other.body.code).toBe('INSTANCE_NOT_EXIST')
    const bad = await t.call('getScanRule', { instanceId, scanRuleId: 'nope' })
    expect(bad.status).toBe(400)
    expect(bad.body.fieldErrors).toHaveProperty('scanRuleId')
  })
})

describe('validation: each refusal is PARAM_INVALID (or its own code) with field errors, and writes nothing', () => {
  const refusals: [string, Record<string, unknown>, number, string, string][] = [
    ['INSTANCE scope with namespaces', { scanScope: 'INSTANCE', namespaces: ['demo'] }, 400, 'PARAM_INVALID', 'namespaces'],
    ['INSTANCE scope with repoNames', { scanScope: 'INSTANCE', repoNames: ['shop-app'] }, 400, 'PARAM_INVALID', 'repoNames'],
    ['NAMESPACE scope without namespaces', { scanScope: 'NAMESPACE' }, 400, 'PARAM_INVALID', 'namespaces'],
    ['NAMESPACE scope with repoNames', { scanScope: 'NAMESPACE', namespaces: ['demo'], repoNames: ['shop-app'] }, 400, 'PARAM_INVALID', 'repoNames'],
    ['REPO scope with two namespaces', { scanScope: 'REPO', namespaces: ['demo', 'other'], repoNames: ['shop-app'] }, 400, 'PARAM_INVALID', 'namespaces'],
    ['REPO scope without a namespace', { scanScope: 'REPO', repoNames: ['shop-app'] }, 400, 'PARAM_INVALID', 'namespaces'],
    ['REPO scope without repoNames', { scanScope: 'REPO', namespaces: ['demo'] }, 400, 'PARAM_INVALID', 'repoNames'],
    ['an unknown scanScope', { scanScope: 'GLOBAL' }, 400, 'PARAM_INVALID', 'scanScope'],
    ['an unknown triggerType', { triggerType: 'WEBHOOK' }, 400, 'PARAM_INVALID', 'triggerType'],
    ['an unknown scanType', { scanType: 'SCA' }, 400, 'PARAM_INVALID', 'scanType'],
    ['an empty ruleName', { ruleName: '' }, 400, 'PARAM_INVALID', 'ruleName'],
    ['no pattern', { repoTagFilterPattern: undefined }, 400, 'PARAM_INVALID', 'repoTagFilterPattern'],
    ['a malformed namespaces string', { scanScope: 'NAMESPACE', namespaces: '["demo"' }, 400, 'PARAM_INVALID', 'namespaces'],
    ['an invalid pattern', { repoTagFilterPattern: 'prod-(' }, 400, 'PARAM_INVALID', 'repoTagFilterPattern'],
    ['a lookahead (not RE2)', { repoTagFilterPattern: '(?=prod).*' }, 400, 'PARAM_INVALID', 'repoTagFilterPattern'],
    ['a malformed instanceId', { instanceId: 'cri-X' }, 400, 'PARAM_INVALID', 'instanceId'],
  ]
  it.each(refusals)('createScanRule refuses %s', async (_name, over, status, code, field) => {
    const before = await ruleCount()
    const res = await t.call('createScanRule', base({ ruleName: 'refused', ...over }))
    expect(res.status, JSON.stringify(res.body)).toBe(status)
    expect(res.body.code).toBe(code)
    expect(res.body.fieldErrors, JSON.stringify(res.body)).toHaveProperty(field)
    expect(await ruleCount()).toBe(before)
  })

  it('names the position and the reason of an invalid pattern', async () => {
    const res = await t.call('createScanRule', base({ ruleName: 'refused', repoTagFilterPattern: 'prod-[0-9' }))
    expect(res.status).toBe(400)
    expect(res.body.fieldErrors).toEqual({ repoTagFilterPattern: ['is not a valid RE2 pattern at position 5: missing closing ]'] })
  })

  it('refuses an unknown instance with INSTANCE_NOT_EXIST', async () => {
    const before = await ruleCount()
    const res = await t.call('createScanRule', base({ instanceId: 'cri-0000000000000000' }))
    expect(res.status).toBe(404)
    expect(res.body.code).toBe('INSTANCE_NOT_EXIST')
    expect(await ruleCount()).toBe(before)
  })

  it('refuses a rule name the instance already has with SCAN_RULE_NAME_CONFLICT', async () => {
    await create({ ruleName: 'taken' })
    const before = await ruleCount()
    const res = await t.call('createScanRule', base({ ruleName: 'taken', scanType: 'SBOM' }))
    expect(res.status).toBe(409)
    expect(res.body.code).toBe('SCAN_RULE_NAME_CONFLICT')
    expect(res.body.fieldErrors).toHaveProperty('ruleName')
    expect(await ruleCount()).toBe(before)
  })
})

describe('updateScanRule', () => {
  it('replaces the whole rule and moves updateTime', async () => {
    const id = await create({ ruleName: 'to update', scanScope: 'REPO', namespaces: ['demo'], repoNames: ['shop-app'], repoTagFilterPattern: 'v.*' })
    const old = await get(id)
    await new Promise((r) => setTimeout(r, 5))
    const res = await t.call('updateScanRule', { ...base({ ruleName: 'updated', scanScope: 'NAMESPACE', namespaces: ['demo'], triggerType: 'AUTO', repoTagFilterPattern: '1\\..*' }), scanRuleId: id })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body.scanRuleId).toBe(id)
    const rule = await get(id)
    expect(rule).toMatchObject({ ruleName: 'updated', scanScope: 'NAMESPACE', triggerType: 'AUTO', namespaces: ['demo'], repoNames: [], repoTagFilterPattern: '1\\..*', scanType: 'VUL' })
    expect(rule.createTime).toBe(old.createTime)
    expect(rule.updateTime).toBeGreaterThan(old.updateTime)
  })

  it('cannot change scanType: refused when another is given, kept when the same or none is', async () => {
    const id = await create({ ruleName: 'vul rule' })
    const refused = await t.call('updateScanRule', { ...base({ ruleName: 'vul rule', scanType: 'SBOM' }), scanRuleId: id })
    expect(refused.status).toBe(400)
    expect(refused.body.code).toBe('PARAM_INVALID')
    expect(refused.body.fieldErrors).toHaveProperty('scanType')
    expect((await get(id)).scanType).toBe('VUL')
    const same = await t.call('updateScanRule', { ...base({ ruleName: 'vul rule', scanType: 'VUL', repoTagFilterPattern: 'x' }), scanRuleId: id })
    expect(same.status).toBe(200)
    expect(await get(id)).toMatchObject({ scanType: 'VUL', repoTagFilterPattern: 'x' })
  })

  it('refuses invalid input, an unknown rule and a taken name, changing nothing', async () => {
    const id = await create({ ruleName: 'stable rule' })
    await create({ ruleName: 'other rule' })
    const old = await get(id)
    const attempts: [Record<string, unknown>, number, string][] = [
      [{ ...base({ ruleName: 'stable rule', scanScope: 'NAMESPACE' }), scanRuleId: id }, 400, 'PARAM_INVALID'],
      [{ ...base({ ruleName: 'stable rule', repoTagFilterPattern: '(' }), scanRuleId: id }, 400, 'PARAM_INVALID'],
      [{ ...base({ ruleName: 'other rule' }), scanRuleId: id }, 409, 'SCAN_RULE_NAME_CONFLICT'],
      [{ ...base({ ruleName: 'stable rule' }), scanRuleId: 'crscnr-0000000000000000' }, 404, 'SCAN_RULE_NOT_EXIST'],
      [base({ ruleName: 'stable rule' }), 400, 'PARAM_INVALID'],
    ]
    for (const [body, status, code] of attempts) {
      const res = await t.call('updateScanRule', body)
      expect(res.status, JSON.stringify(res.body)).toBe(status)
      expect(res.body.code).toBe(code)
    }
    expect(await get(id)).toEqual(old)
  })
})

describe('deleteScanRule', () => {
  it('deletes a rule; the second delete and a get answer SCAN_RULE_NOT_EXIST', async () => {
    const id = await create({ ruleName: 'to delete' })
    const before = await ruleCount()
    const res = await t.call('deleteScanRule', { instanceId, scanRuleId: id })
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ ok: true })
    expect(await ruleCount()).toBe(before - 1)
    for (const op of ['deleteScanRule', 'getScanRule'] as const) {
      const again = await t.call(op, { instanceId, scanRuleId: id })
      expect(again.status).toBe(404)
      expect(again.body.code).toBe('SCAN_RULE_NOT_EXIST')
    }
    // The name is free again.
    await create({ ruleName: 'to delete' })
  })
})

describe('listScanRule', () => {
  it('pages newest first with totalCount, filters by scanType and checks paging bounds', async () => {
    await clearRules()
    const ids: string[] = []
    for (let i = 0; i < 5; i++) ids.push(await create({ ruleName: `rule ${String(i)}`, scanType: i % 2 ? 'SBOM' : 'VUL' }))
    const seen: string[] = []
    for (const pageNo of [1, 2, 3]) {
      const res = await t.call('listScanRule', { instanceId, pageNo, pageSize: 2 })
      expect(res.status).toBe(200)
      expect(res.body).toMatchObject({ totalCount: 5, pageNo, pageSize: 2 })
      expect(res.body.items.length).toBe(pageNo === 3 ? 1 : 2)
      seen.push(...res.body.items.map((r) => r.scanRuleId))
    }
    expect(seen).toEqual([...ids].reverse())
    const vul = await t.call('listScanRule', { instanceId, scanType: 'VUL' })
    expect(vul.body.totalCount).toBe(3)
    expect(vul.body.items.every((r) => r.scanType === 'VUL')).toBe(true)
    const sbom = await t.call('listScanRule', { instanceId, scanType: 'SBOM' })
    expect(sbom.body.items.map((r) => r.scanRuleId)).toEqual([ids[3], ids[1]])
    expect(sbom.body.items[0]).toHaveProperty('unknownRepos', [])
    for (const bad of [{ pageSize: 101 }, { pageSize: 0 }, { pageNo: 0 }, { scanType: 'CVE' }]) {
      const res = await t.call('listScanRule', { instanceId, ...bad })
      expect(res.status).toBe(400)
      expect(res.body.code).toBe('PARAM_INVALID')
    }
    const unknown = await t.call('listScanRule', { instanceId: 'cri-0000000000000000' })
    expect(unknown.body.code).toBe('INSTANCE_NOT_EXIST')
  })
})

describe('runScanRule', () => {
  /** The demo's tags as (repository, tag, digest). */
  async function demoTags() {
    return t.db
      .selectFrom('tags as t')
      .innerJoin('repositories as r', 'r.id', 't.repo_id')
      .select(['r.namespace', 'r.name', 't.repo_id', 't.tag', 't.digest'])
      .where('t.instance_id', '=', instanceId)
      .execute()
  }
  async function acrTasks() {
    const res = await t.call('listScanTask', { instanceId, scanService: 'ACR_SCAN_SERVICE', pageSize: 100 })
    expect(res.status).toBe(200)
    return res.body.items
  }

  it('queues an ACR_SCAN_SERVICE scan of exactly the demo tags the rule matches', async () => {
    const tags = await demoTags()
    expect(tags).toHaveLength(7)
    expect(await acrTasks()).toHaveLength(0)
    // ubuntu-web 1.0 and shop-app 1.0.0 (not ubuntu-web 22.04, shop-app latest, or other repositories' 1.x tags).
    const id = await create({ ruleName: 'one-dot', scanScope: 'REPO', namespaces: ['demo'], repoNames: ['ubuntu-web', 'shop-app', 'missing'], repoTagFilterPattern: '1\\..*' })
    const expected = tags.filter((x) => ['ubuntu-web', 'shop-app'].includes(x.name) && /^1\..*$/.test(x.tag))
    expect(expected.map((x) => `${x.name}:${x.tag}`).sort()).toEqual(['shop-app:1.0.0', 'ubuntu-web:1.0'])
    const res = await t.call('runScanRule', { instanceId, scanRuleId: id })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body).toEqual({ queued: 2, existing: 0 })
    const tasks = await acrTasks()
    expect(tasks.map((x) => `${x.repoId} ${x.tag} ${x.digest}`).sort()).toEqual(expected.map((x) => `${x.repo_id} ${x.tag} ${x.digest}`).sort())
  })

  it('an INSTANCE rule covers every demo tag; tags sharing an image share its task', async () => {
    const tags = await demoTags()
    const id = await create({ ruleName: 'everything', repoTagFilterPattern: '.*' })
    const res = await t.call('runScanRule', { instanceId, scanRuleId: id })
    expect(res.status).toBe(200)
    expect(res.body.queued + res.body.existing).toBe(tags.length)
    const digests = new Set((await acrTasks()).map((x) => `${x.repoId} ${x.digest}`))
    expect(digests).toEqual(new Set(tags.map((x) => `${x.repo_id} ${x.digest}`)))
  })

  it('a rule that matches nothing queues nothing', async () => {
    const before = (await acrTasks()).length
    const id = await create({ ruleName: 'nothing', scanScope: 'NAMESPACE', namespaces: ['demo'], repoTagFilterPattern: 'prod-.*' })
    const res = await t.call('runScanRule', { instanceId, scanRuleId: id })
    expect(res.body).toEqual({ queued: 0, existing: 0 })
    expect(await acrTasks()).toHaveLength(before)
  })

  // SBOM rules run too: server/rules/rule-tasks.api.test.ts.
  it('unknown rules answer SCAN_RULE_NOT_EXIST', async () => {
    const unknown = await t.call('runScanRule', { instanceId, scanRuleId: 'crscnr-0000000000000000' })
    expect(unknown.status).toBe(404)
    expect(unknown.body.code).toBe('SCAN_RULE_NOT_EXIST')
  })
})
