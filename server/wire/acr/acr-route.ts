import type { Context, Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { recordAuditEvent } from '../../audit/audit-trail'
import type { Db } from '../../db/database'
import type { AppEnv } from '../../http/request-context'
import type { Logger } from '../../log'
import { ScanRuleService } from '../../rules/rule-service'
import type { ScanTaskService } from '../../scans/scan-service'
import type { AccessKeys } from './access-keys'
import { acrActions } from './actions/acr-actions'
import type { AcrServices } from './actions/acr-action'
import { errorReply, pickAction, runAction, toWireError, type AcrReply } from './acr-envelope'
import { AcrWireError, invalidParameter } from './acr-errors'
import { DbNonceStore, type NonceStore } from './nonce-store'
import { verifySignedRequest } from './request-auth'

/** Where the endpoint is mounted; an RPC client's endpoint is `http(s)://host:port/acr`. */
export const ACR_WIRE_PATH = '/acr'
/** RPC requests are a few hundred bytes of parameters; nothing legitimate comes near this. */
const MAX_BODY_BYTES = 64 * 1024

export interface AcrWireOptions {
  /** ACR_WIRE_ACCESS_KEYS; empty or absent, the endpoint answers that it is disabled. */
  accessKeys?: AccessKeys | undefined
  /** Where accepted nonces are remembered; by default the database, shared by every process on it. */
  nonces?: NonceStore
  /** The clock the timestamp window is checked against (tests). */
  now?: () => number
}

export interface AcrWireDeps {
  db: Db
  scans: ScanTaskService
  log: Logger
  acr?: AcrWireOptions | undefined
}

/**
 * Alibaba Cloud's OpenAPI RPC style (`Action=…&Version=2018-12-01`, signature v1
 * HMAC-SHA1) over the same services as /api/v1, so ACR's SDKs, Terraform and pop-core
 * can talk to Layerscope as to an ACR Enterprise Edition instance. Parameters come from
 * the query string and, for POST, a form body (pop-core puts everything there); both
 * are signed together. Every answer is JSON in ACR's envelope, errors included.
 */
export function acrWireRoutes(app: Hono<AppEnv>, deps: AcrWireDeps) {
  const keys = deps.acr?.accessKeys
  const nonces = deps.acr?.nonces ?? new DbNonceStore(deps.db)
  const now = deps.acr?.now ?? Date.now
  const services: Omit<AcrServices, 'actor'> = { db: deps.db, scans: deps.scans, rules: new ScanRuleService(deps.db, deps.scans) }

  const handle = async (c: Context<AppEnv>) => {
    const requestId = c.get('requestId')
    let reply: AcrReply
    let action: string | undefined
    let accessKeyId: string | undefined
    try {
      if (!keys?.size) {
        throw new AcrWireError(503, 'ServiceUnavailable', 'The ACR-compatible endpoint is disabled: set ACR_WIRE_ACCESS_KEYS (id:secret pairs) to enable it.')
      }
      if (c.req.header('authorization')?.startsWith('ACS3-')) {
        throw new AcrWireError(400, 'InvalidParameter', 'ACS3-HMAC-SHA256 signatures are not supported here; sign with RPC signature v1 (HMAC-SHA1), as pop-core does.')
      }
      const params = await readParams(c)
      action = params.get('Action')
      accessKeyId = await verifySignedRequest({ method: c.req.method, params }, { keys, nonces, now: now() })
      const actor = `acr:${accessKeyId}`
      const recordAudit = (auditAction: string, input: unknown, output: unknown) =>
        recordAuditEvent(deps.db, deps.log, { actor, actorVia: 'acr', action: auditAction, input, output, requestId })
      reply = await runAction(pickAction(acrActions, params), { ...services, actor, recordAudit }, params, requestId)
    } catch (err) {
      let wire = toWireError(err)
      if (!wire) {
        deps.log.error('acr wire action failed', { requestId, action, err })
        wire = new AcrWireError(500, 'SystemError', 'Unknown error.')
      }
      reply = errorReply(wire, requestId, new URL(c.req.url).host)
    }
    // The access key id is not a secret (it travels in every URL); the secret never reaches a log.
    deps.log.info('acr wire request', { requestId, action: action?.slice(0, 64), accessKeyId, status: reply.status, code: reply.body.Code })
    return c.json(reply.body, reply.status as 200)
  }

  const limit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c: Context<AppEnv>) => {
      const { status, body } = errorReply(invalidParameter('Body', `at most ${MAX_BODY_BYTES} bytes`), c.get('requestId'), new URL(c.req.url).host)
      return c.json(body, status as 400)
    },
  })
  // pop-core requests `<endpoint>/?…`, other clients `<endpoint>?…`: answer both.
  app.on(['GET', 'POST'], [ACR_WIRE_PATH, `${ACR_WIRE_PATH}/`], limit, handle)
}

/**
 * The query string's parameters and, for a form POST, the body's, in one map. A name
 * given twice is refused: which value was signed would be ambiguous.
 */
async function readParams(c: Context<AppEnv>): Promise<Map<string, string>> {
  const params = new Map<string, string>()
  const add = (entries: URLSearchParams) => {
    for (const [k, v] of entries) {
      if (params.has(k)) throw invalidParameter(k, 'it is given more than once')
      params.set(k, v)
    }
  }
  add(new URL(c.req.url).searchParams)
  if (c.req.method === 'POST') {
    const text = await c.req.text()
    const type = c.req.header('content-type') ?? ''
    if (text !== '') {
      if (!type.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
        throw new AcrWireError(400, 'InvalidParameter', 'A request body must be application/x-www-form-urlencoded parameters.')
      }
      add(new URLSearchParams(text))
    }
  }
  return params
}
