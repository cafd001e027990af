import type { Selectable } from 'kysely'
import { WEBHOOK_PATH_PREFIX, WEBHOOK_SECRET_HEADER, type InstanceTriggers } from '@contract/instances'
import type { Db } from '../db/database'
import type { InstanceTriggersTable } from '../db/schema'
import { getInstance } from '../instances/instance-store'
import { hashWebhookSecret, newWebhookSecret } from './webhook-secret'

type TriggersRow = Selectable<InstanceTriggersTable>

const ms = (d: Date | string | null) => (d === null ? null : new Date(d).getTime())

function toTriggers(instanceId: string, row: TriggersRow | undefined): InstanceTriggers {
  return {
    instanceId,
    webhook: {
      configured: Boolean(row?.webhook_secret_hash),
      path: `${WEBHOOK_PATH_PREFIX}${instanceId}`,
      header: WEBHOOK_SECRET_HEADER,
      secretSetTime: ms(row?.webhook_secret_set_at ?? null),
      lastDeliveryTime: ms(row?.webhook_last_delivery_at ?? null),
    },
    poll: {
      intervalSeconds: row?.poll_interval_seconds ?? null,
      lastPollTime: ms(row?.poll_last_at ?? null),
      nextPollTime: row?.poll_interval_seconds ? ms(row.poll_next_at) : null,
      lastError: row?.poll_error ?? null,
    },
  }
}

export async function getInstanceTriggers(db: Db, instanceId: string): Promise<InstanceTriggers> {
  await getInstance(db, instanceId)
  const row = await db.selectFrom('instance_triggers').selectAll().where('instance_id', '=', instanceId).executeTakeFirst()
  return toTriggers(instanceId, row)
}

export interface SetTriggersInput {
  instanceId: string
  webhookSecret: 'KEEP' | 'ROTATE' | 'REMOVE'
  /** With ROTATE: this secret rather than a generated one. */
  newWebhookSecret?: string | undefined
  /** Undefined: unchanged; null: polling off. */
  pollIntervalSeconds?: number | null | undefined
}

/**
 * Sets the webhook secret and poll interval in one write. ROTATE answers the new secret
 * (this once); the old one stops working with this write. Turning polling on makes the
 * instance due at once, and tags pushed from now on are what its polls look for.
 */
export async function setInstanceTriggers(db: Db, input: SetTriggersInput): Promise<InstanceTriggers & { webhookSecret: string | null }> {
  await getInstance(db, input.instanceId)
  const now = new Date()
  const secret = input.webhookSecret === 'ROTATE' ? (input.newWebhookSecret ?? newWebhookSecret()) : null
  await db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom('instance_triggers').selectAll().where('instance_id', '=', input.instanceId).forUpdate().executeTakeFirst()
    const next: Omit<TriggersRow, 'instance_id'> = {
      webhook_secret_hash: current?.webhook_secret_hash ?? null,
      webhook_secret_set_at: current?.webhook_secret_set_at ?? null,
      webhook_last_delivery_at: current?.webhook_last_delivery_at ?? null,
      poll_interval_seconds: current?.poll_interval_seconds ?? null,
      poll_next_at: current?.poll_next_at ?? null,
      poll_checked_at: current?.poll_checked_at ?? null,
      poll_lease_until: current?.poll_lease_until ?? null,
      poll_last_at: current?.poll_last_at ?? null,
      poll_error: current?.poll_error ?? null,
    }
    if (secret) Object.assign(next, { webhook_secret_hash: hashWebhookSecret(secret), webhook_secret_set_at: now })
    if (input.webhookSecret === 'REMOVE') Object.assign(next, { webhook_secret_hash: null, webhook_secret_set_at: null })
    if (input.pollIntervalSeconds !== undefined) {
      const turnedOn = input.pollIntervalSeconds !== null && next.poll_interval_seconds === null
      next.poll_interval_seconds = input.pollIntervalSeconds
      if (input.pollIntervalSeconds === null) Object.assign(next, { poll_next_at: null, poll_error: null })
      else if (turnedOn) Object.assign(next, { poll_next_at: now, poll_checked_at: now, poll_error: null })
      // A new interval counts from the last poll (or now, if there was none).
      else next.poll_next_at = new Date((next.poll_last_at ? new Date(next.poll_last_at).getTime() : now.getTime()) + input.pollIntervalSeconds * 1000)
    }
    await trx
      .insertInto('instance_triggers')
      .values({ instance_id: input.instanceId, ...next })
      .onConflict((oc) => oc.column('instance_id').doUpdateSet(next))
      .execute()
  })
  return { ...(await getInstanceTriggers(db, input.instanceId)), webhookSecret: secret }
}
