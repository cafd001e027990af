import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiErrorBody } from '@contract/common'
import { DEMO_INSTANCE_ID } from '../demo/demo-instance'
import { waitForInstanceScans, waitForStatus } from '../scans/testing/scan-helpers'
import { startTestApp, type TestApp } from '../testing/test-app'

/**
 * Who started each task (USER, RULE, DEMO), listScanTask by rule, the advisory-rescan
 * opt-in, and SBOM rules: their tasks store the image's packages and no vulnerabilities.
 * Over the demo instance (namespace `demo`; shop-app 1.0.0 and latest share a digest).
 */
let t: TestApp
const instanceId = DEMO_INSTANCE_ID

beforeAll(async () => {
  t = await startTestApp({ demo: true })
  await t.booted.seeded
  await waitForInstanceScans(t, instanceId, { atLeast: 5, timeoutMs: 110_000 })
})
afterAll(() => t.close())

async function createRule(over: Record<string, unknown>): Promise<string> {
  const res = await t.call('createScanRule', { instanceId, ruleName: 'r', scanScope: 'INSTANCE', triggerType: 'MANUAL', repoTagFilterPattern: '.*', ...over })
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  return res.body.scanRuleId
}

/** Who the server says the caller is (the local operator while sign-in is off); null when nobody. */
const actor = async () => (await t.call('getSession', {})).body.principal?.name ?? null

const shopApp = async () => {
  const repo = await t.call('getRepository', { instanceId, repoNamespaceName: 'demo', repoName: 'shop-app' })
  return repo.body.repoId
}

describe('the trigger of a task', () => {
  it('is DEMO for the demo seeding, with no rule or actor', async () => {
    const res = await t.call('listScanTask', { instanceId, pageSize: 100 })
    expect(res.body.items.length).toBeGreaterThan(0)
    for (const task of res.body.items) {
      expect(task.trigger).toEqual({ kind: 'DEMO', scanRuleId: null, actor: null, detail: 'first start with the demo instance' })
      expect(task.scanType).toBe('VUL')
    }
  })

  it('is USER for createRepoTagScanTask, with the signed-in principal as actor', async () => {
    const created = await t.call('createRepoTagScanTask', { instanceId, repoId: await shopApp(), tag: '1.0.0' })
    expect(created.status).toBe(200)
    const task = await waitForStatus(t, created.body.scanTaskId, ['COMPLETE'])
    expect(task.trigger).toEqual({ kind: 'USER', scanRuleId: null, actor: await actor(), detail: null })
  })

  it('is RULE with the rule id for runScanRule, and listScanTask filters by that rule', async () => {
    const ruleId = await createRule({ ruleName: 'legacy only', scanScope: 'REPO', namespaces: ['demo'], repoNames: ['legacy-api'] })
    const run = await t.call('runScanRule', { instanceId, scanRuleId: ruleId })
    expect(run.body).toEqual({ queued: 1, existing: 0 })
    const byRule = await t.call('listScanTask', { instanceId, scanRuleId: ruleId })
    expect(byRule.body.totalCount).toBe(1)
    const [task] = byRule.body.items
    expect(task).toMatchObject({ repository: 'demo/legacy-api', tag: '2.3.1', trigger: { kind: 'RULE', scanRuleId: ruleId, actor: await actor(), detail: null } })
    const other = await t.call('listScanTask', { instanceId, scanRuleId: 'crscnr-0000000000000000' })
    expect(other.body.totalCount).toBe(0)
    await waitForStatus(t, task?.scanTaskId ?? '', ['COMPLETE'])
  })
})

describe('rescanOnAdvisoryUpdate', () => {
  it('defaults to false, is stored on create and update, and is refused for SBOM rules without writing', async () => {
    const id = await createRule({ ruleName: 'opt-in' })
    expect((await t.call('getScanRule', { instanceId, scanRuleId: id })).body.rescanOnAdvisoryUpdate).toBe(false)
    const updated = await t.call('updateScanRule', { instanceId, scanRuleId: id, ruleName: 'opt-in', scanScope: 'INSTANCE', triggerType: 'AUTO', repoTagFilterPattern: '.*', rescanOnAdvisoryUpdate: true })
    expect(updated.status).toBe(200)
    expect((await t.call('getScanRule', { instanceId, scanRuleId: id })).body).toMatchObject({ rescanOnAdvisoryUpdate: true, triggerType: 'AUTO' })

    const sbom = await t.call('createScanRule', { instanceId, ruleName: 'sbom rescans', scanScope: 'INSTANCE', triggerType: 'MANUAL', repoTagFilterPattern: '.*', scanType: 'SBOM', rescanOnAdvisoryUpdate: true })
    expect(sbom.status).toBe(400)
    expect(sbom.body.code).toBe('PARAM_INVALID')
    expect((sbom.body as unknown as ApiErrorBody).fieldErrors?.rescanOnAdvisoryUpdate?.[0]).toMatch(/SBOM/)
    const listed = await t.call('listScanRule', { instanceId, pageSize: 100 })
    expect(listed.body.items.map((r) => r.ruleName)).not.toContain('sbom rescans')
  })
})

describe('an SBOM rule', () => {
  it('queues SBOM tasks that store the packages and no vulnerabilities', async () => {
    const ruleId = await createRule({ ruleName: 'shop sbom', scanType: 'SBOM', scanScope: 'REPO', namespaces: ['demo'], repoNames: ['shop-app'] })
    const run = await t.call('runScanRule', { instanceId, scanRuleId: ruleId })
    // 1.0.0 and latest are one image: one task, the second tag counts as existing.
    expect(run.body).toEqual({ queued: 1, existing: 1 })
    const [queued] = (await t.call('listScanTask', { instanceId, scanRuleId: ruleId })).body.items
    expect(queued?.scanType).toBe('SBOM')
    const task = await waitForStatus(t, queued?.scanTaskId ?? '', ['COMPLETE'])
    expect(task.counts).toBeNull()

    const report = await t.call('getImageReport', { scanTaskId: task.scanTaskId })
    expect(report.status).toBe(200)
    expect(report.body.components).toBeGreaterThan(0)
    expect(report.body.cves).toBe(0)
    expect(report.body.scan.components.map((c) => c.name)).toContain('lodash')
    const stored = await t.db.selectFrom('scan_reports').select('report').where('task_id', '=', task.scanTaskId).executeTakeFirstOrThrow()
    const engineReport = stored.report as { components: { purl: string }[]; findings: unknown[]; notes: { code: string }[] }
    expect(engineReport.findings).toEqual([])
    expect(engineReport.components.some((c) => c.purl.startsWith('pkg:npm/lodash@'))).toBe(true)
    expect(engineReport.notes.map((n) => n.code)).toContain('sbom-only')
  })

  it('is not a vulnerability scan: its results by id answer PARAM_INVALID, and by tag the VUL scans answer', async () => {
    const [sbom] = (await t.call('listScanTask', { instanceId, repoId: await shopApp(), pageSize: 100 })).body.items.filter((i) => i.scanType === 'SBOM')
    expect(sbom?.status).toBe('COMPLETE')
    for (const op of ['listRepoTagScanResult', 'getRepoTagScanSummary', 'getScanOverview', 'listVulnFindingState', 'listScanBaselineByTask', 'listScanMaliciousFileByTask'] as const) {
      const res = await t.call(op, { scanTaskId: sbom?.scanTaskId })
      expect(res.status, op).toBe(400)
      expect(res.body.code, op).toBe('PARAM_INVALID')
      expect(String(res.body.message), op).toMatch(/SBOM scan/)
    }
    const byTag = await t.call('getRepoTagScanStatus', { instanceId, repoId: await shopApp(), tag: '1.0.0' })
    expect(byTag.body.scanType).toBe('VUL')
    const summary = await t.call('getRepoTagScanSummary', { instanceId, repoId: await shopApp(), tag: '1.0.0' })
    expect(summary.status).toBe(200)
    expect(summary.body.totalSeverity).toBeGreaterThan(0)
  })

  it('runs beside an unfinished VUL task of the same image instead of being folded into it', async () => {
    const repoId = await shopApp()
    const vul = await t.call('createRepoTagScanTask', { instanceId, repoId, tag: 'latest' })
    const ruleId = await createRule({ ruleName: 'shop sbom again', scanType: 'SBOM', scanScope: 'REPO', namespaces: ['demo'], repoNames: ['shop-app'] })
    const run = await t.call('runScanRule', { instanceId, scanRuleId: ruleId })
    expect(run.body.queued).toBe(1)
    const [sbom] = (await t.call('listScanTask', { instanceId, scanRuleId: ruleId })).body.items
    expect(sbom?.scanTaskId).not.toBe(vul.body.scanTaskId)
    await waitForStatus(t, vul.body.scanTaskId, ['COMPLETE'])
    await waitForStatus(t, sbom?.scanTaskId ?? '', ['COMPLETE'])
  })
})
