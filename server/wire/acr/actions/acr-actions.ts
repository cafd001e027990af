import { bindAction, type AcrHandler } from './acr-action'
import { getInstanceAction, getRepositoryAction, getRepoTagAction, listInstanceAction, listNamespaceAction, listRepoTagAction, listRepositoryAction } from './browse-actions'
import { listScanBaselineByTaskAction, listScanMaliciousFileByTaskAction } from './scan-finding-actions'
import { createScanRuleAction, deleteScanRuleAction, getScanRuleAction, listScanRuleAction, updateScanRuleAction } from './scan-rule-actions'
import { createRepoTagScanTaskAction, getRepoTagScanStatusAction, getRepoTagScanSummaryAction, listRepoTagScanResultAction } from './scan-task-actions'

/**
 * Every Action the endpoint answers, by ACR's name. The SDKs send each with a fixed HTTP
 * method (acr-api.md §2), but other clients do not, so any Action is accepted by GET and
 * by POST; the signature covers the method either way. A Map, so `Action=constructor`
 * finds nothing.
 */
export const acrActions: ReadonlyMap<string, AcrHandler> = new Map([
  ['CreateRepoTagScanTask', bindAction(createRepoTagScanTaskAction)],
  ['GetRepoTagScanStatus', bindAction(getRepoTagScanStatusAction)],
  ['GetRepoTagScanSummary', bindAction(getRepoTagScanSummaryAction)],
  ['ListRepoTagScanResult', bindAction(listRepoTagScanResultAction)],
  ['ListScanBaselineByTask', bindAction(listScanBaselineByTaskAction)],
  ['ListScanMaliciousFileByTask', bindAction(listScanMaliciousFileByTaskAction)],
  ['CreateScanRule', bindAction(createScanRuleAction)],
  ['GetScanRule', bindAction(getScanRuleAction)],
  ['ListScanRule', bindAction(listScanRuleAction)],
  ['UpdateScanRule', bindAction(updateScanRuleAction)],
  ['DeleteScanRule', bindAction(deleteScanRuleAction)],
  ['ListInstance', bindAction(listInstanceAction)],
  ['GetInstance', bindAction(getInstanceAction)],
  ['ListNamespace', bindAction(listNamespaceAction)],
  ['ListRepository', bindAction(listRepositoryAction)],
  ['GetRepository', bindAction(getRepositoryAction)],
  ['ListRepoTag', bindAction(listRepoTagAction)],
  ['GetRepoTag', bindAction(getRepoTagAction)],
])
