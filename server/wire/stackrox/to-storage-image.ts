import type { ComponentSource, CvssV2, CvssV3, Severity, VulnerabilityState } from '@contract/findings'
import type { ImageReportView } from '@contract/scans'
import type {
  StorageComponent,
  StorageCvssV2,
  StorageCvssV3,
  StorageImage,
  StorageImageName,
  StorageSourceType,
  StorageVulnerability,
  VulnerabilitySeverity,
} from '../../providers/stackrox/storage-image-model'

/**
 * Our report of one COMPLETE scan (getImageReport's ImageReportView, already shaped
 * after StackRox's model) as StackRox's StorageImage. What we do not have is sent as
 * the field's unset value, never invented: no signatures (and the image notes say so),
 * no per-layer timestamps. A vulnerability's state and suppression come from our
 * approved exceptions (see {@link StorageImageOptions}); without any it is OBSERVED.
 */

/** A finding's exception state, as server/exceptions/finding-states.ts answers it (times in epoch ms). */
export interface VulnSuppression {
  state: VulnerabilityState
  suppressed: boolean
  suppressActivation: number | null
  suppressExpiry: number | null
}

export interface StorageImageOptions {
  /** The state of a component's vulnerability; undefined: OBSERVED, nothing suppressed. */
  stateOf?: ((cve: string, componentId: string) => VulnSuppression | undefined) | undefined
  /**
   * StackRox's includeSnoozed: false leaves suppressed vulnerabilities out of every
   * component, and out of the image's cves and fixableCves, as Central does.
   */
  includeSnoozed?: boolean | undefined
}

/** How the image was asked for: a tag, or a digest (then `tag` is empty, as StackRox writes it). */
export interface RequestedName {
  registry: string
  remote: string
  tag: string
  digest?: string | undefined
}

export function toStorageImageName(n: RequestedName): StorageImageName {
  const ref = n.digest && !n.tag ? `@${n.digest}` : `:${n.tag}`
  return { registry: n.registry, remote: n.remote, tag: n.digest && !n.tag ? '' : n.tag, fullName: `${n.registry}/${n.remote}${ref}` }
}

const SEVERITY: Record<Severity, VulnerabilitySeverity> = {
  Critical: 'CRITICAL_VULNERABILITY_SEVERITY',
  High: 'IMPORTANT_VULNERABILITY_SEVERITY',
  Medium: 'MODERATE_VULNERABILITY_SEVERITY',
  Low: 'LOW_VULNERABILITY_SEVERITY',
  Unknown: 'UNKNOWN_VULNERABILITY_SEVERITY',
}

/**
 * StackRox has no source for a bare binary; the enum's zero value (OS) is what an unset
 * source reads as there, so a BINARY component is sent as that.
 */
const SOURCE: Record<ComponentSource, StorageSourceType> = {
  OS: 'OS',
  PYTHON: 'PYTHON',
  JAVA: 'JAVA',
  RUBY: 'RUBY',
  NODEJS: 'NODEJS',
  GO: 'GO',
  DOTNET: 'DOTNETCORERUNTIME',
  BINARY: 'OS',
  INFRASTRUCTURE: 'INFRASTRUCTURE',
}

const ATTACK_VECTOR = { LOCAL: 'ATTACK_LOCAL', ADJACENT_NETWORK: 'ATTACK_ADJACENT', NETWORK: 'ATTACK_NETWORK', PHYSICAL: 'ATTACK_PHYSICAL' } as const

/** NVD's v2 bands. */
export function cvssV2Severity(score: number): StorageCvssV2['severity'] {
  return score >= 7 ? 'HIGH' : score >= 4 ? 'MEDIUM' : 'LOW'
}

/** The v3 specification's bands. */
export function cvssV3Severity(score: number): StorageCvssV3['severity'] {
  return score >= 9 ? 'CRITICAL' : score >= 7 ? 'HIGH' : score >= 4 ? 'MEDIUM' : score > 0 ? 'LOW' : 'NONE'
}

export function toStorageCvssV2(v: CvssV2): StorageCvssV2 {
  return {
    vector: v.vector,
    attackVector: ATTACK_VECTOR[v.accessVector],
    accessComplexity: `ACCESS_${v.accessComplexity}`,
    authentication: `AUTH_${v.authentication}`,
    confidentiality: `IMPACT_${v.confidentiality}`,
    integrity: `IMPACT_${v.integrity}`,
    availability: `IMPACT_${v.availability}`,
    exploitabilityScore: v.exploitabilityScore,
    impactScore: v.impactScore,
    score: v.baseScore,
    severity: cvssV2Severity(v.baseScore),
  }
}

export function toStorageCvssV3(v: CvssV3): StorageCvssV3 {
  return {
    vector: v.vector,
    exploitabilityScore: v.exploitabilityScore,
    impactScore: v.impactScore,
    attackVector: ATTACK_VECTOR[v.attackVector],
    attackComplexity: `COMPLEXITY_${v.attackComplexity}`,
    privilegesRequired: `PRIVILEGE_${v.privilegesRequired}`,
    userInteraction: `UI_${v.userInteraction}`,
    scope: v.scope,
    confidentiality: `IMPACT_${v.confidentiality}`,
    integrity: `IMPACT_${v.integrity}`,
    availability: `IMPACT_${v.availability}`,
    score: v.baseScore,
    severity: cvssV3Severity(v.baseScore),
  }
}

type ReportComponent = ImageReportView['scan']['components'][number]
type ReportVulnerability = ReportComponent['vulns'][number]

const isoOrNull = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString())

export function toStorageVulnerability(v: ReportVulnerability, suppression?: VulnSuppression): StorageVulnerability {
  return {
    cve: v.cve,
    cvss: v.cvss ?? 0,
    // StackRox's summary is the advisory's text; our one-line title is the fallback.
    summary: v.description || v.summary,
    link: v.link,
    fixedBy: v.fixedBy ?? '',
    // StackRox 4.5 knows V2 and V3 only. A v4-only score keeps its value under the
    // enum's zero value (V2), which is how an unset scoreVersion reads there.
    scoreVersion: v.scoreVersion === 'V3' ? 'V3' : 'V2',
    cvssV2: v.cvssV2 ? toStorageCvssV2(v.cvssV2) : null,
    cvssV3: v.cvssV3 ? toStorageCvssV3(v.cvssV3) : null,
    publishedOn: v.publishedOn,
    lastModified: v.lastModified,
    vulnerabilityType: 'IMAGE_VULNERABILITY',
    vulnerabilityTypes: ['IMAGE_VULNERABILITY'],
    suppressed: suppression?.suppressed ?? false,
    suppressActivation: isoOrNull(suppression?.suppressActivation ?? null),
    suppressExpiry: isoOrNull(suppression?.suppressExpiry ?? null),
    firstSystemOccurrence: null,
    firstImageOccurrence: null,
    severity: SEVERITY[v.severity],
    state: suppression?.state ?? 'OBSERVED',
  }
}

export function toStorageComponent(c: ReportComponent, opts: StorageImageOptions = {}): StorageComponent {
  const vulns = c.vulns.map((v) => toStorageVulnerability(v, opts.stateOf?.(v.cve, c.componentId)))
  return {
    name: c.name,
    version: c.version,
    license: c.licenses.length ? { name: c.licenses.join(', '), type: '', url: '' } : null,
    vulns: opts.includeSnoozed ? vulns : vulns.filter((v) => !v.suppressed),
    layerIndex: c.layerIndex,
    priority: '0',
    source: SOURCE[c.source],
    location: c.location,
    topCvss: c.topCvss ?? 0,
    riskScore: c.riskScore,
    fixedBy: c.fixedBy ?? '',
    executables: [],
  }
}

const iso = (ms: number) => new Date(ms).toISOString()

/**
 * @example
 * toStorageImage(view, { registry: 'registry.example.com', remote: 'team/api', tag: '1.4' }).name.fullName
 * // 'registry.example.com/team/api:1.4'
 */
export function toStorageImage(view: ImageReportView, requested: RequestedName, opts: StorageImageOptions = {}): StorageImage {
  const name = toStorageImageName(requested)
  const scanTime = iso(view.scan.scanTime)
  const components = view.scan.components.map((c) => toStorageComponent(c, opts))
  // The image's CVE counts are of the vulnerabilities it answers, so snoozed ones leave them too.
  const vulns = components.flatMap((c) => c.vulns)
  const hidesSome = vulns.length < view.scan.components.reduce((n, c) => n + c.vulns.length, 0)
  return {
    id: view.id,
    name,
    names: [name],
    metadata: {
      v1: {
        digest: view.metadata.configDigest,
        created: view.metadata.created,
        layers: view.metadata.layers.map((l) => ({ instruction: l.instruction ?? '', value: l.value ?? l.createdBy ?? '', created: null, author: '', empty: false })),
      },
      v2: { digest: view.metadata.manifestDigest },
      layerShas: view.metadata.layers.map((l) => l.digest),
    },
    scan: {
      scannerVersion: view.scan.scannerVersion,
      scanTime,
      components,
      operatingSystem: view.scan.operatingSystem,
      dataSource: null,
      notes: view.scan.notes,
    },
    signatureVerificationData: null,
    signature: null,
    components: view.components,
    cves: hidesSome ? new Set(vulns.map((v) => v.cve)).size : view.cves,
    fixableCves: hidesSome ? new Set(vulns.filter((v) => v.fixedBy).map((v) => v.cve)).size : view.fixableCves,
    lastUpdated: scanTime,
    notPullable: false,
    isClusterLocal: false,
    priority: '0',
    riskScore: view.riskScore,
    topCvss: view.topCvss ?? 0,
    // Layerscope does not fetch or verify image signatures.
    notes: ['MISSING_SIGNATURE', 'MISSING_SIGNATURE_VERIFICATION_DATA'],
  }
}
