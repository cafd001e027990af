import type { Db } from '../db/database'
import { ApiError } from '../errors'
import { assertSupported, type InstanceProvider } from './provider'
import { providerOf, providersFor } from './provider-registry'

/** The provider serving an instance, by its stored kind. */
export async function providerOfInstance(db: Db, instanceId: string): Promise<InstanceProvider> {
  const row = await db.selectFrom('instances').select('kind').where('id', '=', instanceId).executeTakeFirst()
  if (!row) throw new ApiError('INSTANCE_NOT_EXIST', `Instance ${instanceId} does not exist.`)
  return providerOf(providersFor(db), row.kind)
}

/**
 * Wraps an operation handler so it answers OPERATION_NOT_SUPPORTED, with the reason, for
 * instances whose upstream lacks it. The instance is the query's, or its scan task's.
 *
 * @example
 * mountOperation(app, operations.listScanBaselineByTask, whereSupported(db, 'listScanBaselineByTask', read))
 */
export function whereSupported<Q extends { instanceId?: string | undefined; scanTaskId?: string | undefined }, R>(db: Db, operation: string, handler: (q: Q) => Promise<R>) {
  return async (q: Q): Promise<R> => {
    const instanceId = q.instanceId ?? (q.scanTaskId ? (await db.selectFrom('scan_tasks').select('instance_id').where('id', '=', q.scanTaskId).executeTakeFirst())?.instance_id : undefined)
    // An unknown task or instance is left to the handler, which names it.
    if (instanceId) {
      const provider = await providerOfInstance(db, instanceId).catch(() => undefined)
      if (provider) assertSupported(provider, operation)
    }
    return handler(q)
  }
}
