import { z } from 'zod'
import { operations } from '@contract/operations'
import type { ScanRule, UpdateScanRuleInput } from '@contract/scan-rules'
import { acrScanRuleFields } from '../../../providers/acr/acr-schemas'
import { camelParams, defineAcrAction, pageFields } from './acr-action'

/**
 * CreateScanRule, GetScanRule, ListScanRule, UpdateScanRule and DeleteScanRule
 * (acr-api.md §4). Namespaces and RepoNames arrive as JSON-array strings (or in the
 * repeat-list form) and the contract parses both. Create and Update answer a numeric
 * Code and no IsSuccess; Delete a string Code and no IsSuccess, as the SDK models say.
 */

const RULE_PARAMS = ['InstanceId', 'RuleName', 'ScanScope', 'TriggerType', 'RepoTagFilterPattern', 'Namespaces', 'RepoNames'] as const

export const acrScanRule = z.object({ ...acrScanRuleFields, InstanceId: z.string() })
/** ListScanRule's items are GetScanRule's ScanRule without InstanceId. */
export const acrScanRuleListItem = z.object(acrScanRuleFields)

export const toAcrScanRuleListItem = (r: ScanRule): z.input<typeof acrScanRuleListItem> => ({
  ScanRuleId: r.scanRuleId,
  RuleName: r.ruleName,
  ScanScope: r.scanScope,
  TriggerType: r.triggerType,
  ScanType: r.scanType,
  RepoTagFilterPattern: r.repoTagFilterPattern,
  Namespaces: r.namespaces,
  RepoNames: r.repoNames,
  CreateTime: r.createTime,
  UpdateTime: r.updateTime,
})
export const toAcrScanRule = (r: ScanRule): z.input<typeof acrScanRule> => ({ ...toAcrScanRuleListItem(r), InstanceId: r.instanceId })

/** The update fields ACR's UpdateScanRule can express; the rest of the input schema are our extensions. */
const ACR_UPDATE_FIELDS = new Set(['instanceId', 'scanRuleId', 'ruleName', 'scanScope', 'triggerType', 'repoTagFilterPattern', 'namespaces', 'repoNames', 'scanType'])

/**
 * UpdateScanRule is a full replace of what ACR knows, but an ACR client cannot send our
 * extension fields (say, rescan on advisory updates): those keep the rule's current
 * values instead of falling back to their defaults.
 *
 * @example
 * withExtensionsOf(current, parsedUpdate).rescanOnAdvisoryUpdate === current.rescanOnAdvisoryUpdate
 */
export function withExtensionsOf(current: ScanRule, update: UpdateScanRuleInput): UpdateScanRuleInput {
  const extensionKeys = Object.keys(operations.updateScanRule.input.shape).filter((k) => !ACR_UPDATE_FIELDS.has(k))
  const carried = Object.fromEntries(extensionKeys.filter((k) => k in current).map((k) => [k, current[k as keyof ScanRule]]))
  return { ...update, ...carried }
}

export const createScanRuleAction = defineAcrAction({
  input: operations.createScanRule.input,
  toInput: (wire) => camelParams(wire, [...RULE_PARAMS, 'ScanType']),
  run: (s, body) => s.rules.create(body),
  response: z.object({ ScanRuleId: z.string() }),
  toResponse: (r) => ({ ScanRuleId: r.scanRuleId }),
  code: 'number',
  isSuccess: false,
  audit: 'createScanRule',
})

export const updateScanRuleAction = defineAcrAction({
  input: operations.updateScanRule.input,
  // ACR's UpdateScanRule has no ScanType: the type of a rule never changes.
  toInput: (wire) => camelParams(wire, [...RULE_PARAMS, 'ScanRuleId']),
  run: async (s, body) => s.rules.update(withExtensionsOf(await s.rules.get(body), body)),
  response: z.object({ ScanRuleId: z.string() }),
  toResponse: (r) => ({ ScanRuleId: r.scanRuleId }),
  code: 'number',
  isSuccess: false,
  audit: 'updateScanRule',
})

export const getScanRuleAction = defineAcrAction({
  input: operations.getScanRule.input,
  toInput: (wire) => camelParams(wire, ['InstanceId', 'ScanRuleId']),
  run: (s, q) => s.rules.get(q),
  response: z.object({ ScanRule: acrScanRule }),
  toResponse: (r) => ({ ScanRule: toAcrScanRule(r) }),
  code: 'string',
  isSuccess: true,
})

export const listScanRuleAction = defineAcrAction({
  input: operations.listScanRule.input,
  // ACR lists VUL rules when ScanType is left out; our operation would list both types.
  toInput: (wire) => ({ scanType: 'VUL', ...camelParams(wire, ['InstanceId', 'ScanType', 'PageNo', 'PageSize']) }),
  run: (s, q) => s.rules.list(q),
  response: z.object({ ScanRules: z.array(acrScanRuleListItem), TotalCount: z.number().int(), PageNo: z.number().int(), PageSize: z.number().int() }),
  toResponse: (page) => ({ ScanRules: page.items.map(toAcrScanRuleListItem), ...pageFields(page) }),
  code: 'string',
  isSuccess: true,
})

export const deleteScanRuleAction = defineAcrAction({
  input: operations.deleteScanRule.input,
  toInput: (wire) => camelParams(wire, ['InstanceId', 'ScanRuleId']),
  run: (s, q) => s.rules.delete(q),
  response: z.object({}),
  toResponse: () => ({}),
  code: 'string',
  isSuccess: false,
  audit: 'deleteScanRule',
})
