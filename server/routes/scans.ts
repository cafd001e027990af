import type { OpenAPIHono } from '@hono/zod-openapi'
import { operations } from '@contract/operations'
import type { Db } from '../db/database'
import { mountOperation } from '../http/operation-route'
import type { AppEnv } from '../http/request-context'
import { getImageReport, getSummary, listBaseline, listMalicious, listVulnerabilities } from '../scans/scan-results'
import type { ScanTaskService } from '../scans/scan-service'
import { listTasks, resolveTask, toScanTask } from '../scans/scan-store'

export function scanRoutes(app: OpenAPIHono<AppEnv>, deps: { db: Db; scans: ScanTaskService }) {
  const { db, scans } = deps
  mountOperation(app, operations.createRepoTagScanTask, (body) => scans.create(body))
  mountOperation(app, operations.getRepoTagScanStatus, async (q) => toScanTask(await resolveTask(db, q, 'latest')))
  mountOperation(app, operations.getRepoTagScanSummary, (q) => getSummary(db, q))
  mountOperation(app, operations.listRepoTagScanResult, (q) => listVulnerabilities(db, q))
  mountOperation(app, operations.listScanBaselineByTask, (q) => listBaseline(db, q))
  mountOperation(app, operations.listScanMaliciousFileByTask, (q) => listMalicious(db, q))
  mountOperation(app, operations.listScanTask, (q) => listTasks(db, q))
  mountOperation(app, operations.getImageReport, (q) => getImageReport(db, q.scanTaskId))
}
