import type { Selectable } from 'kysely'
import type { Page } from '@contract/common'
import type { CreateScanRuleInput, ScanRule, UpdateScanRuleInput } from '@contract/scan-rules'
import type { Db } from '../db/database'
import type { ScanRuleTable } from '../db/schema'
import { ApiError } from '../errors'
import { newId } from '../ids'
import { getInstance } from '../instances/instance-store'
import type { UpstreamScanRule } from '../providers/provider'
import type { ScanTaskService } from '../scans/scan-service'
import { compileTagPattern, describePatternError } from './rule-matcher'
import { indexedTags, queueRuleScans, toStoredRule } from './rule-scans'
import { upstreamRulesOf } from './upstream-rules'

type RuleRow = Selectable<ScanRuleTable>
/** A rule before the index is asked which of its namespaces and repositories it lacks. */
type BareRule = Omit<ScanRule, 'unknownNamespaces' | 'unknownRepos'>

const ms = (d: Date | string) => new Date(d).getTime()
const asList = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? (JSON.parse(v) as string[]) : [])

/** Postgres (and PGlite) unique_violation. */
const isUniqueViolation = (err: unknown) => typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '23505'

/**
 * Scan rules: CRUD with ACR's checks, and "run now". Every check happens before the one
 * write, so a refused request writes nothing; the unique (instance_id, name) constraint
 * keeps two racing creates from both winning a name. An instance whose upstream keeps
 * its rules (ACR) has them read and written there instead (rules/upstream-rules.ts).
 */
export class ScanRuleService {
  constructor(
    private db: Db,
    private scans: ScanTaskService,
  ) {}

  async create(input: CreateScanRuleInput): Promise<{ scanRuleId: string }> {
    await getInstance(this.db, input.instanceId)
    checkPattern(input.repoTagFilterPattern)
    checkRescan(input.scanType, input.rescanOnAdvisoryUpdate)
    const upstream = await upstreamRulesOf(this.db, input.instanceId)
    if (upstream) return upstream.create(input)
    await this.checkNameFree(input.instanceId, input.ruleName)
    const id = newId('crscnr')
    const now = new Date()
    try {
      await this.db
        .insertInto('scan_rules')
        .values({
          id,
          instance_id: input.instanceId,
          name: input.ruleName,
          scan_scope: input.scanScope,
          trigger_type: input.triggerType,
          scan_type: input.scanType,
          tag_pattern: input.repoTagFilterPattern,
          namespaces: JSON.stringify(input.namespaces),
          repo_names: JSON.stringify(input.repoNames),
          rescan_on_advisory_update: input.rescanOnAdvisoryUpdate,
          created_at: now,
          updated_at: now,
        })
        .execute()
    } catch (err) {
      if (isUniqueViolation(err)) throw nameConflict(input.instanceId, input.ruleName)
      throw err
    }
    return { scanRuleId: id }
  }

  async update(input: UpdateScanRuleInput): Promise<{ scanRuleId: string }> {
    await getInstance(this.db, input.instanceId)
    const upstream = await upstreamRulesOf(this.db, input.instanceId)
    if (upstream) {
      checkPattern(input.repoTagFilterPattern)
      return upstream.update(input)
    }
    const row = await this.row(input.instanceId, input.scanRuleId)
    if (input.scanType !== undefined && input.scanType !== row.scan_type) {
      throw new ApiError('PARAM_INVALID', `The scanType of a rule cannot be changed (it is ${row.scan_type}); delete the rule and create another.`, {
        scanType: [`cannot be changed (the rule is ${row.scan_type})`],
      })
    }
    checkPattern(input.repoTagFilterPattern)
    checkRescan(row.scan_type, input.rescanOnAdvisoryUpdate)
    if (input.ruleName !== row.name) await this.checkNameFree(input.instanceId, input.ruleName)
    try {
      await this.db
        .updateTable('scan_rules')
        .set({
          name: input.ruleName,
          scan_scope: input.scanScope,
          trigger_type: input.triggerType,
          tag_pattern: input.repoTagFilterPattern,
          namespaces: JSON.stringify(input.namespaces),
          repo_names: JSON.stringify(input.repoNames),
          rescan_on_advisory_update: input.rescanOnAdvisoryUpdate,
          updated_at: new Date(),
        })
        .where('id', '=', row.id)
        .execute()
    } catch (err) {
      if (isUniqueViolation(err)) throw nameConflict(input.instanceId, input.ruleName)
      throw err
    }
    return { scanRuleId: row.id }
  }

  async delete(q: { instanceId: string; scanRuleId: string }): Promise<{ ok: true }> {
    await getInstance(this.db, q.instanceId)
    const upstream = await upstreamRulesOf(this.db, q.instanceId)
    if (upstream) {
      await upstream.delete(q.scanRuleId)
      return { ok: true }
    }
    const res = await this.db.deleteFrom('scan_rules').where('instance_id', '=', q.instanceId).where('id', '=', q.scanRuleId).executeTakeFirst()
    if (Number(res.numDeletedRows) === 0) throw notExist(q.instanceId, q.scanRuleId)
    return { ok: true }
  }

  async get(q: { instanceId: string; scanRuleId: string }): Promise<ScanRule> {
    await getInstance(this.db, q.instanceId)
    const upstream = await upstreamRulesOf(this.db, q.instanceId)
    const bare = upstream ? fromUpstream(q.instanceId, await upstream.get(q.scanRuleId)) : fromRow(await this.row(q.instanceId, q.scanRuleId))
    const [rule] = await this.withUnknowns(q.instanceId, [bare])
    if (!rule) throw notExist(q.instanceId, q.scanRuleId)
    return rule
  }

  async list(q: { instanceId: string; scanType?: 'VUL' | 'SBOM' | undefined; pageNo: number; pageSize: number }): Promise<Page<ScanRule>> {
    await getInstance(this.db, q.instanceId)
    const upstream = await upstreamRulesOf(this.db, q.instanceId)
    if (upstream) {
      const page = await upstream.list(q)
      return { ...page, items: await this.withUnknowns(q.instanceId, page.items.map((r) => fromUpstream(q.instanceId, r))) }
    }
    const { rows, total } = await storedRulesPage(this.db, q)
    return { items: await this.withUnknowns(q.instanceId, rows.map(fromRow)), totalCount: total, pageNo: q.pageNo, pageSize: q.pageSize }
  }

  /**
   * "Run now": queues a scan (ACR_SCAN_SERVICE; VUL, or SBOM for an SBOM rule) of every
   * indexed tag the rule matches, recorded as started by the rule and `actor`. Tags of
   * one image share a task, so the second counts as existing.
   */
  async runNow(q: { instanceId: string; scanRuleId: string }, actor: string | null = null): Promise<{ queued: number; existing: number }> {
    const upstream = await upstreamRulesOf(this.db, q.instanceId)
    // An upstream's rule is run here as ours are: its scans are queued, then run upstream.
    const rule = upstream ? { ...(await this.get(q)), instanceId: q.instanceId } : toStoredRule(await this.row(q.instanceId, q.scanRuleId))
    return queueRuleScans(this.scans, rule, await indexedTags(this.db, q.instanceId), { kind: 'RULE', actor, detail: null })
  }

  private async row(instanceId: string, scanRuleId: string): Promise<RuleRow> {
    await getInstance(this.db, instanceId)
    const row = await this.db.selectFrom('scan_rules').selectAll().where('instance_id', '=', instanceId).where('id', '=', scanRuleId).executeTakeFirst()
    if (!row) throw notExist(instanceId, scanRuleId)
    return row
  }

  private async checkNameFree(instanceId: string, name: string) {
    const taken = await this.db.selectFrom('scan_rules').select('id').where('instance_id', '=', instanceId).where('name', '=', name).executeTakeFirst()
    if (taken) throw nameConflict(instanceId, name)
  }

  /** The rules with the namespaces and repositories they name that the index lacks. */
  private async withUnknowns(instanceId: string, rules: BareRule[]): Promise<ScanRule[]> {
    const repos = rules.length
      ? await this.db.selectFrom('repositories').select(['namespace', 'name']).where('instance_id', '=', instanceId).execute()
      : []
    const namespaces = new Set(repos.map((r) => r.namespace))
    const paths = new Set(repos.map((r) => `${r.namespace}\0${r.name}`))
    return rules.map((rule) => ({
      ...rule,
      unknownNamespaces: rule.namespaces.filter((n) => !namespaces.has(n)),
      unknownRepos: rule.scanScope === 'REPO' ? rule.repoNames.filter((n) => !paths.has(`${rule.namespaces[0] ?? ''}\0${n}`)) : [],
    }))
  }
}

/** A stored rule as the API names it, before the index is asked about its names. */
/**
 * A page of the rules in our table for an instance, newest first, with the total: its
 * live rules, or, for an instance whose rules live upstream, the legacy ones.
 */
export function storedRulesPage(db: Db, q: { instanceId: string; scanType?: 'VUL' | 'SBOM' | undefined; pageNo: number; pageSize: number }): Promise<{ rows: RuleRow[]; total: number }> {
  return db.transaction().execute(async (trx) => {
    let base = trx.selectFrom('scan_rules').where('instance_id', '=', q.instanceId)
    if (q.scanType) base = base.where('scan_type', '=', q.scanType)
    const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    const rows = await base
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('seq', 'desc')
      .limit(q.pageSize)
      .offset((q.pageNo - 1) * q.pageSize)
      .execute()
    return { rows, total: Number(n) }
  })
}

export function fromRow(row: RuleRow): BareRule {
  return {
    scanRuleId: row.id,
    instanceId: row.instance_id,
    ruleName: row.name,
    scanScope: row.scan_scope,
    triggerType: row.trigger_type,
    scanType: row.scan_type,
    repoTagFilterPattern: row.tag_pattern,
    namespaces: asList(row.namespaces),
    repoNames: asList(row.repo_names),
    rescanOnAdvisoryUpdate: row.rescan_on_advisory_update,
    createTime: ms(row.created_at),
    updateTime: ms(row.updated_at),
  }
}

/** An upstream's rule under our instance id; upstreams have no advisory rescans. */
const fromUpstream = (instanceId: string, r: UpstreamScanRule): BareRule => ({ ...r, instanceId, rescanOnAdvisoryUpdate: false })

function checkPattern(source: string) {
  const compiled = compileTagPattern(source)
  if (!compiled.ok) {
    const message = describePatternError(compiled)
    throw new ApiError('PARAM_INVALID', `Invalid parameters — repoTagFilterPattern: ${message}`, { repoTagFilterPattern: [message] })
  }
}

/** Only a VUL rule can rescan on advisory updates: an SBOM matches no advisories, so it would not change. */
function checkRescan(scanType: 'VUL' | 'SBOM', rescan: boolean) {
  if (scanType === 'SBOM' && rescan) {
    const message = 'must be false for an SBOM rule: its scans match no advisories, so an advisory update changes nothing'
    throw new ApiError('PARAM_INVALID', `Invalid parameters — rescanOnAdvisoryUpdate: ${message}`, { rescanOnAdvisoryUpdate: [message] })
  }
}

export const notExist = (instanceId: string, scanRuleId: string) =>
  new ApiError('SCAN_RULE_NOT_EXIST', `Scan rule ${scanRuleId} does not exist in instance ${instanceId}.`)
const nameConflict = (instanceId: string, name: string) =>
  new ApiError('SCAN_RULE_NAME_CONFLICT', `Instance ${instanceId} already has a scan rule named ${name}.`, { ruleName: ['is already used by another rule of this instance'] })
