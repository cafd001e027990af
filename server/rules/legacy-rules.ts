import type { Page } from '@contract/common'
import type { LegacyScanRule } from '@contract/scan-rules'
import type { Db } from '../db/database'
import { ApiError } from '../errors'
import { getInstance } from '../instances/instance-store'
import { fromRow, notExist, storedRulesPage } from './rule-service'
import { keepsRulesUpstream, upstreamRulesOf } from './upstream-rules'

/**
 * Legacy rules: rows of our scan_rules table for an instance whose rules now live
 * upstream (ACR), saved before that change. Nothing reads or runs them any more
 * (rule-service reads the upstream's, rulesFor skips them), so they are listed on their
 * own, to be created upstream or deleted; never silently dropped or run unseen.
 */

type RuleRef = { instanceId: string; scanRuleId: string }

/** Newest first; empty for an instance whose rules are ours (those are its live rules, listScanRule). */
export async function listLegacyRules(db: Db, q: { instanceId: string; pageNo: number; pageSize: number }): Promise<Page<LegacyScanRule>> {
  await getInstance(db, q.instanceId)
  const empty = { items: [], totalCount: 0, pageNo: q.pageNo, pageSize: q.pageSize }
  if (!(await keepsRulesUpstream(db, q.instanceId))) return empty
  const { rows, total } = await storedRulesPage(db, q)
  return { items: rows.map(fromRow), totalCount: total, pageNo: q.pageNo, pageSize: q.pageSize }
}

/**
 * Creates the rule upstream, then deletes our copy. The copy goes only once the upstream
 * has the rule: a refusal or an outage leaves it in place and answers the upstream's
 * error. ACR has no advisory rescans, so that setting is not carried over (the copy does
 * not rescan here either: rulesFor skips it).
 *
 * @example
 * await moveLegacyRule(db, { instanceId, scanRuleId }) // { upstreamScanRuleId: 'crscnr-…', ruleName: 'nightly' }
 */
export function moveLegacyRule(db: Db, q: RuleRef): Promise<Moved> {
  // A second move of the same rule while the first is in flight (a double click, a retried
  // request) joins it rather than creating the rule in ACR twice. This holds within one
  // server process; another process sharing the database could still race.
  const inFlight = movesInFlight.get(db) ?? new Map<string, Promise<Moved>>()
  movesInFlight.set(db, inFlight)
  const key = `${q.instanceId}/${q.scanRuleId}`
  const joined = inFlight.get(key)
  if (joined) return joined
  const move = moveOnce(db, q).finally(() => inFlight.delete(key))
  inFlight.set(key, move)
  return move
}

type Moved = { upstreamScanRuleId: string; ruleName: string }
const movesInFlight = new WeakMap<Db, Map<string, Promise<Moved>>>()

async function moveOnce(db: Db, q: RuleRef): Promise<Moved> {
  await getInstance(db, q.instanceId)
  const upstream = await upstreamRulesOf(db, q.instanceId)
  if (!upstream) throw rulesAreOurs(q.instanceId, 'moveLegacyScanRule')
  const rule = fromRow(await legacyRow(db, q))
  const created = await upstream.create({
    instanceId: q.instanceId,
    ruleName: rule.ruleName,
    scanScope: rule.scanScope,
    triggerType: rule.triggerType,
    scanType: rule.scanType,
    repoTagFilterPattern: rule.repoTagFilterPattern,
    namespaces: rule.namespaces,
    repoNames: rule.repoNames,
    rescanOnAdvisoryUpdate: false,
  })
  await db.deleteFrom('scan_rules').where('instance_id', '=', q.instanceId).where('id', '=', q.scanRuleId).execute()
  return { upstreamScanRuleId: created.scanRuleId, ruleName: rule.ruleName }
}

/** Deletes our copy only; the upstream is not asked. */
export async function deleteLegacyRule(db: Db, q: RuleRef): Promise<{ ok: true }> {
  await getInstance(db, q.instanceId)
  if (!(await keepsRulesUpstream(db, q.instanceId))) throw rulesAreOurs(q.instanceId, 'deleteLegacyScanRule')
  const res = await db.deleteFrom('scan_rules').where('instance_id', '=', q.instanceId).where('id', '=', q.scanRuleId).executeTakeFirst()
  if (Number(res.numDeletedRows) === 0) throw notExist(q.instanceId, q.scanRuleId)
  return { ok: true }
}

async function legacyRow(db: Db, q: RuleRef) {
  const row = await db.selectFrom('scan_rules').selectAll().where('instance_id', '=', q.instanceId).where('id', '=', q.scanRuleId).executeTakeFirst()
  if (!row) throw notExist(q.instanceId, q.scanRuleId)
  return row
}

const rulesAreOurs = (instanceId: string, operation: string) =>
  new ApiError(
    'OPERATION_NOT_SUPPORTED',
    `${operation}: instance ${instanceId} keeps its scan rules in Layerscope, so it has no legacy rules; use the scan rule operations (deleteScanRule, updateScanRule).`,
  )
