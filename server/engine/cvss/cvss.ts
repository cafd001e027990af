import type { CvssV2, CvssV3, CvssV4 } from '@contract/findings'
// ae-cvss-calculator is a webpack-built CommonJS bundle: Node's ESM loader cannot see its
// named exports, so `import { Cvss3P1 }` fails at runtime outside vitest. The default
// import (module.exports) works under Node, tsx and vitest alike.
import ae from 'ae-cvss-calculator'
import { type BaseTable, V2_BASE, V3_BASE, V4_BASE } from './cvss-metrics'

export { severityFromLabel, severityFromScore, severityFromV2 } from './severity'

/** A parsed and scored vector; `kind` says which contract shape `cvss` has. */
export type CvssScore =
  { kind: 'v2'; cvss: CvssV2 } | { kind: 'v3'; cvss: CvssV3 } | { kind: 'v4'; cvss: CvssV4 }

/** Thrown for a vector that is not a complete, well-formed CVSS v2, v3.x or v4.0 vector. */
export class CvssError extends Error {
  override readonly name = 'CvssError'
  constructor(
    message: string,
    readonly vector: string,
  ) {
    super(`${message} in CVSS vector "${vector}"`)
  }
}

type Version = '2.0' | '3.0' | '3.1' | '4.0'
type Scorer = InstanceType<typeof ae.Cvss2 | typeof ae.Cvss3P0 | typeof ae.Cvss3P1 | typeof ae.Cvss4P0>

const VERSIONS: Record<Version, { base: BaseTable; create: (vector?: string) => Scorer }> = {
  '2.0': { base: V2_BASE, create: (v) => new ae.Cvss2(v) },
  '3.0': { base: V3_BASE, create: (v) => new ae.Cvss3P0(v) },
  '3.1': { base: V3_BASE, create: (v) => new ae.Cvss3P1(v) },
  '4.0': { base: V4_BASE, create: (v) => new ae.Cvss4P0(v) },
}

/**
 * Parses and scores a CVSS vector with ae-cvss-calculator.
 *
 * Accepts v2 (`AV:N/AC:L/Au:N/C:P/I:P/A:P`, optionally in `( )` or after `CVSS:2.0/`),
 * `CVSS:3.0/…`, `CVSS:3.1/…` and `CVSS:4.0/…`; temporal, threat, environmental and
 * supplemental metrics are allowed but never change the base score we return. A stray
 * trailing `/` is dropped, as trivy-db does.
 *
 * @example
 * const s = scoreCvss('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H')
 * if (s.kind === 'v3') s.cvss.baseScore // 10
 * @throws {CvssError} on an unknown version, a missing, duplicate or unknown metric, or an unknown value.
 */
export function scoreCvss(vector: string): CvssScore {
  const { version, body } = splitVersion(vector)
  const spec = VERSIONS[version]
  const metrics = parseMetrics(vector, body, spec.base, optionalMetrics(version))
  const canonical = version === '2.0' ? body : `CVSS:${version}/${body}`
  const scores = spec.create(canonical).calculateScores()
  if (scores.base === undefined) throw new CvssError('The library could not compute a base score', vector)
  const m = (key: string): string => metrics.get(key) ?? ''

  if (version === '4.0') {
    // The library's `base` for v4 includes the threat metric E (CVSS-BT); `baseMetricsOnly`
    // is CVSS-B, the same notion as the v2/v3 base score that ignores temporal metrics.
    const v4 = scores as ReturnType<InstanceType<typeof ae.Cvss4P0>['calculateScores']>
    return { kind: 'v4', cvss: { vector: canonical, baseScore: v4.baseMetricsOnly ?? scores.base } }
  }
  const sub = scores as ReturnType<InstanceType<typeof ae.Cvss3P1>['calculateScores']>
  const common = {
    vector: canonical,
    baseScore: scores.base,
    exploitabilityScore: sub.exploitability ?? 0,
    impactScore: sub.impact ?? 0,
  }
  if (version === '2.0') {
    return {
      kind: 'v2',
      cvss: {
        ...common,
        accessVector: V2_BASE.AV[m('AV') as keyof typeof V2_BASE.AV],
        accessComplexity: V2_BASE.AC[m('AC') as keyof typeof V2_BASE.AC],
        authentication: V2_BASE.Au[m('Au') as keyof typeof V2_BASE.Au],
        confidentiality: V2_BASE.C[m('C') as keyof typeof V2_BASE.C],
        integrity: V2_BASE.I[m('I') as keyof typeof V2_BASE.I],
        availability: V2_BASE.A[m('A') as keyof typeof V2_BASE.A],
      },
    }
  }
  return {
    kind: 'v3',
    cvss: {
      ...common,
      version,
      attackVector: V3_BASE.AV[m('AV') as keyof typeof V3_BASE.AV],
      attackComplexity: V3_BASE.AC[m('AC') as keyof typeof V3_BASE.AC],
      privilegesRequired: V3_BASE.PR[m('PR') as keyof typeof V3_BASE.PR],
      userInteraction: V3_BASE.UI[m('UI') as keyof typeof V3_BASE.UI],
      scope: V3_BASE.S[m('S') as keyof typeof V3_BASE.S],
      confidentiality: V3_BASE.C[m('C') as keyof typeof V3_BASE.C],
      integrity: V3_BASE.I[m('I') as keyof typeof V3_BASE.I],
      availability: V3_BASE.A[m('A') as keyof typeof V3_BASE.A],
    },
  }
}

function splitVersion(vector: string): { version: Version; body: string } {
  let text = vector.trim().replace(/\/+$/, '')
  if (text === '') throw new CvssError('Empty vector', vector)
  if (text.startsWith('(') && text.endsWith(')')) text = text.slice(1, -1)
  const prefix = /^CVSS:([^/]*)\//.exec(text)
  if (!prefix) {
    if (text.startsWith('CVSS:')) throw new CvssError('No metrics after the version prefix', vector)
    return { version: '2.0', body: text }
  }
  const version = prefix[1] ?? ''
  if (!isVersion(version)) throw new CvssError(`Unsupported CVSS version "${version}"`, vector)
  return { version, body: text.slice(prefix[0].length) }
}

function isVersion(v: string): v is Version {
  return Object.hasOwn(VERSIONS, v)
}

/** Splits `K:V/K:V` and checks every metric against the base table or the optional ones. */
function parseMetrics(
  vector: string,
  body: string,
  base: BaseTable,
  optional: ReadonlyMap<string, ReadonlySet<string>>,
): Map<string, string> {
  const metrics = new Map<string, string>()
  for (const part of body.split('/')) {
    const match = /^([A-Za-z]+):([A-Za-z]+)$/.exec(part)
    if (!match) throw new CvssError(`Malformed metric "${part}"`, vector)
    const [, key = '', value = ''] = match
    if (metrics.has(key)) throw new CvssError(`Duplicate metric ${key}`, vector)
    const baseValues = base[key]
    const allowed = baseValues ? new Set(Object.keys(baseValues)) : optional.get(key)
    if (!allowed) throw new CvssError(`Unknown metric ${key}`, vector)
    if (!allowed.has(value)) throw new CvssError(`Unknown value ${value} for metric ${key}`, vector)
    metrics.set(key, value)
  }
  const missing = Object.keys(base).filter((key) => !metrics.has(key))
  if (missing.length > 0)
    throw new CvssError(`Missing base metric${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`, vector)
  return metrics
}

const optionalCache = new Map<Version, ReadonlyMap<string, ReadonlySet<string>>>()

/** The non-base metrics the library knows for a version, with their value letters (`X`/`ND` included). */
function optionalMetrics(version: Version): ReadonlyMap<string, ReadonlySet<string>> {
  const cached = optionalCache.get(version)
  if (cached) return cached
  const table = new Map<string, ReadonlySet<string>>()
  for (const [category, components] of VERSIONS[version].create().getRegisteredComponents()) {
    if (category.name === 'base') continue
    for (const c of components) table.set(c.shortName, new Set(c.values.map((v) => v.shortName)))
  }
  optionalCache.set(version, table)
  return table
}
