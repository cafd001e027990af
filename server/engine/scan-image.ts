import type { AdvisoryDbInfo, BaselineFinding, ImageReport, MaliciousFile } from '@contract/findings'
import type { ImageSource, Platform } from './acquire/image-source'
import { formatPlatform } from './acquire/platform'
import type { OsvRecord } from './advisories/osv-record'
import { sortBaseline } from './baseline/checks'
import { collectFileFindings } from './baseline/collect-file-findings'
import { checkImageConfig, checkUserAgainstAccounts } from './baseline/config-checks'
import { baselineFilesAnalyzer } from './baseline/content-analyzer'
import { checkFileIndex } from './baseline/file-checks'
import type { Analyzer } from './inventory/analyzer'
import { defaultAnalyzers } from './inventory/analyzers/index'
import { inventoryImage, type InventoryProgress } from './inventory/inventory-image'
import type { LayerCache } from './layers/layer-cache'
import { matchComponents } from './match/match-components'
import { createMalwareAnalyzer } from './malware/malware-analyzer'
import type { SignatureDb } from './malware/signature-db'

/** Where findings come from: the advisory store, or anything that answers the same two questions. */
export interface AdvisorySource {
  find(ecosystem: string, names: string[]): Promise<OsvRecord[]>
  /** Records known by any of these ids: where a finding without a severity borrows one. */
  findByAlias(ids: string[]): Promise<OsvRecord[]>
  info(): Promise<AdvisoryDbInfo>
}

/**
 * The checks beyond vulnerabilities (ACR's SAS_SCAN_SERVICE): baseline risks from the
 * image config and file system, and malicious files from signatures and heuristics.
 */
export interface SecurityChecks {
  baseline: boolean
  /** Signature lists for the malicious-file scan; heuristics run with an empty one too. */
  malware?: SignatureDb | undefined
  /** More analyzers that report malicious files (a clamd client). */
  extraAnalyzers?: Analyzer[] | undefined
}

export interface ScanImageOptions {
  source: ImageSource
  repository: string
  /** A tag or a digest. */
  reference: string
  platform?: Platform | string
  advisories: AdvisorySource
  cache?: LayerCache
  analyzers?: Analyzer[]
  /** Off: vulnerabilities only (ACR_SCAN_SERVICE). */
  security?: SecurityChecks | undefined
  concurrency?: number
  signal?: AbortSignal
  onProgress?: (event: InventoryProgress) => void
  now?: () => number
}

/**
 * One scan: index the image (cached per layer), then match its packages against the
 * advisory store. Matching is never cached (the Clair split): a rescan after new
 * advisories were imported finds them without reading a layer again.
 */
export async function scanImage(opts: ScanImageOptions): Promise<ImageReport> {
  const now = opts.now ?? Date.now
  const started = now()
  const analyzers = [...(opts.analyzers ?? defaultAnalyzers())]
  const security = opts.security
  if (security?.baseline) analyzers.push(baselineFilesAnalyzer)
  if (security?.malware) analyzers.push(createMalwareAnalyzer(security.malware))
  if (security?.extraAnalyzers) analyzers.push(...security.extraAnalyzers)
  const inventory = await inventoryImage(opts.source, opts.repository, opts.reference, {
    analyzers,
    ...(opts.platform ? { platform: opts.platform } : {}),
    ...(opts.cache ? { cache: opts.cache } : {}),
    ...(opts.concurrency ? { concurrency: opts.concurrency } : {}),
    ...(opts.signal ? { signal: opts.signal } : {}),
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
  })
  const advisories = opts.advisories
  const matched = await matchComponents(inventory.components, inventory.os, (ecosystem, names) => advisories.find(ecosystem, names), {
    aliasLookup: (ids) => advisories.findByAlias(ids),
  })
  const image = inventory.image
  let baseline: BaselineFinding[] = []
  let maliciousFiles: MaliciousFile[] = []
  if (security) {
    const files = collectFileFindings(inventory.layerResults, inventory.fileIndex)
    if (security.baseline) {
      const layers = inventory.layers.map((l) => ({ digest: l.digest, ...(l.createdBy ? { createdBy: l.createdBy } : {}) }))
      baseline = sortBaseline([
        ...checkImageConfig(image.config, layers),
        ...checkFileIndex(inventory.fileIndex, layers.map((l) => l.digest)),
        ...files.baseline,
        ...checkUserAgainstAccounts(image.config, files.baseline),
      ])
    }
    maliciousFiles = files.malicious
  }
  return {
    image: reportedImage(image),
    os: inventory.os,
    layers: inventory.layers,
    components: inventory.components,
    findings: matched.findings,
    componentRisks: matched.componentRisks,
    baseline,
    maliciousFiles,
    notes: [...inventory.notes, ...matched.notes],
    advisoryDb: await opts.advisories.info(),
    scannedAt: started,
    durationMs: now() - started,
  }
}

type InventoriedImage = Awaited<ReturnType<typeof inventoryImage>>['image']

/** The report's description of the scanned image, shared by full and SBOM-only scans. */
export function reportedImage(image: InventoriedImage): ImageReport['image'] {
  return {
    repository: image.repository,
    reference: image.reference,
    digest: image.digest,
    manifestDigest: image.manifestDigest,
    configDigest: image.configDescriptor.digest,
    platform: formatPlatform(image.platform),
    size: image.size,
    ...(image.config.created ? { createdAt: image.config.created } : {}),
  }
}
