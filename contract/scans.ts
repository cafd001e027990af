import { z } from 'zod'
import { epochMs, instanceId, optionalParam, pageOf, pageQuery, repoId, sortOrder } from './common'
import { advisoryDbInfo, baselineLevel, componentSource, cvssV2, cvssV3, maliciousLevel, maliciousType, osInfo, packageFormat, scanNote, scanType, severity, vulnerabilityState, type CvssV2, type CvssV3 } from './findings'
import { tagName } from './repositories'
import { scanRuleId } from './scan-rules'

/** The result filters' enums, re-exported so a scans page imports its vocabulary from one module. */
export { scanType, severity } from './findings'

/**
 * Scan tasks and their results: the seed's ACR scanning operations, camelCased, plus
 * what ACR lacks (listScanTask, getImageReport). Field names follow ACR where it has
 * one; every field ACR does not have says "Extension" in its description, so the
 * OpenAPI document shows which is which.
 */

const ext = (description: string) => ({ description: `Extension (not in ACR): ${description}` })

/** ACR_SCAN_SERVICE finds vulnerabilities; SAS_SCAN_SERVICE (ACR's Security Center engine) adds baseline risks and malicious files. */
export const scanService = z.enum(['ACR_SCAN_SERVICE', 'SAS_SCAN_SERVICE'])
export type ScanService = z.infer<typeof scanService>

/** ACR's statuses plus QUEUED (accepted, not yet picked up by a worker). RETRYING waits for its next attempt. */
export const scanStatus = z.enum(['QUEUED', 'SCANNING', 'COMPLETE', 'FAILED', 'RETRYING'])
export type ScanStatus = z.infer<typeof scanStatus>
export const SCAN_STATUSES_RUNNING: readonly ScanStatus[] = ['QUEUED', 'SCANNING', 'RETRYING']

/** ACR writes scan task ids in upper or lower case; we answer lower case and accept both. */
export const scanTaskId = z
  .string()
  .trim()
  .regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, 'must be a UUID')
  .transform((v) => v.toLowerCase())
  .meta({ example: '6b0b094f-8a90-4f8f-b660-2427aed0a1b2' })

/** A manifest digest, with or without ACR's optional `sha256:` prefix; answered with it. */
export const imageDigest = z
  .string()
  .trim()
  .regex(/^(sha256:)?[0-9a-fA-F]{64}$/, 'must be sha256:<64 hex digits> (the prefix may be left out)')
  .transform((v) => `sha256:${v.replace(/^sha256:/, '').toLowerCase()}`)
  .meta({ example: 'sha256:815386ebbe9a3490f38785ab11bda34ec8dacf4634af77b8912832d4f85dca04' })

/** A query-string list: a lone value, repeated keys or a comma-separated value. */
const listParam = <T extends z.ZodType>(item: T) =>
  z.preprocess((v: unknown): unknown => {
    if (v === undefined || v === '') return undefined
    const given: unknown[] = Array.isArray(v) ? (v as unknown[]) : [v]
    const values = given.flatMap((x): unknown[] => (typeof x === 'string' ? x.split(',') : [x]))
    return values.map((x) => (typeof x === 'string' ? x.trim() : x)).filter((x) => x !== '')
  }, z.array(item).min(1).optional())

/** Matches an enum whatever the case of the input (`high`, `HIGH`, `High`). */
const anyCase = <E extends z.ZodEnum>(schema: E, aliases: Record<string, string> = {}) =>
  z.preprocess((v) => {
    if (typeof v !== 'string') return v
    const lower = v.trim().toLowerCase()
    return (schema.options as readonly string[]).find((x) => x.toLowerCase() === lower) ?? aliases[lower] ?? v
  }, schema)

// ─── Which scan a request means ──────────────────────────────────────────────

/**
 * Results are asked for by scanTaskId, or by the image (instanceId + repoId + tag, and
 * the digest when given, else the digest the tag points to in the index): then the
 * newest COMPLETE scan of that image answers.
 */
export const scanTarget = z.object({
  scanTaskId: optionalParam(scanTaskId),
  instanceId: optionalParam(instanceId).meta({ description: 'Required unless scanTaskId is given; when both are, they must agree.' }),
  repoId: optionalParam(repoId),
  tag: optionalParam(tagName),
  digest: optionalParam(imageDigest).meta({ description: 'Default: the digest the tag points to in the index. `sha256:` may be left out.' }),
})
const targetGiven = (q: { scanTaskId?: string | undefined; instanceId?: string | undefined; repoId?: string | undefined; tag?: string | undefined }) =>
  Boolean(q.scanTaskId || (q.instanceId && q.repoId && q.tag))
const targetMessage = { message: 'give scanTaskId, or instanceId, repoId and tag', path: ['scanTaskId'] }
export type ScanTarget = z.output<typeof scanTarget>

// ─── Tasks ───────────────────────────────────────────────────────────────────

export const createRepoTagScanTaskBody = z
  .object({
    instanceId,
    repoId,
    tag: tagName,
    digest: optionalParam(imageDigest).meta({
      description: "Must be the digest the tag points to in the server's index (sync the instance if the tag moved). Default: that digest.",
    }),
    scanService: anyCase(scanService).default('ACR_SCAN_SERVICE').meta({
      description: 'ACR_SCAN_SERVICE: vulnerabilities. SAS_SCAN_SERVICE: vulnerabilities, baseline risks and malicious files. Default ACR_SCAN_SERVICE.',
    }),
    platform: optionalParam(z.string().regex(/^[a-z0-9]+\/[a-z0-9_]+(\/[a-z0-9]+)?$/, 'must be os/arch[/variant]')).meta(
      ext('Which platform of a multi-platform image to scan, `os/arch[/variant]`. Default linux/amd64, or the only one.'),
    ),
  })
  .meta({ id: 'CreateRepoTagScanTaskRequest' })

export const createRepoTagScanTaskResult = z.object({
  scanTaskId: z.string().meta(
    ext('ACR returns no task id; we do. A QUEUED, SCANNING or RETRYING task of the same image, service and platform is returned instead of a new one.'),
  ),
  /** True when an unfinished task for the same image was returned. */
  existing: z.boolean().meta(ext('True when a running task for the same image was returned instead of a new one.')),
})

export const scanProgress = z.object({
  layersDone: z.number().int().min(0),
  /** 0 until the worker has read the manifest. */
  layersTotal: z.number().int().min(0),
})

export const severityCounts = z
  .object({
    totalSeverity: z.number().int().min(0).meta({ description: 'All vulnerabilities: the sum of the five buckets.' }),
    criticalSeverity: z
      .number()
      .int()
      .min(0)
      .meta(ext('Critical (CVSS ≥ 9.0 or the source says critical). ACR has no Critical bucket and counts these in highSeverity; we do not.')),
    highSeverity: z.number().int().min(0).meta({ description: 'High only: Critical is counted apart (ACR would add criticalSeverity here).' }),
    mediumSeverity: z.number().int().min(0),
    lowSeverity: z.number().int().min(0),
    unknownSeverity: z.number().int().min(0),
    fixableCount: z.number().int().min(0).meta(ext('Vulnerabilities with a fixed version.')),
  })
  .meta({ id: 'SeverityCounts' })
export type SeverityCounts = z.infer<typeof severityCounts>

/** What started a scan task: a person, a scan rule on push or poll, an advisory update, or demo seeding. */
export const scanTriggerKind = z.enum(['USER', 'RULE', 'PUSH', 'POLL', 'ADVISORY_UPDATE', 'DEMO'])
export type ScanTriggerKind = z.infer<typeof scanTriggerKind>

export const scanTaskTrigger = z
  .object({
    kind: scanTriggerKind.meta({
      description:
        'USER: createRepoTagScanTask. RULE: runScanRule. PUSH: a registry push notification matched an AUTO rule. ' +
        'POLL: the instance poller found a new or moved tag matching an AUTO rule. ADVISORY_UPDATE: the advisory store changed ' +
        'and a rule opted in to rescans. DEMO: demo seeding.',
    }),
    scanRuleId: z.string().nullable().meta({ description: 'The rule behind RULE, PUSH, POLL and ADVISORY_UPDATE tasks; else null.' }),
    actor: z.string().nullable().meta({ description: 'USER and RULE: who asked, when the request was signed in; else null.' }),
    detail: z.string().nullable().meta({ description: 'Free text about the trigger, e.g. the notification id of a push or the advisory import of a rescan.' }),
  })
  .meta({ id: 'ScanTaskTrigger' })
export type ScanTaskTrigger = z.infer<typeof scanTaskTrigger>

/** VUL: packages matched against advisories. SBOM: the package inventory (CycloneDX) only, no matching. */
export const scanTaskType = z.enum(['VUL', 'SBOM'])
export type ScanTaskType = z.infer<typeof scanTaskType>

export const scanTask = z
  .object({
    scanTaskId: z.string(),
    instanceId,
    repoId,
    /** Namespace/name as the registry knows it. */
    repository: z.string().meta(ext('The repository path, namespace/name.')),
    tag: z.string().meta({ description: 'The tag the scan was requested for.' }),
    digest: z.string().meta({ description: 'What the tag pointed to when the scan was requested: the scan reads exactly this image.' }),
    platform: z.string().nullable().meta(ext('The platform asked for; null for the default.')),
    scanService,
    status: scanStatus,
    progress: scanProgress.meta(ext('Layers analysed so far, as the engine reports them.')),
    attempts: z.number().int().min(0).meta(ext('Attempts started so far, the running one included.')),
    maxAttempts: z.number().int().min(1).meta(ext('A task failing with a transient error this many times becomes FAILED.')),
    failureCode: z
      .string()
      .nullable()
      .meta(ext('Why the last attempt failed: an acquisition or layer error code (UNREACHABLE, RATE_LIMITED, NOT_FOUND, DIGEST_MISMATCH, …).')),
    failureReason: z.string().nullable().meta(ext('The message of the last failure, kept while RETRYING and when FAILED.')),
    workerId: z.string().nullable().meta(ext('The worker that ran (or runs) the latest attempt.')),
    createTime: epochMs,
    startTime: epochMs.nullable().meta(ext('When the latest attempt started.')),
    finishTime: epochMs.nullable().meta(ext('When the task became COMPLETE or FAILED.')),
    nextRetryTime: epochMs.nullable().meta(ext('While RETRYING: when the next attempt may start.')),
    counts: severityCounts.nullable().meta(ext('Vulnerability counts once COMPLETE, else null.')),
    trigger: scanTaskTrigger.meta(ext('What started the task.')),
    scanType: scanTaskType.meta(
      ext(
        'VUL: a vulnerability scan (with baseline and malicious files for SAS_SCAN_SERVICE). SBOM: the image’s package inventory only, from an SBOM scan rule: ' +
          'counts stay null, getImageReport answers its components (no vulnerabilities), and the vulnerability, summary, baseline and malicious-file ' +
          'operations answer PARAM_INVALID for it. By-tag lookups only consider VUL tasks.',
      ),
    ),
  })
  .meta({ id: 'ScanTask' })
export type ScanTask = z.infer<typeof scanTask>

export const getRepoTagScanStatusQuery = scanTarget.refine(targetGiven, targetMessage)

export const listScanTaskQuery = pageQuery.extend({
  instanceId,
  repoId: optionalParam(repoId),
  tag: optionalParam(tagName),
  status: listParam(anyCase(scanStatus)).meta({ description: 'One or more statuses (repeat the key or separate with commas).' }),
  scanService: optionalParam(anyCase(scanService)),
  scanRuleId: optionalParam(scanRuleId).meta(ext('Only tasks started by this scan rule (runScanRule, push, poll or advisory rescans).')),
})
export const scanTaskPage = pageOf(scanTask)

/** `true`/`false` in a query string (z.coerce.boolean would read "false" as true). */
export const booleanParam = z.preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v === '' ? undefined : v), z.boolean().optional())

/**
 * StackRox's includeSnoozed: findings under an approved exception (deferred, false
 * positive) are left out of lists and counts unless this is true.
 */
export const includeSnoozedParam = () =>
  booleanParam
    .default(false)
    .meta(ext('true: also findings under an approved exception (deferred or false positive), marked by their state; default false leaves them out of rows and counts.'))

// ─── Summary ─────────────────────────────────────────────────────────────────

export const getRepoTagScanSummaryQuery = scanTarget.extend({ includeSnoozed: includeSnoozedParam() }).refine(targetGiven, targetMessage)

export const scanSummary = severityCounts
  .extend({
    scanTaskId: z.string().meta(ext('The scan that answered.')),
    digest: z.string().meta({ description: 'The scanned image.' }),
    scanService,
    scanTime: epochMs.meta(ext('When the scan finished.')),
    componentCount: z.number().int().min(0).meta(ext('Packages found.')),
    snoozedCount: z
      .number()
      .int()
      .min(0)
      .meta(ext('Findings under an approved exception (deferred or false positive): left out of the counts unless includeSnoozed, counted in them with it.')),
    baselineCounts: z
      .object({ total: z.number().int(), high: z.number().int(), medium: z.number().int(), low: z.number().int() })
      .nullable()
      .meta(ext('Baseline risks by level; null when the scan was not a SAS_SCAN_SERVICE scan.')),
    maliciousCounts: z
      .object({ total: z.number().int(), serious: z.number().int(), suspicious: z.number().int(), remind: z.number().int() })
      .nullable()
      .meta(ext('Malicious files by level; null when the scan was not a SAS_SCAN_SERVICE scan.')),
  })
  .meta({ id: 'ScanSummary' })
export type ScanSummary = z.infer<typeof scanSummary>

// ─── Vulnerabilities ─────────────────────────────────────────────────────────

export const vulnerabilitySortBy = z.enum(['severity', 'cvss', 'package', 'cveName', 'published'])
export type VulnerabilitySortBy = z.infer<typeof vulnerabilitySortBy>

/**
 * The CVSS metric filters: query parameter → the metric of the finding's v3 or v2 vector
 * it matches. The overview's breakdowns are keyed by the same parameters, so a chart
 * element links to exactly the rows it counts.
 */
export const CVSS_V3_FILTERS = {
  attackVector: 'attackVector',
  attackComplexity: 'attackComplexity',
  privilegesRequired: 'privilegesRequired',
  userInteraction: 'userInteraction',
  scope: 'scope',
  confidentialityImpact: 'confidentiality',
  integrityImpact: 'integrity',
  availabilityImpact: 'availability',
} as const satisfies Record<string, Exclude<keyof CvssV3, 'vector' | 'version' | 'baseScore' | 'exploitabilityScore' | 'impactScore'>>
export const CVSS_V2_FILTERS = {
  accessVector: 'accessVector',
  accessComplexity: 'accessComplexity',
  authentication: 'authentication',
  v2ConfidentialityImpact: 'confidentiality',
  v2IntegrityImpact: 'integrity',
  v2AvailabilityImpact: 'availability',
} as const satisfies Record<string, Exclude<keyof CvssV2, 'vector' | 'baseScore' | 'exploitabilityScore' | 'impactScore'>>
export type CvssV3FilterParam = keyof typeof CVSS_V3_FILTERS
export type CvssV2FilterParam = keyof typeof CVSS_V2_FILTERS
export type CvssFilterParam = CvssV3FilterParam | CvssV2FilterParam

const v3Metric = <K extends CvssV3FilterParam>(param: K) =>
  optionalParam(anyCase(cvssV3.shape[CVSS_V3_FILTERS[param]])).meta(ext(`Only findings whose CVSS v3 ${CVSS_V3_FILTERS[param]} is this value.`))
const v2Metric = <K extends CvssV2FilterParam>(param: K) =>
  optionalParam(anyCase(cvssV2.shape[CVSS_V2_FILTERS[param]])).meta(ext(`Only findings whose CVSS v2 ${CVSS_V2_FILTERS[param]} is this value.`))

const cvssBound = optionalParam(z.coerce.number().min(0).max(10))

export const listRepoTagScanResultQuery = scanTarget
  .extend(pageQuery.shape)
  .extend({
    severity: listParam(anyCase(severity)).meta({
      description:
        'Critical, High, Medium, Low or Unknown, any case; repeat the key or separate with commas for several. ACR has no Critical: ' +
        'an ACR client asking for High gets High only, as the summary counts it.',
    }),
    scanType: optionalParam(anyCase(scanType)).meta({ description: '`cve`: OS packages; `sca`: application dependencies.' }),
    vulQueryKey: optionalParam(z.string().trim().max(256)).meta({
      description: 'Case-insensitive substring of the CVE id (or any alias), the package name or the description. At most 256 characters.',
    }),
    filterValue: optionalParam(anyCase(z.enum(['FixCmd']))).meta({
      description: 'FixCmd: the same rows, each reduced to its fixCmd (absent when there is no fix), as ACR does.',
    }),
    fixable: booleanParam.meta(ext('true: only findings with a fixed version; false: only those without.')),
    includeSnoozed: includeSnoozedParam(),
    attackVector: v3Metric('attackVector'),
    attackComplexity: v3Metric('attackComplexity'),
    privilegesRequired: v3Metric('privilegesRequired'),
    userInteraction: v3Metric('userInteraction'),
    scope: v3Metric('scope'),
    confidentialityImpact: v3Metric('confidentialityImpact'),
    integrityImpact: v3Metric('integrityImpact'),
    availabilityImpact: v3Metric('availabilityImpact'),
    accessVector: v2Metric('accessVector'),
    accessComplexity: v2Metric('accessComplexity'),
    authentication: v2Metric('authentication'),
    v2ConfidentialityImpact: v2Metric('v2ConfidentialityImpact'),
    v2IntegrityImpact: v2Metric('v2IntegrityImpact'),
    v2AvailabilityImpact: v2Metric('v2AvailabilityImpact'),
    cvssMin: cvssBound.meta(ext('Only findings whose best CVSS base score is at least this (0–10). Findings without a score are left out.')),
    cvssMax: cvssBound.meta(ext('Only findings whose best CVSS base score is at most this (0–10); scores have one decimal, so 7.9 closes the 7.0 bin.')),
    layerIndex: optionalParam(z.coerce.number().int().min(0)).meta(ext('Only findings in packages added by this layer (bottom = 0).')),
    componentId: optionalParam(z.string().trim().min(1).max(128)).meta(ext('Only findings of this package (a componentId of getImageReport or listScanComponent).')),
    sortBy: optionalParam(vulnerabilitySortBy).meta(
      ext(
        'severity (default), cvss, package (name then version), cveName or published (advisory publication date; undated last). ' +
          'Ties are broken by CVE id, package and row, so pages never overlap.',
      ),
    ),
    sortOrder: optionalParam(sortOrder).meta(ext('Default desc for severity, cvss and published (worst or newest first), asc for package and cveName.')),
  })
  .refine(targetGiven, targetMessage)
  .refine((q) => q.cvssMin === undefined || q.cvssMax === undefined || q.cvssMin <= q.cvssMax, { message: 'cvssMin must not exceed cvssMax', path: ['cvssMin'] })

export const vulnerabilityItem = z
  .object({
    cveName: z.string().meta({ description: 'The CVE id, or the advisory id when there is no CVE (GHSA-…, GO-…).' }),
    cveLink: z.string(),
    severity,
    feature: z.string().meta({ description: 'The affected package.' }),
    version: z.string().meta({ description: 'The installed version.' }),
    versionFixed: z.string().meta({ description: 'The version that fixes it; empty when none is known.' }),
    versionFormat: packageFormat,
    addedBy: z.string().meta({ description: 'Digest of the layer that added the package.' }),
    fixCmd: z.string().meta({ description: 'A command that installs the fix; empty when there is none.' }),
    description: z.string(),
    cveLocation: z.string().meta({ description: 'Where in the image the package was found.' }),
    scanType,
    aliases: z.array(z.string()).meta(ext('Every other id of this vulnerability (GHSA-…, USN-…).')),
    cvssV2: cvssV2.nullable().meta(ext('CVSS v2 vector and its metrics, when an advisory gives one.')),
    cvssV3: cvssV3.nullable().meta(ext('CVSS v3.x vector and its metrics, when an advisory gives one.')),
    cvssScore: z.number().nullable().meta(ext('The best base score: v3, else v4, else v2.')),
    layerIndex: z.number().int().min(0).meta(ext('Index of the layer in addedBy, bottom = 0.')),
    publishedAt: z.string().nullable().meta(ext('When the advisory was published (ISO 8601).')),
    modifiedAt: z.string().nullable().meta(ext('When the advisory last changed (ISO 8601).')),
    summary: z.string().meta(ext('One-line title of the advisory.')),
    fixedByNote: z.string().nullable().meta(ext('Set when merged advisories disagree on the fixed version.')),
    componentId: z.string().meta(ext('The package in getImageReport components.')),
    severitySource: z.string().meta(ext('Where the severity came from: cvss_v3, ubuntu_priority, …')),
    // Set on every row the list answers; optional because the stored rows, and the ACR wire, predate exceptions.
    state: vulnerabilityState
      .optional()
      .meta(ext('StackRox state: OBSERVED unless an approved exception defers it or marks it a false positive.')),
    suppressed: z.boolean().optional().meta(ext('Whether an approved exception covers it; such rows are only listed with includeSnoozed=true.')),
    suppressActivation: epochMs.nullable().optional().meta(ext('When the exception that suppresses it was approved.')),
    suppressExpiry: epochMs.nullable().optional().meta(ext('When that suppression ends; null for false positives and deferrals until fixed.')),
    exceptionId: z.string().nullable().optional().meta(ext('The approved exception that sets the state.')),
  })
  .meta({ id: 'ScanVulnerability' })
export type VulnerabilityItem = z.infer<typeof vulnerabilityItem>

export const fixCmdItem = z
  .object({ fixCmd: z.string().optional() })
  .strict()
  .meta({ id: 'ScanVulnerabilityFixCmd', description: 'An item under filterValue=FixCmd: only its fix command.' })

export const vulnerabilityPage = pageOf(z.union([vulnerabilityItem, fixCmdItem])).extend({
  scanTaskId: z.string().meta(ext('The scan that answered.')),
  digest: z.string().meta(ext('The scanned image.')),
})
export type VulnerabilityPage = z.infer<typeof vulnerabilityPage>

// ─── Baseline risks ──────────────────────────────────────────────────────────

export const listScanBaselineByTaskQuery = scanTarget
  .extend(pageQuery.shape)
  .extend({
    level: optionalParam(anyCase(baselineLevel)).meta({ description: 'High, Medium or Low, any case.' }),
    category: optionalParam(z.string().min(1).max(200)).meta(ext('Only risks of this check category (baselineClassAlias), exactly as listed.')),
  })
  .refine(targetGiven, targetMessage)

const lowerBaselineLevel = z.enum(['high', 'medium', 'low'])

export const baselineItem = z
  .object({
    scanTaskId: z.string(),
    baselineNameKey: z.string().meta({ description: 'The check, e.g. `ak_leak`.' }),
    baselineClassAlias: z.string().meta({ description: 'The check category.' }),
    baselineNameAlias: z.string().meta({ description: 'The check title.' }),
    baselineNameLevel: lowerBaselineLevel.meta({ description: 'Lower case, as ACR answers.' }),
    baselineItemCount: z.number().int().meta({ description: 'Risk items this check found in the scan (rows with the same baselineNameKey).' }),
    highRiskItemCount: z.number().int(),
    middleRiskItemCount: z.number().int(),
    lowRiskItemCount: z.number().int(),
    baselineDetailDescription: z.string(),
    baselineDetailPrompt: z.string().meta({ description: 'What triggered it; secret values are masked.' }),
    baselineDetailAdvice: z.string(),
    firstScanTime: epochMs,
    createTime: epochMs,
    updateTime: epochMs,
    layerIndex: z.number().int().nullable().meta(ext('The layer the file or instruction came from, when known.')),
    layerDigest: z.string().nullable().meta(ext('That layer’s digest.')),
    path: z.string().nullable().meta(ext('The file concerned, when there is one.')),
  })
  .meta({ id: 'ScanBaseline' })
export type BaselineItem = z.infer<typeof baselineItem>

export const baselinePage = pageOf(baselineItem).extend({
  scanTaskId: z.string().meta(ext('The scan that answered.')),
  scanService: scanService.meta(ext('ACR_SCAN_SERVICE scans check no baseline: their list is empty.')),
})

// ─── Malicious files ─────────────────────────────────────────────────────────

export const listScanMaliciousFileByTaskQuery = scanTarget
  .extend(pageQuery.shape)
  .extend({
    level: optionalParam(anyCase(maliciousLevel, { high: 'serious', medium: 'suspicious', low: 'remind' })).meta({
      description: 'serious, suspicious or remind, any case (High, Medium and Low, as the SDK example writes, map onto them).',
    }),
    type: optionalParam(maliciousType).meta(ext('Only files of this type (test-file, miner, webshell, …).')),
  })
  .refine(targetGiven, targetMessage)

export const maliciousItem = z
  .object({
    scanTaskId: z.string(),
    maliciousName: z.string(),
    maliciousMd5: z.string(),
    filePath: z.string(),
    level: maliciousLevel,
    firstScanTime: epochMs,
    createTime: epochMs,
    updateTime: epochMs,
    sha256: z.string().meta(ext('SHA-256 of the file.')),
    type: z.string().meta(ext('test-file, miner, webshell, reverse-shell, backdoor, rootkit, packed, hash-match or malware.')),
    signature: z.string().meta(ext('The rule that matched.')),
    engine: z.string().meta(ext('hash, ndb, heuristic or clamd.')),
    layerIndex: z.number().int().meta(ext('The layer that added the file.')),
    layerDigest: z.string().meta(ext('That layer’s digest.')),
    deletedInLayer: z.number().int().nullable().meta(ext('Set when a later layer deletes the file: it still ships in the image.')),
    size: z.number().int().meta(ext('File size in bytes.')),
    evidence: z.string().nullable().meta(ext('The matched text, truncated and printable.')),
  })
  .meta({ id: 'ScanMaliciousFile' })
export type MaliciousItem = z.infer<typeof maliciousItem>

export const maliciousPage = pageOf(maliciousItem).extend({
  scanTaskId: z.string().meta(ext('The scan that answered.')),
  scanService: scanService.meta(ext('ACR_SCAN_SERVICE scans look for no malicious files: their list is empty.')),
})

// ─── The whole report (StackRox's image model) ───────────────────────────────

export const getImageReportQuery = z.object({
  scanTaskId,
  components: booleanParam.meta(
    ext(
      'false: leave out scan.components (answered as an empty list) and keep everything else, counts included: the header and ' +
        'tab counts of a report page in a few KB instead of megabytes. Default true.',
    ),
  ),
})

/** StackRox's image scan notes: what the scan could not cover. */
export const imageScanNote = z.enum(['OS_UNAVAILABLE', 'PARTIAL_SCAN_DATA', 'OS_CVES_UNAVAILABLE', 'OS_CVES_STALE', 'LANGUAGE_CVES_UNAVAILABLE'])
export type ImageScanNote = z.infer<typeof imageScanNote>

export const reportVulnerability = z
  .object({
    cve: z.string(),
    aliases: z.array(z.string()),
    summary: z.string(),
    description: z.string(),
    link: z.string(),
    severity,
    /** Best base score: v3, else v4, else v2; null when no vector is known. */
    cvss: z.number().nullable(),
    scoreVersion: z.enum(['V2', 'V3', 'V4']).nullable(),
    cvssV2: cvssV2.nullable(),
    cvssV3: cvssV3.nullable(),
    fixedBy: z.string().nullable(),
    fixedByNote: z.string().nullable(),
    fixCmd: z.string().nullable(),
    publishedOn: z.string().nullable(),
    lastModified: z.string().nullable(),
    scanType,
  })
  .meta({ id: 'ReportVulnerability' })

export const reportComponent = z
  .object({
    componentId: z.string(),
    name: z.string(),
    version: z.string(),
    format: packageFormat,
    source: componentSource,
    sourceName: z.string().nullable(),
    group: z.string().nullable(),
    purl: z.string(),
    location: z.string(),
    layerIndex: z.number().int(),
    layerDigest: z.string(),
    licenses: z.array(z.string()),
    topCvss: z.number().nullable(),
    riskScore: z.number(),
    /** The lowest version that fixes every fixable vulnerability of this component. */
    fixedBy: z.string().nullable(),
    vulns: z.array(reportVulnerability),
  })
  .meta({ id: 'ReportComponent' })

export const reportLayer = z
  .object({
    index: z.number().int(),
    digest: z.string(),
    diffId: z.string(),
    size: z.number().int(),
    mediaType: z.string(),
    /** The config history line, e.g. `/bin/sh -c apt-get install -y curl`. */
    createdBy: z.string().nullable(),
    /** StackRox's split of createdBy: `RUN`, `COPY`, `ADD`, … and the rest of the line. */
    instruction: z.string().nullable(),
    value: z.string().nullable(),
    cached: z.boolean(),
    fileCount: z.number().int(),
  })
  .meta({ id: 'ReportLayer' })

export const imageReportView = z
  .object({
    scanTaskId: z.string(),
    instanceId,
    repoId,
    tag: z.string(),
    scanService,
    /** StackRox's image id: the digest the tag points to. */
    id: z.string(),
    name: z.object({ remote: z.string(), tag: z.string(), fullName: z.string() }),
    metadata: z.object({
      digest: z.string(),
      manifestDigest: z.string(),
      configDigest: z.string(),
      platform: z.string(),
      os: osInfo.nullable(),
      created: z.string().nullable(),
      size: z.number().int(),
      layers: z.array(reportLayer),
    }),
    scan: z.object({
      scanTime: epochMs,
      durationMs: z.number(),
      scannerVersion: z.string(),
      /** `ubuntu:22.04`, or `unknown`. */
      operatingSystem: z.string(),
      /** Empty when asked with `components=false`; `components` below still counts them. */
      components: z.array(reportComponent),
      notes: z.array(imageScanNote),
    }),
    components: z.number().int(),
    cves: z.number().int(),
    fixableCves: z.number().int(),
    topCvss: z.number().nullable(),
    riskScore: z.number(),
    counts: severityCounts,
    /** What the engine noted while scanning: unreadable entries, unknown OS ecosystems, … */
    scanNotes: z.array(scanNote),
    advisoryDb: advisoryDbInfo.extend({
      /** Whole days between the last advisory import and the scan; null when never imported. */
      ageDays: z.number().int().nullable(),
    }),
    baselineCount: z.number().int().nullable(),
    maliciousFileCount: z.number().int().nullable(),
  })
  .meta({ id: 'ImageReportView' })
export type ImageReportView = z.infer<typeof imageReportView>
