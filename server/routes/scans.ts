import type { OpenAPIHono } from '@hono/zod-openapi'
import { operations } from '@contract/operations'
import type { Db } from '../db/database'
import { mountOperation } from '../http/operation-route'
import { whereSupported } from '../providers/instance-provider'
import type { AppEnv } from '../http/request-context'
import { compareScans } from '../scans/compare-service'
import { getScanFixPlan } from '../scans/fix-plan-service'
import { getImageReport, getSummary, listBaseline, listMalicious, listVulnerabilities } from '../scans/scan-results'
import { withoutComponents } from '../scans/report-view'
import type { ScanTaskService } from '../scans/scan-service'
import { assertNotSbomTask, listTasks, resolveTask, toScanTask } from '../scans/scan-store'

export function scanRoutes(app: OpenAPIHono<AppEnv>, deps: { db: Db; scans: ScanTaskService }) {
  const { db, scans } = deps
  const vulnerabilityScansOnly =
    <Q extends { scanTaskId?: string | undefined }, R>(read: (db: Db, q: Q) => Promise<R>) =>
    async (q: Q): Promise<R> => {
      await assertNotSbomTask(db, q)
      return read(db, q)
    }
  mountOperation(app, operations.createRepoTagScanTask, (body, c) =>
    scans.create({ ...body, trigger: { kind: 'USER', scanRuleId: null, actor: c.get('principal')?.name ?? null, detail: null } }),
  )
  mountOperation(app, operations.getRepoTagScanStatus, async (q) => toScanTask(await resolveTask(db, q, 'latest')))
  // Both refuse an SBOM task themselves, on the task they resolve (one lookup).
  mountOperation(app, operations.getRepoTagScanSummary, (q) => getSummary(db, q))
  mountOperation(app, operations.listRepoTagScanResult, (q) => listVulnerabilities(db, q))
  // StackRox has neither: those instances answer OPERATION_NOT_SUPPORTED with the reason.
  mountOperation(app, operations.listScanBaselineByTask, whereSupported(db, 'listScanBaselineByTask', vulnerabilityScansOnly(listBaseline)))
  mountOperation(app, operations.listScanMaliciousFileByTask, whereSupported(db, 'listScanMaliciousFileByTask', vulnerabilityScansOnly(listMalicious)))
  mountOperation(app, operations.listScanTask, (q) => listTasks(db, q))
  mountOperation(app, operations.getImageReport, async (q) => {
    const report = await getImageReport(db, q.scanTaskId)
    return q.components === false ? withoutComponents(report) : report
  })
  mountOperation(app, operations.getScanFixPlan, vulnerabilityScansOnly(getScanFixPlan))
  mountOperation(app, operations.compareScans, (q) => compareScans(db, q))
}
