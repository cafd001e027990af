import type { ImageReport } from '@contract/findings'
import type { ImageSource } from '../engine/acquire/image-source'
import { defaultAnalyzers } from '../engine/inventory/analyzers/index'
import { inventoryImage, type InventoryProgress } from '../engine/inventory/inventory-image'
import type { LayerCache } from '../engine/layers/layer-cache'
import { reportedImage } from '../engine/scan-image'

export interface SbomReportOptions {
  source: ImageSource
  repository: string
  reference: string
  platform?: string | undefined
  cache?: LayerCache | undefined
  signal?: AbortSignal | undefined
  onProgress?: ((event: InventoryProgress) => void) | undefined
  now?: () => number
}

/** Says in the report itself why it lists no vulnerabilities. */
export const SBOM_ONLY_NOTE = {
  level: 'info',
  code: 'sbom-only',
  message: 'SBOM scan: the packages were inventoried and not matched against advisories.',
} as const

/**
 * What an SBOM rule's task produces: the image's inventory (OS, layers, packages with
 * their purls), as an engine report with no findings, so the same stored report serves
 * getImageReport and the CycloneDX export. No advisory is read: the store's state says
 * nothing about this report, hence an empty advisoryDb.
 *
 * @example
 * const report = await sbomReport({ source, repository: 'demo/shop-app', reference: digest })
 * report.components.length > 0 && report.findings.length === 0
 */
export async function sbomReport(opts: SbomReportOptions): Promise<ImageReport> {
  const now = opts.now ?? Date.now
  const started = now()
  const inventory = await inventoryImage(opts.source, opts.repository, opts.reference, {
    analyzers: defaultAnalyzers(),
    platform: opts.platform,
    cache: opts.cache,
    signal: opts.signal,
    onProgress: opts.onProgress,
  })
  return {
    image: reportedImage(inventory.image),
    os: inventory.os,
    layers: inventory.layers,
    components: inventory.components,
    findings: [],
    componentRisks: [],
    baseline: [],
    maliciousFiles: [],
    notes: [...inventory.notes, SBOM_ONLY_NOTE],
    advisoryDb: { recordCount: 0, importedAt: null, newestModified: null },
    scannedAt: started,
    durationMs: now() - started,
  }
}
