import type { Page } from '@contract/common'
import type { CreateScanRuleInput, ScanRuleType, UpdateScanRuleInput } from '@contract/scan-rules'
import type { Db } from '../db/database'
import { getStoredConnection } from '../instances/instance-store'
import type { InstanceProvider, StoredInstanceConnection, UpstreamScanRule } from '../providers/provider'
import { providerOf, providersFor } from '../providers/provider-registry'

/** An upstream's rule operations with the instance's connection already bound. */
export interface BoundUpstreamRules {
  create(input: CreateScanRuleInput): Promise<{ scanRuleId: string }>
  get(scanRuleId: string): Promise<UpstreamScanRule>
  list(q: { scanType?: ScanRuleType | undefined; pageNo: number; pageSize: number }): Promise<Page<UpstreamScanRule>>
  update(input: UpdateScanRuleInput): Promise<{ scanRuleId: string }>
  delete(scanRuleId: string): Promise<void>
}

/**
 * The rule operations of the upstream keeping the instance's scan rules (ACR), or
 * undefined when the instance's rules are ours (local and StackRox instances). The
 * connection is read (and its secret decrypted) only for instances whose provider has them.
 */
export async function upstreamRulesOf(db: Db, instanceId: string): Promise<BoundUpstreamRules | undefined> {
  const row = await db.selectFrom('instances').select('kind').where('id', '=', instanceId).executeTakeFirst()
  if (!row) return undefined
  const rules = providerOf(providersFor(db), row.kind).rules
  if (!rules) return undefined
  const conn = await getStoredConnection(db, instanceId)
  const provider: InstanceProvider<StoredInstanceConnection['kind']> = providerOf(providersFor(db), conn.kind)
  const bound = provider.rules
  if (!bound) return undefined
  return {
    create: (input) => bound.create(conn, input),
    get: (id) => bound.get(conn, id),
    list: (q) => bound.list(conn, q),
    update: (input) => bound.update(conn, input),
    delete: (id) => bound.delete(conn, id),
  }
}
