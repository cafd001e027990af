import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi'
import { apiErrorBody } from '@contract/common'
import { EXPORT_SCAN_VEX, type ExportScanVexQuery } from '@contract/exceptions'
import { operations } from '@contract/operations'
import type { Db } from '../db/database'
import { ApiError } from '../errors'
import { actingPrincipal } from '../exceptions/acting-principal'
import { listExceptions } from '../exceptions/exception-list'
import { VulnExceptionService } from '../exceptions/exception-service'
import { findingExceptions } from '../exceptions/finding-exceptions'
import { listFindingStates } from '../exceptions/finding-states'
import { toCycloneDxVex } from '../exceptions/vex-cyclonedx'
import { loadVexInput } from '../exceptions/vex-input'
import { toOpenVex } from '../exceptions/vex-openvex'
import { attachment, exportFileName } from '../exports/file-name'
import { mountOperation } from '../http/operation-route'
import type { AppEnv } from '../http/request-context'
import { paramInvalid } from '../http/validation'

const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: apiErrorBody } } })

/**
 * Vulnerability exceptions (contract/exceptions.ts): request, approve, deny, withdraw,
 * read with history, list; the finding states of a scan; and the scan's VEX download.
 * Who acts comes from the request's principal (acting-principal.ts); the service checks
 * the role each step needs and that nobody decides their own request.
 */
export function exceptionRoutes(app: OpenAPIHono<AppEnv>, deps: { db: Db; version: string; now?: () => Date }) {
  const now = deps.now ?? (() => new Date())
  const exceptions = new VulnExceptionService(deps.db, { now })
  mountOperation(app, operations.createVulnException, async (body, c) => ({ items: await exceptions.create(body, actingPrincipal(c)) }))
  mountOperation(app, operations.approveVulnException, async (body, c) => {
    const approved = await exceptions.approve(body, actingPrincipal(c))
    // The audit entry keeps the request's input; a self-approval (sign-in off, ADR 0007) is added to it, so the log says so by itself.
    const record = c.get('recordAudit')
    if (approved.selfApproval && record) c.set('recordAudit', (action, input, output) => record(action, { ...(input as Record<string, unknown>), selfApproval: true }, output))
    return approved
  })
  mountOperation(app, operations.denyVulnException, (body, c) => exceptions.deny(body, actingPrincipal(c)))
  mountOperation(app, operations.withdrawVulnException, (body, c) => exceptions.withdraw(body, actingPrincipal(c)))
  mountOperation(app, operations.getVulnException, (q) => exceptions.get(q.exceptionId))
  mountOperation(app, operations.getFindingExceptions, (q) => findingExceptions(deps.db, q, now()))
  mountOperation(app, operations.listVulnException, (q) => listExceptions(deps.db, q, now()))
  mountOperation(app, operations.listVulnFindingState, async (q) => {
    const page = await listFindingStates(deps.db, q, now())
    return { ...page, items: page.items.map(({ cveName, componentId, feature, version, state, suppressed, suppressActivation, suppressExpiry, exceptionId, pendingExceptionIds }) => ({ cveName, componentId, feature, version, state, suppressed, suppressActivation, suppressExpiry, exceptionId, pendingExceptionIds })) }
  })

  app.openapi(
    createRoute({
      method: 'get',
      path: `/api/v1/${EXPORT_SCAN_VEX.name}`,
      operationId: EXPORT_SCAN_VEX.name,
      tags: ['Exports'],
      summary: EXPORT_SCAN_VEX.summary,
      description: EXPORT_SCAN_VEX.description,
      request: { query: EXPORT_SCAN_VEX.input },
      responses: {
        200: { description: 'The VEX document, as an attachment', content: Object.fromEntries(EXPORT_SCAN_VEX.mediaTypes.map((t) => [t, { schema: z.string() }])) },
        400: errorResponse('PARAM_INVALID (an SBOM scan, or an OpenVEX document of a scan without findings)'),
        404: errorResponse('SCAN_TASK_NOT_EXIST'),
        409: errorResponse('SCAN_NOT_COMPLETE or SCAN_FAILED'),
      },
    }),
    async (c) => {
      const q = c.req.valid('query' as never) as ExportScanVexQuery
      const at = now()
      const { task, input } = await loadVexInput(deps.db, q.scanTaskId, at)
      const image = { repository: task.repository, tag: task.tag, digest: task.digest }
      const headers = (type: string, name: string) => ({ 'Content-Type': type, 'Content-Disposition': attachment(name), 'Cache-Control': 'private, no-cache' })
      if (q.format === 'cyclonedx') {
        const body = `${JSON.stringify(toCycloneDxVex(input, { now: at, toolVersion: deps.version }), null, 2)}\n`
        return c.body(body, 200, headers('application/vnd.cyclonedx+json; version=1.6', exportFileName(image, 'vex', 'cdx.json')))
      }
      // OpenVEX requires at least one statement: a scan without findings has nothing to state.
      if (input.findings.length === 0) {
        throw new ApiError('PARAM_INVALID', `Scan ${task.id} found no vulnerabilities: an OpenVEX document needs at least one statement.`, { scanTaskId: ['has no findings to state'] })
      }
      const body = `${JSON.stringify(toOpenVex(input, { now: at, toolVersion: deps.version }), null, 2)}\n`
      return c.body(body, 200, headers('application/openvex+json', exportFileName(image, 'vex', 'openvex.json')))
    },
    (result) => {
      if (!result.success) throw paramInvalid(result.error)
    },
  )
}
