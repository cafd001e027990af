import { OpenAPIHono } from '@hono/zod-openapi'
import { compress } from 'hono/compress'
import { auditRoutes } from './audit/audit-routes'
import { auditTrail } from './audit/audit-trail'
import { authenticate, OPERATION_PREFIX } from './auth/auth-middleware'
import { authRoutes } from './auth/auth-routes'
import { AUTH_OFF, type AuthSettings } from './auth/auth-settings'
import { documentSecurity } from './auth/openapi-security'
import type { Db } from './db/database'
import { renderDocsPage } from './http/docs-page'
import { embedPortalRoutes } from './http/embed-portal-script'
import { errorHandler, notFoundHandler } from './http/error-handler'
import type { AppEnv } from './http/request-context'
import { requestLog } from './http/request-log'
import { securityHeaders, type SecurityHeaderOptions } from './http/security-headers'
import { spaRoutes } from './http/spa'
import type { InstanceService } from './instances/instance-service'
import type { Logger } from './log'
import { exceptionRoutes } from './routes/exceptions'
import { exportRoutes } from './routes/exports'
import { healthRoutes } from './routes/health'
import { instanceRoutes } from './routes/instances'
import { reportOverviewRoutes } from './routes/report-overview'
import { repositoryRoutes } from './routes/repositories'
import { scanRuleRoutes } from './routes/scan-rules'
import { scanRoutes } from './routes/scans'
import type { ScanTaskService } from './scans/scan-service'
import { acrWireRoutes, type AcrWireOptions } from './wire/acr/acr-route'
import { stackroxWireRoutes, type StackRoxWireOptions } from './wire/stackrox/stackrox-route'
import { triggerRoutes } from './triggers/trigger-routes'

export const API_VERSION = '0.1.0'

export interface AppDeps {
  db: Db
  dbKind: string
  log: Logger
  instances: InstanceService
  scans: ScanTaskService
  /** Built SPA; omitted in API-only tests. */
  staticDir?: string
  /** Sign-in settings (server/auth/auth-settings.ts); default off, as on loopback. */
  auth?: AuthSettings
  /** Frame-ancestors for the security headers; default `'self'`. */
  security?: SecurityHeaderOptions
  /** The ACR RPC and StackRox wire endpoints (ACR_WIRE_ACCESS_KEYS, STACKROX_WIRE_TOKENS); each is disabled without its keys. */
  wire?: { acr?: AcrWireOptions; stackrox?: StackRoxWireOptions }
}

/** The whole HTTP surface: API operations, health, OpenAPI and docs, then the SPA. */
export function createApp(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>()
  app.use('*', requestLog(deps.log))
  app.use('*', securityHeaders(deps.security))
  // API JSON only: a large report is megabytes of it. The SPA's assets are served as built;
  // a streamed JSON export stays streamed (gzip is a stream transform), other formats pass as they are.
  app.use('/api/*', compress({ contentTypeFilter: /^application\/json\b/ }))
  app.onError(errorHandler(deps.log))
  const auth = deps.auth ?? AUTH_OFF
  // Operations only: routes outside /api/v1 (health, docs, webhooks, wire protocols) authenticate on their own.
  app.use(`${OPERATION_PREFIX}*`, authenticate(deps.db, auth, deps.security?.frameAncestors))
  app.use(`${OPERATION_PREFIX}*`, auditTrail(deps.db))

  healthRoutes(app, { db: deps.db, dbKind: deps.dbKind, version: API_VERSION })
  instanceRoutes(app, deps)
  repositoryRoutes(app, deps)
  scanRoutes(app, deps)
  reportOverviewRoutes(app, deps)
  exportRoutes(app, { db: deps.db, version: API_VERSION })
  exceptionRoutes(app, { db: deps.db, version: API_VERSION })
  scanRuleRoutes(app, deps)
  triggerRoutes(app, deps)
  authRoutes(app, { db: deps.db, auth })
  auditRoutes(app, deps)

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
  // Sign-in is added to the generated document from operation-roles.ts (server/auth/openapi-security.ts).
  const openApiDocument = () => documentSecurity(app.getOpenAPIDocument(docConfig), auth)
  app.get('/api/openapi.json', (c) => c.json(openApiDocument()))
  app.get('/api/docs', (c) => c.html(renderDocsPage(openApiDocument())))
  app.all('/api/*', notFoundHandler)

  // Wire protocols authenticate on their own (signed requests, API tokens) and answer in their protocol's error shape.
  acrWireRoutes(app, { db: deps.db, scans: deps.scans, log: deps.log, acr: deps.wire?.acr })
  stackroxWireRoutes(app, { db: deps.db, scans: deps.scans, log: deps.log, stackrox: deps.wire?.stackrox })
  embedPortalRoutes(app)
  if (deps.staticDir) spaRoutes(app, deps.staticDir, deps.security?.frameAncestors)
  return app
}

export type AppType = ReturnType<typeof createApp>
