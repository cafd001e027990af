import type { Selectable } from 'kysely'
import type { ScanRuleType } from '@contract/scan-rules'
import type { ScanTaskTrigger } from '@contract/scans'
import type { Db } from '../db/database'
import type { ScanRuleTable } from '../db/schema'
import { ApiError } from '../errors'
import type { ScanTaskService } from '../scans/scan-service'
import { ruleMatches, type MatchableRule } from './rule-matcher'
import { keepsRulesUpstream } from './upstream-rules'

/**
 * What every way of starting a rule's scans shares (run now, a registry push, the poller,
 * an advisory update): the stored rules read as matchable rules, the index's tags, and
 * "queue a scan of each matching tag with this trigger".
 */

export interface StoredRule extends MatchableRule {
  scanRuleId: string
  instanceId: string
  scanType: ScanRuleType
}

/** One tag of the index with its repository's namespace and name. */
export interface IndexedTagRef {
  repoId: string
  namespace: string
  repoName: string
  tag: string
}

const asList = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? (JSON.parse(v) as string[]) : [])

export function toStoredRule(row: Selectable<ScanRuleTable>): StoredRule {
  return {
    scanRuleId: row.id,
    instanceId: row.instance_id,
    scanType: row.scan_type,
    scanScope: row.scan_scope,
    namespaces: asList(row.namespaces),
    repoNames: asList(row.repo_names),
    repoTagFilterPattern: row.tag_pattern,
  }
}

/**
 * The instance's rules that start scans by themselves: AUTO rules (push, poll) or those
 * opted in to advisory rescans. None when the upstream keeps the instance's rules (ACR
 * runs its own on push): what our table still holds for it are legacy copies, listed to
 * be moved or deleted, which must not scan unseen.
 */
export async function rulesFor(db: Db, instanceId: string, which: 'auto' | 'advisory-rescan'): Promise<StoredRule[]> {
  if (await keepsRulesUpstream(db, instanceId)) return []
  let q = db.selectFrom('scan_rules').selectAll().where('instance_id', '=', instanceId)
  q = which === 'auto' ? q.where('trigger_type', '=', 'AUTO') : q.where('rescan_on_advisory_update', '=', true)
  const rows = await q.orderBy('created_at').orderBy('seq').execute()
  return rows.map(toStoredRule)
}

/** Every indexed tag of an instance, in repository path then tag order. */
export async function indexedTags(db: Db, instanceId: string): Promise<IndexedTagRef[]> {
  return db
    .selectFrom('tags as t')
    .innerJoin('repositories as r', 'r.id', 't.repo_id')
    .select(['t.repo_id as repoId', 't.tag', 'r.namespace', 'r.name as repoName'])
    .where('t.instance_id', '=', instanceId)
    .orderBy('r.full_name')
    .orderBy('t.tag')
    .execute()
}

export interface QueueCounts {
  /** Scan tasks newly queued. */
  queued: number
  /** Matching tags whose image already had an unfinished task of the same type. */
  existing: number
}

/**
 * Queues a scan (ACR_SCAN_SERVICE, of the rule's scanType) of every tag the rule matches,
 * each recorded with the trigger and the rule's id. Tags of one image share a task.
 */
export async function queueRuleScans(
  scans: ScanTaskService,
  rule: StoredRule,
  tags: readonly IndexedTagRef[],
  trigger: Omit<ScanTaskTrigger, 'scanRuleId'>,
): Promise<QueueCounts> {
  const counts: QueueCounts = { queued: 0, existing: 0 }
  for (const t of tags) {
    if (!ruleMatches(rule, { namespace: t.namespace, repoName: t.repoName, tag: t.tag })) continue
    const res = await scans
      .create({
        instanceId: rule.instanceId,
        repoId: t.repoId,
        tag: t.tag,
        scanService: 'ACR_SCAN_SERVICE',
        scanType: rule.scanType,
        trigger: { ...trigger, scanRuleId: rule.scanRuleId },
      })
      // A sync removed the tag (or its repository) since it was listed: nothing to scan.
      .catch((err: unknown) => {
        if (err instanceof ApiError && (err.code === 'TAG_NOT_EXIST' || err.code === 'REPO_NOT_EXIST')) return undefined
        throw err
      })
    if (!res) continue
    if (res.existing) counts.existing++
    else counts.queued++
  }
  return counts
}

/** Adds one count to another, for triggers that apply several rules. */
export function addCounts(a: QueueCounts, b: QueueCounts): QueueCounts {
  return { queued: a.queued + b.queued, existing: a.existing + b.existing }
}
