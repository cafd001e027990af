import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { apiErrorBody } from '@contract/common'
import { exportsByName, type ExportDefinition, type ExportRepoTagScanResultQuery, type ExportScanSbomQuery } from '@contract/exports'
import type { VulnerabilityItem } from '@contract/scans'
import type { Db } from '../db/database'
import { attachment, exportFileName } from '../exports/file-name'
import { scanSarif, scanSbom } from '../exports/scan-documents'
import { vulnerabilityCsvHeader, vulnerabilityCsvRow } from '../exports/vulnerability-csv'
import { vulnerabilityPages } from '../exports/vulnerability-pages'
import type { AppEnv } from '../http/request-context'
import { paramInvalid } from '../http/validation'
import { getTaskRow } from '../scans/scan-store'

const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: apiErrorBody } } })

/** The OpenAPI route of a download: a GET whose query is the export's contract schema. */
function exportRoute(e: ExportDefinition) {
  return createRoute({
    method: 'get',
    path: `/api/v1/${e.name}`,
    operationId: e.name,
    tags: ['Exports'],
    summary: e.summary,
    description: e.description,
    request: { query: e.input as unknown as z.ZodObject },
    responses: {
      200: { description: 'The file, as an attachment', content: Object.fromEntries(e.mediaTypes.map((t) => [t, { schema: z.string() }])) },
      400: errorResponse('PARAM_INVALID'),
      404: errorResponse('SCAN_TASK_NOT_EXIST, SCAN_NOT_FOUND, INSTANCE_NOT_EXIST, REPO_NOT_EXIST, TAG_NOT_EXIST'),
      409: errorResponse('SCAN_NOT_COMPLETE or SCAN_FAILED'),
    },
  })
}


/** Text pulled from an async source as the client reads it: memory stays one page whatever the size. */
function textStream(chunks: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  const iterator = chunks[Symbol.asyncIterator]()
  return new ReadableStream({
    async pull(controller) {
      const next = await iterator.next()
      if (next.done) controller.close()
      else controller.enqueue(encoder.encode(next.value))
    },
    async cancel() {
      await iterator.return?.()
    },
  })
}

function download(c: Context<AppEnv>, body: string | ReadableStream<Uint8Array>, contentType: string, fileName: string) {
  return c.body(body, 200, {
    'Content-Type': contentType,
    'Content-Disposition': attachment(fileName),
    // A scan's files never change, but they name images and findings: keep them out of shared caches.
    'Cache-Control': 'private, no-cache',
  })
}

/**
 * The scan downloads (contract/exports.ts): the filtered vulnerability list as CSV or
 * JSON, streamed page by page, and the CycloneDX SBOM and SARIF of a COMPLETE task.
 */
export function exportRoutes(app: OpenAPIHono<AppEnv>, deps: { db: Db; version: string }) {
  const { db, version } = deps

  app.openapi(
    exportRoute(exportsByName.exportRepoTagScanResult),
    async (c) => {
      const q = c.req.valid('query' as never) as ExportRepoTagScanResultQuery
      const pages = await vulnerabilityPages(db, q)
      const task = await getTaskRow(db, pages.first.scanTaskId)
      const image = { repository: task.repository, tag: task.tag, digest: task.digest }
      if (q.format === 'csv') {
        async function* csv() {
          yield vulnerabilityCsvHeader()
          for await (const row of pages.rows()) yield vulnerabilityCsvRow(row)
        }
        return download(c, textStream(csv()), 'text/csv; charset=utf-8', exportFileName(image, 'vulnerabilities', 'csv'))
      }
      async function* json() {
        const head = { scanTaskId: task.id, repository: task.repository, tag: task.tag, digest: task.digest, totalCount: pages.first.totalCount }
        yield `${JSON.stringify(head).slice(0, -1)},"items":[`
        let first = true
        for await (const row of pages.rows()) {
          yield `${first ? '\n' : ',\n'}${JSON.stringify(row satisfies VulnerabilityItem)}`
          first = false
        }
        yield '\n]}\n'
      }
      return download(c, textStream(json()), 'application/json; charset=utf-8', exportFileName(image, 'vulnerabilities', 'json'))
    },
    (result) => {
      if (!result.success) throw paramInvalid(result.error)
    },
  )

  app.openapi(
    exportRoute(exportsByName.exportScanSbom),
    async (c) => {
      const q = c.req.valid('query' as never) as ExportScanSbomQuery
      const { task, body } = await scanSbom(db, q, version)
      const what = q.withVulnerabilities ? 'cyclonedx-vdr' : 'cyclonedx'
      return download(c, body, 'application/vnd.cyclonedx+json; version=1.6', exportFileName(task, what, 'cdx.json'))
    },
    (result) => {
      if (!result.success) throw paramInvalid(result.error)
    },
  )

  app.openapi(
    exportRoute(exportsByName.exportScanSarif),
    async (c) => {
      const q = c.req.valid('query' as never) as { scanTaskId: string }
      const { task, body } = await scanSarif(db, q, version)
      return download(c, body, 'application/sarif+json', exportFileName(task, 'vulnerabilities', 'sarif'))
    },
    (result) => {
      if (!result.success) throw paramInvalid(result.error)
    },
  )
}

