import type { OpenAPIHono } from '@hono/zod-openapi'
import { operations } from '@contract/operations'
import type { Db } from '../db/database'
import { mountOperation } from '../http/operation-route'
import type { AppEnv } from '../http/request-context'
import { listAuditEvents } from './audit-store'

export function auditRoutes(app: OpenAPIHono<AppEnv>, deps: { db: Db }) {
  mountOperation(app, operations.listAuditEvent, (q) => listAuditEvents(deps.db, q))
}
