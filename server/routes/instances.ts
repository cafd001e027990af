import type { OpenAPIHono } from '@hono/zod-openapi'
import { operations } from '@contract/operations'
import type { Db } from '../db/database'
import { mountOperation } from '../http/operation-route'
import type { AppEnv } from '../http/request-context'
import type { InstanceService } from '../instances/instance-service'
import { getInstance, listInstances } from '../instances/instance-store'

export function instanceRoutes(app: OpenAPIHono<AppEnv>, deps: { db: Db; instances: InstanceService }) {
  const { db, instances } = deps
  mountOperation(app, operations.listInstance, (q) => listInstances(db, q))
  mountOperation(app, operations.getInstance, (q) => getInstance(db, q.instanceId))
  mountOperation(app, operations.createInstance, (body) => instances.create(body))
  mountOperation(app, operations.testInstanceConnection, (body) => instances.test(body))
  mountOperation(app, operations.syncInstance, (body) => instances.syncNow(body.instanceId))
  mountOperation(app, operations.deleteInstance, async (body) => {
    await instances.remove(body.instanceId)
    return { ok: true as const }
  })
}
