import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { CvssError, type CvssScore, scoreCvss, severityFromLabel, severityFromScore } from './cvss'
import { allVectors, referenceV2, referenceV3 } from './testdata/reference-formula'

const v3 = (s: CvssScore) => {
  if (s.kind !== 'v3') throw new Error(`expected v3, got ${s.kind}`)
  return s.cvss
}
const v2 = (s: CvssScore) => {
  if (s.kind !== 'v2') throw new Error(`expected v2, got ${s.kind}`)
  return s.cvss
}

describe('scoreCvss: scores NVD publishes', () => {
  // [vector, base, exploitability, impact] as shown on nvd.nist.gov for the named CVE.
  it.each([
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H', 10.0, 3.9, 6.0], // CVE-2021-44228 log4shell
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 9.8, 3.9, 5.9], // CVE-2022-22965 Spring4Shell
    ['CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H', 7.8, 1.8, 5.9], // CVE-2023-4911 Looney Tunables
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N', 7.5, 3.9, 3.6], // CVE-2014-0160 Heartbleed
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N', 6.1, 2.8, 2.7], // typical reflected XSS, scope changed
    ['CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H', 9.9, 3.1, 6.0], // scope changed raises PR:L weight
    ['CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:L/A:N', 3.7, 2.2, 1.4], // low
    ['CVSS:3.1/AV:L/AC:H/PR:L/UI:N/S:U/C:L/I:N/A:N', 2.5, 1.0, 1.4], // low
    ['CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 9.8, 3.9, 5.9], // CVE-2017-5638 Struts (v3.0)
  ])('%s = %d (E %d, I %d)', (vector, base, exploitability, impact) => {
    const cvss = v3(scoreCvss(vector))
    expect({
      base: cvss.baseScore,
      exploitability: cvss.exploitabilityScore,
      impact: cvss.impactScore,
    }).toEqual({ base, exploitability, impact })
  })

  it.each([
    ['AV:N/AC:L/Au:N/C:C/I:C/A:C', 10.0, 10.0, 10.0],
    ['AV:N/AC:L/Au:N/C:P/I:P/A:P', 7.5, 10.0, 6.4],
    ['AV:N/AC:L/Au:N/C:P/I:N/A:N', 5.0, 10.0, 2.9], // CVE-2014-0160 Heartbleed (v2)
    ['AV:N/AC:M/Au:N/C:N/I:P/A:N', 4.3, 8.6, 2.9], // typical XSS
    ['AV:L/AC:L/Au:N/C:P/I:N/A:N', 2.1, 3.9, 2.9],
  ])('v2 %s = %d (E %d, I %d)', (vector, base, exploitability, impact) => {
    const cvss = v2(scoreCvss(vector))
    expect({
      base: cvss.baseScore,
      exploitability: cvss.exploitabilityScore,
      impact: cvss.impactScore,
    }).toEqual({ base, exploitability, impact })
  })

  it.each([
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', 9.3],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H', 10.0],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N', 0.0],
  ])('v4 %s = %d', (vector, base) => {
    expect(scoreCvss(vector)).toEqual({ kind: 'v4', cvss: { vector, baseScore: base } })
  })
})

describe('scoreCvss: decoding', () => {
  it('decodes every v3 base metric to the contract enums', () => {
    expect(scoreCvss('CVSS:3.0/AV:A/AC:H/PR:L/UI:R/S:C/C:L/I:N/A:H')).toEqual({
      kind: 'v3',
      cvss: {
        vector: 'CVSS:3.0/AV:A/AC:H/PR:L/UI:R/S:C/C:L/I:N/A:H',
        version: '3.0',
        baseScore: 6.2, // 1.08 × (4.717 + 0.943) rounded up
        exploitabilityScore: 0.9,
        impactScore: 4.7,
        attackVector: 'ADJACENT_NETWORK',
        attackComplexity: 'HIGH',
        privilegesRequired: 'LOW',
        userInteraction: 'REQUIRED',
        scope: 'CHANGED',
        confidentiality: 'LOW',
        integrity: 'NONE',
        availability: 'HIGH',
      },
    })
    expect(v3(scoreCvss('CVSS:3.1/AV:P/AC:L/PR:H/UI:N/S:U/C:H/I:L/A:N'))).toMatchObject({
      attackVector: 'PHYSICAL',
      privilegesRequired: 'HIGH',
    })
  })

  it('decodes every v2 base metric to the contract enums', () => {
    expect(v2(scoreCvss('AV:A/AC:M/Au:M/C:N/I:P/A:C'))).toMatchObject({
      accessVector: 'ADJACENT_NETWORK',
      accessComplexity: 'MEDIUM',
      authentication: 'MULTIPLE',
      confidentiality: 'NONE',
      integrity: 'PARTIAL',
      availability: 'COMPLETE',
    })
    expect(v2(scoreCvss('AV:L/AC:H/Au:S/C:C/I:N/A:N'))).toMatchObject({
      accessVector: 'LOCAL',
      accessComplexity: 'HIGH',
      authentication: 'SINGLE',
    })
  })

  it.each([
    '(AV:N/AC:L/Au:N/C:P/I:P/A:P)',
    'CVSS:2.0/AV:N/AC:L/Au:N/C:P/I:P/A:P',
    ' AV:N/AC:L/Au:N/C:P/I:P/A:P/ ',
  ])('accepts the v2 spelling %j and stores the bare vector', (vector) => {
    expect(v2(scoreCvss(vector))).toMatchObject({ vector: 'AV:N/AC:L/Au:N/C:P/I:P/A:P', baseScore: 7.5 })
  })

  it('drops a stray trailing slash, as trivy-db does', () => {
    expect(v3(scoreCvss('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/')).vector).toBe(
      'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
    )
  })

  it('keeps temporal metrics in the vector but out of the base score', () => {
    const cvss = v3(scoreCvss('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:U/RL:O/RC:C'))
    expect(cvss).toMatchObject({
      vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:U/RL:O/RC:C',
      baseScore: 9.8,
    })
    expect(v2(scoreCvss('AV:N/AC:L/Au:N/C:P/I:P/A:P/E:POC/RL:OF/RC:C/CDP:ND')).baseScore).toBe(7.5)
  })

  it('scores a v4 vector with threat metrics as CVSS-B (the library would say 8.1)', () => {
    expect(
      scoreCvss('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U').cvss.baseScore,
    ).toBe(9.3)
  })
})

describe('scoreCvss: invalid vectors', () => {
  it.each([
    ['CVSS:3.1/AV:N/AC:L', /Missing base metrics PR, UI, S, C, I, A/],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H', /Missing base metric A\b/],
    ['CVSS:3.1/AV:Q/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', /Unknown value Q for metric AV/],
    ['CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', /Unknown value X for metric AV/],
    ['CVSS:3.1/AV:N/AV:L/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', /Duplicate metric AV/],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/FOO:1', /Malformed metric "FOO:1"/],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/ZZ:N', /Unknown metric ZZ/],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:POC', /Unknown value POC for metric E/],
    ['CVSS:3.1/AV:N//AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', /Malformed metric ""/],
    ['CVSS:5.0/AV:N', /Unsupported CVSS version "5.0"/],
    ['CVSS:3.1', /No metrics after the version prefix/],
    ['', /Empty vector/],
    ['AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', /Unknown metric PR/], // a v3 body without prefix reads as v2
    ['AV:N/AC:L/Au:N/C:P/I:P', /Missing base metric A\b/],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:S/SI:N/SA:N', /Unknown value S for metric SC/],
    ['CVSS:4.0/AV:N/AC:L/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', /Missing base metric AT/],
  ])('%j throws %s', (vector, message) => {
    expect(() => scoreCvss(vector)).toThrow(CvssError)
    expect(() => scoreCvss(vector)).toThrow(message)
  })

  it('names the vector in the error', () => {
    expect(() => scoreCvss('CVSS:3.1/AV:N')).toThrow('in CVSS vector "CVSS:3.1/AV:N"')
  })
})

describe('scoreCvss: the library against our own formulas (scanner.md §4.2)', () => {
  const v3Metrics = [
    ['AV', ['N', 'A', 'L', 'P']],
    ['AC', ['L', 'H']],
    ['PR', ['N', 'L', 'H']],
    ['UI', ['N', 'R']],
    ['S', ['U', 'C']],
    ['C', ['H', 'L', 'N']],
    ['I', ['H', 'L', 'N']],
    ['A', ['H', 'L', 'N']],
  ] as const
  const v2Metrics = [
    ['AV', ['L', 'A', 'N']],
    ['AC', ['H', 'M', 'L']],
    ['Au', ['M', 'S', 'N']],
    ['C', ['N', 'P', 'C']],
    ['I', ['N', 'P', 'C']],
    ['A', ['N', 'P', 'C']],
  ] as const

  it.each(['3.0', '3.1'])('all 2,592 v%s base vectors', (version) => {
    const vectors = allVectors(v3Metrics).map((body) => `CVSS:${version}/${body}`)
    expect(vectors).toHaveLength(2592)
    const mismatches = vectors.filter((vector) => {
      const cvss = v3(scoreCvss(vector))
      const ref = referenceV3(vector)
      // The formula's impact goes negative for S:C with no C/I/A impact; the library says 0.
      return (
        cvss.baseScore !== ref.base ||
        cvss.exploitabilityScore !== ref.exploitability ||
        cvss.impactScore !== Math.max(0, ref.impact)
      )
    })
    expect(mismatches).toEqual([])
  })

  it('all 729 v2 base vectors', () => {
    const vectors = allVectors(v2Metrics)
    expect(vectors).toHaveLength(729)
    const mismatches = vectors.filter((vector) => {
      const cvss = v2(scoreCvss(vector))
      const ref = referenceV2(vector)
      return (
        cvss.baseScore !== ref.base ||
        cvss.exploitabilityScore !== ref.exploitability ||
        cvss.impactScore !== ref.impact
      )
    })
    expect(mismatches).toEqual([])
  })
})

type OsvSeverity = { type: string; score: string; where: string }

/** Every `{type, score}` pair anywhere in a record: top level, `affected[]` and Ubuntu's `cves_map`. */
function severitiesIn(node: unknown, where: string, out: OsvSeverity[]): OsvSeverity[] {
  if (Array.isArray(node)) node.forEach((child, i) => severitiesIn(child, `${where}[${i}]`, out))
  else if (node !== null && typeof node === 'object') {
    const record = node as Record<string, unknown>
    if (typeof record.type === 'string' && typeof record.score === 'string')
      out.push({ type: record.type, score: record.score, where })
    for (const [key, child] of Object.entries(record)) severitiesIn(child, `${where}.${key}`, out)
  }
  return out
}

function loadOsvSeverities(): OsvSeverity[] {
  const root = fileURLToPath(new URL('../../../fixtures/osv', import.meta.url))
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.json'))
    .sort()
    .flatMap((file) => severitiesIn(JSON.parse(readFileSync(join(root, file), 'utf8')), file, []))
}

describe('scoreCvss: every vector in the OSV fixtures', () => {
  const all = loadOsvSeverities()
  const vectors = all.filter((s) => s.type.startsWith('CVSS_'))

  it('finds the vectors and Ubuntu priorities the fixtures hold', () => {
    expect(vectors.length).toBeGreaterThanOrEqual(56)
    expect(all.filter((s) => s.type === 'Ubuntu').length).toBeGreaterThanOrEqual(19)
  })

  it.each(vectors.map((s) => [s.where, s.score] as const))(
    '%s %s scores as our formula does',
    (_where, vector) => {
      const cvss = v3(scoreCvss(vector))
      const ref = referenceV3(vector)
      expect({
        base: cvss.baseScore,
        exploitability: cvss.exploitabilityScore,
        impact: cvss.impactScore,
      }).toEqual(ref)
      expect(severityFromScore(cvss.baseScore)).not.toBe('Unknown')
    },
  )

  it('maps every Ubuntu priority in the fixtures', () => {
    const labels = new Set(all.filter((s) => s.type === 'Ubuntu').map((s) => s.score))
    expect([...labels].map((label) => [label, severityFromLabel(label)])).toEqual(
      [...labels].map((label) => [label, { low: 'Low', medium: 'Medium', high: 'High' }[label]]),
    )
  })
})
