import { z } from 'zod'
import { packageFormat, severity } from './findings'
import { scanTaskId } from './scans'

/**
 * The fix plan of a scan: its vulnerabilities grouped into one upgrade per package, the
 * biggest risk first, with the command that installs it and a Dockerfile snippet for all.
 */

export const getScanFixPlanQuery = z.object({ scanTaskId })

/** Who installs an upgrade: the package manager, or a rebuild for what no command in the image can change. */
export const packageManager = z.enum(['apt', 'apk', 'dnf', 'yum', 'npm', 'pip', 'gem', 'maven', 'go', 'dotnet'])
export type PackageManager = z.infer<typeof packageManager>

export const fixPlanFinding = z.object({
  cveName: z.string(),
  severity,
  cvssScore: z.number().nullable(),
  /** The version that fixes it; empty when none is known. */
  versionFixed: z.string(),
})
export type FixPlanFinding = z.infer<typeof fixPlanFinding>

export const fixPlanUpgrade = z
  .object({
    componentId: z.string(),
    name: z.string(),
    format: packageFormat,
    manager: packageManager,
    installedVersion: z.string(),
    /** The lowest version that fixes every fixable finding of the package. */
    targetVersion: z.string(),
    /** The single command for this upgrade, as the scan gives it (`apk add --upgrade musl=1.2.4-r3`). */
    command: z.string(),
    location: z.string(),
    layerIndex: z.number().int(),
    /** True when the package came with the base image (see baseImage). */
    inBaseImage: z.boolean(),
    closes: z.array(fixPlanFinding).meta({ description: 'The findings this upgrade fixes, worst first.' }),
    /** Findings of this package that stay after the upgrade: no fix is known for them. */
    remainsInPackage: z.array(fixPlanFinding),
    /** Sum of the closed findings' best CVSS scores (5.0 for an unscored one): what the plan is ordered by. */
    riskRemoved: z.number(),
    /** Findings of the whole image still open once this and every upgrade above it are done. */
    remainingAfter: z.number().int().min(0),
  })
  .meta({ id: 'FixPlanUpgrade' })
export type FixPlanUpgrade = z.infer<typeof fixPlanUpgrade>

export const scanFixPlan = z
  .object({
    scanTaskId: z.string(),
    digest: z.string(),
    totalFindings: z.number().int().min(0),
    fixableFindings: z.number().int().min(0),
    upgrades: z.array(fixPlanUpgrade),
    /** Packages none of whose findings has a fix yet. */
    unfixable: z.array(z.object({ componentId: z.string(), name: z.string(), version: z.string(), findings: z.array(fixPlanFinding) })),
    baseImage: z
      .object({
        /** Layers 0…lastLayerIndex came from the base image. */
        lastLayerIndex: z.number().int().min(0),
        /** How the boundary was found, for the note: `buildkit` or `rootfs`. */
        evidence: z.enum(['buildkit', 'rootfs']),
        findings: z.number().int().min(0),
        /** True when more than half of all findings are in base-image layers: a newer base image fixes most. */
        mostFindings: z.boolean(),
      })
      .nullable()
      .meta({ description: 'Null when the layer history does not tell where the base image ends.' }),
    /** Dockerfile lines for every upgrade: one RUN per package manager, comments for what needs a rebuild. */
    dockerfile: z.string(),
  })
  .meta({ id: 'ScanFixPlan' })
export type ScanFixPlan = z.infer<typeof scanFixPlan>
