import { z } from 'zod'

/**
 * StackRox Central's answers as a client reads them: `StorageImage` (POST /v1/images/scan,
 * GET /v1/images/{id}) and the image list (GET /v1/images). Central marshals every field,
 * but older and newer versions add and drop some, so everything is optional with the
 * field's unset value as default, and enum values are read as strings and mapped by
 * table (an unknown value maps to "unknown", never to a crash). Names follow the seed
 * (`suppressExpiry` is spelled as Central's JSON spells it).
 */

const str = z.string().default('')
const num = z.preprocess((v) => (typeof v === 'string' && v !== '' ? Number(v) : v), z.number()).default(0)
const ts = z.string().nullable().default(null)
const list = <T extends z.ZodType>(item: T) => z.array(item).nullable().default([]).transform((v) => v ?? [])

export const storageCvssV2 = z.looseObject({
  vector: str,
  attackVector: str,
  accessComplexity: str,
  authentication: str,
  confidentiality: str,
  integrity: str,
  availability: str,
  exploitabilityScore: num,
  impactScore: num,
  score: num,
  severity: str,
})
export type StorageCvssV2 = z.infer<typeof storageCvssV2>

export const storageCvssV3 = z.looseObject({
  vector: str,
  exploitabilityScore: num,
  impactScore: num,
  attackVector: str,
  attackComplexity: str,
  privilegesRequired: str,
  userInteraction: str,
  scope: str,
  confidentiality: str,
  integrity: str,
  availability: str,
  score: num,
  severity: str,
})
export type StorageCvssV3 = z.infer<typeof storageCvssV3>

export const storageVulnerability = z.looseObject({
  cve: str,
  cvss: num,
  summary: str,
  link: str,
  fixedBy: str,
  scoreVersion: str,
  cvssV2: storageCvssV2.nullable().default(null),
  cvssV3: storageCvssV3.nullable().default(null),
  publishedOn: ts,
  lastModified: ts,
  vulnerabilityType: str,
  suppressed: z.boolean().default(false),
  suppressActivation: ts,
  suppressExpiry: ts,
  firstSystemOccurrence: ts,
  firstImageOccurrence: ts,
  severity: str,
  state: str,
})
export type StorageVulnerability = z.infer<typeof storageVulnerability>

export const storageComponent = z.looseObject({
  name: str,
  version: str,
  license: z.looseObject({ name: str, type: str, url: str }).nullable().default(null),
  vulns: list(storageVulnerability),
  layerIndex: z.number().int().nullable().default(null),
  source: str,
  location: str,
  topCvss: num,
  riskScore: num,
  fixedBy: str,
  executables: list(z.looseObject({ path: str, dependencies: list(z.string()) })),
})
export type StorageComponent = z.infer<typeof storageComponent>

export const storageImageName = z.looseObject({ registry: str, remote: str, tag: str, fullName: str })

export const storageImageLayer = z.looseObject({ instruction: str, value: str, created: ts, author: str, empty: z.boolean().default(false) })
export type StorageImageLayer = z.infer<typeof storageImageLayer>

export const signatureVerificationResult = z.looseObject({
  verificationTime: ts,
  verifierId: str,
  status: str,
  description: str,
  verifiedImageReferences: list(z.string()),
})

export const storageImage = z.looseObject({
  id: str,
  name: storageImageName.nullable().default(null),
  names: list(storageImageName),
  metadata: z
    .looseObject({
      v1: z.looseObject({ digest: str, created: ts, layers: list(storageImageLayer) }).nullable().default(null),
      v2: z.looseObject({ digest: str }).nullable().default(null),
      layerShas: list(z.string()),
    })
    .nullable()
    .default(null),
  scan: z
    .looseObject({
      scannerVersion: str,
      scanTime: ts,
      components: list(storageComponent),
      operatingSystem: str,
      dataSource: z.looseObject({ id: str, name: str, mirror: str }).nullable().default(null),
      notes: list(z.string()),
    })
    .nullable()
    .default(null),
  signatureVerificationData: z.looseObject({ results: list(signatureVerificationResult) }).nullable().default(null),
  signature: z.looseObject({ signatures: list(z.unknown()), fetched: ts }).nullable().default(null),
  components: num,
  cves: num,
  fixableCves: num,
  lastUpdated: ts,
  notPullable: z.boolean().default(false),
  isClusterLocal: z.boolean().default(false),
  riskScore: num,
  topCvss: num,
  notes: list(z.string()),
})
export type StorageImage = z.infer<typeof storageImage>

/** GET /v1/images: the list items (`ListImage`), whose `name` is the full image name. */
export const listImagesAnswer = z.looseObject({
  images: list(
    z.looseObject({
      id: z.string(),
      name: str,
      components: num,
      cves: num,
      fixableCves: num,
      created: ts,
      lastUpdated: ts,
    }),
  ),
})
export type ListImage = z.infer<typeof listImagesAnswer>['images'][number]

/** grpc-gateway's error body. */
export const runtimeError = z.looseObject({ error: str, code: num, message: str })
