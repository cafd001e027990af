import { z } from 'zod'
import type { Severity } from '@contract/findings'
import { operations } from '@contract/operations'
import type { ScanStatus, ScanSummary, ScanTask, VulnerabilityItem, VulnerabilityPage } from '@contract/scans'
import { getSummary, listVulnerabilities } from '../../../scans/scan-results'
import { resolveTask, toScanTask } from '../../../scans/scan-store'
import { invalidParameter } from '../acr-errors'
import { camelParams, defineAcrAction, pageFields, type WireParams } from './acr-action'

/**
 * CreateRepoTagScanTask, GetRepoTagScanStatus, GetRepoTagScanSummary and
 * ListRepoTagScanResult (acr-api.md §3.1–3.4). ACR has no Critical severity: it counts
 * Critical in High, so here HighSeverity = our critical + high, an item we rate Critical
 * reads High, and a Severity=High filter returns both — the list's TotalCount then
 * matches the summary's HighSeverity, and TotalSeverity stays the sum of ACR's four.
 */

const TARGET = ['InstanceId', 'RepoId', 'Tag', 'ScanTaskId', 'Digest'] as const

/** ScanType on the task operations has no documented values; VUL (what a scan task is here) is all we accept. */
function checkScanType(wire: WireParams) {
  const v = wire.get('ScanType')
  if (v !== undefined && v !== '' && v.toUpperCase() !== 'VUL') throw invalidParameter('ScanType', 'only VUL scan tasks can be created or read here')
}

export const acrSeverity = z.enum(['High', 'Medium', 'Low', 'Unknown'])
export const toAcrSeverity = (s: Severity): z.infer<typeof acrSeverity> => (s === 'Critical' ? 'High' : s)

/** ACR's SCANNING covers a task waiting for a worker too: it has no QUEUED. */
export const acrScanStatus = z.enum(['SCANNING', 'COMPLETE', 'FAILED', 'RETRYING'])
export const toAcrStatus = (s: ScanStatus): z.infer<typeof acrScanStatus> => (s === 'QUEUED' ? 'SCANNING' : s)

const scanServiceEnum = z.enum(['ACR_SCAN_SERVICE', 'SAS_SCAN_SERVICE'])

export const createRepoTagScanTaskAction = defineAcrAction({
  input: operations.createRepoTagScanTask.input,
  toInput: (wire) => {
    checkScanType(wire)
    return camelParams(wire, ['InstanceId', 'RepoId', 'Tag', 'Digest', 'ScanService'])
  },
  run: (s, body) => s.scans.create({ ...body, trigger: { kind: 'USER', scanRuleId: null, actor: s.actor, detail: 'ACR OpenAPI CreateRepoTagScanTask' } }),
  // ACR returns no task id; ScanTaskId is ours, and SDKs ignore fields they do not model.
  response: z.object({ ScanTaskId: z.string() }),
  toResponse: (r) => ({ ScanTaskId: r.scanTaskId }),
  code: 'string',
  isSuccess: true,
  audit: 'createRepoTagScanTask',
})

export const acrScanStatusResponse = z.object({ Status: acrScanStatus, ScanService: scanServiceEnum, ScanTaskId: z.string() })

export const toAcrScanStatusResponse = (t: ScanTask): z.input<typeof acrScanStatusResponse> => ({
  Status: toAcrStatus(t.status),
  ScanService: t.scanService,
  ScanTaskId: t.scanTaskId,
})

export const getRepoTagScanStatusAction = defineAcrAction({
  input: operations.getRepoTagScanStatus.input,
  toInput: (wire) => {
    checkScanType(wire)
    return camelParams(wire, TARGET)
  },
  run: async (s, q) => toScanTask(await resolveTask(s.db, q, 'latest')),
  response: acrScanStatusResponse,
  toResponse: toAcrScanStatusResponse,
  code: 'string',
  isSuccess: true,
})

export const acrScanSummaryResponse = z.object({
  TotalSeverity: z.number().int(),
  HighSeverity: z.number().int(),
  MediumSeverity: z.number().int(),
  LowSeverity: z.number().int(),
  UnknownSeverity: z.number().int(),
})

export const toAcrScanSummary = (s: ScanSummary): z.input<typeof acrScanSummaryResponse> => ({
  TotalSeverity: s.totalSeverity,
  HighSeverity: s.criticalSeverity + s.highSeverity,
  MediumSeverity: s.mediumSeverity,
  LowSeverity: s.lowSeverity,
  UnknownSeverity: s.unknownSeverity,
})

export const getRepoTagScanSummaryAction = defineAcrAction({
  input: operations.getRepoTagScanSummary.input,
  toInput: (wire) => camelParams(wire, TARGET),
  // getSummary refuses an SBOM task itself (PARAM_INVALID), on the task it resolves.
  run: (s, q) => getSummary(s.db, q),
  response: acrScanSummaryResponse,
  toResponse: toAcrScanSummary,
  code: 'string',
  isSuccess: true,
})

export const acrVulnerability = z.object({
  CveName: z.string(),
  CveLink: z.string(),
  Severity: acrSeverity,
  Feature: z.string(),
  Version: z.string(),
  VersionFixed: z.string(),
  VersionFormat: z.string(),
  AddedBy: z.string(),
  FixCmd: z.string(),
  Description: z.string(),
  CveLocation: z.string(),
  ScanType: z.enum(['cve', 'sca']),
})
/** Under FilterValue=FixCmd an item carries only its fix command (none when there is no fix). */
export const acrFixCmdOnly = z.object({ FixCmd: z.string().optional() }).strict()

export function toAcrVulnerability(v: VulnerabilityItem): z.input<typeof acrVulnerability> {
  return {
    CveName: v.cveName,
    CveLink: v.cveLink,
    Severity: toAcrSeverity(v.severity),
    Feature: v.feature,
    Version: v.version,
    VersionFixed: v.versionFixed,
    VersionFormat: v.versionFormat,
    AddedBy: v.addedBy,
    FixCmd: v.fixCmd,
    Description: v.description,
    CveLocation: v.cveLocation,
    ScanType: v.scanType,
  }
}

const isFullItem = (i: VulnerabilityPage['items'][number]): i is VulnerabilityItem => 'cveName' in i

/** Severity=High means High and Critical, as ACR's High does; the other values pass as given. */
export function vulnerabilityListInput(wire: WireParams): Record<string, unknown> {
  const input = camelParams(wire, [...TARGET, 'PageNo', 'PageSize', 'Severity', 'ScanType', 'VulQueryKey', 'FilterValue'])
  if (typeof input.severity === 'string') {
    input.severity = input.severity
      .split(',')
      .map((s) => s.trim())
      .flatMap((s) => (s.toLowerCase() === 'high' ? ['Critical', 'High'] : [s]))
  }
  return input
}

export const listRepoTagScanResultAction = defineAcrAction({
  input: operations.listRepoTagScanResult.input,
  toInput: vulnerabilityListInput,
  // listVulnerabilities refuses an SBOM task itself (PARAM_INVALID), on the task it resolves.
  run: (s, q) => listVulnerabilities(s.db, q),
  response: z.object({
    Vulnerabilities: z.array(z.union([acrVulnerability, acrFixCmdOnly])),
    TotalCount: z.number().int(),
    PageNo: z.number().int(),
    PageSize: z.number().int(),
  }),
  toResponse: (page) => ({
    Vulnerabilities: page.items.map((i) => (isFullItem(i) ? toAcrVulnerability(i) : i.fixCmd === undefined ? {} : { FixCmd: i.fixCmd })),
    ...pageFields(page),
  }),
  code: 'string',
  isSuccess: true,
})
