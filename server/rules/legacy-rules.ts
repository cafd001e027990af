import { sql, type ExpressionBuilder } from 'kysely'
import type { Page } from '@contract/common'
import type { LegacyScanRule } from '@contract/scan-rules'
import type { Db } from '../db/database'
import type { Database } from '../db/schema'
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
  // This server's clock judges whether a claim is live here; only the claim itself (claimMove) must be exact.
  const now = Date.now()
  const items = rows.map((row) => ({ ...fromRow(row), moveStartedTime: liveClaim(row.move_started_at, now) }))
  return { items, totalCount: total, pageNo: q.pageNo, pageSize: q.pageSize }
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
  // A second move of the same rule while the first is in flight in this process (a double
  // click, a retried request) joins it and gets its answer. Another process on the same
  // database is kept out by the claim on the row (claimMove) and answers
  // SCAN_RULE_MOVE_IN_PROGRESS instead.
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

/**
 * How long a claim holds. Well past the longest an upstream create can take (the ACR
 * client's request timeout plus its retry budget, under a minute), so only a move whose
 * process died is ever taken over.
 */
export const MOVE_CLAIM_TTL_SECONDS = 300

async function moveOnce(db: Db, q: RuleRef): Promise<Moved> {
  await getInstance(db, q.instanceId)
  const upstream = await upstreamRulesOf(db, q.instanceId)
  if (!upstream) throw rulesAreOurs(q.instanceId, 'moveLegacyScanRule')
  const row = await claimMove(db, q)
  const rule = fromRow(row)
  let created: { scanRuleId: string }
  try {
    created = await upstream.create({
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
  } catch (err) {
    // The upstream has no rule: release our claim (not one that took over a stale one) so
    // the move can be tried again at once.
    await db.updateTable('scan_rules').set({ move_started_at: null }).where('id', '=', q.scanRuleId).where('move_started_at', '=', row.move_started_at).execute()
    throw err
  }
  await db.deleteFrom('scan_rules').where('instance_id', '=', q.instanceId).where('id', '=', q.scanRuleId).execute()
  return { upstreamScanRuleId: created.scanRuleId, ruleName: rule.ruleName }
}

/**
 * Marks the row as being moved, in one statement, unless another move holds a live claim
 * on it; the database's clock decides, so processes with skewed clocks agree.
 */
async function claimMove(db: Db, q: RuleRef) {
  const claimed = await db
    .updateTable('scan_rules')
    // Milliseconds, as a JavaScript Date holds them, so the release can match this claim exactly.
    .set({ move_started_at: sql<Date>`date_trunc('milliseconds', now())` })
    .where('instance_id', '=', q.instanceId)
    .where('id', '=', q.scanRuleId)
    .where(unclaimed)
    .returningAll()
    .executeTakeFirst()
  if (claimed) return claimed
  throw moveInProgress(await legacyRow(db, q), 'moved')
}

/** No move holds the row: never claimed, released, or claimed before the TTL (by the database's clock). */
const unclaimed = (eb: ExpressionBuilder<Database, 'scan_rules'>) =>
  eb.or([eb('move_started_at', 'is', null), eb('move_started_at', '<', sql<Date>`now() - make_interval(secs => ${MOVE_CLAIM_TTL_SECONDS})`)])

/** Thrown when the row exists but a live claim holds it (legacyRow has answered NOT_EXIST otherwise). */
function moveInProgress(row: { id: string; name: string; move_started_at: Date | null }, refused: 'moved' | 'deleted') {
  return new ApiError(
    'SCAN_RULE_MOVE_IN_PROGRESS',
    `Scan rule ${row.name} (${row.id}) cannot be ${refused} now: another request is creating it upstream, since ${row.move_started_at?.toISOString() ?? 'just now'}. ` +
      'It leaves the legacy rules once the upstream has it; reload them in a moment.',
  )
}

/**
 * Deletes our copy only; the upstream is not asked. Not while a move holds the rule: the
 * move would go on to create it upstream, and the delete would have said otherwise.
 */
export async function deleteLegacyRule(db: Db, q: RuleRef): Promise<{ ok: true }> {
  await getInstance(db, q.instanceId)
  if (!(await keepsRulesUpstream(db, q.instanceId))) throw rulesAreOurs(q.instanceId, 'deleteLegacyScanRule')
  const res = await db
    .deleteFrom('scan_rules')
    .where('instance_id', '=', q.instanceId)
    .where('id', '=', q.scanRuleId)
    .where(unclaimed)
    .executeTakeFirst()
  if (Number(res.numDeletedRows) === 0) throw moveInProgress(await legacyRow(db, q), 'deleted')
  return { ok: true }
}

/** The claim's start, when it still holds at `now`; else null (none, or one that lapsed). */
function liveClaim(startedAt: Date | null, now: number): number | null {
  if (!startedAt) return null
  return now - startedAt.getTime() < MOVE_CLAIM_TTL_SECONDS * 1000 ? startedAt.getTime() : null
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
