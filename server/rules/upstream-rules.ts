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
 * Whether the instance's scan rules live upstream (ACR), so that whatever our scan_rules
 * table still holds for it is a legacy copy (rules/legacy-rules.ts) that must not run.
 * False for an unknown instance.
 */
export async function keepsRulesUpstream(db: Db, instanceId: string): Promise<boolean> {
  const row = await db.selectFrom('instances').select('kind').where('id', '=', instanceId).executeTakeFirst()
  return row !== undefined && providerOf(providersFor(db), row.kind).rules !== undefined
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
