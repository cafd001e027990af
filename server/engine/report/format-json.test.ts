import { imageReport } from '@contract/findings'
import { describe, expect, it } from 'vitest'
import { formatJson } from './format-json'
import { sampleReport } from './testing/sample-report'

describe('formatJson', () => {
  it('is the report, valid against the contract, ending in a newline', () => {
    const text = formatJson(sampleReport())
    expect(text.endsWith('}\n')).toBe(true)
    const parsed = imageReport.parse(JSON.parse(text))
    expect(parsed.findings).toHaveLength(7)
    expect(parsed.components).toHaveLength(6)
  })

  it('puts keys in the contract order and lists findings worst first', () => {
    const parsed = JSON.parse(formatJson(sampleReport())) as ReturnType<typeof sampleReport>
    expect(Object.keys(parsed)).toEqual([
      'image',
      'os',
      'layers',
      'components',
      'findings',
      'componentRisks',
      'baseline',
      'maliciousFiles',
      'notes',
      'advisoryDb',
      'scannedAt',
      'durationMs',
    ])
    expect(parsed.findings.map((f) => `${f.severity} ${f.vulnerabilityId} ${f.componentId}`)).toEqual([
      'Critical CVE-2021-44228 c-log4j-core',
      'High CVE-2021-23337 c-lodash',
      'High CVE-2023-0286 c-libssl3',
      'High CVE-2023-0286 c-openssl',
      'Medium CVE-2020-28500 c-lodash',
      'Low CVE-2023-45853 c-zlib1g',
      'Unknown CVE-2024-35195 c-requests',
    ])
    expect(Object.keys(parsed.findings[0] ?? {}).slice(0, 3)).toEqual([
      'vulnerabilityId',
      'aliases',
      'advisoryIds',
    ])
  })

  it('gives the same bytes whatever order the engine produced things in', () => {
    const shuffled = sampleReport()
    shuffled.findings.reverse()
    shuffled.components.reverse()
    shuffled.layers.reverse()
    // Key order inside objects must not matter either.
    shuffled.image = Object.fromEntries(Object.entries(shuffled.image).reverse()) as typeof shuffled.image
    expect(formatJson(shuffled)).toBe(formatJson(sampleReport()))
  })

  it('drops fields the contract does not define, and indents as asked', () => {
    const report = { ...sampleReport(), internal: 'x' }
    expect(formatJson(report)).not.toContain('internal')
    expect(formatJson(sampleReport(), { indent: 0 })).not.toContain('\n  ')
  })

  it('rejects a report that breaks the contract', () => {
    const report = sampleReport()
    report.findings[0]!.severity = 'Severe' as 'High'
    expect(() => formatJson(report)).toThrow()
  })
})
