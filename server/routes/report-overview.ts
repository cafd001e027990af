import type { OpenAPIHono } from '@hono/zod-openapi'
import { operations } from '@contract/operations'
import type { Db } from '../db/database'
import { mountOperation } from '../http/operation-route'
import type { AppEnv } from '../http/request-context'
import { listScanComponents } from '../scans/overview/scan-components'
import { getScanOverview } from '../scans/overview/scan-overview'

/** The report's overview aggregates and its package list. */
export function reportOverviewRoutes(app: OpenAPIHono<AppEnv>, deps: { db: Db }) {
  mountOperation(app, operations.getScanOverview, (q) =>
    getScanOverview(deps.db, q.scanTaskId, { includeSnoozed: q.includeSnoozed }),
  )
  mountOperation(app, operations.listScanComponent, (q) => listScanComponents(deps.db, q))
}
