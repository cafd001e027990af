import { imageReport, type ImageReport } from '@contract/findings'
import { severityRank } from './severity-order'

export type JsonFormatOptions = {
  /** Spaces of indentation; 0 for one line. Default 2. */
  indent?: number
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/**
 * The ImageReport as stable JSON: the same scan always gives the same bytes, whatever order
 * the engine's concurrent analyzers and matchers produced things in, so outputs can be
 * diffed and cached.
 *
 * Parsing with the contract schema checks the report, drops anything it does not define and
 * puts keys in the schema's order; lists are sorted (findings worst first) with plain code
 * point comparison, not the locale's.
 *
 * @example formatJson(report).startsWith('{\n  "image": {') // true
 */
export function formatJson(report: ImageReport, opts: JsonFormatOptions = {}): string {
  const r = imageReport.parse(report)
  const stable: ImageReport = {
    ...r,
    layers: r.layers.toSorted((a, b) => a.index - b.index),
    components: r.components.toSorted(
      (a, b) =>
        byText(a.name, b.name) ||
        byText(a.version, b.version) ||
        byText(a.location, b.location) ||
        byText(a.componentId, b.componentId),
    ),
    findings: r.findings.toSorted(
      (a, b) =>
        severityRank(b.severity) - severityRank(a.severity) ||
        byText(a.vulnerabilityId, b.vulnerabilityId) ||
        byText(a.componentId, b.componentId),
    ),
    componentRisks: r.componentRisks.toSorted((a, b) => byText(a.componentId, b.componentId)),
    notes: r.notes.toSorted(
      (a, b) =>
        (a.layerIndex ?? -1) - (b.layerIndex ?? -1) ||
        byText(a.code, b.code) ||
        byText(a.path ?? '', b.path ?? '') ||
        byText(a.message, b.message),
    ),
  }
  return `${JSON.stringify(stable, null, opts.indent ?? 2)}\n`
}
