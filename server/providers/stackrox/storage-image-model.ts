import { z } from 'zod'

/**
 * StackRox (Red Hat Advanced Cluster Security) 4.5 wire shapes of `POST /v1/images/scan`,
 * as the seed page lists them: the one definition of the model. Central marshals with
 * every field present (unset strings "", numbers 0, lists [], messages null), int64 as
 * strings and timestamps as RFC 3339; our StackRox endpoint (server/wire/stackrox/)
 * checks its answers against these schemas as they are, and the provider reads Central
 * through their lenient form (storage-image.ts, lenient-schema.ts).
 */

export const scanImageRequest = z.object({
  imageName: z.string().trim().min(1, 'is required').max(1024),
  force: z.boolean().default(false),
  includeSnoozed: z.boolean().default(false),
  cluster: z.string().trim().max(256).default(''),
})
export type ScanImageRequest = z.infer<typeof scanImageRequest>

/** grpc-gateway's error body, which StackRox calls Runtimeerror; `code` is the gRPC status code. */
export const runtimeError = z.object({
  error: z.string(),
  code: z.number().int(),
  message: z.string(),
  details: z.array(z.object({ typeUrl: z.string(), value: z.string() })),
})
export type RuntimeError = z.infer<typeof runtimeError>

const timestamp = z.string().nullable()
const int64 = z.string().regex(/^-?\d+$/)

export const storageCvssV2 = z.object({
  vector: z.string(),
  attackVector: z.enum(['ATTACK_LOCAL', 'ATTACK_ADJACENT', 'ATTACK_NETWORK']),
  accessComplexity: z.enum(['ACCESS_HIGH', 'ACCESS_MEDIUM', 'ACCESS_LOW']),
  authentication: z.enum(['AUTH_MULTIPLE', 'AUTH_SINGLE', 'AUTH_NONE']),
  confidentiality: z.enum(['IMPACT_NONE', 'IMPACT_PARTIAL', 'IMPACT_COMPLETE']),
  integrity: z.enum(['IMPACT_NONE', 'IMPACT_PARTIAL', 'IMPACT_COMPLETE']),
  availability: z.enum(['IMPACT_NONE', 'IMPACT_PARTIAL', 'IMPACT_COMPLETE']),
  exploitabilityScore: z.number(),
  impactScore: z.number(),
  score: z.number(),
  severity: z.enum(['UNKNOWN', 'LOW', 'MEDIUM', 'HIGH']),
})
export type StorageCvssV2 = z.infer<typeof storageCvssV2>

const v3Impact = z.enum(['IMPACT_NONE', 'IMPACT_LOW', 'IMPACT_HIGH'])
export const storageCvssV3 = z.object({
  vector: z.string(),
  exploitabilityScore: z.number(),
  impactScore: z.number(),
  attackVector: z.enum(['ATTACK_LOCAL', 'ATTACK_ADJACENT', 'ATTACK_NETWORK', 'ATTACK_PHYSICAL']),
  attackComplexity: z.enum(['COMPLEXITY_LOW', 'COMPLEXITY_HIGH']),
  privilegesRequired: z.enum(['PRIVILEGE_NONE', 'PRIVILEGE_LOW', 'PRIVILEGE_HIGH']),
  userInteraction: z.enum(['UI_NONE', 'UI_REQUIRED']),
  scope: z.enum(['UNCHANGED', 'CHANGED']),
  confidentiality: v3Impact,
  integrity: v3Impact,
  availability: v3Impact,
  score: z.number(),
  severity: z.enum(['UNKNOWN', 'NONE', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL']),
})
export type StorageCvssV3 = z.infer<typeof storageCvssV3>

export const vulnerabilitySeverity = z.enum([
  'UNKNOWN_VULNERABILITY_SEVERITY',
  'LOW_VULNERABILITY_SEVERITY',
  'MODERATE_VULNERABILITY_SEVERITY',
  'IMPORTANT_VULNERABILITY_SEVERITY',
  'CRITICAL_VULNERABILITY_SEVERITY',
])
export type VulnerabilitySeverity = z.infer<typeof vulnerabilitySeverity>

const vulnerabilityType = z.enum(['UNKNOWN_VULNERABILITY', 'IMAGE_VULNERABILITY', 'K8S_VULNERABILITY', 'ISTIO_VULNERABILITY', 'NODE_VULNERABILITY', 'OPENSHIFT_VULNERABILITY'])

export const storageVulnerability = z.object({
  cve: z.string(),
  cvss: z.number(),
  summary: z.string(),
  link: z.string(),
  fixedBy: z.string(),
  scoreVersion: z.enum(['V2', 'V3']),
  cvssV2: storageCvssV2.nullable(),
  cvssV3: storageCvssV3.nullable(),
  publishedOn: timestamp,
  lastModified: timestamp,
  vulnerabilityType,
  vulnerabilityTypes: z.array(vulnerabilityType),
  suppressed: z.boolean(),
  suppressActivation: timestamp,
  suppressExpiry: timestamp,
  firstSystemOccurrence: timestamp,
  firstImageOccurrence: timestamp,
  severity: vulnerabilitySeverity,
  state: z.enum(['OBSERVED', 'DEFERRED', 'FALSE_POSITIVE']),
})
export type StorageVulnerability = z.infer<typeof storageVulnerability>

export const storageSourceType = z.enum(['OS', 'PYTHON', 'JAVA', 'RUBY', 'NODEJS', 'GO', 'DOTNETCORERUNTIME', 'INFRASTRUCTURE'])
export type StorageSourceType = z.infer<typeof storageSourceType>

export const storageComponent = z.object({
  name: z.string(),
  version: z.string(),
  license: z.object({ name: z.string(), type: z.string(), url: z.string() }).nullable(),
  vulns: z.array(storageVulnerability),
  layerIndex: z.number().int(),
  priority: int64,
  source: storageSourceType,
  location: z.string(),
  topCvss: z.number(),
  riskScore: z.number(),
  fixedBy: z.string(),
  executables: z.array(z.object({ path: z.string(), dependencies: z.array(z.string()) })),
})
export type StorageComponent = z.infer<typeof storageComponent>

export const storageImageName = z.object({ registry: z.string(), remote: z.string(), tag: z.string(), fullName: z.string() })
export type StorageImageName = z.infer<typeof storageImageName>

export const storageImageLayer = z.object({ instruction: z.string(), value: z.string(), created: timestamp, author: z.string(), empty: z.boolean() })

export const imageScanNote = z.enum([
  'UNSET',
  'OS_UNAVAILABLE',
  'PARTIAL_SCAN_DATA',
  'OS_CVES_UNAVAILABLE',
  'OS_CVES_STALE',
  'LANGUAGE_CVES_UNAVAILABLE',
  'CERTIFIED_RHEL_SCAN_UNAVAILABLE',
])
export const imageNote = z.enum(['MISSING_METADATA', 'MISSING_SCAN_DATA', 'MISSING_SIGNATURE', 'MISSING_SIGNATURE_VERIFICATION_DATA'])

export const signatureVerificationResult = z.object({
  verificationTime: timestamp,
  verifierId: z.string(),
  status: z.string(),
  description: z.string(),
  verifiedImageReferences: z.array(z.string()),
})

export const storageImage = z.object({
  id: z.string(),
  name: storageImageName,
  names: z.array(storageImageName),
  metadata: z.object({
    /** V1Metadata: the config's digest, creation time and history (non-empty layers only). */
    v1: z.object({ digest: z.string(), created: timestamp, layers: z.array(storageImageLayer) }),
    /** V2Metadata: the image manifest's digest. */
    v2: z.object({ digest: z.string() }),
    layerShas: z.array(z.string()),
  }),
  scan: z.object({
    scannerVersion: z.string(),
    scanTime: timestamp,
    components: z.array(storageComponent),
    operatingSystem: z.string(),
    dataSource: z.object({ id: z.string(), name: z.string(), mirror: z.string() }).nullable(),
    notes: z.array(imageScanNote),
  }),
  signatureVerificationData: z.object({ results: z.array(signatureVerificationResult) }).nullable(),
  signature: z.object({ signatures: z.array(z.unknown()), fetched: timestamp }).nullable(),
  components: z.number().int(),
  cves: z.number().int(),
  fixableCves: z.number().int(),
  lastUpdated: timestamp,
  notPullable: z.boolean(),
  isClusterLocal: z.boolean(),
  priority: int64,
  riskScore: z.number(),
  topCvss: z.number(),
  notes: z.array(imageNote),
})
export type StorageImage = z.infer<typeof storageImage>
