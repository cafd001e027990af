import type { Component, Finding, OsInfo } from '@contract/findings'
import { describe, expect, it } from 'vitest'
import { memoryAdvisories } from '../advisories/memory-advisories'
import type { OsvRecord } from '../advisories/osv-record'
import { loadOsvFixtures, osvFixture } from '../advisories/testing/osv-fixtures'
import { matchComponents, type MatchOptions } from './match-components'
import { ALPINE_3_18, component, deb, FOCAL, JAMMY } from './testing/components'

/**
 * The matcher against the real OSV fixtures (fixtures/osv, see its README for their
 * quirks), with components built by hand from the demo images' package lists
 * (server/demo/images/*.ts).
 */
const fixtures = loadOsvFixtures()
const store = memoryAdvisories(fixtures)
const lookup = (ecosystem: string, names: string[]) => store.find(ecosystem, names)

function match(components: Component[], os: OsInfo | null, records: readonly OsvRecord[] = fixtures, options: MatchOptions = {}) {
  const s = records === fixtures ? store : memoryAdvisories(records)
  return matchComponents(components, os, (e, n) => s.find(e, n), options)
}

/** One line per finding: what a reviewer checks first. */
const row = (f: Finding) => [f.componentId, f.vulnerabilityId, f.severity, f.severitySource, f.cvssV3?.baseScore ?? '-', f.fixedBy ?? '-', f.advisoryIds.join('+')].join(' | ')

const byId = (findings: Finding[], componentId: string, vulnerabilityId: string): Finding => {
  const f = findings.find((x) => x.componentId === componentId && x.vulnerabilityId === vulnerabilityId)
  if (!f) throw new Error(`no finding ${vulnerabilityId} for ${componentId}`)
  return f
}

describe('demo/ubuntu-web (Ubuntu 22.04): glibc, openssl, curl', () => {
  const components = [
    deb('libc6', '2.35-0ubuntu3.3', 'glibc'),
    deb('libc-bin', '2.35-0ubuntu3.3', 'glibc'),
    deb('libssl3', '3.0.2-0ubuntu1.7', 'openssl'),
    deb('openssl', '3.0.2-0ubuntu1.7'),
    deb('curl', '7.81.0-1ubuntu1.13'),
    deb('libcurl4', '7.81.0-1ubuntu1.13', 'curl'),
    // No bundled advisory names 22.04 for these: bash (USN-5380-1 stops at 20.04), zlib (USN-5570-1 at 18.04).
    deb('bash', '5.1-6ubuntu1'),
    deb('zlib1g', '1:1.2.11.dfsg-2ubuntu9', 'zlib'),
    deb('bsdutils', '1:2.37.2-4ubuntu3', 'util-linux', '2.37.2-4ubuntu3'),
  ]

  it('finds exactly these vulnerabilities, per binary package, matched by source name and version', async () => {
    const { findings, notes } = await match(components, JAMMY)
    const openssl = (c: string) => [
      `${c} | CVE-2022-4450 | High | cvss_v3 | 7.5 | 3.0.2-0ubuntu1.8 | USN-5844-1`,
      `${c} | CVE-2023-0215 | High | cvss_v3 | 7.5 | 3.0.2-0ubuntu1.8 | USN-5844-1`,
      `${c} | CVE-2023-0216 | High | cvss_v3 | 7.5 | 3.0.2-0ubuntu1.8 | USN-5844-1`,
      `${c} | CVE-2023-0217 | High | cvss_v3 | 7.5 | 3.0.2-0ubuntu1.8 | USN-5844-1`,
      `${c} | CVE-2023-0401 | High | cvss_v3 | 7.5 | 3.0.2-0ubuntu1.8 | USN-5844-1`,
      `${c} | CVE-2023-0286 | High | cvss_v3 | 7.4 | 3.0.2-0ubuntu1.8 | USN-5844-1`,
      `${c} | CVE-2022-4304 | Medium | cvss_v3 | 5.9 | 3.0.2-0ubuntu1.8 | USN-5844-1`,
      `${c} | CVE-2022-4203 | Medium | cvss_v3 | 4.9 | 3.0.2-0ubuntu1.8 | USN-5844-1`,
    ]
    expect(findings.map(row)).toEqual([
      'dpkg:libc6 | CVE-2023-4911 | High | cvss_v3 | 7.8 | 2.35-0ubuntu3.4 | UBUNTU-CVE-2023-4911+USN-6409-1',
      'dpkg:libc6 | CVE-2023-4527 | Unknown | none | - | 2.35-0ubuntu3.4 | USN-6409-1',
      'dpkg:libc-bin | CVE-2023-4911 | High | cvss_v3 | 7.8 | 2.35-0ubuntu3.4 | UBUNTU-CVE-2023-4911+USN-6409-1',
      'dpkg:libc-bin | CVE-2023-4527 | Unknown | none | - | 2.35-0ubuntu3.4 | USN-6409-1',
      ...openssl('dpkg:libssl3'),
      ...openssl('dpkg:openssl'),
      'dpkg:curl | CVE-2023-38545 | Critical | cvss_v3 | 9.8 | 7.81.0-1ubuntu1.14 | UBUNTU-CVE-2023-38545+USN-6429-1',
      'dpkg:curl | CVE-2023-38546 | Low | cvss_v3 | 3.7 | 7.81.0-1ubuntu1.14 | USN-6429-1',
      'dpkg:libcurl4 | CVE-2023-38545 | Critical | cvss_v3 | 9.8 | 7.81.0-1ubuntu1.14 | UBUNTU-CVE-2023-38545+USN-6429-1',
      'dpkg:libcurl4 | CVE-2023-38546 | Low | cvss_v3 | 3.7 | 7.81.0-1ubuntu1.14 | USN-6429-1',
    ])
    expect(notes).toEqual([])
  })

  it('merges UBUNTU-CVE-2023-38545 and USN-6429-1 into one finding for the CVE, with every id', async () => {
    const { findings } = await match(components, JAMMY)
    const f = byId(findings, 'dpkg:libcurl4', 'CVE-2023-38545')
    expect(f).toEqual({
      vulnerabilityId: 'CVE-2023-38545',
      aliases: ['CVE-2023-38545', 'UBUNTU-CVE-2023-38545', 'USN-6429-1'],
      advisoryIds: ['UBUNTU-CVE-2023-38545', 'USN-6429-1'],
      summary: 'This flaw makes curl overflow a heap based buffer in the SOCKS5 proxy handshake.',
      description: expect.stringContaining('SOCKS5 proxy handshake') as string,
      link: 'https://osv.dev/vulnerability/UBUNTU-CVE-2023-38545',
      severity: 'Critical',
      severitySource: 'cvss_v3',
      // Both records give CVSS 3.1 vectors (the USN's cves_map two: 9.8 and 8.8); the highest wins.
      cvssV3: expect.objectContaining({ vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', baseScore: 9.8, attackVector: 'NETWORK' }) as unknown,
      fixedBy: '7.81.0-1ubuntu1.14',
      // The USN lists the binaries its update shipped; libcurl4 is one.
      fixCmd: 'apt-get install --only-upgrade libcurl4=7.81.0-1ubuntu1.14',
      publishedAt: '2023-10-11T06:00:00Z',
      modifiedAt: '2026-04-27T14:11:31Z',
      scanType: 'cve',
      componentId: 'dpkg:libcurl4',
    })
  })

  it('merges UBUNTU-CVE-2023-4911 and USN-6409-1; the USN’s second CVE stays its own finding', async () => {
    const { findings } = await match(components, JAMMY)
    const looney = byId(findings, 'dpkg:libc6', 'CVE-2023-4911')
    expect(looney).toMatchObject({ aliases: ['CVE-2023-4911', 'UBUNTU-CVE-2023-4911', 'USN-6409-1'], cvssV3: { baseScore: 7.8 } })
    expect(looney.fixedByNote).toBeUndefined()
    // USN-6409-1 has no cves_map: its prose says CVE-2023-4527 "only affected Ubuntu 23.04",
    // but nothing machine-readable does, so it is reported, without a severity.
    const other = byId(findings, 'dpkg:libc6', 'CVE-2023-4527')
    expect(other).toMatchObject({
      advisoryIds: ['USN-6409-1'],
      aliases: ['CVE-2023-4527', 'UBUNTU-CVE-2023-4527', 'USN-6409-1'],
      summary: 'It was discovered that the GNU C Library incorrectly handled certain DNS responses when the system was configured in no-aaaa mode.',
      link: 'https://ubuntu.com/security/notices/USN-6409-1',
      severity: 'Unknown',
      severitySource: 'none',
    })
    expect(other.description).toMatch(/^It was discovered that the GNU C Library.*\(CVE-2023-4527\)$/)
  })

  it('splits USN-5844-1 per CVE with each CVE’s own cves_map data', async () => {
    const { findings } = await match(components, JAMMY)
    const f = byId(findings, 'dpkg:openssl', 'CVE-2022-4203')
    expect(f).toMatchObject({
      aliases: ['CVE-2022-4203', 'UBUNTU-CVE-2022-4203', 'USN-5844-1'],
      summary: 'Corey Bonnell discovered that OpenSSL incorrectly handled X.509 certificate verification.',
      severity: 'Medium',
      cvssV3: { vector: 'CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:N/I:N/A:H', baseScore: 4.9 },
      link: 'https://ubuntu.com/security/notices/USN-5844-1',
    })
  })

  it('adds up each component’s risk', async () => {
    const { componentRisks } = await match(components, JAMMY)
    expect(componentRisks.find((r) => r.componentId === 'dpkg:curl')).toEqual({ componentId: 'dpkg:curl', topCvss: 9.8, riskScore: 13.5, fixedByAll: '7.81.0-1ubuntu1.14', findingCount: 2 })
    // CVE-2023-4527 has no score and counts 5.0.
    expect(componentRisks.find((r) => r.componentId === 'dpkg:libc6')).toEqual({ componentId: 'dpkg:libc6', topCvss: 7.8, riskScore: 12.8, fixedByAll: '2.35-0ubuntu3.4', findingCount: 2 })
    expect(componentRisks.find((r) => r.componentId === 'dpkg:bash')).toEqual({ componentId: 'dpkg:bash', topCvss: null, riskScore: 0, findingCount: 0 })
    expect(componentRisks).toHaveLength(components.length)
  })
})

describe('demo/legacy-api (Ubuntu 20.04): bash, curl, openssl', () => {
  const components = [deb('bash', '5.0-6ubuntu1.1'), deb('curl', '7.68.0-1ubuntu2.18'), deb('libssl1.1', '1.1.1f-1ubuntu2.16', 'openssl'), deb('zlib1g', '1:1.2.11.dfsg-2ubuntu1.5', 'zlib')]

  it('finds exactly these vulnerabilities', async () => {
    const { findings } = await match(components, FOCAL)
    expect(findings.map(row)).toEqual([
      'dpkg:bash | CVE-2019-18276 | Unknown | none | - | 5.0-6ubuntu1.2 | USN-5380-1',
      'dpkg:curl | CVE-2023-38545 | Critical | cvss_v3 | 9.8 | 7.68.0-1ubuntu2.19 | UBUNTU-CVE-2023-38545',
      'dpkg:curl | CVE-2023-38546 | Low | cvss_v3 | 3.7 | 7.68.0-1ubuntu2.20 | USN-6429-1',
      'dpkg:libssl1.1 | CVE-2022-4450 | High | cvss_v3 | 7.5 | 1.1.1f-1ubuntu2.17 | USN-5844-1',
      'dpkg:libssl1.1 | CVE-2023-0215 | High | cvss_v3 | 7.5 | 1.1.1f-1ubuntu2.17 | USN-5844-1',
      'dpkg:libssl1.1 | CVE-2023-0286 | High | cvss_v3 | 7.4 | 1.1.1f-1ubuntu2.17 | USN-5844-1',
      'dpkg:libssl1.1 | CVE-2022-4304 | Medium | cvss_v3 | 5.9 | 1.1.1f-1ubuntu2.17 | USN-5844-1',
    ])
  })

  it('does not credit USN-6429-1 with CVE-2023-38545 on 20.04: its cves_map for 20.04 lists only CVE-2023-38546', async () => {
    // The README's "curl on 20.04: USN says …2.20, UBUNTU-CVE says …2.19" is two different
    // CVEs once the USN is read per release: 2.19 fixes CVE-2023-38545 and 2.20 fixes
    // CVE-2023-38546. Merging them would flag 7.68.0-1ubuntu2.19, which is fixed, as Critical.
    const { findings, componentRisks } = await match([deb('curl', '7.68.0-1ubuntu2.19')], FOCAL)
    expect(findings.map(row)).toEqual(['dpkg:curl | CVE-2023-38546 | Low | cvss_v3 | 3.7 | 7.68.0-1ubuntu2.20 | USN-6429-1'])
    expect(componentRisks[0]?.fixedByAll).toBe('7.68.0-1ubuntu2.20')
  })

  it('ignores the Ubuntu Pro entries of USN-5380-1 and USN-5570-1 on a non-Pro image', async () => {
    const trusty: OsInfo = { id: 'ubuntu', versionId: '14.04', ecosystem: 'Ubuntu:14.04:LTS' }
    // Both versions are inside the Ubuntu:Pro:14.04:LTS ranges.
    const { findings } = await match([deb('bash', '4.3-7ubuntu1.7'), deb('zlib1g', '1:1.2.8.dfsg-1ubuntu1.1', 'zlib')], trusty)
    expect(findings).toEqual([])
    const pro: OsInfo = { ...trusty, ecosystem: 'Ubuntu:Pro:14.04:LTS' }
    expect((await match([deb('bash', '4.3-7ubuntu1.7')], pro)).findings.map(row)).toEqual(['dpkg:bash | CVE-2019-18276 | Unknown | none | - | 4.3-7ubuntu1.8+esm2 | USN-5380-1'])
  })

  it('finds nothing once the fixes are installed', async () => {
    const fixed = [deb('bash', '5.0-6ubuntu1.2'), deb('curl', '7.68.0-1ubuntu2.20'), deb('libssl1.1', '1.1.1f-1ubuntu2.17', 'openssl')]
    expect((await match(fixed, FOCAL)).findings).toEqual([])
  })
})

describe('fixed versions that disagree', () => {
  it('keeps the later one and says which advisories disagreed', async () => {
    // An older-format USN (no cves_map, like USN-6409-1) covers every upstream CVE on every
    // release it lists: USN-6429-1 in that shape claims CVE-2023-38545 on 20.04 with 2.20,
    // where UBUNTU-CVE-2023-38545 says 2.19.
    const usn = osvFixture('USN-6429-1')
    const oldFormat: OsvRecord = { ...usn, affected: usn.affected.map((a) => ({ ...a, database_specific: undefined })) }
    const records = [oldFormat, osvFixture('UBUNTU-CVE-2023-38545')]
    const { findings } = await match([deb('curl', '7.68.0-1ubuntu2.18')], FOCAL, records)
    const f = byId(findings, 'dpkg:curl', 'CVE-2023-38545')
    expect(f.advisoryIds).toEqual(['UBUNTU-CVE-2023-38545', 'USN-6429-1'])
    expect(f.fixedBy).toBe('7.68.0-1ubuntu2.20')
    expect(f.fixedByNote).toBe(
      'The advisories disagree on the fixed version (UBUNTU-CVE-2023-38545 says 7.68.0-1ubuntu2.19, USN-6429-1 says 7.68.0-1ubuntu2.20); the later, 7.68.0-1ubuntu2.20, is shown.',
    )
    expect(f.fixCmd).toBe('apt-get install --only-upgrade curl=7.68.0-1ubuntu2.20')
    // The merged finding keeps the CVE record's severity.
    expect(f).toMatchObject({ severity: 'Critical', severitySource: 'cvss_v3' })
  })
})

describe('demo/alpine-base and demo/shop-app (Alpine 3.18): musl', () => {
  it('matches apk packages by origin in Alpine:v3.18 and fixes them with apk', async () => {
    const { findings } = await match(
      [
        component({ format: 'apk', name: 'musl', version: '1.2.4-r2', sourceName: 'musl' }),
        component({ format: 'apk', name: 'musl-utils', version: '1.2.4-r2', sourceName: 'musl' }),
        component({ format: 'apk', name: 'libcrypto3', version: '3.1.3-r0', sourceName: 'openssl' }),
      ],
      ALPINE_3_18,
    )
    expect(findings.map(row)).toEqual([
      'apk:musl | CVE-2025-26519 | High | cvss_v3 | 7 | 1.2.4-r3 | ALPINE-CVE-2025-26519',
      'apk:musl-utils | CVE-2025-26519 | High | cvss_v3 | 7 | 1.2.4-r3 | ALPINE-CVE-2025-26519',
    ])
    expect(findings[1]).toMatchObject({ fixCmd: 'apk add --upgrade musl-utils=1.2.4-r3', link: 'https://security.alpinelinux.org/vuln/CVE-2025-26519', aliases: ['ALPINE-CVE-2025-26519', 'CVE-2025-26519'] })
  })

  it('uses the image’s own release: the same musl on Alpine 3.19 is fixed by 1.2.4_git20230717-r5', async () => {
    const { findings } = await match([component({ format: 'apk', name: 'musl', version: '1.2.4-r2', sourceName: 'musl' })], { ...ALPINE_3_18, ecosystem: 'Alpine:v3.19' })
    expect(findings.map((f) => f.fixedBy)).toEqual(['1.2.4_git20230717-r5'])
  })
})

describe('demo/shop-app: npm, PyPI and Maven dependencies', () => {
  const npm = (name: string, version: string) => component({ format: 'npm', name, version })
  const pypi = (name: string, version: string) => component({ format: 'pypi', name, version })
  const maven = (group: string, name: string, version: string) => component({ format: 'maven', group, name, version })

  it('npm: express, qs, lodash, axios, jsonwebtoken (and minimist, deleted in a later layer)', async () => {
    const { findings } = await match([npm('express', '4.17.1'), npm('qs', '6.7.0'), npm('lodash', '4.17.20'), npm('axios', '0.21.0'), npm('jsonwebtoken', '8.5.1'), npm('minimist', '1.2.5'), npm('ms', '2.0.0')], null)
    expect(findings.map(row)).toEqual([
      'npm:express | CVE-2024-29041 | Medium | cvss_v3 | 6.1 | 4.19.2 | GHSA-rv95-896h-c2vc',
      'npm:qs | CVE-2022-24999 | High | cvss_v3 | 7.5 | 6.7.3 | GHSA-hrpp-h998-j3pp',
      // GHSA-p6mc-m468-83gw is fixed in 4.17.20 itself; GHSA-jf85-cpcp-j695 in 4.17.12.
      'npm:lodash | CVE-2020-28500 | Medium | cvss_v3 | 5.3 | 4.17.21 | GHSA-29mw-wpgm-hmr9',
      'npm:axios | CVE-2020-28168 | Medium | cvss_v3 | 5.9 | 0.21.1 | GHSA-4w2v-q235-vp99',
      // `"severity": []`: GitHub's own rating (database_specific.severity MODERATE) decides.
      'npm:jsonwebtoken | CVE-2022-23539 | Medium | ghsa | - | 9.0.0 | GHSA-8cf7-32gw-wr33',
      'npm:jsonwebtoken | CVE-2022-23541 | Medium | ghsa | - | 9.0.0 | GHSA-hjrf-2m68-5959',
      'npm:minimist | CVE-2021-44906 | Critical | cvss_v3 | 9.8 | 1.2.6 | GHSA-xvch-5gv4-984h',
    ])
    expect(byId(findings, 'npm:qs', 'CVE-2022-24999')).toMatchObject({ fixCmd: 'npm install qs@6.7.3', scanType: 'sca', link: 'https://nvd.nist.gov/vuln/detail/CVE-2022-24999' })
  })

  it('PyPI: names are matched by their PEP 503 form (Jinja2, PyYAML, Django), severity absent → Unknown', async () => {
    const { findings } = await match([pypi('Jinja2', '2.11.2'), pypi('requests', '2.19.1'), pypi('PyYAML', '5.3'), pypi('Django', '3.2.4'), pypi('urllib3', '1.26.16')], null)
    expect(findings.map(row)).toEqual([
      'pypi:Jinja2 | CVE-2024-22195 | Medium | cvss_v3 | 5.4 | 3.1.3 | GHSA-h5c8-rqwp-cp95',
      'pypi:Jinja2 | CVE-2020-28493 | Unknown | none | - | 2.11.3 | PYSEC-2021-66',
      'pypi:requests | CVE-2018-18074 | Unknown | none | - | 2.20.0 | PYSEC-2018-28',
      'pypi:requests | CVE-2023-32681 | Unknown | none | - | 2.31.0 | PYSEC-2023-74',
      'pypi:PyYAML | CVE-2020-1747 | Unknown | none | - | 5.3.1 | PYSEC-2020-96',
      'pypi:Django | CVE-2021-35042 | Unknown | none | - | 3.2.5 | PYSEC-2021-109',
      'pypi:Django | CVE-2022-34265 | Unknown | none | - | 3.2.14 | PYSEC-2022-213',
      'pypi:Django | CVE-2023-31047 | Unknown | none | - | 3.2.19 | PYSEC-2023-61',
      'pypi:urllib3 | CVE-2023-43804 | High | cvss_v3 | 8.1 | 1.26.17 | PYSEC-2023-192',
      'pypi:urllib3 | CVE-2023-45803 | Medium | cvss_v3 | 4.2 | 1.26.18 | PYSEC-2023-212',
    ])
    expect(byId(findings, 'pypi:PyYAML', 'CVE-2020-1747')).toMatchObject({ fixCmd: "pip install 'PyYAML==5.3.1'", aliases: ['CVE-2020-1747', 'GHSA-6757-jp84-gxfx', 'PYSEC-2020-96'] })
  })

  it('Maven: log4j-core 2.14.1 is CVE-2021-44228, Critical, fixed by 2.15.0 (and two later CVEs)', async () => {
    const log4j = maven('org.apache.logging.log4j', 'log4j-core', '2.14.1')
    const { findings, componentRisks } = await match([log4j, maven('com.fasterxml.jackson.core', 'jackson-databind', '2.13.2'), maven('org.springframework', 'spring-beans', '5.3.17'), maven('org.apache.tomcat.embed', 'tomcat-embed-core', '9.0.60')], null)
    expect(findings.map(row)).toEqual([
      'maven:org.apache.logging.log4j:log4j-core | CVE-2021-44228 | Critical | cvss_v3 | 10 | 2.15.0 | GHSA-jfh8-c2jp-5v3q',
      'maven:org.apache.logging.log4j:log4j-core | CVE-2021-45046 | Critical | cvss_v3 | 9 | 2.16.0 | GHSA-7rjr-3q55-vv33',
      'maven:org.apache.logging.log4j:log4j-core | CVE-2021-45105 | High | cvss_v3 | 8.6 | 2.17.0 | GHSA-p6xc-xr62-6r2g',
      'maven:com.fasterxml.jackson.core:jackson-databind | CVE-2020-36518 | High | cvss_v3 | 7.5 | 2.13.2.1 | GHSA-57j2-w4cx-62h2',
      'maven:com.fasterxml.jackson.core:jackson-databind | CVE-2022-42003 | High | cvss_v3 | 7.5 | 2.13.4.1 | GHSA-jjjh-jjxp-wpff',
      'maven:org.springframework:spring-beans | CVE-2022-22965 | Critical | cvss_v3 | 9.8 | 5.3.18 | GHSA-36p3-wjmg-h94x',
    ])
    expect(byId(findings, log4j.componentId, 'CVE-2021-44228')).toEqual({
      vulnerabilityId: 'CVE-2021-44228',
      aliases: ['CVE-2021-44228', 'GHSA-jfh8-c2jp-5v3q'],
      advisoryIds: ['GHSA-jfh8-c2jp-5v3q'],
      summary: 'Remote code injection in Log4j',
      description: expect.stringContaining('JNDI') as string,
      link: 'https://nvd.nist.gov/vuln/detail/CVE-2021-44228',
      severity: 'Critical',
      severitySource: 'cvss_v3',
      cvssV3: {
        vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H',
        version: '3.1',
        baseScore: 10,
        exploitabilityScore: 3.9,
        impactScore: 6,
        attackVector: 'NETWORK',
        attackComplexity: 'LOW',
        privilegesRequired: 'NONE',
        userInteraction: 'NONE',
        scope: 'CHANGED',
        confidentiality: 'HIGH',
        integrity: 'HIGH',
        availability: 'HIGH',
      },
      fixedBy: '2.15.0',
      fixCmd: 'update org.apache.logging.log4j:log4j-core to 2.15.0',
      publishedAt: '2021-12-10T00:40:56Z',
      modifiedAt: osvFixture('GHSA-jfh8-c2jp-5v3q').modified,
      scanType: 'sca',
      componentId: log4j.componentId,
    })
    expect(componentRisks[0]).toEqual({ componentId: log4j.componentId, topCvss: 10, riskScore: 27.6, fixedByAll: '2.17.0', findingCount: 3 })
  })
})

describe('NuGet: ids in any case, NuGet version ordering', () => {
  const nuget = (name: string, version: string) => component({ format: 'nuget', name, version, purl: `pkg:nuget/${name}@${version}` })

  it('Newtonsoft.Json 12.0.3 is GHSA-5crp-9r3c-p9vr (CVE-2024-21907), fixed by 13.0.1, however the id is cased', async () => {
    const mixed = nuget('Newtonsoft.Json', '12.0.3')
    const lower = nuget('newtonsoft.json', '12.0.3')
    const { findings, notes } = await match([mixed, lower], null)
    expect(findings.map(row)).toEqual([
      'nuget:Newtonsoft.Json | CVE-2024-21907 | High | cvss_v3 | 7.5 | 13.0.1 | GHSA-5crp-9r3c-p9vr',
      'nuget:newtonsoft.json | CVE-2024-21907 | High | cvss_v3 | 7.5 | 13.0.1 | GHSA-5crp-9r3c-p9vr',
    ])
    expect(notes).toEqual([])
    expect(byId(findings, mixed.componentId, 'CVE-2024-21907')).toMatchObject({
      aliases: ['CVE-2024-21907', 'GHSA-5crp-9r3c-p9vr'],
      advisoryIds: ['GHSA-5crp-9r3c-p9vr'],
      summary: 'Improper Handling of Exceptional Conditions in Newtonsoft.Json',
      cvssV3: { vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H', baseScore: 7.5 },
      fixedBy: '13.0.1',
      // The command names the package as the project references it.
      fixCmd: 'dotnet add package Newtonsoft.Json --version 13.0.1',
      publishedAt: '2022-06-22T15:08:47Z',
      scanType: 'sca',
    })
    expect(byId(findings, lower.componentId, 'CVE-2024-21907').fixCmd).toBe('dotnet add package newtonsoft.json --version 13.0.1')
  })

  it('orders versions as NuGet does: 13.0.1, 13.0.1.0 and 13.0.01 are the fix; its pre-releases and 12.0.3.1 are not', async () => {
    const affected = async (version: string) => (await match([nuget('Newtonsoft.Json', version)], null)).findings.map((f) => f.vulnerabilityId)
    expect(await affected('13.0.1')).toEqual([])
    expect(await affected('13.0.1.0')).toEqual([])
    expect(await affected('13.0.01')).toEqual([])
    expect(await affected('13.0.1+build.7')).toEqual([])
    expect(await affected('13.0.3')).toEqual([])
    expect(await affected('13.0.1-beta1')).toEqual(['CVE-2024-21907'])
    expect(await affected('12.0.3.1')).toEqual(['CVE-2024-21907'])
    expect(await affected('9.0.1')).toEqual(['CVE-2024-21907'])
  })

  it('evaluates each affected[] entry of GHSA-98g6-xh36-x2p7 for its own package (Microsoft.Data.SqlClient four ranges, System.Data.SqlClient one)', async () => {
    const { findings, notes } = await match(
      [
        nuget('Microsoft.Data.SqlClient', '5.1.1'),
        nuget('System.Data.SqlClient', '4.8.5'),
        nuget('microsoft.data.sqlclient', '2.1.7'),
        nuget('MICROSOFT.DATA.SQLCLIENT', '3.1.5.0'),
      ],
      null,
    )
    expect(findings.map(row)).toEqual([
      'nuget:Microsoft.Data.SqlClient | CVE-2024-0056 | High | cvss_v3 | 8.7 | 5.1.3 | GHSA-98g6-xh36-x2p7',
      'nuget:System.Data.SqlClient | CVE-2024-0056 | High | cvss_v3 | 8.7 | 4.8.6 | GHSA-98g6-xh36-x2p7',
    ])
    expect(notes).toEqual([])
    expect(byId(findings, 'nuget:System.Data.SqlClient', 'CVE-2024-0056').fixCmd).toBe('dotnet add package System.Data.SqlClient --version 4.8.6')
  })

  it('does not guess an order for a version NuGet cannot have, and says so', async () => {
    const { findings, notes } = await match([nuget('Newtonsoft.Json', '12.0.3.0.1')], null)
    expect(findings).toEqual([])
    expect(notes).toEqual([
      expect.objectContaining({
        level: 'warning',
        code: 'version-unparsable',
        message: expect.stringContaining('Newtonsoft.Json 12.0.3.0.1 was checked only against the versions listed by GHSA-5crp-9r3c-p9vr: Invalid nuget version "12.0.3.0.1": 5 dot-separated numbers') as string,
      }),
    ])
  })
})

describe('Go modules and the toolchain', () => {
  const go = (name: string, version: string) => component({ format: 'go', name, version, purl: `pkg:golang/${name}@${version}` })

  it('matches modules by path with SEMVER ranges, and the toolchain as stdlib', async () => {
    const { findings } = await match([go('golang.org/x/text', 'v0.3.2'), go('golang.org/x/net', 'v0.16.0'), go('stdlib', '1.21.2')], null)
    expect(findings.map(row)).toEqual([
      'go:golang.org/x/text | CVE-2020-14040 | Unknown | none | - | 0.3.3 | GO-2020-0015',
      'go:golang.org/x/text | CVE-2022-32149 | Unknown | none | - | 0.3.8 | GO-2022-1059',
      'go:golang.org/x/net | CVE-2023-39325 | Unknown | none | - | 0.17.0 | GO-2023-2102',
      'go:stdlib | CVE-2023-39325 | Unknown | none | - | 1.21.3 | GO-2023-2102',
      'go:stdlib | CVE-2024-24783 | Unknown | none | - | 1.21.8 | GO-2024-2598',
    ])
    expect(byId(findings, 'go:golang.org/x/text', 'CVE-2020-14040')).toMatchObject({ fixCmd: 'go get golang.org/x/text@v0.3.3', link: 'https://osv.dev/vulnerability/GO-2020-0015' })
    expect(byId(findings, 'go:stdlib', 'CVE-2024-24783').fixCmd).toBe('rebuild with Go 1.21.8 or later')
    // vulndb's zero timestamps are not dates.
    expect(byId(findings, 'go:golang.org/x/text', 'CVE-2022-32149')).not.toHaveProperty('publishedAt')
    expect(byId(findings, 'go:golang.org/x/text', 'CVE-2022-32149')).not.toHaveProperty('modifiedAt')
  })
})

describe('Debian', () => {
  it('matches DLA-3008-1 on Debian 9 by source name, CVE from upstream', async () => {
    const stretch: OsInfo = { id: 'debian', versionId: '9', ecosystem: 'Debian:9' }
    const { findings } = await match([deb('libssl1.1', '1.1.0l-1~deb9u5', 'openssl')], stretch)
    expect(findings.map(row)).toEqual(['dpkg:libssl1.1 | CVE-2022-1292 | Unknown | none | - | 1.1.0l-1~deb9u6 | DLA-3008-1'])
    expect(findings[0]?.aliases).toEqual(['CVE-2022-1292', 'DEBIAN-CVE-2022-1292', 'DLA-3008-1'])
  })
})

describe('severity', () => {
  const jsonwebtoken = component({ format: 'npm', name: 'jsonwebtoken', version: '8.5.1' })

  it('prefers CVSS v3, then v4, then v2, then a vendor label', async () => {
    const base = osvFixture('GHSA-8cf7-32gw-wr33')
    const v4 = 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N'
    const v2 = 'AV:N/AC:L/Au:N/C:P/I:P/A:P'
    const severityOf = async (severity: OsvRecord['severity']) => (await match([jsonwebtoken], null, [{ ...base, severity }])).findings[0]
    expect(await severityOf([{ type: 'CVSS_V4', score: v4 }, { type: 'CVSS_V2', score: v2 }])).toMatchObject({ severity: 'Critical', severitySource: 'cvss_v4', cvssV4: { baseScore: 9.3 }, cvssV2: { baseScore: 7.5 } })
    expect(await severityOf([{ type: 'CVSS_V2', score: v2 }])).toMatchObject({ severity: 'High', severitySource: 'cvss_v2', cvssV2: { baseScore: 7.5 } })
    expect(await severityOf([{ type: 'CVSS_V4', score: v4 }, { type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:L/A:N' }])).toMatchObject({ severity: 'Low', severitySource: 'cvss_v3', cvssV4: { baseScore: 9.3 } })
    // A malformed vector is skipped; GitHub's word still decides.
    expect(await severityOf([{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N' }])).toMatchObject({ severity: 'Medium', severitySource: 'ghsa' })
  })

  it('takes the Ubuntu priority when a record has no vector', async () => {
    const cve = osvFixture('UBUNTU-CVE-2023-4911')
    const { findings } = await match([deb('libc6', '2.35-0ubuntu3.3', 'glibc')], JAMMY, [{ ...cve, severity: [] }])
    expect(findings[0]).toMatchObject({ vulnerabilityId: 'CVE-2023-4911', severity: 'High', severitySource: 'ubuntu_priority' })
  })

  it('borrows a severity from an alias record that did not match, when the store has one', async () => {
    // Only USN-6409-1 matches this (hypothetical) store's lookup; UBUNTU-CVE-2023-4911 is
    // found by alias and lends its CVSS vector to the CVE-2023-4911 finding.
    const usnOnly = memoryAdvisories([osvFixture('USN-6409-1')])
    const all = memoryAdvisories(fixtures)
    const { findings } = await matchComponents([deb('libc6', '2.35-0ubuntu3.3', 'glibc')], JAMMY, (e, n) => usnOnly.find(e, n), { aliasLookup: (ids) => all.findByAlias(ids) })
    expect(byId(findings, 'dpkg:libc6', 'CVE-2023-4911')).toMatchObject({ severity: 'High', severitySource: 'alias', cvssV3: { baseScore: 7.8 }, advisoryIds: ['USN-6409-1'] })
    // Nothing in the store is known as CVE-2023-4527.
    expect(byId(findings, 'dpkg:libc6', 'CVE-2023-4527')).toMatchObject({ severity: 'Unknown', severitySource: 'none' })
  })
})

describe('alias merging across databases', () => {
  it('merges a GHSA and a PYSEC record for the same CVE into one finding', async () => {
    // The PyPA record names the GHSA id as an alias; a GHSA record for the same package
    // (made from the PyPA one here: the fixtures hold only one of each pair) merges with it.
    const pysec = osvFixture('PYSEC-2023-192')
    const ghsa: OsvRecord = { ...pysec, id: 'GHSA-v845-jxx5-vc9f', aliases: ['CVE-2023-43804'], severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:H/PR:H/UI:R/S:U/C:H/I:H/A:N' }], summary: 'Cookie HTTP header isn’t stripped on cross-origin redirects' }
    const { findings } = await match([component({ format: 'pypi', name: 'urllib3', version: '1.26.16' })], null, [pysec, ghsa])
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatchObject({
      vulnerabilityId: 'CVE-2023-43804',
      aliases: ['CVE-2023-43804', 'GHSA-v845-jxx5-vc9f', 'PYSEC-2023-192'],
      advisoryIds: ['GHSA-v845-jxx5-vc9f', 'PYSEC-2023-192'],
      summary: 'Cookie HTTP header isn’t stripped on cross-origin redirects',
      // The higher of the two v3 scores (8.1 from PyPA, 6.8 here).
      cvssV3: { baseScore: 8.1 },
      fixedBy: '1.26.17',
    })
    expect(findings[0]?.fixedByNote).toBeUndefined()
  })
})

describe('what is skipped, and said', () => {
  it('ignores withdrawn records', async () => {
    const withdrawn = { ...osvFixture('GHSA-29mw-wpgm-hmr9'), withdrawn: '2024-01-01T00:00:00Z' }
    const lodash = component({ format: 'npm', name: 'lodash', version: '4.17.20' })
    expect((await matchComponents([lodash], null, () => Promise.resolve([withdrawn]))).findings).toEqual([])
  })

  it('notes OS packages it cannot match without an OS ecosystem, once for all of them', async () => {
    const { findings, notes } = await match([deb('curl', '7.81.0-1ubuntu1.13'), deb('bash', '5.1-6ubuntu1')], { id: 'debian', versionId: '' })
    expect(findings).toEqual([])
    expect(notes).toEqual([{ level: 'info', code: 'os-ecosystem-unknown', message: 'dpkg packages were not matched: debian has no OSV ecosystem for them (2 components)' }])
  })

  it('does not guess an order for an unparsable version, and says so', async () => {
    const { findings, notes } = await match([component({ format: 'npm', name: 'lodash', version: 'not-a-version' })], null)
    expect(findings).toEqual([])
    expect(notes).toEqual([expect.objectContaining({ level: 'warning', code: 'version-unparsable', message: expect.stringContaining('lodash not-a-version was checked only against the versions listed by GHSA-29mw-wpgm-hmr9') as string })])
  })

  it('asks the store once per ecosystem', async () => {
    const calls: [string, string[]][] = []
    await matchComponents([deb('curl', '7.81.0-1ubuntu1.13'), deb('libcurl4', '7.81.0-1ubuntu1.13', 'curl'), deb('libc6', '2.35-0ubuntu3.3', 'glibc'), component({ format: 'npm', name: 'qs', version: '6.7.0' })], JAMMY, (e, n) => {
      calls.push([e, n])
      return lookup(e, n)
    })
    expect(calls).toEqual([
      ['Ubuntu:22.04:LTS', ['curl', 'glibc']],
      ['npm', ['qs']],
    ])
  })
})
