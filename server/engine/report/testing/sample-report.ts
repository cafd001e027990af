import type { Component, Finding, ImageReport } from '@contract/findings'
import { scoreCvss } from '../../cvss/cvss'

/**
 * A small, realistic ImageReport for formatter and SBOM tests: an Ubuntu 22.04 image with
 * OpenSSL (one CVE on two binary packages, Ubuntu priority over NVD), zlib (no fix yet,
 * Ubuntu says low where NVD says 9.8), log4j-core (log4shell, Critical), lodash (High and
 * Medium) and requests (a record without any severity: Unknown).
 */

const v3 = (vector: string) => {
  const s = scoreCvss(vector)
  if (s.kind !== 'v3') throw new Error(vector)
  return s.cvss
}
const v2 = (vector: string) => {
  const s = scoreCvss(vector)
  if (s.kind !== 'v2') throw new Error(vector)
  return s.cvss
}

const LAYERS = ['sha256:1a1a', 'sha256:2b2b', 'sha256:3c3c'].map((digest, index) => ({
  index,
  digest: `${digest}${'0'.repeat(60)}`,
  diffId: `sha256:d${index}${'f'.repeat(62)}`,
  size: 1000 * (index + 1),
  mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
  cached: false,
  fileCount: 10,
}))
const layer = (index: number) => ({ layerIndex: index, layerDigest: LAYERS[index]?.digest ?? '' })

const dpkg = (name: string, version: string, sourceName: string, licenses: string[]): Component => ({
  componentId: `c-${name}`,
  name,
  version,
  format: 'dpkg',
  source: 'OS',
  sourceName,
  sourceVersion: version,
  purl: `pkg:deb/ubuntu/${name}@${encodeURIComponent(version)}?arch=amd64&distro=ubuntu-22.04`,
  ...layer(0),
  location: 'var/lib/dpkg/status',
  licenses,
})

export const COMPONENTS: Component[] = [
  dpkg('libssl3', '3.0.2-0ubuntu1.7', 'openssl', ['Apache-2.0']),
  dpkg('openssl', '3.0.2-0ubuntu1.7', 'openssl', ['Apache-2.0']),
  dpkg('zlib1g', '1:1.2.11.dfsg-2ubuntu9.2', 'zlib', ['Zlib']),
  {
    componentId: 'c-log4j-core',
    name: 'log4j-core',
    group: 'org.apache.logging.log4j',
    version: '2.14.1',
    format: 'maven',
    source: 'JAVA',
    purl: 'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1',
    ...layer(2),
    location: 'app/app.jar!/BOOT-INF/lib/log4j-core-2.14.1.jar',
    licenses: ['apache-2.0'],
  },
  {
    componentId: 'c-lodash',
    name: 'lodash',
    version: '4.17.20',
    format: 'npm',
    source: 'NODEJS',
    purl: 'pkg:npm/lodash@4.17.20',
    ...layer(1),
    location: 'app/node_modules/lodash/package.json',
    licenses: ['MIT'],
  },
  {
    componentId: 'c-requests',
    name: 'requests',
    version: '2.31.0',
    format: 'pypi',
    source: 'PYTHON',
    purl: 'pkg:pypi/requests@2.31.0',
    ...layer(1),
    location: 'usr/lib/python3/dist-packages/requests-2.31.0.dist-info/METADATA',
    licenses: ['Apache 2.0'],
  },
]

const base: Pick<Finding, 'aliases' | 'description' | 'scanType'> = {
  aliases: [],
  description: '',
  scanType: 'cve',
}

const openssl = (componentId: string): Finding => ({
  ...base,
  vulnerabilityId: 'CVE-2023-0286',
  aliases: ['CVE-2023-0286'],
  advisoryIds: ['USN-5844-1'],
  summary: 'OpenSSL X.400 address type confusion in X.509 GeneralName',
  description:
    'There is a type confusion vulnerability relating to X.400 address processing inside an X.509 GeneralName.',
  link: 'https://ubuntu.com/security/CVE-2023-0286',
  severity: 'High',
  severitySource: 'ubuntu_priority',
  cvssV3: v3('CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:H'),
  fixedBy: '3.0.2-0ubuntu1.8',
  fixCmd: 'apt-get install --only-upgrade openssl libssl3',
  publishedAt: '2023-02-07T00:00:00Z',
  modifiedAt: '2023-02-08T12:00:00Z',
  componentId,
})

export const FINDINGS: Finding[] = [
  openssl('c-openssl'),
  openssl('c-libssl3'),
  {
    ...base,
    vulnerabilityId: 'CVE-2023-45853',
    advisoryIds: ['UBUNTU-CVE-2023-45853'],
    summary: 'zlib: integer overflow in MiniZip zipOpenNewFileInZip4_64',
    link: 'https://ubuntu.com/security/CVE-2023-45853',
    severity: 'Low',
    severitySource: 'ubuntu_priority',
    cvssV3: v3('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'),
    componentId: 'c-zlib1g',
  },
  {
    ...base,
    vulnerabilityId: 'CVE-2021-44228',
    aliases: ['CVE-2021-44228', 'GHSA-jfh8-c2jp-5v3q'],
    advisoryIds: ['GHSA-jfh8-c2jp-5v3q'],
    summary: 'Remote code injection in Log4j',
    description:
      'Apache Log4j2 JNDI features do not protect against attacker controlled LDAP and other JNDI related endpoints.',
    link: 'https://github.com/advisories/GHSA-jfh8-c2jp-5v3q',
    severity: 'Critical',
    severitySource: 'cvss_v3',
    cvssV3: v3('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H'),
    cvssV2: v2('AV:N/AC:M/Au:N/C:C/I:C/A:C'),
    fixedBy: '2.15.0',
    publishedAt: '2021-12-10T00:00:00Z',
    modifiedAt: '0001-01-01T00:00:00Z',
    scanType: 'sca',
    componentId: 'c-log4j-core',
  },
  {
    ...base,
    vulnerabilityId: 'CVE-2021-23337',
    aliases: ['GHSA-35jh-r3h4-6jhm'],
    advisoryIds: ['GHSA-35jh-r3h4-6jhm'],
    summary: 'Command Injection in lodash',
    link: 'https://github.com/advisories/GHSA-35jh-r3h4-6jhm',
    severity: 'High',
    severitySource: 'ghsa',
    cvssV3: v3('CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H'),
    fixedBy: '4.17.21',
    scanType: 'sca',
    componentId: 'c-lodash',
  },
  {
    ...base,
    vulnerabilityId: 'CVE-2020-28500',
    aliases: ['GHSA-29mw-wpgm-hmr9'],
    advisoryIds: ['GHSA-29mw-wpgm-hmr9'],
    summary: 'Regular Expression Denial of Service (ReDoS) in lodash',
    link: 'https://github.com/advisories/GHSA-29mw-wpgm-hmr9',
    severity: 'Medium',
    severitySource: 'cvss_v3',
    cvssV3: v3('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:L'),
    fixedBy: '4.17.21',
    scanType: 'sca',
    componentId: 'c-lodash',
  },
  {
    ...base,
    vulnerabilityId: 'CVE-2024-35195',
    advisoryIds: ['PYSEC-2024-999'],
    summary: 'Requests Session object does not verify requests after making first request with verify=False',
    link: 'https://osv.dev/vulnerability/PYSEC-2024-999',
    severity: 'Unknown',
    severitySource: 'none',
    fixedBy: '2.32.0',
    scanType: 'sca',
    componentId: 'c-requests',
  },
]

/** A fresh copy each call, so a test that mutates it cannot leak into another. */
export function sampleReport(): ImageReport {
  return structuredClone({
    image: {
      repository: 'registry.example.com/shop/api',
      reference: '1.4.2',
      digest: `sha256:${'a'.repeat(64)}`,
      manifestDigest: `sha256:${'b'.repeat(64)}`,
      configDigest: `sha256:${'c'.repeat(64)}`,
      platform: 'linux/amd64',
      size: 6000,
      createdAt: '2024-05-01T10:00:00Z',
    },
    os: {
      id: 'ubuntu',
      versionId: '22.04',
      prettyName: 'Ubuntu 22.04.3 LTS',
      versionCodename: 'jammy',
      ecosystem: 'Ubuntu:22.04:LTS',
    },
    layers: LAYERS,
    components: COMPONENTS,
    findings: FINDINGS,
    componentRisks: [],
    baseline: [],
    maliciousFiles: [],
    notes: [],
    advisoryDb: { recordCount: 45, importedAt: 1_714_557_600_000, newestModified: '2024-05-01T00:00:00Z' },
    scannedAt: 1_714_561_200_000,
    durationMs: 1234,
  })
}
