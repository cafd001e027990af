import type { Component, CvssV2, CvssV3, Finding, ImageLayer, ImageReport, OsInfo, PackageFormat, ScanNote, Severity } from '@contract/findings'
import { NO_LOCAL_ADVISORIES, SOURCE_OF_FORMAT, upstreamComponentId, upstreamComponentRisks, upstreamPurl } from '../upstream-report'
import type { StorageComponent, StorageCvssV2, StorageCvssV3, StorageImage, StorageVulnerability } from './storage-image'

/**
 * StackRox's StorageImage as our ImageReport. Kept: components with layer, location,
 * license and fixedBy; vulnerabilities with CVSS v2/v3 metrics, dates and fixes; the
 * image's layers (history), scan and image notes, and signature verification results.
 * A vulnerability that is DEFERRED or FALSE_POSITIVE in Central is not a finding here (it
 * is listed in a note with its state), so our counts match what Central counts as observed.
 * What StackRox does not report (layer sizes, diffIDs, file counts) stays empty or 0.
 */

const SEVERITY: Record<string, Severity> = {
  CRITICAL_VULNERABILITY_SEVERITY: 'Critical',
  IMPORTANT_VULNERABILITY_SEVERITY: 'High',
  MODERATE_VULNERABILITY_SEVERITY: 'Medium',
  LOW_VULNERABILITY_SEVERITY: 'Low',
}

/**
 * DOTNETCORERUNTIME is StackRox's one .NET source: its scanner names the shared frameworks
 * it finds (`microsoft.netcore.app`, `microsoft.aspnetcore.app`), which are NuGet packages
 * too, and our own StackRox endpoint sends every NuGet package under it.
 */
const LANGUAGE_FORMATS: Record<string, PackageFormat> = { PYTHON: 'pypi', JAVA: 'maven', RUBY: 'gem', NODEJS: 'npm', GO: 'go', DOTNETCORERUNTIME: 'nuget' }

/** os-release IDs as Central writes them in `operatingSystem` (`debian:11`, `alpine:v3.18`, `rhel:8`). */
const OS_FORMATS: Record<string, PackageFormat> = {
  debian: 'dpkg',
  ubuntu: 'dpkg',
  alpine: 'apk',
  rhel: 'rpm',
  centos: 'rpm',
  fedora: 'rpm',
  amzn: 'rpm',
  ol: 'rpm',
  rocky: 'rpm',
  almalinux: 'rpm',
  sles: 'rpm',
  opensuse: 'rpm',
}

export function parseOperatingSystem(value: string): OsInfo | null {
  if (!value || value === 'unknown') return null
  const [id = '', versionId = ''] = value.split(':', 2)
  return { id, versionId: versionId.replace(/^v/, ''), prettyName: value }
}

const strip = (value: string, prefix: string) => (value.startsWith(prefix) ? value.slice(prefix.length) : value)
const v2Vector = { ATTACK_LOCAL: 'LOCAL', ATTACK_ADJACENT: 'ADJACENT_NETWORK', ATTACK_NETWORK: 'NETWORK' } as const
const v3Vector = { ...v2Vector, ATTACK_PHYSICAL: 'PHYSICAL' } as const

function pick<T extends string>(allowed: readonly T[], value: string): T | undefined {
  return (allowed as readonly string[]).includes(value) ? (value as T) : undefined
}

/** Our CVSS v2 object, or undefined when Central sent none (an unset message has no vector). */
export function toCvssV2(v: StorageCvssV2 | null): CvssV2 | undefined {
  if (!v?.vector) return undefined
  const accessVector = v2Vector[v.attackVector as keyof typeof v2Vector] as CvssV2['accessVector'] | undefined
  const accessComplexity = pick(['HIGH', 'MEDIUM', 'LOW'] as const, strip(v.accessComplexity, 'ACCESS_'))
  const authentication = pick(['MULTIPLE', 'SINGLE', 'NONE'] as const, strip(v.authentication, 'AUTH_'))
  const impact = (x: string) => pick(['NONE', 'PARTIAL', 'COMPLETE'] as const, strip(x, 'IMPACT_'))
  const [c, i, a] = [impact(v.confidentiality), impact(v.integrity), impact(v.availability)]
  if (!accessVector || !accessComplexity || !authentication || !c || !i || !a) return undefined
  return { vector: v.vector, baseScore: v.score, exploitabilityScore: v.exploitabilityScore, impactScore: v.impactScore, accessVector, accessComplexity, authentication, confidentiality: c, integrity: i, availability: a }
}

export function toCvssV3(v: StorageCvssV3 | null): CvssV3 | undefined {
  if (!v?.vector) return undefined
  const attackVector = v3Vector[v.attackVector as keyof typeof v3Vector] as CvssV3['attackVector'] | undefined
  const attackComplexity = pick(['LOW', 'HIGH'] as const, strip(v.attackComplexity, 'COMPLEXITY_'))
  const privilegesRequired = pick(['NONE', 'LOW', 'HIGH'] as const, strip(v.privilegesRequired, 'PRIVILEGE_'))
  const userInteraction = pick(['NONE', 'REQUIRED'] as const, strip(v.userInteraction, 'UI_'))
  const scope = pick(['UNCHANGED', 'CHANGED'] as const, v.scope)
  const impact = (x: string) => pick(['NONE', 'LOW', 'HIGH'] as const, strip(x, 'IMPACT_'))
  const [c, i, a] = [impact(v.confidentiality), impact(v.integrity), impact(v.availability)]
  if (!attackVector || !attackComplexity || !privilegesRequired || !userInteraction || !scope || !c || !i || !a) return undefined
  return {
    vector: v.vector,
    version: v.vector.startsWith('CVSS:3.0/') ? '3.0' : '3.1',
    baseScore: v.score,
    exploitabilityScore: v.exploitabilityScore,
    impactScore: v.impactScore,
    attackVector,
    attackComplexity,
    privilegesRequired,
    userInteraction,
    scope,
    confidentiality: c,
    integrity: i,
    availability: a,
  }
}

export interface StackroxScanContext {
  repository: string
  reference: string
  scannedAt: number
  durationMs: number
}

export function storageImageToReport(img: StorageImage, ctx: StackroxScanContext): ImageReport {
  const notes: ScanNote[] = [{ level: 'info', code: 'upstream-scan', message: `Scanned by StackRox Central${img.scan?.scannerVersion ? ` (scanner ${img.scan.scannerVersion})` : ''}.` }]
  const os = parseOperatingSystem(img.scan?.operatingSystem ?? '')
  const osFormat = os ? OS_FORMATS[os.id] : undefined
  const { layers, ordinalOf } = mapLayers(img)
  const components: Component[] = []
  const findings: Finding[] = []
  const fixedBy = new Map<string, string>()
  const notFindings: string[] = []
  const skipped = new Map<string, number>()
  for (const c of img.scan?.components ?? []) {
    const format = c.source === 'OS' ? osFormat : LANGUAGE_FORMATS[c.source]
    if (!format) {
      const why = c.source === 'OS' ? `OS packages of "${img.scan?.operatingSystem ?? ''}"` : `${c.source || 'unknown'} components`
      skipped.set(why, (skipped.get(why) ?? 0) + 1)
      continue
    }
    const component = toComponent(c, format, ordinalOf, layers)
    components.push(component)
    if (c.fixedBy) fixedBy.set(component.componentId, c.fixedBy)
    for (const v of c.vulns) {
      if (v.state && v.state !== 'OBSERVED') {
        notFindings.push(`${v.cve} in ${c.name} ${c.version}: ${v.state}${v.suppressExpiry ? ` until ${v.suppressExpiry}` : ''}`)
        continue
      }
      findings.push(toFinding(v, component))
    }
  }
  for (const [why, count] of skipped) {
    notes.push({ level: 'warning', code: 'unknown-package-format', message: `${count} component(s) (${why}) have no package format Layerscope models; they and their vulnerabilities are not shown.` })
  }
  if (notFindings.length) {
    notes.push({ level: 'info', code: 'upstream-vulnerability-state', message: `Not counted as findings, by their state in Central: ${notFindings.join('; ')}.` })
  }
  for (const n of img.scan?.notes ?? []) if (n && n !== 'UNSET') notes.push({ level: 'warning', code: `stackrox-scan-${n.toLowerCase().replaceAll('_', '-')}`, message: `Central's scan note: ${n}.` })
  for (const n of img.notes) notes.push({ level: 'warning', code: `stackrox-image-${n.toLowerCase().replaceAll('_', '-')}`, message: `Central's image note: ${n}.` })
  for (const r of img.signatureVerificationData?.results ?? []) {
    const refs = r.verifiedImageReferences.length ? ` for ${r.verifiedImageReferences.join(', ')}` : ''
    notes.push({
      level: r.status === 'VERIFIED' ? 'info' : 'warning',
      code: 'signature-verification',
      message: `Signature verification (integration ${r.verifierId || 'unknown'}${r.verificationTime ? `, ${r.verificationTime}` : ''}): ${r.status}${refs}${r.description ? `: ${r.description}` : ''}.`,
    })
  }
  const digest = img.id
  return {
    image: {
      repository: ctx.repository,
      reference: ctx.reference,
      digest,
      manifestDigest: img.metadata?.v2?.digest || digest,
      configDigest: img.metadata?.v1?.digest ?? '',
      platform: '',
      size: 0,
      ...(img.metadata?.v1?.created ? { createdAt: img.metadata.v1.created } : {}),
    },
    os: os ?? null,
    layers,
    components,
    findings,
    componentRisks: upstreamComponentRisks(components, findings, fixedBy),
    baseline: [],
    maliciousFiles: [],
    notes,
    advisoryDb: { ...NO_LOCAL_ADVISORIES },
    scannedAt: img.scan?.scanTime ? Date.parse(img.scan.scanTime) || ctx.scannedAt : ctx.scannedAt,
    durationMs: ctx.durationMs,
  }
}

/**
 * Central's layers are the config history, empty steps included, and a component's
 * layerIndex points into that list; ours are the filesystem layers. The non-empty
 * history entries pair, in order, with `layerShas`.
 */
function mapLayers(img: StorageImage): { layers: ImageLayer[]; ordinalOf: (i: number) => number } {
  const history = img.metadata?.v1?.layers ?? []
  const shas = img.metadata?.layerShas ?? []
  const ordinals: number[] = []
  const layers: ImageLayer[] = []
  let next = 0
  for (const h of history) {
    ordinals.push(next)
    if (h.empty) continue
    layers.push({ index: next, digest: shas[next] ?? '', diffId: '', size: 0, mediaType: '', createdBy: [h.instruction, h.value].filter(Boolean).join(' '), cached: false, fileCount: 0 })
    next++
  }
  if (!history.length) shas.forEach((digest, index) => layers.push({ index, digest, diffId: '', size: 0, mediaType: '', cached: false, fileCount: 0 }))
  return { layers, ordinalOf: (i) => (history.length ? Math.min(ordinals[i] ?? i, Math.max(0, layers.length - 1)) : i) }
}

function toComponent(c: StorageComponent, format: PackageFormat, ordinalOf: (i: number) => number, layers: readonly ImageLayer[]): Component {
  const layerIndex = Math.max(0, ordinalOf(c.layerIndex ?? 0))
  return {
    componentId: upstreamComponentId(format, c.name, c.version, c.location),
    name: c.name,
    version: c.version,
    format,
    source: SOURCE_OF_FORMAT[format],
    purl: upstreamPurl(format, c.name, c.version),
    layerIndex,
    layerDigest: layers[layerIndex]?.digest ?? '',
    location: c.location,
    licenses: c.license?.name ? [c.license.name] : [],
  }
}

function toFinding(v: StorageVulnerability, c: Component): Finding {
  const cvssV2 = toCvssV2(v.cvssV2)
  const cvssV3 = toCvssV3(v.cvssV3)
  const summary = v.summary.split('\n', 1)[0] ?? ''
  return {
    vulnerabilityId: v.cve,
    aliases: v.cve ? [v.cve] : [],
    advisoryIds: [],
    summary: summary.length > 200 ? `${summary.slice(0, 199)}…` : summary,
    description: v.summary,
    link: v.link,
    severity: SEVERITY[v.severity] ?? 'Unknown',
    severitySource: 'stackrox',
    ...(cvssV2 ? { cvssV2 } : {}),
    ...(cvssV3 ? { cvssV3 } : {}),
    ...(v.fixedBy ? { fixedBy: v.fixedBy } : {}),
    ...(v.publishedOn ? { publishedAt: v.publishedOn } : {}),
    ...(v.lastModified ? { modifiedAt: v.lastModified } : {}),
    scanType: c.source === 'OS' ? 'cve' : 'sca',
    componentId: c.componentId,
  }
}
