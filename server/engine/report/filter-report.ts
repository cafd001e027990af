import { SEVERITIES, type ImageReport, type Severity } from '@contract/findings'

/**
 * The report with only the findings whose severity is listed, like Trivy's `--severity`
 * (a set, not a threshold: `--severity LOW,CRITICAL` drops HIGH).
 *
 * `componentRisks` of components left without findings are dropped; the others keep the
 * figures computed over every finding, because re-deriving `fixedByAll` needs the
 * package's version ordering, which belongs to the matcher.
 *
 * @example filterBySeverity(report, ['Critical', 'High']).findings.every((f) => f.severity !== 'Low') // true
 */
export function filterBySeverity(report: ImageReport, severities: readonly Severity[]): ImageReport {
  const wanted = new Set(severities)
  const findings = report.findings.filter((f) => wanted.has(f.severity))
  const affected = new Set(findings.map((f) => f.componentId))
  return {
    ...report,
    findings,
    componentRisks: report.componentRisks.filter((r) => affected.has(r.componentId)),
  }
}

export type ExitCodeOptions = {
  /** What to exit with when findings remain; 0 (Trivy's default) never fails. */
  exitCode: number
  /** The `--severity` selection; every severity when left out. */
  severities?: readonly Severity[]
}

/**
 * The CLI's exit status, with Trivy's `--exit-code` semantics: `exitCode` when at least one
 * finding of the selected severities remains, else 0. So `--severity HIGH,CRITICAL
 * --exit-code 1` fails a build only on High or Critical findings.
 *
 * @example exitCodeFor(report, { exitCode: 1, severities: ['Critical'] }) // 1 if any Critical
 */
export function exitCodeFor(
  report: ImageReport,
  { exitCode, severities = SEVERITIES }: ExitCodeOptions,
): number {
  if (exitCode === 0) return 0
  const wanted = new Set(severities)
  return report.findings.some((f) => wanted.has(f.severity)) ? exitCode : 0
}
