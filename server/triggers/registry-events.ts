import { z } from 'zod'

/**
 * The CNCF distribution registry's notification envelope
 * (`application/vnd.docker.distribution.events.v1+json`): `{ events: [...] }`, each event
 * with an id (repeated when the registry retries a delivery), an action (push, pull,
 * delete, mount) and the target it acted on. Only what the triggers read is checked;
 * the rest passes.
 */
export const REGISTRY_EVENTS_MEDIA_TYPE = 'application/vnd.docker.distribution.events.v1+json'

const registryEvent = z.looseObject({
  id: z.string().min(1).max(256),
  timestamp: z.string().optional(),
  action: z.string(),
  target: z
    .looseObject({
      mediaType: z.string().optional(),
      // The OCI digest grammar: it is sent back to the registry, so nothing else gets through.
      digest: z
        .string()
        .regex(/^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}$/, 'must be a digest such as sha256:<64 hex digits>')
        .optional(),
      repository: z.string().optional(),
      tag: z.string().optional(),
      url: z.string().optional(),
    })
    .optional(),
  request: z.looseObject({ id: z.string().optional(), method: z.string().optional() }).optional(),
  actor: z.looseObject({ name: z.string().optional() }).optional(),
})
export type RegistryEvent = z.infer<typeof registryEvent>

export const registryEnvelope = z
  .looseObject({ events: z.array(registryEvent).max(1000) })
  .meta({ id: 'RegistryNotificationEnvelope', description: 'A CNCF distribution registry notification: `{ events: [...] }`.' })

/** A push of a tag: what the webhook acts on. */
export interface TagPush {
  eventId: string
  repository: string
  tag: string
  digest: string | null
  actor: string | null
}

export type EventVerdict = { push: TagPush } | { ignored: 'not-a-push' | 'no-tag' }

/**
 * What one event means to us. Pulls, deletes and mounts are not pushes; a push without a
 * tag is a blob, or a manifest pushed by digest (the per-platform children of an index):
 * the tagged push of the index that follows is the one that counts.
 *
 * @example
 * classifyEvent({ id: 'e1', action: 'push', target: { repository: 'team/api', tag: '1.4', digest: 'sha256:…' } })
 * // { push: { eventId: 'e1', repository: 'team/api', tag: '1.4', digest: 'sha256:…', actor: null } }
 */
export function classifyEvent(e: RegistryEvent): EventVerdict {
  if (e.action !== 'push') return { ignored: 'not-a-push' }
  const tag = e.target?.tag
  const repository = e.target?.repository
  if (!tag || !repository) return { ignored: 'no-tag' }
  return { push: { eventId: e.id, repository, tag, digest: e.target?.digest ?? null, actor: e.actor?.name || null } }
}
