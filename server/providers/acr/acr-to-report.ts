import type { BaselineFinding, BaselineLevel, Component, Finding, ImageReport, MaliciousFile, MaliciousLevel, PackageFormat, ScanNote } from '@contract/findings'
import { NO_LOCAL_ADVISORIES, SOURCE_OF_FORMAT, severityFromWord, upstreamComponentId, upstreamComponentRisks, upstreamPurl } from '../upstream-report'
import type { AcrBaseline, AcrImage, AcrMaliciousFile, AcrVulnerability } from './acr-schemas'

/**
 * ACR's scan results (ListRepoTagScanResult, ListScanBaselineByTask,
 * ListScanMaliciousFileByTask, GetRepoTag) as our ImageReport. Every field ACR reports is
 * kept; what ACR does not report (CVSS vectors, layer list, OS, file hashes beyond MD5)
 * is left empty and said so in the report's notes, never filled with made-up values.
 */

/** Trivy's package-type words, which ACR's scanner writes in VersionFormat, onto our formats. */
const FORMATS: Record<string, PackageFormat> = {
  dpkg: 'dpkg',
  deb: 'dpkg',
  debian: 'dpkg',
  ubuntu: 'dpkg',
  apk: 'apk',
  alpine: 'apk',
  rpm: 'rpm',
  centos: 'rpm',
  redhat: 'rpm',
  rhel: 'rpm',
  amazon: 'rpm',
  oracle: 'rpm',
  npm: 'npm',
  'node-pkg': 'npm',
  yarn: 'npm',
  pnpm: 'npm',
  pip: 'pypi',
  pipenv: 'pypi',
  poetry: 'pypi',
  pypi: 'pypi',
  'python-pkg': 'pypi',
  jar: 'maven',
  pom: 'maven',
  maven: 'maven',
  gradle: 'maven',
  go: 'go',
  gomod: 'go',
  gobinary: 'go',
  gem: 'gem',
  gemspec: 'gem',
  bundler: 'gem',
  // packages.lock.json and packages.config; *.deps.json (what a published app ships); Directory.Packages.props.
  nuget: 'nuget',
  'dotnet-core': 'nuget',
  'packages-props': 'nuget',
}

export interface AcrScanData {
  repository: string
  tag: string
  /** `sha256:<hex>`. */
  digest: string
  image: AcrImage | null
  vulnerabilities: readonly AcrVulnerability[]
  /** Null for ACR_SCAN_SERVICE scans: only the Security Center engine checks these. */
  baselines: readonly AcrBaseline[] | null
  maliciousFiles: readonly AcrMaliciousFile[] | null
  scannedAt: number
  durationMs: number
}

/** `sha256:<hex>` whether ACR wrote the prefix or not. */
export function normalizeDigest(d: string): string {
  return d.includes(':') ? d : `sha256:${d}`
}

export function acrToReport(data: AcrScanData): ImageReport {
  const notes: ScanNote[] = [
    {
      level: 'info',
      code: 'upstream-scan',
      message: "Scanned by Alibaba Cloud ACR's scanner. ACR reports no CVSS vectors, layer list or operating system; a package's layer is known only by the digest in AddedBy.",
    },
  ]
  const components = new Map<string, Component>()
  const findings: Finding[] = []
  const unknownFormats = new Map<string, number>()
  for (const v of data.vulnerabilities) {
    const formatWord = (v.VersionFormat ?? '').toLowerCase()
    const format = FORMATS[formatWord]
    if (!format) {
      unknownFormats.set(formatWord || '(none)', (unknownFormats.get(formatWord || '(none)') ?? 0) + 1)
      continue
    }
    const name = v.Feature ?? ''
    const version = v.Version ?? ''
    const location = v.CveLocation ?? ''
    const layerDigest = v.AddedBy ? normalizeDigest(v.AddedBy) : ''
    const componentId = upstreamComponentId(format, name, version, location, layerDigest)
    if (!components.has(componentId)) {
      components.set(componentId, {
        componentId,
        name,
        version,
        format,
        source: SOURCE_OF_FORMAT[format],
        purl: upstreamPurl(format, name, version),
        // ACR names the layer by digest only; its index in the image is not reported.
        layerIndex: 0,
        layerDigest,
        location,
        licenses: [],
      })
    }
    const id = v.CveName ?? ''
    findings.push({
      vulnerabilityId: id,
      aliases: id ? [id] : [],
      advisoryIds: [],
      // AliasName is ACR's deprecated readable title; the description's first line otherwise.
      summary: v.AliasName ?? firstLine(v.Description ?? ''),
      description: v.Description ?? '',
      link: v.CveLink ?? '',
      severity: severityFromWord(v.Severity),
      severitySource: 'acr',
      ...(v.VersionFixed ? { fixedBy: v.VersionFixed } : {}),
      ...(v.FixCmd ? { fixCmd: v.FixCmd } : {}),
      scanType: v.ScanType === 'sca' || v.ScanType === 'cve' ? v.ScanType : SOURCE_OF_FORMAT[format] === 'OS' ? 'cve' : 'sca',
      componentId,
    })
  }
  for (const [word, count] of unknownFormats) {
    notes.push({ level: 'warning', code: 'unknown-package-format', message: `${count} finding(s) in packages of format "${word}", which Layerscope does not model, are not shown.` })
  }
  const baseline = data.baselines ? mapBaselines(data.baselines, notes) : []
  const maliciousFiles = data.maliciousFiles ? mapMalicious(data.maliciousFiles, notes) : []
  const componentList = [...components.values()]
  const created = data.image?.ImageCreate
  return {
    image: {
      repository: data.repository,
      reference: data.tag,
      digest: data.digest,
      manifestDigest: data.digest,
      // ACR's ImageId is the image config's digest (Docker's image id).
      configDigest: data.image?.ImageId ? normalizeDigest(data.image.ImageId) : '',
      platform: '',
      size: Math.trunc(data.image?.ImageSize ?? 0),
      ...(created ? { createdAt: new Date(created).toISOString() } : {}),
    },
    os: null,
    layers: [],
    components: componentList,
    findings,
    componentRisks: upstreamComponentRisks(componentList, findings),
    baseline,
    maliciousFiles,
    notes,
    advisoryDb: { ...NO_LOCAL_ADVISORIES },
    scannedAt: data.scannedAt,
    durationMs: data.durationMs,
  }
}

const BASELINE_LEVELS: Record<string, BaselineLevel> = { high: 'High', medium: 'Medium', middle: 'Medium', low: 'Low' }

function mapBaselines(items: readonly AcrBaseline[], notes: ScanNote[]): BaselineFinding[] {
  const out: BaselineFinding[] = []
  for (const b of items) {
    const level = BASELINE_LEVELS[(b.BaselineNameLevel ?? '').toLowerCase()]
    if (!level) {
      notes.push({ level: 'warning', code: 'unknown-baseline-level', message: `Baseline check ${b.BaselineNameKey ?? '?'} has level "${b.BaselineNameLevel ?? ''}", which is not high, medium or low; it is not shown.` })
      continue
    }
    const counts = [b.HighRiskItemCount && `${b.HighRiskItemCount} high`, b.MiddleRiskItemCount && `${b.MiddleRiskItemCount} medium`, b.LowRiskItemCount && `${b.LowRiskItemCount} low`].filter(Boolean)
    out.push({
      checkId: b.BaselineNameKey ?? '',
      category: b.BaselineClassAlias ?? '',
      title: b.BaselineNameAlias ?? b.BaselineNameKey ?? '',
      level,
      // ACR's per-level item counts have no field of their own in our model; they stay readable here.
      description: [b.BaselineDetailDescription ?? '', counts.length ? `Risk items: ${counts.join(', ')}.` : ''].filter(Boolean).join(' '),
      evidence: b.BaselineDetailPrompt ?? '',
      remediation: b.BaselineDetailAdvice ?? '',
    })
  }
  return out
}

const MALICIOUS_LEVELS = new Set<MaliciousLevel>(['serious', 'suspicious', 'remind'])

function mapMalicious(items: readonly AcrMaliciousFile[], notes: ScanNote[]): MaliciousFile[] {
  const out: MaliciousFile[] = []
  for (const m of items) {
    const level = (m.Level ?? '').toLowerCase() as MaliciousLevel
    if (!MALICIOUS_LEVELS.has(level)) {
      notes.push({ level: 'warning', code: 'unknown-malicious-level', message: `Malicious file ${m.FilePath ?? '?'} has level "${m.Level ?? ''}", which is not serious, suspicious or remind; it is not shown.` })
      continue
    }
    out.push({
      filePath: m.FilePath ?? '',
      layerIndex: 0,
      layerDigest: '',
      type: 'malware',
      maliciousName: m.MaliciousName ?? '',
      signature: m.MaliciousName ?? '',
      engine: 'heuristic',
      md5: m.MaliciousMd5 ?? '',
      sha256: '',
      size: 0,
      level,
    })
  }
  if (out.length) {
    notes.push({
      level: 'info',
      code: 'upstream-malicious-details',
      message: "Malicious files were found by Alibaba Cloud Security Center, which reports name, MD5, path and level only: the layer, SHA-256, size and matching engine are not known.",
    })
  }
  return out
}

function firstLine(text: string): string {
  const line = text.split('\n', 1)[0] ?? ''
  return line.length > 200 ? `${line.slice(0, 199)}…` : line
}
