import type { OpenAPIHono } from '@hono/zod-openapi'
import { z } from 'zod'
import { apiErrorBody } from '@contract/common'
import { WEBHOOK_PATH_PREFIX, WEBHOOK_SECRET_HEADER } from '@contract/instances'
import { operations } from '@contract/operations'
import type { Db } from '../db/database'
import { ApiError } from '../errors'
import { mountOperation } from '../http/operation-route'
import type { AppEnv } from '../http/request-context'
import { paramInvalid } from '../http/validation'
import type { Logger } from '../log'
import type { ScanTaskService } from '../scans/scan-service'
import { REGISTRY_EVENTS_MEDIA_TYPE, registryEnvelope } from './registry-events'
import { RegistryWebhook } from './registry-webhook'
import { getInstanceTriggers, setInstanceTriggers } from './trigger-settings'

/** A notification body far larger than this is not one the registry sends (it batches a few events). */
const MAX_BODY_BYTES = 1024 * 1024

const deliveryResult = z.object({
  pushes: z.number().int().meta({ description: 'Tagged pushes acted on: the tag was indexed, and scans were queued for the AUTO rules matching it.' }),
  ignored: z.number().int().meta({ description: 'Pulls, deletes, blob pushes and pushes by digest only (manifest-list children).' }),
  duplicates: z.number().int().meta({ description: 'Events already handled: the registry delivered them again.' }),
  queued: z.number().int(),
  existing: z.number().int().meta({ description: 'Matching tags whose image already had an unfinished task.' }),
})

/**
 * The trigger settings operations, and the registry webhook. The webhook sits outside
 * /api/v1: it is no operation a user calls but the registry's own protocol, and it
 * authenticates by the instance's shared secret instead of a sign-in.
 */
export function triggerRoutes(app: OpenAPIHono<AppEnv>, deps: { db: Db; scans: ScanTaskService; log: Logger }) {
  mountOperation(app, operations.getInstanceTriggers, (q) => getInstanceTriggers(deps.db, q.instanceId))
  mountOperation(app, operations.setInstanceTriggers, (body) => setInstanceTriggers(deps.db, body))

  const webhook = new RegistryWebhook(deps.db, deps.scans, deps.log)
  app.post(`${WEBHOOK_PATH_PREFIX}:instanceId`, async (c) => {
    const instanceId = c.req.param('instanceId')
    await webhook.authenticate(instanceId, c.req.header(WEBHOOK_SECRET_HEADER))
    const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase()
    if (type !== REGISTRY_EVENTS_MEDIA_TYPE && type !== 'application/json') {
      throw new ApiError('PARAM_INVALID', `A registry notification is ${REGISTRY_EVENTS_MEDIA_TYPE} (or application/json), not ${type || 'untyped'}.`)
    }
    const text = await c.req.text()
    if (text.length > MAX_BODY_BYTES) throw new ApiError('PARAM_INVALID', `The notification is larger than ${MAX_BODY_BYTES} bytes.`)
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      throw new ApiError('PARAM_INVALID', 'The notification body is not JSON.')
    }
    const envelope = registryEnvelope.safeParse(json)
    if (!envelope.success) throw paramInvalid(envelope.error)
    return c.json(await webhook.deliver(instanceId, envelope.data.events, c.get('requestId') ?? null), 200)
  })

  app.openAPIRegistry.registerPath({
    method: 'post',
    path: `${WEBHOOK_PATH_PREFIX}{instanceId}`,
    operationId: 'registryNotification',
    tags: ['Instances'],
    summary: 'Registry push notifications (CNCF distribution webhook)',
    description:
      'Extension (not in ACR). Point a registry’s `notifications.endpoints` here, with the secret from setInstanceTriggers in the ' +
      `${WEBHOOK_SECRET_HEADER} header. Each tagged push is indexed and scanned for every AUTO scan rule that matches it (trigger PUSH); ` +
      'pulls, blob pushes and pushes by digest only are ignored, and an event delivered again (same id) is not acted on twice. ' +
      'UNAUTHENTICATED (401) for an unknown instance or a wrong secret; a failure to reach the registry answers 5xx, so the registry retries.',
    request: {
      params: z.object({ instanceId: z.string() }),
      headers: z.object({ [WEBHOOK_SECRET_HEADER.toLowerCase()]: z.string() }),
      body: { required: true, content: { [REGISTRY_EVENTS_MEDIA_TYPE]: { schema: registryEnvelope } } },
    },
    responses: {
      200: { description: 'Handled', content: { 'application/json': { schema: deliveryResult } } },
      400: { description: 'PARAM_INVALID: not a notification envelope', content: { 'application/json': { schema: apiErrorBody } } },
      401: { description: 'UNAUTHENTICATED', content: { 'application/json': { schema: apiErrorBody } } },
    },
  })
}
