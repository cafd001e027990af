import type { Component, ComponentSource, Finding, ImageReport, Severity } from '@contract/findings'
import { SEVERITY_ASCENDING, severityLabel, severityRank } from './severity-order'
import { renderTable, type TextColumn, type TextRow } from './text-table'

export type TableFormatOptions = {
  /** ANSI colours for severities; only for a terminal, never for a file or a pipe. */
  color: boolean
  /** Terminal width to fit the tables in (default 120); from 80 up they fit, below they may overflow. */
  columns?: number
}

// Trivy's target names and types for language packages (`Java (jar)`, `Node.js (node-pkg)`).
const LANGUAGE_TARGETS: Record<Exclude<ComponentSource, 'OS'>, string> = {
  JAVA: 'Java (jar)',
  NODEJS: 'Node.js (node-pkg)',
  PYTHON: 'Python (python-pkg)',
  GO: 'Go (gobinary)',
  RUBY: 'Ruby (gemspec)',
  DOTNET: '.NET (dotnet-core)',
  BINARY: 'Binaries (binary)',
  INFRASTRUCTURE: 'Infrastructure (infra)',
}

// Trivy's colours: UNKNOWN cyan, LOW blue, MEDIUM yellow, HIGH bright red, CRITICAL red.
const ANSI: Record<Severity, string> = { Unknown: '36', Low: '34', Medium: '33', High: '91', Critical: '31' }
const paintSeverity = (s: Severity, text: string): string => `\x1b[${ANSI[s]}m${text}\x1b[0m`
const BY_LABEL = new Map(SEVERITY_ASCENDING.map((s) => [severityLabel(s), s]))

// The Title gives way first; then the version columns, whose headers can wrap onto two
// lines; the package name and the id, which read badly cut, last. Severity never shrinks.
const COLUMNS: TextColumn[] = [
  { header: 'Library', minWidth: 10, shrinkOrder: 2 },
  { header: 'Vulnerability', minWidth: 14, shrinkOrder: 3 },
  { header: 'Severity', minWidth: 8, shrinkOrder: 9 },
  { header: 'Installed Version', minWidth: 9, shrinkOrder: 1 },
  { header: 'Fixed Version', minWidth: 9, shrinkOrder: 1 },
  { header: 'Title', minWidth: 10, shrinkOrder: 0 },
]

type Target = { title: string; findings: { finding: Finding; component: Component | undefined }[] }

/**
 * The report as terminal tables, like `trivy image`: one section per target (the OS
 * packages, then each language), each with a `Total:` line and a table, and a summary of
 * the whole image at the end. Targets with packages but no findings show `Total: 0`.
 *
 * @example formatTable(report, { color: process.stdout.isTTY, columns: process.stdout.columns })
 */
export function formatTable(report: ImageReport, opts: TableFormatOptions): string {
  const maxWidth = Math.max(opts.columns ?? 120, 40)
  const paint = (s: Severity, text: string) => (opts.color ? paintSeverity(s, text) : text)
  const sections = targetsOf(report).map((t) => {
    const found = t.findings.map((f) => f.finding)
    const title = [
      t.title,
      '='.repeat([...t.title].length),
      `Total: ${found.length} (${counts(found, paint)})`,
    ]
    if (t.findings.length === 0) return title.join('\n')
    return `${title.join('\n')}\n\n${table(t, paint, maxWidth)}`
  })
  // Baseline risks and malicious files exist only when those checks ran (--scanners).
  if (report.baseline.length) sections.push(`Baseline risks\n==============\nTotal: ${report.baseline.length}\n\n${baselineTable(report, maxWidth)}`)
  if (report.maliciousFiles.length) sections.push(`Malicious files\n===============\nTotal: ${report.maliciousFiles.length}\n\n${maliciousTable(report, maxWidth)}`)
  const n = report.findings.length
  const extra = [
    report.baseline.length ? `${report.baseline.length} baseline ${report.baseline.length === 1 ? 'risk' : 'risks'}` : '',
    report.maliciousFiles.length ? `${report.maliciousFiles.length} malicious ${report.maliciousFiles.length === 1 ? 'file' : 'files'}` : '',
  ].filter(Boolean)
  const total = `Summary: ${n} ${n === 1 ? 'vulnerability' : 'vulnerabilities'} (${counts(report.findings, paint)})${extra.length ? `; ${extra.join(', ')}` : ''}`
  return `${[...sections, total].join('\n\n')}\n`
}

const BASELINE_COLUMNS: TextColumn[] = [
  { header: 'Check', minWidth: 12, shrinkOrder: 2 },
  { header: 'Level', minWidth: 6, shrinkOrder: 9 },
  { header: 'Where', minWidth: 10, shrinkOrder: 1 },
  { header: 'Evidence (masked)', minWidth: 12, shrinkOrder: 0 },
]

function baselineTable(report: ImageReport, maxWidth: number): string {
  const rows: TextRow[] = report.baseline.map((b) => ({
    cells: [b.checkId, b.level.toUpperCase(), b.path ?? (b.layerIndex !== undefined ? `layer ${b.layerIndex}` : 'image config'), b.evidence],
  }))
  return renderTable(BASELINE_COLUMNS, rows, { maxWidth })
}

const MALICIOUS_COLUMNS: TextColumn[] = [
  { header: 'File', minWidth: 12, shrinkOrder: 1 },
  { header: 'Level', minWidth: 6, shrinkOrder: 9 },
  { header: 'Name', minWidth: 12, shrinkOrder: 2 },
  { header: 'Layer', minWidth: 5, shrinkOrder: 9 },
  { header: 'SHA-256', minWidth: 12, shrinkOrder: 0 },
]

function maliciousTable(report: ImageReport, maxWidth: number): string {
  const rows: TextRow[] = report.maliciousFiles.map((m) => ({
    cells: [
      m.filePath,
      m.level.toUpperCase(),
      m.maliciousName,
      m.deletedInLayer !== undefined ? `${m.layerIndex} (deleted in ${m.deletedInLayer})` : String(m.layerIndex),
      m.sha256,
    ],
  }))
  return renderTable(MALICIOUS_COLUMNS, rows, { maxWidth })
}

/** `UNKNOWN: 1, LOW: 1, MEDIUM: 1, HIGH: 3, CRITICAL: 1`, Trivy's wording. */
function counts(findings: readonly Finding[], paint: (s: Severity, t: string) => string): string {
  return SEVERITY_ASCENDING.map(
    (s) => `${paint(s, severityLabel(s))}: ${findings.filter((f) => f.severity === s).length}`,
  ).join(', ')
}

function table(t: Target, paint: (s: Severity, text: string) => string, maxWidth: number): string {
  const sorted = t.findings.toSorted(
    (a, b) =>
      libraryName(a).localeCompare(libraryName(b)) ||
      (a.component?.version ?? '').localeCompare(b.component?.version ?? '') ||
      a.finding.componentId.localeCompare(b.finding.componentId) ||
      severityRank(b.finding.severity) - severityRank(a.finding.severity) ||
      a.finding.vulnerabilityId.localeCompare(b.finding.vulnerabilityId),
  )
  const rows: TextRow[] = sorted.map(({ finding, component }, i) => ({
    cells: [
      libraryName({ finding, component }),
      finding.vulnerabilityId,
      severityLabel(finding.severity),
      component?.version ?? '',
      finding.fixedBy ?? '',
      [finding.summary || firstLine(finding.description) || finding.vulnerabilityId, finding.link]
        .filter(Boolean)
        .join('\n'),
    ],
    continues: i > 0 && sorted[i - 1]?.finding.componentId === finding.componentId,
  }))
  return renderTable(COLUMNS, rows, {
    maxWidth,
    paint: (column, text) => {
      const s = BY_LABEL.get(text)
      return column === 2 && s ? paint(s, text) : text
    },
  })
}

function targetsOf(report: ImageReport): Target[] {
  const components = new Map(report.components.map((c) => [c.componentId, c]))
  const groups = new Map<string, Target>()
  const os = report.os
  const { repository, reference } = report.image
  const image = reference.includes(':') ? `${repository}@${reference}` : `${repository}:${reference}`
  const osTitle = os ? `${image} (${os.id} ${os.versionId})` : `${image} (OS packages)`
  const titleOf = (source: ComponentSource | undefined) =>
    source === undefined ? 'Unknown packages' : source === 'OS' ? osTitle : LANGUAGE_TARGETS[source]
  // Every target that has packages is listed, in Trivy's order: OS first, then languages.
  const order: (ComponentSource | undefined)[] = [
    'OS',
    ...(Object.keys(LANGUAGE_TARGETS) as ComponentSource[]),
    undefined,
  ]
  const present = new Set<ComponentSource | undefined>(report.components.map((c) => c.source))
  if (os) present.add('OS')
  for (const f of report.findings) present.add(components.get(f.componentId)?.source)
  for (const source of order)
    if (present.has(source)) groups.set(titleOf(source), { title: titleOf(source), findings: [] })
  for (const finding of report.findings) {
    const component = components.get(finding.componentId)
    groups.get(titleOf(component?.source))?.findings.push({ finding, component })
  }
  return [...groups.values()]
}

function libraryName({ finding, component }: { finding: Finding; component: Component | undefined }): string {
  if (!component) return finding.componentId
  return component.format === 'maven' && component.group
    ? `${component.group}:${component.name}`
    : component.name
}

const firstLine = (text: string): string => text.split('\n', 1)[0]?.trim() ?? ''
