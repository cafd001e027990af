import type { ScanRuleScope, ScanRuleTrigger, ScanRuleType } from '@contract/scan-rules'

export const scopeDisplay: Record<ScanRuleScope, { label: string; hint: string }> = {
  INSTANCE: { label: 'Whole instance', hint: 'Every repository of the instance' },
  NAMESPACE: { label: 'Namespaces', hint: 'Every repository in one or more namespaces' },
  REPO: { label: 'Repositories', hint: 'Some repositories of one namespace' },
}

export const triggerDisplay: Record<ScanRuleTrigger, { label: string; hint: string }> = {
  AUTO: { label: 'On push', hint: 'Scans a matching tag when it is pushed' },
  MANUAL: { label: 'Manual', hint: 'Scans only when you press Run now' },
}

export const scanTypeDisplay: Record<ScanRuleType, { label: string; hint: string }> = {
  VUL: { label: 'Vulnerabilities', hint: 'Packages matched against advisories' },
  SBOM: { label: 'SBOM', hint: 'The package inventory only' },
}
