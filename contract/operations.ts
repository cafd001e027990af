import { z } from 'zod'
import {
  createInstanceBody,
  instance,
  instanceConnection,
  instanceIdBody,
  instanceIdQuery,
  instancePage,
  listInstanceQuery,
  testInstanceConnectionResult,
} from './instances'
import { defineOperation } from './operation'
import {
  getRepoTagQuery,
  getRepositoryQuery,
  listNamespaceQuery,
  listRepoTagQuery,
  listRepositoryQuery,
  namespacePage,
  repoTag,
  repoTagPage,
  repository,
  repositoryPage,
} from './repositories'
import {
  createScanRuleBody,
  listScanRuleQuery,
  runScanRuleResult,
  scanRule,
  scanRuleIdResult,
  scanRulePage,
  scanRuleRef,
  updateScanRuleBody,
} from './scan-rules'
import {
  baselinePage,
  createRepoTagScanTaskBody,
  createRepoTagScanTaskResult,
  getImageReportQuery,
  getRepoTagScanStatusQuery,
  getRepoTagScanSummaryQuery,
  imageReportView,
  listRepoTagScanResultQuery,
  listScanBaselineByTaskQuery,
  listScanMaliciousFileByTaskQuery,
  listScanTaskQuery,
  maliciousPage,
  scanSummary,
  scanTask,
  scanTaskPage,
  vulnerabilityPage,
} from './scans'

const ok = z.object({ ok: z.literal(true) })

/** Every operation the API serves, by name. */
export const operations = {
  listInstance: defineOperation({
    name: 'listInstance',
    method: 'GET',
    tag: 'Instances',
    summary: 'List registry instances',
    input: listInstanceQuery,
    output: instancePage,
  }),
  getInstance: defineOperation({
    name: 'getInstance',
    method: 'GET',
    tag: 'Instances',
    summary: 'Get one instance',
    input: instanceIdQuery,
    output: instance,
  }),
  createInstance: defineOperation({
    name: 'createInstance',
    method: 'POST',
    tag: 'Instances',
    summary: 'Add a registry or image directory',
    description:
      'Checks the connection first (reachability and credentials); nothing is stored when the check fails. ' +
      'The repository and tag index is then built in the background (syncStatus).',
    input: createInstanceBody,
    output: instance,
  }),
  testInstanceConnection: defineOperation({
    name: 'testInstanceConnection',
    method: 'POST',
    tag: 'Instances',
    summary: 'Check a connection without saving it',
    input: instanceConnection,
    output: testInstanceConnectionResult,
  }),
  syncInstance: defineOperation({
    name: 'syncInstance',
    method: 'POST',
    tag: 'Instances',
    summary: "Refresh the index of an instance's repositories and tags",
    input: instanceIdBody,
    output: instance,
  }),
  deleteInstance: defineOperation({
    name: 'deleteInstance',
    method: 'POST',
    tag: 'Instances',
    summary: 'Remove an instance and everything indexed from it',
    input: instanceIdBody,
    output: ok,
  }),
  listNamespace: defineOperation({
    name: 'listNamespace',
    method: 'GET',
    tag: 'Repositories',
    summary: 'List the namespaces of an instance',
    input: listNamespaceQuery,
    output: namespacePage,
  }),
  listRepository: defineOperation({
    name: 'listRepository',
    method: 'GET',
    tag: 'Repositories',
    summary: 'List repositories, with search and sort',
    input: listRepositoryQuery,
    output: repositoryPage,
  }),
  getRepository: defineOperation({
    name: 'getRepository',
    method: 'GET',
    tag: 'Repositories',
    summary: 'Get one repository by repoId, or by namespace and name',
    input: getRepositoryQuery,
    output: repository,
  }),
  listRepoTag: defineOperation({
    name: 'listRepoTag',
    method: 'GET',
    tag: 'Repositories',
    summary: 'List the tags of a repository',
    input: listRepoTagQuery,
    output: repoTagPage,
  }),
  getRepoTag: defineOperation({
    name: 'getRepoTag',
    method: 'GET',
    tag: 'Repositories',
    summary: 'Get one tag of a repository by its exact name',
    description: 'TAG_NOT_EXIST when the repository has no such tag in the index; REPO_NOT_EXIST when the repository is unknown.',
    input: getRepoTagQuery,
    output: repoTag,
  }),
  createRepoTagScanTask: defineOperation({
    name: 'createRepoTagScanTask',
    method: 'POST',
    tag: 'Scans',
    summary: 'Queue a scan of one image tag',
    description:
      'Queues a durable scan task of the image the tag points to and returns its scanTaskId (ACR returns none). ' +
      'An unfinished task for the same image, scanService and platform is returned instead of a second one. ' +
      'INSTANCE_NOT_EXIST, REPO_NOT_EXIST, TAG_NOT_EXIST for unknown ids; nothing is written then.',
    input: createRepoTagScanTaskBody,
    output: createRepoTagScanTaskResult,
  }),
  getRepoTagScanStatus: defineOperation({
    name: 'getRepoTagScanStatus',
    method: 'GET',
    tag: 'Scans',
    summary: 'Status of a scan task, or of the latest scan of a tag',
    description:
      'By scanTaskId, or by instanceId + repoId + tag (+ digest, default the tag’s current digest): the newest task of that image, whatever its status. ' +
      'SCAN_NOT_FOUND when the image was never scanned; SCAN_TASK_NOT_EXIST for an unknown scanTaskId.',
    input: getRepoTagScanStatusQuery,
    output: scanTask,
  }),
  getRepoTagScanSummary: defineOperation({
    name: 'getRepoTagScanSummary',
    method: 'GET',
    tag: 'Scans',
    summary: 'Vulnerability counts by severity, and baseline and malicious-file counts',
    description:
      'Counts of the scan (by scanTaskId, or the newest COMPLETE scan of the tag’s image). ACR’s highSeverity has no Critical bucket; ' +
      'we count Critical apart in criticalSeverity, so totalSeverity = critical + high + medium + low + unknown. ' +
      'SCAN_NOT_COMPLETE (409) while the scan runs, SCAN_FAILED (409) when it failed, SCAN_NOT_FOUND when there is none.',
    input: getRepoTagScanSummaryQuery,
    output: scanSummary,
  }),
  listRepoTagScanResult: defineOperation({
    name: 'listRepoTagScanResult',
    method: 'GET',
    tag: 'Scans',
    summary: 'Vulnerabilities of a scan, filtered, sorted and paged',
    description:
      'One row per vulnerable package and vulnerability. Filters: severity, scanType (cve|sca), vulQueryKey (CVE id, alias, package or description), ' +
      'filterValue=FixCmd (rows reduced to their fix command). totalCount with no filter equals the summary’s totalSeverity.',
    input: listRepoTagScanResultQuery,
    output: vulnerabilityPage,
  }),
  listScanBaselineByTask: defineOperation({
    name: 'listScanBaselineByTask',
    method: 'GET',
    tag: 'Scans',
    summary: 'Baseline (configuration) risks of a scan',
    description: 'Found by SAS_SCAN_SERVICE scans; an ACR_SCAN_SERVICE scan answers an empty list. Highest level first.',
    input: listScanBaselineByTaskQuery,
    output: baselinePage,
  }),
  listScanMaliciousFileByTask: defineOperation({
    name: 'listScanMaliciousFileByTask',
    method: 'GET',
    tag: 'Scans',
    summary: 'Malicious files found by a scan',
    description: 'Found by SAS_SCAN_SERVICE scans; an ACR_SCAN_SERVICE scan answers an empty list. serious first.',
    input: listScanMaliciousFileByTaskQuery,
    output: maliciousPage,
  }),
  listScanTask: defineOperation({
    name: 'listScanTask',
    method: 'GET',
    tag: 'Scans',
    summary: 'Scan tasks of an instance, newest first',
    input: listScanTaskQuery,
    output: scanTaskPage,
  }),
  getImageReport: defineOperation({
    name: 'getImageReport',
    method: 'GET',
    tag: 'Scans',
    summary: 'The whole report of a completed scan, in StackRox’s image model',
    description:
      'Metadata (digest, platform, OS, layers with the instruction that made each), components with their vulnerabilities (CVSS v2/v3), ' +
      'StackRox scan notes (OS_UNAVAILABLE, PARTIAL_SCAN_DATA, …), the engine’s own notes and the advisory database’s age.',
    input: getImageReportQuery,
    output: imageReportView,
  }),
  createScanRule: defineOperation({
    name: 'createScanRule',
    method: 'POST',
    tag: 'Scan rules',
    summary: 'Create a scan rule',
    description:
      'Scope rules: INSTANCE takes no namespaces or repoNames; NAMESPACE needs one or more namespaces and no repoNames; REPO needs exactly one namespace ' +
      'and one or more repoNames. repoTagFilterPattern is RE2 syntax matched against the whole tag name. Namespaces and repositories that do not exist ' +
      'yet are allowed (getScanRule flags them). SCAN_RULE_NAME_CONFLICT when the instance has a rule of that name; nothing is written on any error.',
    input: createScanRuleBody,
    output: scanRuleIdResult,
  }),
  getScanRule: defineOperation({
    name: 'getScanRule',
    method: 'GET',
    tag: 'Scan rules',
    summary: 'Get one scan rule',
    description: 'SCAN_RULE_NOT_EXIST when the instance has no such rule.',
    input: scanRuleRef,
    output: scanRule,
  }),
  listScanRule: defineOperation({
    name: 'listScanRule',
    method: 'GET',
    tag: 'Scan rules',
    summary: 'Scan rules of an instance, newest first',
    input: listScanRuleQuery,
    output: scanRulePage,
  }),
  updateScanRule: defineOperation({
    name: 'updateScanRule',
    method: 'POST',
    tag: 'Scan rules',
    summary: 'Replace a scan rule (scanType cannot change)',
    description: 'A full replace with the same rules as createScanRule. scanType cannot be changed: delete the rule and create another.',
    input: updateScanRuleBody,
    output: scanRuleIdResult,
  }),
  deleteScanRule: defineOperation({
    name: 'deleteScanRule',
    method: 'POST',
    tag: 'Scan rules',
    summary: 'Delete a scan rule',
    description: 'SCAN_RULE_NOT_EXIST when the instance has no such rule.',
    input: scanRuleRef,
    output: ok,
  }),
  runScanRule: defineOperation({
    name: 'runScanRule',
    method: 'POST',
    tag: 'Scan rules',
    summary: 'Run a scan rule now: queue a scan of every indexed tag it matches',
    description:
      'Extension (not in ACR). Queues an ACR_SCAN_SERVICE scan task of every tag in the index that the rule matches; a tag whose image already has ' +
      'an unfinished task counts as existing. VUL rules only: SBOM rules answer OPERATION_NOT_SUPPORTED for now.',
    input: scanRuleRef,
    output: runScanRuleResult,
  }),
} as const

export type Operations = typeof operations
export type OperationName = keyof Operations
