import { z } from 'zod'
import { auditEventPage, listAuditEventQuery } from './audit'
import {
  apiToken,
  apiTokenPage,
  createApiTokenBody,
  createApiTokenResult,
  createSessionBody,
  deleteSessionBody,
  getSessionQuery,
  listApiTokenQuery,
  revokeApiTokenBody,
  session,
} from './auth'
import {
  createInstanceBody,
  instance,
  instanceConnection,
  instanceIdBody,
  instanceIdQuery,
  instancePage,
  instanceTriggers,
  listInstanceQuery,
  setInstanceTriggersBody,
  setInstanceTriggersResult,
  testInstanceConnectionResult,
} from './instances'
import {
  createVulnExceptionBody,
  createVulnExceptionResult,
  decideVulnExceptionBody,
  getFindingExceptionsQuery,
  findingExceptions,
  getVulnExceptionQuery,
  listVulnExceptionQuery,
  listVulnFindingStateQuery,
  vulnException,
  vulnExceptionPage,
  vulnExceptionWithHistory,
  vulnFindingStatePage,
  withdrawVulnExceptionBody,
} from './exceptions'
import { compareScansQuery, scanComparison } from './compare'
import { getScanFixPlanQuery, scanFixPlan } from './fix-plan'
import { defineOperation } from './operation'
import { getScanOverviewQuery, listScanComponentQuery, scanComponentPage, scanOverview } from './report-overview'
import { previewScanRuleQuery, scanRulePreview } from './scan-rule-preview'
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
  legacyScanRulePage,
  listLegacyScanRuleQuery,
  listScanRuleQuery,
  moveLegacyScanRuleResult,
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
  getInstanceTriggers: defineOperation({
    name: 'getInstanceTriggers',
    method: 'GET',
    tag: 'Instances',
    summary: 'The registry webhook and poll settings of an instance',
    description: 'Extension (not in ACR). Never answers the webhook secret: only whether one is set.',
    input: instanceIdQuery,
    output: instanceTriggers,
  }),
  setInstanceTriggers: defineOperation({
    name: 'setInstanceTriggers',
    method: 'POST',
    tag: 'Instances',
    summary: 'Set or rotate the webhook secret, and set the poll interval',
    description:
      'Extension (not in ACR). A registry that posts its notifications (CNCF distribution, `application/vnd.docker.distribution.events.v1+json`) ' +
      'to POST /api/hooks/registry/{instanceId} with the secret in the X-Layerscope-Webhook-Secret header has every pushed tag indexed, and ' +
      'scanned when an AUTO scan rule matches it (trigger PUSH). With a poll interval the server re-syncs the instance that often and scans ' +
      'new and moved tags that AUTO rules match (trigger POLL). ROTATE answers the new secret once; only its hash is kept.',
    input: setInstanceTriggersBody,
    output: setInstanceTriggersResult,
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
      'StackRox scan notes (OS_UNAVAILABLE, PARTIAL_SCAN_DATA, …), the engine’s own notes and the advisory database’s age. ' +
      'With components=false, everything but the components list (a report page’s header and tab counts).',
    input: getImageReportQuery,
    output: imageReportView,
  }),
  getScanOverview: defineOperation({
    name: 'getScanOverview',
    method: 'GET',
    tag: 'Scans',
    summary: 'Aggregates of a completed scan for its overview: severities, CVSS metrics, scores, fixes, layers',
    description:
      'Extension (not in ACR). Counts by severity and fixable, CVSS v3 and v2 metric breakdowns, a score histogram (bins of 1.0), ' +
      'the packages whose upgrade removes the most critical findings, findings per layer with its instruction and size, and baseline ' +
      'and malicious-file counts by level. Each breakdown counts listRepoTagScanResult rows and names the filter that lists them.',
    input: getScanOverviewQuery,
    output: scanOverview,
  }),
  listScanComponent: defineOperation({
    name: 'listScanComponent',
    method: 'GET',
    tag: 'Scans',
    summary: 'Packages found by a completed scan, with their findings by severity; filtered, sorted and paged',
    description: 'Extension (not in ACR). One row per package version and location, as getImageReport components.',
    input: listScanComponentQuery,
    output: scanComponentPage,
  }),
  getScanFixPlan: defineOperation({
    name: 'getScanFixPlan',
    method: 'GET',
    tag: 'Scans',
    summary: 'The fix plan of a completed scan: one upgrade per package, the biggest risk removed first',
    description:
      'Extension (not in ACR). Per package, the upgrade to the latest fixed version among its findings, with its command, the findings it ' +
      'closes and those that remain (no fix known); ordered by the sum of the closed findings’ CVSS scores. Says which layers came from the ' +
      'base image (from the layers’ history) and gives a Dockerfile snippet with one RUN per package manager.',
    input: getScanFixPlanQuery,
    output: scanFixPlan,
  }),
  compareScans: defineOperation({
    name: 'compareScans',
    method: 'GET',
    tag: 'Scans',
    summary: 'New, fixed and unchanged vulnerabilities of a scan against another',
    description:
      'Extension (not in ACR). Vulnerabilities are matched by CVE and package name. The other scan is a task of the same instance ' +
      '(baseScanTaskId), or the newest COMPLETE scan of a tag (baseTag, its current digest) or a digest (baseDigest) of the same repository.',
    input: compareScansQuery,
    output: scanComparison,
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
      'Extension (not in ACR). Queues an ACR_SCAN_SERVICE scan task of every tag in the index that the rule matches, of the rule’s scanType ' +
      '(VUL: vulnerabilities; SBOM: the package inventory only, its CycloneDX SBOM kept with the task), recorded with trigger RULE and the rule’s id; ' +
      'a tag whose image already has an unfinished task of that type counts as existing.',
    input: scanRuleRef,
    output: runScanRuleResult,
  }),
  previewScanRule: defineOperation({
    name: 'previewScanRule',
    method: 'GET',
    tag: 'Scan rules',
    summary: 'Which indexed tags a rule would match now, without saving it',
    description:
      'Extension (not in ACR). Takes a rule’s scope, namespaces, repoNames and repoTagFilterPattern (saved or not) and answers the indexed tags they ' +
      'match, by repository path then tag, paged (pageSize default 20), with counts and the namespaces and repositories the index lacks. ' +
      'Same checks as createScanRule: an invalid pattern is PARAM_INVALID with the reason and position. Writes nothing.',
    input: previewScanRuleQuery,
    output: scanRulePreview,
  }),
  listLegacyScanRule: defineOperation({
    name: 'listLegacyScanRule',
    method: 'GET',
    tag: 'Scan rules',
    summary: 'Rules saved in Layerscope before the instance’s rules moved upstream, newest first',
    description:
      'Extension (not in ACR). An ACR instance’s scan rules are ACR’s own (listScanRule reads them there); rules saved in Layerscope for it before ' +
      'that no longer run. This lists them, to create each upstream (moveLegacyScanRule) or delete it (deleteLegacyScanRule). ' +
      'Empty for an instance whose rules are kept in Layerscope.',
    input: listLegacyScanRuleQuery,
    output: legacyScanRulePage,
  }),
  moveLegacyScanRule: defineOperation({
    name: 'moveLegacyScanRule',
    method: 'POST',
    tag: 'Scan rules',
    summary: 'Create a legacy rule upstream, then remove the Layerscope copy',
    description:
      'Extension (not in ACR). Creates the rule in the upstream (ACR CreateScanRule) with its name, scope, trigger, type and pattern, then deletes ' +
      'the copy kept in Layerscope. ACR has no advisory rescans, so that setting is not carried over. When the upstream refuses or fails, the copy is ' +
      'kept and the upstream’s error is answered. SCAN_RULE_NOT_EXIST for an unknown id (or one already moved); SCAN_RULE_MOVE_IN_PROGRESS (409) ' +
      'while another request (on any server sharing the database) is moving the same rule; OPERATION_NOT_SUPPORTED for an instance whose ' +
      'rules are kept in Layerscope.',
    input: scanRuleRef,
    output: moveLegacyScanRuleResult,
  }),
  deleteLegacyScanRule: defineOperation({
    name: 'deleteLegacyScanRule',
    method: 'POST',
    tag: 'Scan rules',
    summary: 'Delete a legacy rule kept in Layerscope',
    description:
      'Extension (not in ACR). Deletes a rule listLegacyScanRule lists; the upstream is not called. SCAN_RULE_NOT_EXIST for an unknown id; ' +
      'OPERATION_NOT_SUPPORTED for an instance whose rules are kept in Layerscope (deleteScanRule deletes those).',
    input: scanRuleRef,
    output: ok,
  }),
  createVulnException: defineOperation({
    name: 'createVulnException',
    method: 'POST',
    tag: 'Exceptions',
    summary: 'Request a deferral or a false-positive mark for one or more findings of a scan',
    description:
      'Extension (not in ACR; StackRox deferrals and false positives). One PENDING exception per finding (cveName + componentId of ' +
      'listRepoTagScanResult), scoped to the scanned digest, every tag of its repository, or every image of the instance with that package ' +
      'version. A DEFERRAL needs expiry (TWO_WEEKS, THIRTY_DAYS, NINETY_DAYS from the approval, UNTIL_FIXED, or DATE with expiresAt); every ' +
      'request needs a reason and an OpenVEX justification. Needs the operator role. FINDING_NOT_EXIST for a finding the scan lacks, ' +
      'VULN_EXCEPTION_DUPLICATE when one is already pending or approved in that scope; nothing is written on any error.',
    input: createVulnExceptionBody,
    output: createVulnExceptionResult,
  }),
  approveVulnException: defineOperation({
    name: 'approveVulnException',
    method: 'POST',
    tag: 'Exceptions',
    summary: 'Approve a pending exception, with a comment',
    description:
      'Extension. Needs the approver (or admin) role; the requester cannot approve their own request (VULN_EXCEPTION_SELF_APPROVAL). ' +
      'A deferral period starts now. VULN_EXCEPTION_STATE_CONFLICT unless the exception is PENDING.',
    input: decideVulnExceptionBody,
    output: vulnException,
  }),
  denyVulnException: defineOperation({
    name: 'denyVulnException',
    method: 'POST',
    tag: 'Exceptions',
    summary: 'Deny a pending exception, with a comment',
    description: 'Extension. Same rules as approveVulnException.',
    input: decideVulnExceptionBody,
    output: vulnException,
  }),
  withdrawVulnException: defineOperation({
    name: 'withdrawVulnException',
    method: 'POST',
    tag: 'Exceptions',
    summary: 'Withdraw your own pending exception request',
    description: 'Extension. Only the requester, and only while PENDING.',
    input: withdrawVulnExceptionBody,
    output: vulnException,
  }),
  getVulnException: defineOperation({
    name: 'getVulnException',
    method: 'GET',
    tag: 'Exceptions',
    summary: 'One exception with its history',
    description: 'Extension. The history lists every step (requested, approved, denied, withdrawn, expired, reopened on a fix) with actor, time and comment.',
    input: getVulnExceptionQuery,
    output: vulnExceptionWithHistory,
  }),
  getFindingExceptions: defineOperation({
    name: 'getFindingExceptions',
    method: 'GET',
    tag: 'Exceptions',
    summary: "One finding's state and the exceptions that cover it, with their history",
    description:
      'Extension. Every exception in any status (pending, approved, denied, withdrawn, expired) whose scope (this digest, this repository, ' +
      'or the component anywhere in the instance) and package version cover the finding, newest first, each with its steps.',
    input: getFindingExceptionsQuery,
    output: findingExceptions,
  }),
  listVulnException: defineOperation({
    name: 'listVulnException',
    method: 'GET',
    tag: 'Exceptions',
    summary: 'Exceptions, filtered, sorted and paged',
    description: 'Extension. Filters: instance, repository, status, scope, kind, CVE, and approved deferrals ending within N days (expiringWithinDays).',
    input: listVulnExceptionQuery,
    output: vulnExceptionPage,
  }),
  listVulnFindingState: defineOperation({
    name: 'listVulnFindingState',
    method: 'GET',
    tag: 'Exceptions',
    summary: 'The StackRox state of every finding of a scan: OBSERVED, DEFERRED or FALSE_POSITIVE',
    description:
      'Extension. Per finding (cveName + componentId): state, suppressed, suppressActivation, suppressExpiry and the approved exception ' +
      'that decides it (the most specific scope wins: digest, then repository, then component), plus pending requests covering it.',
    input: listVulnFindingStateQuery,
    output: vulnFindingStatePage,
  }),
  getSession: defineOperation({
    name: 'getSession',
    method: 'GET',
    tag: 'Access',
    summary: 'Who is calling: the principal, its permissions and the CSRF token',
    description:
      'Answers without sign-in: principal is null when nobody is signed in. permissions lists the operations the principal may call; ' +
      'csrfToken must be sent as X-CSRF-Token on every POST made with the session cookie or through the sign-in proxy.',
    input: getSessionQuery,
    output: session,
  }),
  createSession: defineOperation({
    name: 'createSession',
    method: 'POST',
    tag: 'Access',
    summary: 'Sign in: exchange an API token for a session cookie',
    description:
      'Sets an HttpOnly, Secure session cookie (SameSite=None when the app may be embedded by another site, else Lax). ' +
      'TOKEN_INVALID (401) for an unknown, revoked or expired token; nothing is stored then.',
    input: createSessionBody,
    output: session,
  }),
  deleteSession: defineOperation({
    name: 'deleteSession',
    method: 'POST',
    tag: 'Access',
    summary: 'Sign out: end this session',
    input: deleteSessionBody,
    output: ok,
  }),
  createApiToken: defineOperation({
    name: 'createApiToken',
    method: 'POST',
    tag: 'Access',
    summary: 'Create an API token (admin)',
    description: 'The answer carries the token itself once; only its SHA-256 hash is stored.',
    input: createApiTokenBody,
    output: createApiTokenResult,
  }),
  listApiToken: defineOperation({
    name: 'listApiToken',
    method: 'GET',
    tag: 'Access',
    summary: 'API tokens, newest first (admin)',
    input: listApiTokenQuery,
    output: apiTokenPage,
  }),
  revokeApiToken: defineOperation({
    name: 'revokeApiToken',
    method: 'POST',
    tag: 'Access',
    summary: 'Revoke an API token and end its sessions (admin)',
    description: 'API_TOKEN_NOT_EXIST for an unknown id. Revoking a revoked token changes nothing.',
    input: revokeApiTokenBody,
    output: apiToken,
  }),
  listAuditEvent: defineOperation({
    name: 'listAuditEvent',
    method: 'GET',
    tag: 'Access',
    summary: 'The audit log: who changed what, newest first (admin)',
    description: 'Every successful write through the API, with its actor, operation, target ids and input (secrets left out).',
    input: listAuditEventQuery,
    output: auditEventPage,
  }),
} as const

export type Operations = typeof operations
export type OperationName = keyof Operations
