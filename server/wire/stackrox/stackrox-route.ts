import type { Context, Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { recordAuditEvent } from '../../audit/audit-trail'
import type { Db } from '../../db/database'
import type { AppEnv } from '../../http/request-context'
import type { Logger } from '../../log'
import type { ScanTaskService } from '../../scans/scan-service'
import { tokenAccepted, tokenLabel, type ApiTokens } from './api-tokens'
import { scanImage, type QueuedScan } from './scan-image'
import { StackRoxError, toStackRoxError } from './stackrox-errors'
import { scanImageRequest, storageImage } from '../../providers/stackrox/storage-image-model'

export const STACKROX_SCAN_PATH = '/v1/images/scan'
const MAX_BODY_BYTES = 16 * 1024

export interface StackRoxWireOptions {
  /** STACKROX_WIRE_TOKENS; empty or absent, the endpoint answers that it is disabled. */
  tokens?: ApiTokens | undefined
  /** How long a request waits for a scan it had to queue; default two minutes. */
  scanTimeoutMs?: number
  pollMs?: number
}

export interface StackRoxWireDeps {
  db: Db
  scans: ScanTaskService
  log: Logger
  stackrox?: StackRoxWireOptions | undefined
}

function bearerToken(header: string | undefined): string | undefined {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')
  return m?.[1]
}

/**
 * StackRox Central's `POST /v1/images/scan` (ImageService.ScanImage), so roxctl-style
 * clients and StackRox integrations can ask Layerscope for an image's scan. Authenticated
 * by an API token as Central's are (`Authorization: Bearer …`); answers StackRox's
 * StorageImage, errors in grpc-gateway's shape.
 */
export function stackroxWireRoutes(app: Hono<AppEnv>, deps: StackRoxWireDeps) {
  const tokens = deps.stackrox?.tokens
  const scanDeps = { db: deps.db, scans: deps.scans, scanTimeoutMs: deps.stackrox?.scanTimeoutMs ?? 120_000, pollMs: deps.stackrox?.pollMs ?? 250 }

  const fail = (c: Context<AppEnv>, err: StackRoxError) => {
    deps.log.info('stackrox wire request', { requestId: c.get('requestId'), status: err.httpStatus, grpc: err.grpc })
    return c.json(err.toBody(), err.httpStatus as 400)
  }

  const limit = bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c: Context<AppEnv>) => fail(c, new StackRoxError('INVALID_ARGUMENT', `request body larger than ${MAX_BODY_BYTES} bytes`)) })

  app.post(STACKROX_SCAN_PATH, limit, async (c) => {
    const requestId = c.get('requestId')
    try {
      if (!tokens?.length) throw new StackRoxError('UNAVAILABLE', 'The StackRox-compatible endpoint is disabled: set STACKROX_WIRE_TOKENS to enable it.')
      const token = bearerToken(c.req.header('authorization'))
      if (!token) throw new StackRoxError('UNAUTHENTICATED', 'credentials not found: send an API token as "Authorization: Bearer <token>"')
      if (!tokenAccepted(tokens, token)) throw new StackRoxError('UNAUTHENTICATED', 'invalid API token')
      let json: unknown
      try {
        json = await c.req.json()
      } catch {
        throw new StackRoxError('INVALID_ARGUMENT', 'the request body is not JSON')
      }
      const parsed = scanImageRequest.safeParse(json)
      if (!parsed.success) {
        const issue = parsed.error.issues[0]
        throw new StackRoxError('INVALID_ARGUMENT', `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`)
      }
      const actor = tokenLabel(token)
      const onQueued = ({ input, output }: QueuedScan) =>
        recordAuditEvent(deps.db, deps.log, { actor, actorVia: 'stackrox', action: 'createRepoTagScanTask', input, output, requestId })
      const image = storageImage.parse(await scanImage(scanDeps, parsed.data, c.req.raw.signal, onQueued))
      deps.log.info('stackrox wire request', { requestId, status: 200, image: image.name.fullName })
      return c.json(image, 200)
    } catch (err) {
      const known = toStackRoxError(err)
      if (known) return fail(c, known)
      deps.log.error('stackrox wire request failed', { requestId, err })
      return fail(c, new StackRoxError('INTERNAL', `internal error; see the server log for request ${requestId}`))
    }
  })
}
