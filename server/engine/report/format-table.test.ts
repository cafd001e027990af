import { describe, expect, it } from 'vitest'
import { formatTable } from './format-table'
import { sampleReport } from './testing/sample-report'

// eslint-disable-next-line no-control-regex -- matching ANSI escapes is the point
const ANSI = /\x1b\[[0-9;]*m/g
const lines = (text: string) => text.split('\n')
const width = (line: string) => [...line.replace(ANSI, '')].length

describe('formatTable', () => {
  const plain = formatTable(sampleReport(), { color: false, columns: 200 })

  it('has a section per target, OS packages first, then each language', () => {
    const titles = lines(plain).filter((line, i, all) => /^=+$/.test(all[i + 1] ?? ''))
    expect(titles).toEqual([
      'registry.example.com/shop/api:1.4.2 (ubuntu 22.04)',
      'Java (jar)',
      'Node.js (node-pkg)',
      'Python (python-pkg)',
    ])
  })

  it('counts findings per target and for the image, Trivy style', () => {
    expect(lines(plain).filter((l) => l.startsWith('Total: '))).toEqual([
      'Total: 3 (UNKNOWN: 0, LOW: 1, MEDIUM: 0, HIGH: 2, CRITICAL: 0)',
      'Total: 1 (UNKNOWN: 0, LOW: 0, MEDIUM: 0, HIGH: 0, CRITICAL: 1)',
      'Total: 2 (UNKNOWN: 0, LOW: 0, MEDIUM: 1, HIGH: 1, CRITICAL: 0)',
      'Total: 1 (UNKNOWN: 1, LOW: 0, MEDIUM: 0, HIGH: 0, CRITICAL: 0)',
    ])
    expect(plain.trimEnd().split('\n').at(-1)).toBe(
      'Summary: 7 vulnerabilities (UNKNOWN: 1, LOW: 1, MEDIUM: 1, HIGH: 3, CRITICAL: 1)',
    )
  })

  it('shows the columns and one row per finding, with the Maven group and an empty Fixed for no fix', () => {
    const header = lines(plain).find((l) => l.includes('Vulnerability'))
    expect(header?.split('│').map((c) => c.trim())).toEqual([
      '',
      'Library',
      'Vulnerability',
      'Severity',
      'Installed Version',
      'Fixed Version',
      'Title',
      '',
    ])
    const row = (id: string) =>
      lines(plain)
        .find((l) => l.includes(id))
        ?.split('│')
        .map((c) => c.trim())
        .slice(1, -1)
    expect(row('CVE-2021-44228')).toEqual([
      'org.apache.logging.log4j:log4j-core',
      'CVE-2021-44228',
      'CRITICAL',
      '2.14.1',
      '2.15.0',
      'Remote code injection in Log4j',
    ])
    expect(row('CVE-2023-45853')).toEqual([
      'zlib1g',
      'CVE-2023-45853',
      'LOW',
      '1:1.2.11.dfsg-2ubuntu9.2',
      '',
      'zlib: integer overflow in MiniZip zipOpenNewFileInZip4_64',
    ])
    expect(row('CVE-2024-35195')?.slice(0, 5)).toEqual([
      'requests',
      'CVE-2024-35195',
      'UNKNOWN',
      '2.31.0',
      '2.32.0',
    ])
    // The advisory link is the Title's second line.
    const log4j = lines(plain).findIndex((l) => l.includes('CVE-2021-44228'))
    expect(lines(plain)[log4j + 1]).toContain('https://github.com/advisories/GHSA-jfh8-c2jp-5v3q')
  })

  it('merges the Library cell of one package’s rows, worst first', () => {
    const node = lines(plain).slice(lines(plain).indexOf('Node.js (node-pkg)'))
    const high = node.findIndex((l) => l.includes('CVE-2021-23337'))
    const medium = node.findIndex((l) => l.includes('CVE-2020-28500'))
    expect(high).toBeLessThan(medium)
    expect(node[medium]?.startsWith('│         │ CVE-2020-28500')).toBe(true)
    expect(node.slice(high, medium).some((l) => l.startsWith('│         ├────'))).toBe(true)
  })

  it('has no escape codes unless colour is asked for', () => {
    expect(plain).not.toMatch(ANSI)
    const colored = formatTable(sampleReport(), { color: true, columns: 200 })
    expect(colored).toContain('\x1b[31mCRITICAL\x1b[0m')
    expect(colored).toContain('\x1b[36mUNKNOWN\x1b[0m: 1')
    expect(colored.replace(ANSI, '')).toBe(plain)
  })

  it.each([200, 120, 100, 80])('fits %d columns, wrapping rather than cutting short words', (columns) => {
    const text = formatTable(sampleReport(), { color: true, columns })
    expect(Math.max(...lines(text).map(width))).toBeLessThanOrEqual(columns)
    expect(text.replace(ANSI, '')).toContain('CVE-2021-44228')
  })

  it('uses the whole width it needs and no more', () => {
    const table = lines(plain).filter((l) => l.startsWith('┌'))
    expect(Math.max(...table.map(width))).toBeLessThan(200)
  })

  it('shows an OS target with no findings as Total: 0 and no table', () => {
    const report = sampleReport()
    report.findings = report.findings.filter((f) => f.scanType === 'sca')
    const text = formatTable(report, { color: false, columns: 120 })
    expect(text).toContain(
      'registry.example.com/shop/api:1.4.2 (ubuntu 22.04)\n==================================================\nTotal: 0 (UNKNOWN: 0, LOW: 0, MEDIUM: 0, HIGH: 0, CRITICAL: 0)\n\nJava (jar)',
    )
  })

  it('writes a digest reference with @', () => {
    const report = sampleReport()
    report.image.reference = `sha256:${'a'.repeat(64)}`
    expect(formatTable(report, { color: false }).split('\n')[0]).toBe(
      `registry.example.com/shop/api@sha256:${'a'.repeat(64)} (ubuntu 22.04)`,
    )
  })

  it('adds baseline and malicious-file sections only when those checks found something', () => {
    expect(plain).not.toContain('Baseline risks')
    const report = sampleReport()
    report.baseline = [
      { checkId: 'run_as_root', category: 'Image configuration', title: 'Runs as root', level: 'High', description: 'No USER.', evidence: 'USER is not set', remediation: 'Add USER.' },
      { checkId: 'env_file', category: 'Credentials', title: '.env file', level: 'Medium', description: 'A .env file.', evidence: 'app/.env (289 bytes)', path: 'app/.env', remediation: 'Remove it.', layerIndex: 2, layerDigest: `sha256:${'d'.repeat(64)}` },
    ]
    report.maliciousFiles = [
      { filePath: 'app/uploads/eicar.com', layerIndex: 2, layerDigest: `sha256:${'d'.repeat(64)}`, deletedInLayer: 3, type: 'test-file', maliciousName: 'Eicar-Test-Signature', signature: 'Eicar-Test-Signature', engine: 'hash', md5: '44d88612fea8a8f36de82e1278abb02f', sha256: '275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f', size: 68, level: 'remind' },
    ]
    const text = formatTable(report, { color: false, columns: 200 })
    expect(text).toContain('Baseline risks\n==============\nTotal: 2')
    expect(text).toMatch(/│ run_as_root\s+│ HIGH\s+│ image config\s+│ USER is not set/)
    expect(text).toMatch(/│ env_file\s+│ MEDIUM\s+│ app\/\.env\s+│/)
    expect(text).toContain('Malicious files\n===============\nTotal: 1')
    expect(text).toMatch(/│ app\/uploads\/eicar\.com\s+│ REMIND\s+│ Eicar-Test-Signature\s+│ 2 \(deleted in 3\)\s+│ 275a021b/)
    expect(text.trimEnd().split('\n').at(-1)).toMatch(/; 2 baseline risks, 1 malicious file$/)
  })
})
