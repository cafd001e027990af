/**
 * Our own CVSS v2 and v3.x base formulas (scanner.md §4.1), used only by tests to
 * cross-check ae-cvss-calculator. Deliberately independent of cvss-metrics.ts.
 */

export type Subscores = { base: number; exploitability: number; impact: number }

const round1 = (x: number): number => Math.round(x * 10) / 10

const V2_WEIGHTS: Record<string, Record<string, number>> = {
  AV: { L: 0.395, A: 0.646, N: 1.0 },
  AC: { H: 0.35, M: 0.61, L: 0.71 },
  Au: { M: 0.45, S: 0.56, N: 0.704 },
  C: { N: 0, P: 0.275, C: 0.66 },
  I: { N: 0, P: 0.275, C: 0.66 },
  A: { N: 0, P: 0.275, C: 0.66 },
}

function metricsOf(body: string): Map<string, string> {
  return new Map(body.split('/').map((p) => p.split(':') as [string, string]))
}

function weight(
  table: Record<string, Record<string, number>>,
  metrics: Map<string, string>,
  key: string,
): number {
  const w = table[key]?.[metrics.get(key) ?? '']
  if (w === undefined) throw new Error(`reference: no weight for ${key}`)
  return w
}

export function referenceV2(vector: string): Subscores {
  const m = metricsOf(vector)
  const w = (k: string) => weight(V2_WEIGHTS, m, k)
  const impact = 10.41 * (1 - (1 - w('C')) * (1 - w('I')) * (1 - w('A')))
  const exploitability = 20 * w('AV') * w('AC') * w('Au')
  const f = impact === 0 ? 0 : 1.176
  return {
    base: round1((0.6 * impact + 0.4 * exploitability - 1.5) * f),
    exploitability: round1(exploitability),
    impact: round1(impact),
  }
}

const V3_WEIGHTS: Record<string, Record<string, number>> = {
  AV: { N: 0.85, A: 0.62, L: 0.55, P: 0.2 },
  AC: { L: 0.77, H: 0.44 },
  UI: { N: 0.85, R: 0.62 },
  C: { H: 0.56, L: 0.22, N: 0 },
  I: { H: 0.56, L: 0.22, N: 0 },
  A: { H: 0.56, L: 0.22, N: 0 },
}

/** CVSS 3.1 Appendix A: the floating-point-safe Roundup. */
function roundup31(x: number): number {
  const i = Math.round(x * 100000)
  return i % 10000 === 0 ? i / 100000 : (Math.floor(i / 10000) + 1) / 10
}

/** CVSS 3.0's naive Roundup. */
const roundup30 = (x: number): number => Math.ceil(x * 10) / 10

export function referenceV3(vector: string): Subscores {
  const [prefix = '', ...rest] = vector.split('/')
  const m = metricsOf(rest.join('/'))
  const w = (k: string) => weight(V3_WEIGHTS, m, k)
  const changed = m.get('S') === 'C'
  const pr = { N: 0.85, L: changed ? 0.68 : 0.62, H: changed ? 0.5 : 0.27 }[m.get('PR') ?? '']
  if (pr === undefined) throw new Error('reference: no weight for PR')
  const roundup = prefix === 'CVSS:3.0' ? roundup30 : roundup31
  const iss = 1 - (1 - w('C')) * (1 - w('I')) * (1 - w('A'))
  const impact = changed ? 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15) : 6.42 * iss
  const exploitability = 8.22 * w('AV') * w('AC') * pr * w('UI')
  const base = impact <= 0 ? 0 : roundup(Math.min((changed ? 1.08 : 1) * (impact + exploitability), 10))
  return { base, exploitability: round1(exploitability), impact: round1(impact) }
}

/** Every combination of the given metric values, as `K:V/K:V/…`. */
export function allVectors(metrics: ReadonlyArray<readonly [string, readonly string[]]>): string[] {
  return metrics.reduce<string[]>(
    (acc, [key, values]) =>
      acc.flatMap((prefix) => values.map((v) => (prefix ? `${prefix}/` : '') + `${key}:${v}`)),
    [''],
  )
}
