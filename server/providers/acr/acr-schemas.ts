import { z } from 'zod'

/**
 * ACR OpenAPI (cr, 2018-12-01) answers, as the SDK models type them. Read leniently where
 * the SDKs disagree with the examples: `TotalCount` is a string in ListNamespace,
 * ListRepository and ListRepoTag; list calls send times as numeric strings; pop-core's
 * json-bigint hands numbers beyond 2^53 over as objects. Unknown fields pass through.
 */

/** A number that may arrive as a number, a numeric string or a json-bigint object. */
const num = z.preprocess((v) => (typeof v === 'object' && v !== null ? (v as { toString(): string }).toString() : v), z.coerce.number())
const optStr = z.string().optional()

const listEnvelope = { PageNo: num.optional(), PageSize: num.optional(), TotalCount: num.optional(), RequestId: optStr }

export const acrInstanceItem = z.looseObject({
  InstanceId: z.string(),
  InstanceName: optStr,
  InstanceSpecification: optStr,
  InstanceStatus: optStr,
  RegionId: optStr,
})

export const getInstanceAnswer = acrInstanceItem.extend({ RequestId: optStr })

export const acrRepository = z.looseObject({
  RepoId: z.string(),
  RepoName: z.string(),
  RepoNamespaceName: z.string(),
  RepoType: optStr,
  RepoStatus: optStr,
  Summary: optStr,
  CreateTime: num.optional(),
  ModifiedTime: num.optional(),
})
export type AcrRepository = z.infer<typeof acrRepository>

export const listRepositoryAnswer = z.looseObject({ ...listEnvelope, Repositories: z.array(acrRepository).default([]) })
export const getRepositoryAnswer = acrRepository.extend({ RequestId: optStr })

export const acrImage = z.looseObject({
  Tag: z.string(),
  /** Hex, without `sha256:` in the examples; both are accepted. */
  Digest: z.string(),
  ImageId: optStr,
  ImageSize: num.optional(),
  Status: optStr,
  ImageCreate: num.optional(),
  ImageUpdate: num.optional(),
})
export type AcrImage = z.infer<typeof acrImage>

export const listRepoTagAnswer = z.looseObject({ ...listEnvelope, Images: z.array(acrImage).default([]) })

/** The answer of actions that report nothing but success (CreateRepoTagScanTask). */
export const acrOkAnswer = z.looseObject({ RequestId: optStr })

export const acrScanStatus = z.enum(['SCANNING', 'COMPLETE', 'FAILED', 'RETRYING'])
export const getRepoTagScanStatusAnswer = z.looseObject({
  RequestId: optStr,
  // Empty or absent for a tag never scanned (undocumented); read as "not started yet".
  Status: z.union([acrScanStatus, z.literal('')]).optional(),
  ScanService: optStr,
})

export const getRepoTagScanSummaryAnswer = z.looseObject({
  RequestId: optStr,
  TotalSeverity: num.default(0),
  HighSeverity: num.default(0),
  MediumSeverity: num.default(0),
  LowSeverity: num.default(0),
  UnknownSeverity: num.default(0),
})

/** ListRepoTagScanResult's item: every field a string, every field optional (SDKs through Nov 2025). */
export const acrVulnerability = z.looseObject({
  CveName: optStr,
  CveLink: optStr,
  Severity: optStr,
  Feature: optStr,
  Version: optStr,
  VersionFixed: optStr,
  VersionFormat: optStr,
  AddedBy: optStr,
  FixCmd: optStr,
  Description: optStr,
  CveLocation: optStr,
  ScanType: optStr,
  AliasName: optStr,
})
export type AcrVulnerability = z.infer<typeof acrVulnerability>
export const listRepoTagScanResultAnswer = z.looseObject({ ...listEnvelope, Vulnerabilities: z.array(acrVulnerability).default([]) })

export const acrBaseline = z.looseObject({
  ScanTaskId: optStr,
  BaselineClassAlias: optStr,
  BaselineNameAlias: optStr,
  BaselineNameKey: optStr,
  BaselineNameLevel: optStr,
  BaselineItemCount: num.optional(),
  HighRiskItemCount: num.optional(),
  MiddleRiskItemCount: num.optional(),
  LowRiskItemCount: num.optional(),
  BaselineDetailDescription: optStr,
  BaselineDetailPrompt: optStr,
  BaselineDetailAdvice: optStr,
})
export type AcrBaseline = z.infer<typeof acrBaseline>
export const listScanBaselineByTaskAnswer = z.looseObject({ ...listEnvelope, ScanBaselines: z.array(acrBaseline).default([]) })

export const acrMaliciousFile = z.looseObject({
  ScanTaskId: optStr,
  MaliciousName: optStr,
  MaliciousMd5: optStr,
  FilePath: optStr,
  Level: optStr,
})
export type AcrMaliciousFile = z.infer<typeof acrMaliciousFile>
export const listScanMaliciousFileByTaskAnswer = z.looseObject({ ...listEnvelope, ScanMaliciousFiles: z.array(acrMaliciousFile).default([]) })

/** Epoch ms as a number or numeric string, or a datetime string as some doc examples show it. */
const time = z.preprocess((v) => (typeof v === 'string' && v !== '' && !/^\d+$/.test(v) ? Date.parse(v.includes('T') ? v : `${v.replace(' ', 'T')}Z`) : v), num)

/**
 * A scan rule as ACR writes it (acr-api.md §4.3–4.4): ListScanRule's item; GetScanRule's
 * ScanRule adds InstanceId. The one definition: our ACR endpoint answers exactly this
 * (server/wire/acr/actions/scan-rule-actions.ts), and the reader below loosens it.
 */
export const acrScanRuleFields = {
  ScanRuleId: z.string(),
  RuleName: z.string(),
  ScanScope: z.enum(['INSTANCE', 'NAMESPACE', 'REPO']),
  TriggerType: z.enum(['AUTO', 'MANUAL']),
  ScanType: z.enum(['VUL', 'SBOM']),
  RepoTagFilterPattern: z.string(),
  Namespaces: z.array(z.string()),
  RepoNames: z.array(z.string()),
  CreateTime: z.number().int(),
  UpdateTime: z.number().int(),
}

/** The reader: ACR's examples leave lists and times out, or write times as datetimes. */
export const acrScanRuleItem = z.looseObject({
  ...acrScanRuleFields,
  // ACR lists VUL rules by default; a rule without a type is read as one.
  ScanType: acrScanRuleFields.ScanType.default('VUL'),
  Namespaces: acrScanRuleFields.Namespaces.nullish().transform((v) => v ?? []),
  RepoNames: acrScanRuleFields.RepoNames.nullish().transform((v) => v ?? []),
  CreateTime: time.optional(),
  UpdateTime: time.optional(),
})
export type AcrScanRuleItem = z.infer<typeof acrScanRuleItem>
export const getScanRuleAnswer = z.looseObject({ RequestId: optStr, ScanRule: acrScanRuleItem.extend({ InstanceId: optStr }) })
export const listScanRuleAnswer = z.looseObject({ ...listEnvelope, ScanRules: z.array(acrScanRuleItem).nullish().transform((v) => v ?? []) })
export const scanRuleIdAnswer = z.looseObject({ RequestId: optStr, ScanRuleId: z.string() })
