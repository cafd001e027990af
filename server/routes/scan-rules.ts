import type { OpenAPIHono } from '@hono/zod-openapi'
import { operations } from '@contract/operations'
import type { Db } from '../db/database'
import { mountOperation } from '../http/operation-route'
import type { AppEnv } from '../http/request-context'
import { whereSupported } from '../providers/instance-provider'
import { deleteLegacyRule, listLegacyRules, moveLegacyRule } from '../rules/legacy-rules'
import { previewScanRule } from '../rules/rule-preview'
import { ScanRuleService } from '../rules/rule-service'
import type { ScanTaskService } from '../scans/scan-service'

export function scanRuleRoutes(app: OpenAPIHono<AppEnv>, deps: { db: Db; scans: ScanTaskService }) {
  const rules = new ScanRuleService(deps.db, deps.scans)
  mountOperation(app, operations.createScanRule, (body) => rules.create(body))
  mountOperation(app, operations.getScanRule, (q) => rules.get(q))
  mountOperation(app, operations.listScanRule, (q) => rules.list(q))
  mountOperation(app, operations.updateScanRule, (body) => rules.update(body))
  mountOperation(app, operations.deleteScanRule, (body) => rules.delete(body))
  mountOperation(app, operations.runScanRule, (body, c) => rules.runNow(body, c.get('principal')?.name ?? null))
  // ACR keeps its instances' rules and cannot preview them: OPERATION_NOT_SUPPORTED there.
  mountOperation(app, operations.previewScanRule, whereSupported(deps.db, 'previewScanRule', (q) => previewScanRule(deps.db, q)))
  // Rules saved here for an instance before its rules moved upstream (ACR): listed to be moved or deleted.
  mountOperation(app, operations.listLegacyScanRule, (q) => listLegacyRules(deps.db, q))
  mountOperation(app, operations.moveLegacyScanRule, (body) => moveLegacyRule(deps.db, body))
  mountOperation(app, operations.deleteLegacyScanRule, (body) => deleteLegacyRule(deps.db, body))
}
