import { z } from 'zod'
import { epochMs, instanceId, optionalParam, pageOf, pageQuery, repoId, sortOrder } from './common'
import { imageDigest, scanTaskId } from './scans'
import { vulnerabilityState } from './findings'

/**
 * Vulnerability exceptions (StackRox's deferrals and false positives, made accountable):
 * an operator asks for a finding to be deferred or marked a false positive, with a reason
 * and an OpenVEX justification; an approver (someone else) approves or denies it; every
 * step is kept in the exception's history. An approved exception changes the finding's
 * StackRox state (OBSERVED → DEFERRED or FALSE_POSITIVE) and sets `suppressed`.
 */

const ext = (description: string) => ({ description: `Extension (not in ACR): ${description}` })

// Re-exported so the exceptions' users keep one import; the enum itself lives with the findings.
export { vulnerabilityState, type VulnerabilityState } from './findings'

/** The OpenVEX status justifications (v0.2.0), the vocabulary every exception is argued in. */
export const vexJustification = z.enum([
  'component_not_present',
  'vulnerable_code_not_present',
  'vulnerable_code_not_in_execute_path',
  'vulnerable_code_cannot_be_controlled_by_adversary',
  'inline_mitigations_already_exist',
])
export type VexJustification = z.infer<typeof vexJustification>

export const vulnExceptionKind = z.enum(['DEFERRAL', 'FALSE_POSITIVE'])
export type VulnExceptionKind = z.infer<typeof vulnExceptionKind>

/**
 * Where an exception applies, most specific first: DIGEST (this image), REPOSITORY (every
 * tag and digest of the repository), COMPONENT (every image of the instance holding this
 * package version). When several approved exceptions cover one finding, the most specific
 * scope decides (DIGEST > REPOSITORY > COMPONENT), then the latest approval.
 */
export const vulnExceptionScope = z.enum(['DIGEST', 'REPOSITORY', 'COMPONENT'])
export type VulnExceptionScope = z.infer<typeof vulnExceptionScope>

export const vulnExceptionStatus = z.enum(['PENDING', 'APPROVED', 'DENIED', 'WITHDRAWN', 'EXPIRED'])
export type VulnExceptionStatus = z.infer<typeof vulnExceptionStatus>

/**
 * How long a deferral lasts once approved: a period counted from the approval, until the
 * advisory store knows a fixed version of the package, or until a given date.
 */
export const deferralExpiry = z.enum(['TWO_WEEKS', 'THIRTY_DAYS', 'NINETY_DAYS', 'UNTIL_FIXED', 'DATE'])
export type DeferralExpiry = z.infer<typeof deferralExpiry>

/** Days each period lasts from its approval. */
export const DEFERRAL_DAYS: Readonly<Partial<Record<DeferralExpiry, number>>> = { TWO_WEEKS: 14, THIRTY_DAYS: 30, NINETY_DAYS: 90 }

export const vulnExceptionId = z
  .string()
  .trim()
  .regex(/^vex-[0-9a-z]{16}$/, 'must look like vex- followed by 16 lowercase letters or digits')
  .meta({ example: 'vex-3m9q1x8c3v5b4f7k' })

export const historyAction = z.enum(['REQUESTED', 'APPROVED', 'DENIED', 'WITHDRAWN', 'EXPIRED', 'REOPENED_ON_FIX'])
export type HistoryAction = z.infer<typeof historyAction>

export const vulnExceptionEvent = z
  .object({
    action: historyAction,
    actorId: z.string().meta({ description: 'The principal id; "system" for expiry and reopening.' }),
    actorName: z.string(),
    time: epochMs,
    comment: z.string().nullable(),
    selfApproval: z
      .boolean()
      .optional()
      .meta({ description: 'On an APPROVED step: true when the requester approved their own request, which only the single local operator can do, while sign-in is off (docs/decisions/0007).' }),
  })
  .meta({ id: 'VulnExceptionEvent' })
export type VulnExceptionEvent = z.infer<typeof vulnExceptionEvent>

export const vulnException = z
  .object({
    exceptionId: vulnExceptionId,
    instanceId: z.string(),
    kind: vulnExceptionKind,
    status: vulnExceptionStatus,
    scope: vulnExceptionScope,
    repoId: z.string().nullable().meta({ description: 'Set for DIGEST and REPOSITORY scopes.' }),
    repository: z.string().nullable().meta({ description: 'The repository path (namespace/name) for DIGEST and REPOSITORY scopes.' }),
    digest: z.string().nullable().meta({ description: 'Set for the DIGEST scope.' }),
    cveName: z.string(),
    feature: z.string().meta({ description: 'The package name, as listRepoTagScanResult names it.' }),
    version: z.string().meta({ description: 'The installed package version the exception is about.' }),
    versionFormat: z.string(),
    componentId: z.string().meta({ description: 'The package in the scan it was requested from.' }),
    scanTaskId: z.string().meta({ description: 'The scan the finding was requested from.' }),
    expiry: deferralExpiry.nullable().meta({ description: 'Deferrals only.' }),
    expiresAt: epochMs.nullable().meta({ description: 'When an approved deferral ends (periods count from the approval); null for UNTIL_FIXED and false positives.' }),
    reason: z.string(),
    justification: vexJustification,
    requestedBy: z.object({ id: z.string(), name: z.string() }),
    requestTime: epochMs,
    decidedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
    decisionTime: epochMs.nullable(),
    decisionComment: z.string().nullable(),
    selfApproval: z
      .boolean()
      .optional()
      .meta({ description: 'True when its requester approved it: only the single local operator can, while sign-in is off (docs/decisions/0007). Never with sign-in on.' }),
    closeTime: epochMs.nullable().meta({ description: 'When it was withdrawn, expired or reopened on a fix.' }),
  })
  .meta({ id: 'VulnException' })
export type VulnException = z.infer<typeof vulnException>

export const vulnExceptionWithHistory = vulnException.extend({ history: z.array(vulnExceptionEvent) }).meta({ id: 'VulnExceptionWithHistory' })
export type VulnExceptionWithHistory = z.infer<typeof vulnExceptionWithHistory>

// ─── Requests ────────────────────────────────────────────────────────────────

/** A finding as listRepoTagScanResult identifies it in one scan: its CVE and its package's componentId. */
export const findingRef = z.object({
  cveName: z.string().trim().min(1, 'is required').max(128),
  componentId: z.string().trim().min(1, 'is required').max(128),
})
export type FindingRef = z.infer<typeof findingRef>

const text = (max: number) => z.string().trim().min(1, 'is required').max(max, `must be at most ${max} characters`)

export const createVulnExceptionBody = z
  .object({
    scanTaskId,
    findings: z.array(findingRef).min(1, 'name at least one finding').max(100, 'at most 100 findings per request'),
    kind: vulnExceptionKind,
    scope: vulnExceptionScope,
    expiry: deferralExpiry.optional().meta({ description: 'Required for a DEFERRAL; not allowed for a FALSE_POSITIVE.' }),
    expiresAt: epochMs.optional().meta({ description: 'With expiry DATE: when the deferral ends (in the future).' }),
    reason: text(2000),
    justification: vexJustification,
  })
  .superRefine((b, ctx) => {
    if (b.kind === 'DEFERRAL' && !b.expiry) ctx.addIssue({ code: 'custom', path: ['expiry'], message: 'is required for a DEFERRAL' })
    if (b.kind === 'FALSE_POSITIVE' && b.expiry) ctx.addIssue({ code: 'custom', path: ['expiry'], message: 'a FALSE_POSITIVE does not expire' })
    if (b.expiry === 'DATE' && b.expiresAt === undefined) ctx.addIssue({ code: 'custom', path: ['expiresAt'], message: 'is required with expiry DATE' })
    if (b.expiry !== 'DATE' && b.expiresAt !== undefined) ctx.addIssue({ code: 'custom', path: ['expiresAt'], message: 'is only allowed with expiry DATE' })
    const keys = b.findings.map((f) => `${f.cveName}\u0000${f.componentId}`)
    if (new Set(keys).size !== keys.length) ctx.addIssue({ code: 'custom', path: ['findings'], message: 'names the same finding twice' })
  })
export type CreateVulnExceptionBody = z.input<typeof createVulnExceptionBody>

export const createVulnExceptionResult = z.object({ items: z.array(vulnException) })

export const decideVulnExceptionBody = z.object({
  exceptionId: vulnExceptionId,
  comment: text(2000).meta({ description: 'Why it was approved or denied; kept in the history.' }),
})
export type DecideVulnExceptionBody = z.input<typeof decideVulnExceptionBody>

export const withdrawVulnExceptionBody = z.object({
  exceptionId: vulnExceptionId,
  comment: z.string().trim().max(2000).optional(),
})

export const getVulnExceptionQuery = z.object({ exceptionId: vulnExceptionId })

/** A query-string list: a lone value, repeated keys or a comma-separated value. */
const listParam = <T extends z.ZodType>(item: T) =>
  z.preprocess((v: unknown): unknown => {
    if (v === undefined || v === '') return undefined
    const given: unknown[] = Array.isArray(v) ? (v as unknown[]) : [v]
    return given.flatMap((x): unknown[] => (typeof x === 'string' ? x.split(',').map((s) => s.trim()).filter(Boolean) : [x]))
  }, z.array(item).min(1).optional())

export const vulnExceptionSortBy = z.enum(['requestTime', 'decisionTime', 'expiresAt', 'cveName'])

export const listVulnExceptionQuery = pageQuery.extend({
  instanceId: optionalParam(instanceId),
  repoId: optionalParam(repoId).meta({ description: 'Exceptions scoped to this repository or one of its digests.' }),
  status: listParam(vulnExceptionStatus).meta({ description: 'One or more statuses; repeat the key or separate with commas.' }),
  scope: optionalParam(vulnExceptionScope),
  kind: optionalParam(vulnExceptionKind),
  cveName: optionalParam(z.string().trim().max(128)).meta({ description: 'Exact CVE (or advisory) id, any case.' }),
  expiringWithinDays: optionalParam(z.coerce.number().int().min(1).max(365)).meta({
    description: 'Only approved deferrals that end within this many days from now.',
  }),
  sortBy: optionalParam(vulnExceptionSortBy).meta({ description: 'requestTime (default), decisionTime, expiresAt (no date last) or cveName.' }),
  sortOrder: optionalParam(sortOrder).meta({ description: 'Default desc, except asc for expiresAt and cveName.' }),
})
export type ListVulnExceptionQuery = z.input<typeof listVulnExceptionQuery>

export const vulnExceptionPage = pageOf(vulnException).meta({ id: 'VulnExceptionPage' })

// ─── Finding states of a scan ────────────────────────────────────────────────

export const vulnFindingState = z
  .object({
    cveName: z.string(),
    componentId: z.string(),
    feature: z.string(),
    version: z.string(),
    state: vulnerabilityState,
    suppressed: z.boolean(),
    suppressActivation: epochMs.nullable().meta({ description: 'When the exception that suppresses it was approved.' }),
    suppressExpiry: epochMs.nullable().meta({ description: 'When that suppression ends; null for false positives and deferrals until fixed.' }),
    exceptionId: z.string().nullable().meta({ description: 'The approved exception that sets the state.' }),
    pendingExceptionIds: z.array(z.string()).meta({ description: 'Requests waiting for a decision that cover this finding.' }),
  })
  .meta({ id: 'VulnFindingState' })
export type VulnFindingState = z.infer<typeof vulnFindingState>

export const listVulnFindingStateQuery = pageQuery.extend({
  scanTaskId,
  state: listParam(vulnerabilityState).meta({ description: 'Only findings in these states.' }),
})

/** One finding of a scan, named as listRepoTagScanResult names it. */
export const getFindingExceptionsQuery = z.object({ scanTaskId, cveName: findingRef.shape.cveName, componentId: findingRef.shape.componentId })

/** A finding's state now and every exception, in any status, whose scope and package cover it. */
export const findingExceptions = vulnFindingState
  .extend({
    scanTaskId: z.string(),
    items: z.array(vulnExceptionWithHistory).meta({ description: 'Newest request first, each with its history.' }),
  })
  .meta({ id: 'FindingExceptions' })
export type FindingExceptions = z.infer<typeof findingExceptions>

export const vulnFindingStatePage = pageOf(vulnFindingState).extend({
  scanTaskId: z.string(),
  digest: imageDigest,
})

// ─── VEX downloads ───────────────────────────────────────────────────────────

export const vexFormat = z.enum(['openvex', 'cyclonedx'])
export type VexFormat = z.infer<typeof vexFormat>

/**
 * `GET /api/v1/exportScanVex?scanTaskId=…&format=openvex|cyclonedx`: the scan's findings
 * as a VEX document (a file, so not a contract operation; see contract/exports.ts).
 */
export const exportScanVexQuery = z.object({
  scanTaskId,
  format: vexFormat.default('openvex').meta({ description: 'openvex (OpenVEX 0.2.0, default) or cyclonedx (CycloneDX 1.6 VEX).' }),
})
export type ExportScanVexQuery = z.output<typeof exportScanVexQuery>

export const EXPORT_SCAN_VEX = {
  name: 'exportScanVex',
  input: exportScanVexQuery,
  summary: 'Download the VEX of a scan: OpenVEX 0.2.0 or CycloneDX 1.6',
  description: ext(
    'One statement per finding: not_affected (approved false positive, with its justification and reason), affected with the action ' +
      '(an approved deferral says until when; otherwise the fix), or under_investigation while an exception request is pending.',
  ).description,
  mediaTypes: ['application/openvex+json', 'application/vnd.cyclonedx+json'],
} as const
