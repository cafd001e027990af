import { z } from 'zod'
import { epochMs, optionalParam } from './common'
import { scanType, severity } from './findings'
import { tagName } from './repositories'
import { imageDigest, scanTaskId } from './scans'

/**
 * Two scans side by side: which vulnerabilities (a CVE in a package) are new in this scan,
 * which the other scan had and this one no longer has, and which both have.
 */

export const compareScansQuery = z
  .object({
    scanTaskId: scanTaskId.meta({ description: 'This scan: what is new or fixed is said of it.' }),
    baseScanTaskId: optionalParam(scanTaskId).meta({ description: 'Compare with this COMPLETE scan (any repository of the same instance).' }),
    baseTag: optionalParam(tagName).meta({ description: 'Or with the newest COMPLETE scan of this tag of the same repository (its current digest).' }),
    baseDigest: optionalParam(imageDigest).meta({ description: 'Or with the newest COMPLETE scan of this digest of the same repository.' }),
  })
  .refine((q) => [q.baseScanTaskId, q.baseTag, q.baseDigest].filter((v) => v !== undefined).length === 1, {
    message: 'give exactly one of baseScanTaskId, baseTag or baseDigest',
    path: ['baseScanTaskId'],
  })
export type CompareScansQuery = z.output<typeof compareScansQuery>

export const comparedScan = z.object({
  scanTaskId: z.string(),
  repoId: z.string(),
  repository: z.string(),
  tag: z.string(),
  digest: z.string(),
  scanTime: epochMs,
})
export type ComparedScan = z.infer<typeof comparedScan>

export const comparedVulnerability = z
  .object({
    cveName: z.string(),
    /** The package, by name: a version change of the same package keeps the key. */
    feature: z.string(),
    severity,
    cvssScore: z.number().nullable(),
    scanType,
    /** Installed version in this scan; null when only the other scan has it. */
    version: z.string().nullable(),
    /** Installed version in the other scan; null when only this scan has it. */
    baseVersion: z.string().nullable(),
    versionFixed: z.string(),
  })
  .meta({ id: 'ComparedVulnerability' })
export type ComparedVulnerability = z.infer<typeof comparedVulnerability>

export const scanComparison = z
  .object({
    head: comparedScan,
    base: comparedScan,
    /** In this scan, not in the other: new. */
    added: z.array(comparedVulnerability),
    /** In the other scan, not in this one: fixed (or the package is gone). */
    fixed: z.array(comparedVulnerability),
    unchanged: z.array(comparedVulnerability),
  })
  .meta({ id: 'ScanComparison' })
export type ScanComparison = z.infer<typeof scanComparison>
