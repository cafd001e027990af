/** The scan rules page of an instance. */
export function scanRulesPath(instanceId: string): string {
  return `/instances/${instanceId}/rules`
}

/** The page of a new rule's form. */
export function newScanRulePath(instanceId: string): string {
  return `${scanRulesPath(instanceId)}/new`
}

/** One rule: what it is, what it matches now and the scans it started. */
export function scanRulePath(instanceId: string, scanRuleId: string): string {
  return `${scanRulesPath(instanceId)}/${scanRuleId}`
}

export function editScanRulePath(instanceId: string, scanRuleId: string): string {
  return `${scanRulePath(instanceId, scanRuleId)}/edit`
}
