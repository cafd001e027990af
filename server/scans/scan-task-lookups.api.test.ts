import { randomUUID } from 'node:crypto'
import { sql, type KyselyPlugin, type PluginTransformQueryArgs, type PluginTransformResultArgs } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../db/database'
import { DEMO_INSTANCE_ID } from '../demo/demo-instance'
import { ApiError } from '../errors'
import { startTestApp, type TestApp } from '../testing/test-app'
import { getScanOverview } from './overview/scan-overview'
import { getSummary, listVulnerabilities } from './scan-results'
import { repoIdOf, waitForInstanceScans } from './testing/scan-helpers'

/**
 * The result reads run on every page of the report: each resolves its scan task once and
 * hands the row on (the exception states, the SBOM check), rather than reading it again.
 * Counted with a Kysely plugin that sees every query the reads build.
 */

/** Counts the SELECTs that read scan_tasks. */
class ScanTaskReads implements KyselyPlugin {
  count = 0
  transformQuery(args: PluginTransformQueryArgs) {
    if (args.node.kind === 'SelectQueryNode' && JSON.stringify(args.node.from).includes('"name":"scan_tasks"')) this.count += 1
    return args.node
  }
  transformResult(args: PluginTransformResultArgs) {
    return Promise.resolve(args.result)
  }
}

async function taskReads(read: (db: Db) => Promise<unknown>): Promise<{ count: number; error: unknown }> {
  const reads = new ScanTaskReads()
  try {
    await read(t.db.withPlugin(reads))
    return { count: reads.count, error: undefined }
  } catch (error) {
    return { count: reads.count, error }
  }
}

let t: TestApp
let shopTask: string
let shopRepo: string
let sbomTask: string

beforeAll(async () => {
  t = await startTestApp({ demo: true })
  await t.booted.seeded
  const tasks = await waitForInstanceScans(t, DEMO_INSTANCE_ID, { atLeast: 5 })
  shopRepo = await repoIdOf(t, DEMO_INSTANCE_ID, 'demo/shop-app')
  const shop = tasks.find((x) => x.repoId === shopRepo)
  if (!shop) throw new Error('no shop-app scan')
  shopTask = shop.scanTaskId
  // An approved exception on the image, so the states are computed rather than skipped as empty.
  const [finding] = (await t.call('listRepoTagScanResult', { scanTaskId: shopTask, pageSize: 1 })).body.items
  if (!finding || !('cveName' in finding)) throw new Error('no shop-app finding')
  const created = await t.call('createVulnException', {
    scanTaskId: shopTask,
    kind: 'FALSE_POSITIVE',
    scope: 'DIGEST',
    findings: [{ cveName: finding.cveName, componentId: finding.componentId }],
    reason: 'counted reads',
    justification: 'component_not_present',
  })
  expect(created.status, JSON.stringify(created.body)).toBe(200)
  // A copy of the scan as an SBOM task: COMPLETE, with packages and no vulnerability results.
  sbomTask = randomUUID()
  await t.db.transaction().execute(async (trx) => {
    await sql`create temp table sbom_lookup_copy on commit drop as select * from scan_tasks where id = ${shopTask}`.execute(trx)
    await sql`update sbom_lookup_copy set id = ${sbomTask}, scan_type = 'SBOM', seq = nextval(pg_get_serial_sequence('scan_tasks', 'seq'))`.execute(trx)
    await sql`insert into scan_tasks select * from sbom_lookup_copy`.execute(trx)
  })
}, 180_000)
afterAll(async () => {
  await t.close()
})

describe('result reads look their scan task up once', () => {
  it('the vulnerability list, by id and by tag', async () => {
    const byId = await taskReads((db) => listVulnerabilities(db, { scanTaskId: shopTask, pageNo: 1, pageSize: 10 }))
    expect(byId).toEqual({ count: 1, error: undefined })
    const byTag = await taskReads((db) => listVulnerabilities(db, { instanceId: DEMO_INSTANCE_ID, repoId: shopRepo, tag: '1.0.0', pageNo: 1, pageSize: 10 }))
    expect(byTag).toEqual({ count: 1, error: undefined })
  })

  it('the summary and the overview', async () => {
    expect(await taskReads((db) => getSummary(db, { scanTaskId: shopTask }))).toEqual({ count: 1, error: undefined })
    expect(await taskReads((db) => getScanOverview(db, shopTask))).toEqual({ count: 1, error: undefined })
  })

  it('still refuses an SBOM task with PARAM_INVALID, from the same single read', async () => {
    const reads = [
      (db: Db) => listVulnerabilities(db, { scanTaskId: sbomTask, pageNo: 1, pageSize: 10 }),
      (db: Db) => getSummary(db, { scanTaskId: sbomTask }),
      (db: Db) => getScanOverview(db, sbomTask),
    ]
    for (const read of reads) {
      const { count, error } = await taskReads(read)
      expect(error).toBeInstanceOf(ApiError)
      expect(error).toMatchObject({ code: 'PARAM_INVALID' })
      expect(String((error as ApiError).message)).toMatch(/is an SBOM scan/)
      expect(count).toBe(1)
    }
  })
})
