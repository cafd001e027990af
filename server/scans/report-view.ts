import type { ImageReport, ScanNote } from '@contract/findings'
import type { ImageReportView, ImageScanNote, ScanService } from '@contract/scans'
import { bestCvss, severityCountsOf } from './scan-rows'

export const SCANNER_VERSION = 'layerscope-engine/1'
/** Past this many days since the last advisory import, a report says OS_CVES_STALE. */
export const ADVISORIES_STALE_DAYS = 7
const DAY_MS = 24 * 60 * 60 * 1000

/** Engine notes that mean part of the image went unread, not merely something to know. */
const PARTIAL_CODES = new Set([
  'unparsable-package-db',
  'unparsable-package-metadata',
  'unparsable-archive',
  'unparsable-binary',
  'unsupported-rpmdb',
  'analyzer-failed',
  'analyzer-timeout',
  'file-too-large',
  'archive-limit',
  'tar-no-end-marker',
  'advisory-unevaluable',
])

const INSTRUCTIONS = new Set(['RUN', 'COPY', 'ADD', 'CMD', 'ENTRYPOINT', 'ENV', 'LABEL', 'EXPOSE', 'USER', 'WORKDIR', 'VOLUME', 'ARG', 'ONBUILD', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL', 'MAINTAINER'])

/**
 * StackRox's split of a config history line into instruction and value.
 *
 * @example
 * splitInstruction('/bin/sh -c #(nop)  CMD ["nginx"]') // { instruction: 'CMD', value: '["nginx"]' }
 * splitInstruction('/bin/sh -c apt-get update')       // { instruction: 'RUN', value: 'apt-get update' }
 * splitInstruction('COPY app /app # buildkit')         // { instruction: 'COPY', value: 'app /app' }
 */
export function splitInstruction(createdBy: string | undefined): { instruction: string | null; value: string | null } {
  if (createdBy === undefined) return { instruction: null, value: null }
  let line = createdBy.trim().replace(/\s+# buildkit$/, '')
  const nop = /^\/bin\/sh -c #\(nop\)\s*([\s\S]*)$/.exec(line)
  if (nop) line = nop[1] ?? ''
  else {
    const shell = /^\/bin\/sh -c\s+([\s\S]*)$/.exec(line)
    if (shell) return { instruction: 'RUN', value: shell[1] ?? '' }
  }
  const m = /^([A-Z]+)\s+([\s\S]*)$/.exec(line)
  if (m?.[1] && INSTRUCTIONS.has(m[1])) return { instruction: m[1], value: (m[2] ?? '').trim() }
  return { instruction: null, value: line }
}

/** The StackRox image scan notes a report earns. */
export function imageScanNotes(report: Pick<ImageReport, 'os' | 'notes' | 'advisoryDb' | 'scannedAt'>): ImageScanNote[] {
  const notes = new Set<ImageScanNote>()
  if (!report.os) notes.add('OS_UNAVAILABLE')
  else if (!report.os.ecosystem || report.notes.some((n) => n.code === 'os-ecosystem-unknown')) notes.add('OS_CVES_UNAVAILABLE')
  if (report.notes.some((n: ScanNote) => n.level === 'error' || PARTIAL_CODES.has(n.code))) notes.add('PARTIAL_SCAN_DATA')
  if (report.advisoryDb.recordCount === 0) {
    if (report.os) notes.add('OS_CVES_UNAVAILABLE')
    notes.add('LANGUAGE_CVES_UNAVAILABLE')
  } else if (report.advisoryDb.importedAt !== null && report.scannedAt - report.advisoryDb.importedAt > ADVISORIES_STALE_DAYS * DAY_MS) {
    notes.add('OS_CVES_STALE')
  }
  return [...notes]
}

export interface ReportTask {
  scanTaskId: string
  instanceId: string
  repoId: string
  tag: string
  digest: string
  scanService: ScanService
}

/**
 * The stored engine report in StackRox's image model: components carry their
 * vulnerabilities, layers their instruction, and the scan its notes.
 */
export function toImageReportView(task: ReportTask, report: ImageReport): ImageReportView {
  const risks = new Map(report.componentRisks.map((r) => [r.componentId, r]))
  const byComponent = new Map<string, ImageReport['findings']>()
  for (const f of report.findings) {
    const list = byComponent.get(f.componentId)
    if (list) list.push(f)
    else byComponent.set(f.componentId, [f])
  }
  const components = report.components.map((c) => {
    const risk = risks.get(c.componentId)
    return {
      componentId: c.componentId,
      name: c.name,
      version: c.version,
      format: c.format,
      source: c.source,
      sourceName: c.sourceName ?? null,
      group: c.group ?? null,
      purl: c.purl,
      location: c.location,
      layerIndex: c.layerIndex,
      layerDigest: c.layerDigest,
      licenses: c.licenses,
      topCvss: risk?.topCvss ?? null,
      riskScore: risk?.riskScore ?? 0,
      fixedBy: risk?.fixedByAll ?? null,
      vulns: (byComponent.get(c.componentId) ?? []).map((f) => {
        const best = bestCvss(f)
        return {
          cve: f.vulnerabilityId,
          aliases: f.aliases.filter((a) => a !== f.vulnerabilityId),
          summary: f.summary,
          description: f.description,
          link: f.link,
          severity: f.severity,
          cvss: best?.score ?? null,
          scoreVersion: best?.version ?? null,
          cvssV2: f.cvssV2 ?? null,
          cvssV3: f.cvssV3 ?? null,
          fixedBy: f.fixedBy ?? null,
          fixedByNote: f.fixedByNote ?? null,
          fixCmd: f.fixCmd ?? null,
          publishedOn: f.publishedAt ?? null,
          lastModified: f.modifiedAt ?? null,
          scanType: f.scanType,
        }
      }),
    }
  })
  const componentIds = new Set(report.components.map((c) => c.componentId))
  const stored = report.findings.filter((f) => componentIds.has(f.componentId))
  const cves = new Set(stored.map((f) => f.vulnerabilityId))
  const fixable = new Set(stored.filter((f) => f.fixedBy).map((f) => f.vulnerabilityId))
  const scores = components.map((c) => c.topCvss).filter((s): s is number => s !== null)
  const sas = task.scanService === 'SAS_SCAN_SERVICE'
  const { importedAt } = report.advisoryDb
  return {
    ...task,
    id: task.digest,
    name: { remote: report.image.repository, tag: task.tag, fullName: `${report.image.repository}:${task.tag}` },
    metadata: {
      digest: report.image.digest,
      manifestDigest: report.image.manifestDigest,
      configDigest: report.image.configDigest,
      platform: report.image.platform,
      os: report.os,
      created: report.image.createdAt ?? null,
      size: report.image.size,
      layers: report.layers.map((l) => ({
        index: l.index,
        digest: l.digest,
        diffId: l.diffId,
        size: l.size,
        mediaType: l.mediaType,
        createdBy: l.createdBy ?? null,
        ...splitInstruction(l.createdBy),
        cached: l.cached,
        fileCount: l.fileCount,
      })),
    },
    scan: {
      scanTime: report.scannedAt + report.durationMs,
      durationMs: report.durationMs,
      scannerVersion: SCANNER_VERSION,
      operatingSystem: report.os ? `${report.os.id}:${report.os.versionId}` : 'unknown',
      components,
      notes: imageScanNotes(report),
    },
    components: components.length,
    cves: cves.size,
    fixableCves: fixable.size,
    topCvss: scores.length ? Math.max(...scores) : null,
    riskScore: components.reduce((sum, c) => sum + c.riskScore, 0),
    counts: severityCountsOf(stored),
    scanNotes: report.notes,
    advisoryDb: { ...report.advisoryDb, ageDays: importedAt === null ? null : Math.max(0, Math.floor((report.scannedAt - importedAt) / DAY_MS)) },
    baselineCount: sas ? report.baseline.length : null,
    maliciousFileCount: sas ? report.maliciousFiles.length : null,
  }
}

/**
 * A report without its components (an empty list) and with everything else, counts
 * included: what a report page needs before any tab, a few KB where the whole report of
 * thousands of findings is megabytes (getImageReport with `components=false`).
 *
 * @example
 * withoutComponents(view).scan.components // []
 * withoutComponents(view).components === view.components // true
 */
export function withoutComponents(view: ImageReportView): ImageReportView {
  return { ...view, scan: { ...view.scan, components: [] } }
}
