import type { Component, Finding, ImageReport, Severity } from '@contract/findings'
import { severityFromScore, severityFromV2 } from '../cvss/severity'
import { severityLabel, severityRank } from './severity-order'

export type SarifFormatOptions = {
  /** Layerscope's version for `tool.driver.version`; left out when not given. */
  toolVersion?: string
}

type SarifLevel = 'error' | 'warning' | 'note'

// Trivy's mapping: CRITICAL/HIGH fail the check, MEDIUM warns, LOW/UNKNOWN inform.
const LEVEL: Record<Severity, SarifLevel> = {
  Critical: 'error',
  High: 'error',
  Medium: 'warning',
  Low: 'note',
  Unknown: 'note',
}

// A score inside each band (Trivy's values), for findings whose severity no CVSS score backs.
const BAND_SCORE: Record<Severity, number> = { Critical: 9.5, High: 8.0, Medium: 5.5, Low: 2.0, Unknown: 0.0 }

/**
 * The score GitHub shows and ranks by (`security-severity`): the finding's CVSS base score
 * (v3 > v4 > v2, our priority) when its band agrees with the finding's severity. When a
 * vendor's word decided the severity (Ubuntu "low" for an NVD 9.8), a score from that band
 * instead, so GitHub's label matches ours, as Trivy does with its vendor severity.
 */
export function securitySeverity(f: Finding): string {
  const scored: [number, Severity][] = []
  if (f.cvssV3) scored.push([f.cvssV3.baseScore, severityFromScore(f.cvssV3.baseScore)])
  if (f.cvssV4) scored.push([f.cvssV4.baseScore, severityFromScore(f.cvssV4.baseScore)])
  if (f.cvssV2) scored.push([f.cvssV2.baseScore, severityFromV2(f.cvssV2.baseScore)])
  const agreeing = scored.find(([, band]) => band === f.severity)
  return (agreeing ? agreeing[0] : BAND_SCORE[f.severity]).toFixed(1)
}

/** The package location as a relative URI: `!` (inside an archive) kept, spaces and `%` escaped. */
const locationUri = (location: string): string => encodeURI(location.replace(/^\/+/, ''))

const pkgName = (c: Component | undefined, f: Finding): string => c?.name ?? f.componentId

function helpOf(f: Finding, c: Component | undefined): { text: string; markdown: string } {
  const sev = severityLabel(f.severity)
  const fixed = f.fixedBy ?? ''
  const text = [
    `Vulnerability ${f.vulnerabilityId}`,
    `Severity: ${sev}`,
    `Package: ${pkgName(c, f)}`,
    `Fixed Version: ${fixed}`,
    `Link: [${f.vulnerabilityId}](${f.link})`,
    f.description || f.summary,
  ].join('\n')
  const markdown = [
    `**Vulnerability ${f.vulnerabilityId}**`,
    '| Severity | Package | Fixed Version | Link |',
    '| --- | --- | --- | --- |',
    `|${sev}|${pkgName(c, f)}|${fixed}|[${f.vulnerabilityId}](${f.link})|`,
    '',
    f.description || f.summary,
  ].join('\n')
  return { text, markdown }
}

/**
 * SARIF 2.1.0 for GitHub code scanning (`github/codeql-action/upload-sarif`), shaped like
 * Trivy's SARIF: one rule per vulnerability id, one result per finding, located at the
 * package's file in the image (`var/lib/dpkg/status`, `app/app.jar!/…/log4j-core.jar`).
 *
 * @example JSON.parse(formatSarif(report)).runs[0].results.length === report.findings.length
 */
export function formatSarif(report: ImageReport, opts: SarifFormatOptions = {}): string {
  const components = new Map(report.components.map((c) => [c.componentId, c]))
  // Worst first, so a rule built from its first finding carries the worst severity.
  const findings = report.findings.toSorted(
    (a, b) =>
      severityRank(b.severity) - severityRank(a.severity) ||
      a.vulnerabilityId.localeCompare(b.vulnerabilityId) ||
      a.componentId.localeCompare(b.componentId),
  )
  const ruleIndex = new Map<string, number>()
  const rules: object[] = []
  for (const f of findings) {
    if (ruleIndex.has(f.vulnerabilityId)) continue
    ruleIndex.set(f.vulnerabilityId, rules.length)
    const c = components.get(f.componentId)
    rules.push({
      id: f.vulnerabilityId,
      name: f.scanType === 'cve' ? 'OsPackageVulnerability' : 'LanguageSpecificPackageVulnerability',
      shortDescription: { text: f.summary || f.vulnerabilityId },
      fullDescription: { text: f.description || f.summary || f.vulnerabilityId },
      defaultConfiguration: { level: LEVEL[f.severity] },
      ...(f.link ? { helpUri: f.link } : {}),
      help: helpOf(f, c),
      properties: {
        precision: 'very-high',
        'security-severity': securitySeverity(f),
        tags: ['vulnerability', 'security', severityLabel(f.severity)],
      },
    })
  }
  const results = findings.map((f) => {
    const c = components.get(f.componentId)
    const uri = locationUri(c?.location ?? report.image.repository)
    const installed = c?.version ?? ''
    return {
      ruleId: f.vulnerabilityId,
      ruleIndex: ruleIndex.get(f.vulnerabilityId) ?? 0,
      level: LEVEL[f.severity],
      message: {
        text: [
          `Package: ${pkgName(c, f)}`,
          `Installed Version: ${installed}`,
          `Vulnerability ${f.vulnerabilityId}`,
          `Severity: ${severityLabel(f.severity)}`,
          `Fixed Version: ${f.fixedBy ?? ''}`,
          `Link: [${f.vulnerabilityId}](${f.link})`,
        ].join('\n'),
      },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri, uriBaseId: 'ROOTPATH' },
            // GitHub needs a region to place an alert; a package has no line, so line 1, as Trivy does.
            region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 },
          },
          message: { text: `${uri}: ${pkgName(c, f)}@${installed}` },
        },
      ],
    }
  })
  const sarif = {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: {
          driver: {
            name: 'Layerscope',
            fullName: 'Layerscope container image scanner',
            ...(opts.toolVersion ? { version: opts.toolVersion } : {}),
            rules,
          },
        },
        results,
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { ROOTPATH: { uri: 'file:///' } },
        properties: {
          imageName: report.image.repository,
          imageReference: report.image.reference,
          repoDigests: [`${report.image.repository}@${report.image.digest}`],
          imageID: report.image.configDigest,
        },
      },
    ],
  }
  return `${JSON.stringify(sarif, null, 2)}\n`
}
