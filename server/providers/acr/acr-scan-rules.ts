import type { CreateScanRuleInput, ScanRuleType, UpdateScanRuleInput } from '@contract/scan-rules'
import { ApiError } from '../../errors'
import type { ConnectionOf, UpstreamScanRule, UpstreamScanRules } from '../provider'
import type { AcrClient } from './acr-client'
import { acrPages } from './acr-pages'
import { acrOkAnswer, getScanRuleAnswer, listScanRuleAnswer, scanRuleIdAnswer, type AcrScanRuleItem } from './acr-schemas'

type AcrConnection = ConnectionOf<'ACR'>

/**
 * ACR's own scan rules (CreateScanRule, GetScanRule, ListScanRule, UpdateScanRule,
 * DeleteScanRule; acr-api.md §4) behind our rule operations. Namespaces and RepoNames go
 * as JSON-array strings, as the SDKs send them. ACR has no advisory rescans, so a rule
 * asking for one is refused rather than stored without it.
 */
export class AcrScanRules implements UpstreamScanRules<'ACR'> {
  constructor(private readonly clientOf: (conn: AcrConnection) => AcrClient) {}

  async create(conn: AcrConnection, input: CreateScanRuleInput): Promise<{ scanRuleId: string }> {
    refuseRescan(input.rescanOnAdvisoryUpdate)
    const answer = await this.clientOf(conn).call('CreateScanRule', { ...ruleParams(conn, input), ScanType: input.scanType }, scanRuleIdAnswer, { what: `creating scan rule ${input.ruleName}` })
    return { scanRuleId: answer.ScanRuleId }
  }

  async get(conn: AcrConnection, scanRuleId: string): Promise<UpstreamScanRule> {
    const answer = await this.clientOf(conn).call('GetScanRule', { InstanceId: conn.acrInstanceId, ScanRuleId: scanRuleId }, getScanRuleAnswer, { what: `reading scan rule ${scanRuleId}` })
    return fromAcr(answer.ScanRule)
  }

  /**
   * ACR lists one type at a time (VUL when ScanType is left out); without a type we list
   * both. Rules are few, so every page is read and the page asked for is cut here.
   */
  async list(conn: AcrConnection, q: { scanType?: ScanRuleType | undefined; pageNo: number; pageSize: number }) {
    const client = this.clientOf(conn)
    const all: UpstreamScanRule[] = []
    for (const scanType of q.scanType ? [q.scanType] : (['VUL', 'SBOM'] as const)) {
      const items = await acrPages((PageNo, PageSize) =>
        client
          .call('ListScanRule', { InstanceId: conn.acrInstanceId, ScanType: scanType, PageNo, PageSize }, listScanRuleAnswer, { what: 'listing scan rules', method: 'GET' })
          .then((a) => ({ items: a.ScanRules, total: a.TotalCount })),
      )
      // A rule of the other type (an endpoint ignoring the filter) is not this list's.
      all.push(...items.map(fromAcr).filter((r) => r.scanType === scanType))
    }
    all.sort((a, b) => b.createTime - a.createTime)
    const start = (q.pageNo - 1) * q.pageSize
    return { items: all.slice(start, start + q.pageSize), totalCount: all.length, pageNo: q.pageNo, pageSize: q.pageSize }
  }

  async update(conn: AcrConnection, input: UpdateScanRuleInput): Promise<{ scanRuleId: string }> {
    refuseRescan(input.rescanOnAdvisoryUpdate)
    const client = this.clientOf(conn)
    // UpdateScanRule cannot change (or send) ScanType; refuse a change as our own rules do.
    if (input.scanType !== undefined) {
      const current = await this.get(conn, input.scanRuleId)
      if (current.scanType !== input.scanType) {
        throw new ApiError('PARAM_INVALID', `The scanType of a rule cannot be changed (it is ${current.scanType}); delete the rule and create another.`, {
          scanType: [`cannot be changed (the rule is ${current.scanType})`],
        })
      }
    }
    const answer = await client.call('UpdateScanRule', { ...ruleParams(conn, input), ScanRuleId: input.scanRuleId }, scanRuleIdAnswer, { what: `updating scan rule ${input.scanRuleId}` })
    return { scanRuleId: answer.ScanRuleId || input.scanRuleId }
  }

  async delete(conn: AcrConnection, scanRuleId: string): Promise<void> {
    await this.clientOf(conn).call('DeleteScanRule', { InstanceId: conn.acrInstanceId, ScanRuleId: scanRuleId }, acrOkAnswer, { what: `deleting scan rule ${scanRuleId}` })
  }
}

function ruleParams(conn: AcrConnection, r: CreateScanRuleInput | UpdateScanRuleInput) {
  return {
    InstanceId: conn.acrInstanceId,
    RuleName: r.ruleName,
    ScanScope: r.scanScope,
    TriggerType: r.triggerType,
    RepoTagFilterPattern: r.repoTagFilterPattern,
    Namespaces: JSON.stringify(r.namespaces),
    RepoNames: JSON.stringify(r.repoNames),
  }
}

function refuseRescan(rescan: boolean) {
  if (rescan) throw new ApiError('OPERATION_NOT_SUPPORTED', 'ACR scan rules cannot rescan on advisory updates: ACR keeps the rule and has no such setting. Leave rescanOnAdvisoryUpdate off.')
}

/** ACR's rule with our names; times ACR leaves out read as 0 rather than as now. */
export function fromAcr(r: AcrScanRuleItem): UpstreamScanRule {
  return {
    scanRuleId: r.ScanRuleId,
    ruleName: r.RuleName,
    scanScope: r.ScanScope,
    triggerType: r.TriggerType,
    scanType: r.ScanType,
    repoTagFilterPattern: r.RepoTagFilterPattern,
    namespaces: r.Namespaces,
    repoNames: r.RepoNames,
    createTime: r.CreateTime ?? 0,
    updateTime: r.UpdateTime ?? 0,
  }
}
