import { describe, expect, it } from 'vitest'
import { formatSarif, securitySeverity } from './format-sarif'
import { FINDINGS, sampleReport } from './testing/sample-report'

type Rule = {
  id: string
  name: string
  shortDescription: { text: string }
  help: { text: string; markdown: string }
  helpUri?: string
  defaultConfiguration: { level: string }
  properties: { 'security-severity': string; tags: string[]; precision: string }
}
type Result = {
  ruleId: string
  ruleIndex: number
  level: string
  message: { text: string }
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: object } }[]
}
type Sarif = {
  version: string
  $schema: string
  runs: { tool: { driver: { name: string; rules: Rule[] } }; results: Result[]; originalUriBaseIds: object }[]
}

const sarif = JSON.parse(formatSarif(sampleReport())) as Sarif
const run = sarif.runs[0]!
const rule = (id: string) => run.tool.driver.rules.find((r) => r.id === id)

describe('formatSarif', () => {
  it('is one SARIF 2.1.0 run by Layerscope', () => {
    expect(sarif.version).toBe('2.1.0')
    expect(sarif.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json')
    expect(sarif.runs).toHaveLength(1)
    expect(run.tool.driver.name).toBe('Layerscope')
    expect(run.originalUriBaseIds).toEqual({ ROOTPATH: { uri: 'file:///' } })
  })

  it('has one rule per vulnerability id, worst first', () => {
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual([
      'CVE-2021-44228',
      'CVE-2021-23337',
      'CVE-2023-0286',
      'CVE-2020-28500',
      'CVE-2023-45853',
      'CVE-2024-35195',
    ])
  })

  it('gives each rule help text, a help link and GitHub’s security-severity', () => {
    expect(rule('CVE-2021-44228')).toMatchObject({
      name: 'LanguageSpecificPackageVulnerability',
      shortDescription: { text: 'Remote code injection in Log4j' },
      helpUri: 'https://github.com/advisories/GHSA-jfh8-c2jp-5v3q',
      defaultConfiguration: { level: 'error' },
      properties: {
        precision: 'very-high',
        'security-severity': '10.0',
        tags: ['vulnerability', 'security', 'CRITICAL'],
      },
    })
    expect(rule('CVE-2021-44228')?.help.text).toContain(
      'Vulnerability CVE-2021-44228\nSeverity: CRITICAL\nPackage: log4j-core\nFixed Version: 2.15.0',
    )
    expect(rule('CVE-2021-44228')?.help.markdown).toContain(
      '|CRITICAL|log4j-core|2.15.0|[CVE-2021-44228](https://github.com/advisories/GHSA-jfh8-c2jp-5v3q)|',
    )
    expect(rule('CVE-2023-0286')).toMatchObject({
      name: 'OsPackageVulnerability',
      properties: { 'security-severity': '7.4' },
    })
    expect(rule('CVE-2020-28500')?.properties['security-severity']).toBe('5.3')
  })

  it('keeps GitHub’s label in line with a vendor severity that overrides NVD', () => {
    // Ubuntu says low; NVD's 9.8 would make GitHub show it as critical.
    expect(rule('CVE-2023-45853')?.properties['security-severity']).toBe('2.0')
    expect(rule('CVE-2024-35195')?.properties['security-severity']).toBe('0.0')
  })

  it('has one result per finding, at the package location, with the level from the severity', () => {
    expect(run.results).toHaveLength(7)
    expect(
      run.results.map((r) => [r.ruleId, r.level, r.locations[0]?.physicalLocation.artifactLocation.uri]),
    ).toEqual([
      ['CVE-2021-44228', 'error', 'app/app.jar!/BOOT-INF/lib/log4j-core-2.14.1.jar'],
      ['CVE-2021-23337', 'error', 'app/node_modules/lodash/package.json'],
      ['CVE-2023-0286', 'error', 'var/lib/dpkg/status'],
      ['CVE-2023-0286', 'error', 'var/lib/dpkg/status'],
      ['CVE-2020-28500', 'warning', 'app/node_modules/lodash/package.json'],
      ['CVE-2023-45853', 'note', 'var/lib/dpkg/status'],
      ['CVE-2024-35195', 'note', 'usr/lib/python3/dist-packages/requests-2.31.0.dist-info/METADATA'],
    ])
    for (const r of run.results) expect(run.tool.driver.rules[r.ruleIndex]?.id).toBe(r.ruleId)
    expect(run.results[0]?.locations[0]?.physicalLocation).toMatchObject({
      artifactLocation: { uriBaseId: 'ROOTPATH' },
      region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 },
    })
    expect(run.results[0]?.message.text).toBe(
      'Package: log4j-core\nInstalled Version: 2.14.1\nVulnerability CVE-2021-44228\nSeverity: CRITICAL\nFixed Version: 2.15.0\nLink: [CVE-2021-44228](https://github.com/advisories/GHSA-jfh8-c2jp-5v3q)',
    )
  })

  it('escapes a location that is not a plain URI path', () => {
    const report = sampleReport()
    report.components[0]!.location = '/opt/my app/100%.jar'
    const out = JSON.parse(formatSarif(report)) as Sarif
    const uris = out.runs[0]!.results.map((r) => r.locations[0]?.physicalLocation.artifactLocation.uri)
    expect(uris).toContain('opt/my%20app/100%25.jar')
  })

  it('is an empty run when nothing was found', () => {
    const out = JSON.parse(formatSarif({ ...sampleReport(), findings: [] })) as Sarif
    expect(out.runs[0]).toMatchObject({ results: [], tool: { driver: { rules: [] } } })
  })
})

describe('securitySeverity', () => {
  it('prefers the v3 score, then v4, then v2, when its band matches', () => {
    const log4j = FINDINGS.find((f) => f.vulnerabilityId === 'CVE-2021-44228')!
    expect(securitySeverity(log4j)).toBe('10.0')
    expect(securitySeverity({ ...log4j, cvssV3: undefined, severity: 'High' })).toBe('9.3')
    expect(
      securitySeverity({ ...log4j, cvssV3: undefined, cvssV4: { vector: 'CVSS:4.0/…', baseScore: 9.3 } }),
    ).toBe('9.3')
  })
})
