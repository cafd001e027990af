import { describe, expect, it } from 'vitest'
import { operations } from '@contract/operations'
import type { ScanRule } from '@contract/scan-rules'
import { createScanRuleAction, listScanRuleAction, toAcrScanRule, toAcrScanRuleListItem, updateScanRuleAction, withExtensionsOf } from './scan-rule-actions'

const rule: ScanRule = {
  scanRuleId: 'crscnr-k3gdm5vrn2nzf5hw',
  instanceId: 'cri-0123456789abcdef',
  ruleName: 'prod',
  scanScope: 'REPO',
  triggerType: 'AUTO',
  scanType: 'VUL',
  repoTagFilterPattern: 'prod-.*',
  namespaces: ['demo'],
  repoNames: ['shop-app'],
  rescanOnAdvisoryUpdate: true,
  createTime: 1_702_361_810_000,
  updateTime: 1_764_122_725_000,
  unknownNamespaces: [],
  unknownRepos: [],
}
const wire = (o: Record<string, string>) => new Map(Object.entries(o))

describe('scan rule mapping', () => {
  it('GetScanRule’s ScanRule has InstanceId and real arrays; ListScanRule’s items have no InstanceId', () => {
    expect(toAcrScanRule(rule)).toEqual({
      ScanRuleId: 'crscnr-k3gdm5vrn2nzf5hw',
      InstanceId: 'cri-0123456789abcdef',
      RuleName: 'prod',
      ScanScope: 'REPO',
      TriggerType: 'AUTO',
      ScanType: 'VUL',
      RepoTagFilterPattern: 'prod-.*',
      Namespaces: ['demo'],
      RepoNames: ['shop-app'],
      CreateTime: 1_702_361_810_000,
      UpdateTime: 1_764_122_725_000,
    })
    expect(toAcrScanRuleListItem(rule)).not.toHaveProperty('InstanceId')
  })

  it('reads Namespaces and RepoNames sent as JSON-array strings, as the SDKs send them', () => {
    const input = createScanRuleAction.toInput(
      wire({ InstanceId: rule.instanceId, RuleName: 'r', ScanScope: 'REPO', TriggerType: 'MANUAL', RepoTagFilterPattern: '.*', Namespaces: '["demo"]', RepoNames: '["a","b"]' }),
    )
    const parsed = operations.createScanRule.input.parse(input)
    expect(parsed).toMatchObject({ namespaces: ['demo'], repoNames: ['a', 'b'], scanType: 'VUL' })
  })

  it('UpdateScanRule never sends ScanType, and keeps the rule’s extension fields an ACR client cannot send', () => {
    expect(updateScanRuleAction.toInput(wire({ ScanType: 'SBOM', ScanRuleId: rule.scanRuleId }))).not.toHaveProperty('scanType')
    const update = operations.updateScanRule.input.parse({
      instanceId: rule.instanceId,
      scanRuleId: rule.scanRuleId,
      ruleName: 'renamed',
      scanScope: 'INSTANCE',
      triggerType: 'MANUAL',
      repoTagFilterPattern: '.*',
    })
    const merged = withExtensionsOf(rule, update)
    expect(merged).toMatchObject({ ruleName: 'renamed', scanScope: 'INSTANCE', namespaces: [], repoNames: [], rescanOnAdvisoryUpdate: true })
    expect(merged).not.toHaveProperty('createTime')
  })

  it('ListScanRule lists VUL rules when ScanType is left out, as ACR does', () => {
    expect(listScanRuleAction.toInput(wire({ InstanceId: rule.instanceId }))).toEqual({ instanceId: rule.instanceId, scanType: 'VUL' })
    expect(listScanRuleAction.toInput(wire({ ScanType: 'SBOM' })).scanType).toBe('SBOM')
  })
})
