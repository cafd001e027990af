import { OpenAPIHono } from '@hono/zod-openapi'
import type { Db } from './db/database'
import { renderDocsPage } from './http/docs-page'
import { errorHandler, notFoundHandler } from './http/error-handler'
import type { AppEnv } from './http/request-context'
import { requestLog } from './http/request-log'
import { securityHeaders, type SecurityHeaderOptions } from './http/security-headers'
import { spaRoutes } from './http/spa'
import type { InstanceService } from './instances/instance-service'
import type { Logger } from './log'
import { healthRoutes } from './routes/health'
import { instanceRoutes } from './routes/instances'
import { repositoryRoutes } from './routes/repositories'
import { scanRuleRoutes } from './routes/scan-rules'
import { scanRoutes } from './routes/scans'
import type { ScanTaskService } from './scans/scan-service'

export const API_VERSION = '0.1.0'

export interface AppDeps {
  db: Db
  dbKind: string
  log: Logger
  instances: InstanceService
  scans: ScanTaskService
  /** Built SPA; omitted in API-only tests. */
  staticDir?: string
  /** Frame-ancestors for the security headers; default `'self'`. */
  security?: SecurityHeaderOptions
}

/** The whole HTTP surface: API operations, health, OpenAPI and docs, then the SPA. */
export function createApp(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>()
  app.use('*', requestLog(deps.log))
  app.use('*', securityHeaders(deps.security))
  app.onError(errorHandler(deps.log))

  healthRoutes(app, { db: deps.db, dbKind: deps.dbKind, version: API_VERSION })
  instanceRoutes(app, deps)
  repositoryRoutes(app, deps)
  scanRoutes(app, deps)
  scanRuleRoutes(app, deps)

  const docConfig = {
    openapi: '3.0.3',
    info: {
      title: 'Layerscope',
      version: API_VERSION,
      description:
        'Container image security: instances, repositories, tags, scan tasks and their reports. Operation names follow the ' +
        'Alibaba Cloud Container Registry OpenAPI (2018-12-01), camelCased; reads are GET with query parameters, writes are POST with JSON.',
    },
  }
  app.doc('/api/openapi.json', docConfig)
  app.get('/api/docs', (c) => c.html(renderDocsPage(app.getOpenAPIDocument(docConfig))))
  app.all('/api/*', notFoundHandler)

  if (deps.staticDir) spaRoutes(app, deps.staticDir)
  return app
}

export type AppType = ReturnType<typeof createApp>
