import { recordAuditEvent } from '../audit/audit-trail'
import type { Db } from '../db/database'
import { ApiError } from '../errors'
import type { Logger } from '../log'
import { addCounts, queueRuleScans, rulesFor, type QueueCounts } from '../rules/rule-scans'
import type { ScanTaskService } from '../scans/scan-service'
import { indexTag } from './index-tag'
import { classifyEvent, type RegistryEvent, type TagPush } from './registry-events'
import { webhookSecretMatches } from './webhook-secret'

export interface DeliveryResult extends QueueCounts {
  /** Tagged pushes acted on. */
  pushes: number
  /** Events that were not tagged pushes (pulls, blobs, untagged manifests). */
  ignored: number
  /** Tagged pushes already handled by an earlier delivery (the registry retried). */
  duplicates: number
}

/** How long delivered event ids are kept for spotting retries: registries give up long before. */
const DELIVERY_MEMORY_MS = 7 * 24 * 60 * 60 * 1000

/**
 * Registry push notifications for one instance: checks the instance's secret, then for
 * each tagged push indexes the tag and queues a scan for every AUTO rule that matches it
 * (trigger PUSH). Each event id is claimed before it is acted on, so a retried delivery
 * queues nothing twice; when acting fails, the claim is given back and the error
 * propagates (a 5xx), so the registry's retry does the work.
 */
export class RegistryWebhook {
  constructor(
    private db: Db,
    private scans: ScanTaskService,
    private log: Logger,
  ) {}

  /** UNAUTHENTICATED, the same for an unknown instance and a wrong secret: a stranger learns neither. */
  async authenticate(instanceId: string, secret: string | undefined): Promise<void> {
    const row = await this.db.selectFrom('instance_triggers').select('webhook_secret_hash').where('instance_id', '=', instanceId).executeTakeFirst()
    if (!webhookSecretMatches(row?.webhook_secret_hash ?? null, secret)) {
      throw new ApiError('UNAUTHENTICATED', `No webhook secret of instance ${instanceId} matches the one sent; set one with setInstanceTriggers and send it in the header it names.`)
    }
  }

  async deliver(instanceId: string, events: readonly RegistryEvent[], requestId: string | null = null): Promise<DeliveryResult> {
    const now = new Date()
    await this.db.updateTable('instance_triggers').set({ webhook_last_delivery_at: now }).where('instance_id', '=', instanceId).execute()
    await this.db.deleteFrom('webhook_deliveries').where('received_at', '<', new Date(now.getTime() - DELIVERY_MEMORY_MS)).execute()
    let result: DeliveryResult = { pushes: 0, ignored: 0, duplicates: 0, queued: 0, existing: 0 }
    for (const event of events) {
      const verdict = classifyEvent(event)
      if ('ignored' in verdict) {
        result.ignored++
        continue
      }
      const push = verdict.push
      const claimed = await this.db
        .insertInto('webhook_deliveries')
        .values({ instance_id: instanceId, event_id: push.eventId, received_at: now })
        .onConflict((oc) => oc.columns(['instance_id', 'event_id']).doNothing())
        .returning('event_id')
        .executeTakeFirst()
      if (!claimed) {
        result.duplicates++
        continue
      }
      try {
        result = { ...result, ...addCounts(result, await this.onPush(instanceId, push, requestId)), pushes: result.pushes + 1 }
      } catch (err) {
        await this.db
          .deleteFrom('webhook_deliveries')
          .where('instance_id', '=', instanceId)
          .where('event_id', '=', push.eventId)
          .execute()
          .catch(() => undefined)
        throw err
      }
    }
    // Pull notifications arrive with every image read (our own syncs and scans too): not worth an info line each.
    const level = result.pushes || result.duplicates ? 'info' : 'debug'
    this.log[level]('registry notification handled', { instanceId, events: events.length, ...result })
    return result
  }

  private async onPush(instanceId: string, push: TagPush, requestId: string | null): Promise<QueueCounts> {
    const indexed = await indexTag(this.db, instanceId, push.repository, push.tag, { digest: push.digest })
    if (indexed.status === 'gone') return { queued: 0, existing: 0 }
    let counts: QueueCounts = { queued: 0, existing: 0 }
    for (const rule of await rulesFor(this.db, instanceId, 'auto')) {
      const detail = `registry event ${push.eventId}: push of ${push.repository}:${push.tag}`
      counts = addCounts(counts, await queueRuleScans(this.scans, rule, [indexed], { kind: 'PUSH', actor: push.actor, detail }))
    }
    // Scans a push queued are writes no user made: audited under the instance, as the scan operation they amount to.
    if (counts.queued > 0) {
      await recordAuditEvent(this.db, this.log, {
        actor: `registry-webhook:${instanceId}`,
        actorVia: 'webhook',
        action: 'createRepoTagScanTask',
        input: { instanceId, repoId: indexed.repoId, namespace: indexed.namespace, repoName: indexed.repoName, tag: indexed.tag, digest: indexed.digest, eventId: push.eventId, pushedBy: push.actor },
        output: counts,
        requestId,
      })
    }
    return counts
  }
}

