/**
 * A StorageImage as Central marshals it (every field present, enums by name), with the
 * models of the StackRox 4.5 page filled in: an OS component with a CVSS v3 vulnerability,
 * a Java component with a v2-only one, a .NET runtime (DOTNETCORERUNTIME) component, a
 * DEFERRED vulnerability, layers, notes and a signature verification result. The package data reuses the ACR reference's example.
 */
export const STACKROX_DIGEST = 'sha256:815386ebbe9a3490f38785ab11bda34ec8dacf4634af77b8912832d4f85dca04'
export const STACKROX_IMAGE_NAME = 'quay.example.com/team/api'

const cvssV3 = {
  vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H',
  exploitabilityScore: 3.9,
  impactScore: 3.6,
  attackVector: 'ATTACK_NETWORK',
  attackComplexity: 'COMPLEXITY_LOW',
  privilegesRequired: 'PRIVILEGE_NONE',
  userInteraction: 'UI_NONE',
  scope: 'UNCHANGED',
  confidentiality: 'IMPACT_NONE',
  integrity: 'IMPACT_NONE',
  availability: 'IMPACT_HIGH',
  score: 7.5,
  severity: 'HIGH',
}
const cvssV2 = {
  vector: 'AV:N/AC:M/Au:N/C:P/I:P/A:P',
  attackVector: 'ATTACK_NETWORK',
  accessComplexity: 'ACCESS_MEDIUM',
  authentication: 'AUTH_NONE',
  confidentiality: 'IMPACT_PARTIAL',
  integrity: 'IMPACT_PARTIAL',
  availability: 'IMPACT_PARTIAL',
  exploitabilityScore: 8.6,
  impactScore: 6.4,
  score: 6.8,
  severity: 'MEDIUM',
}

function vuln(over: Record<string, unknown>) {
  return {
    cve: '',
    cvss: 0,
    summary: '',
    link: '',
    fixedBy: '',
    scoreVersion: 'V3',
    cvssV2: null,
    cvssV3: null,
    publishedOn: '2018-05-07T20:29:00Z',
    lastModified: '2023-02-12T23:30:00Z',
    vulnerabilityType: 'IMAGE_VULNERABILITY',
    vulnerabilityTypes: ['IMAGE_VULNERABILITY'],
    suppressed: false,
    suppressActivation: null,
    suppressExpiry: null,
    firstSystemOccurrence: '2024-11-01T10:00:00Z',
    firstImageOccurrence: '2024-11-01T10:00:00Z',
    severity: 'UNKNOWN_VULNERABILITY_SEVERITY',
    state: 'OBSERVED',
    ...over,
  }
}

export const STORAGE_IMAGE = {
  id: STACKROX_DIGEST,
  name: { registry: 'quay.example.com', remote: 'team/api', tag: '1.4', fullName: `${STACKROX_IMAGE_NAME}:1.4` },
  names: [{ registry: 'quay.example.com', remote: 'team/api', tag: '1.4', fullName: `${STACKROX_IMAGE_NAME}:1.4` }],
  metadata: {
    v1: {
      digest: 'sha256:c9f370a4eb1c00d0b0d7212a0a9fa4a7697756c90f0f680afaf9737a25725f4c',
      created: '2024-10-30T08:00:00Z',
      layers: [
        { instruction: 'ADD', value: 'file:0123 in /', created: '2024-10-30T08:00:00Z', author: '', empty: false },
        { instruction: 'ENV', value: 'LANG=C.UTF-8', created: '2024-10-30T08:00:01Z', author: '', empty: true },
        { instruction: 'COPY', value: 'app.jar /app/app.jar', created: '2024-10-30T08:00:02Z', author: '', empty: false },
      ],
    },
    v2: { digest: STACKROX_DIGEST },
    layerShas: ['sha256:1111111111111111111111111111111111111111111111111111111111111111', 'sha256:2222222222222222222222222222222222222222222222222222222222222222'],
  },
  scan: {
    scannerVersion: '4.5.0',
    scanTime: '2024-11-27T18:16:31Z',
    operatingSystem: 'debian:8',
    dataSource: { id: 'scanner-v4', name: 'Scanner V4', mirror: '' },
    notes: [],
    components: [
      {
        name: 'eglibc',
        version: '2.19-6.9',
        license: null,
        layerIndex: 0,
        priority: '0',
        source: 'OS',
        location: '',
        topCvss: 7.5,
        riskScore: 1.5,
        fixedBy: '2.19-18+deb8u5',
        executables: [],
        vulns: [
          vuln({
            cve: 'CVE-2009-5155',
            cvss: 7.5,
            summary: 'In the GNU C Library (aka glibc or libc6) before 2.28, parse_reg_exp in posix/regcomp.c misparses alternatives.',
            link: 'https://security-tracker.debian.org/tracker/CVE-2009-5155',
            fixedBy: '2.19-18+deb8u5',
            cvssV3,
            severity: 'IMPORTANT_VULNERABILITY_SEVERITY',
          }),
          vuln({ cve: 'CVE-2016-10228', cvss: 5.9, summary: 'iconv hangs on invalid multibyte sequences.', severity: 'MODERATE_VULNERABILITY_SEVERITY', state: 'DEFERRED', suppressed: true, suppressExpiry: '2025-01-01T00:00:00Z' }),
        ],
      },
      {
        name: 'org.apache.logging.log4j:log4j-core',
        version: '2.14.1',
        license: { name: 'Apache-2.0', type: '', url: '' },
        layerIndex: 2,
        priority: '0',
        source: 'JAVA',
        location: '/app/app.jar',
        topCvss: 6.8,
        riskScore: 1,
        fixedBy: '2.17.1',
        executables: [],
        vulns: [vuln({ cve: 'CVE-2021-44832', cvss: 6.8, scoreVersion: 'V2', summary: 'JDBC Appender remote code execution.', fixedBy: '2.17.1', cvssV2, severity: 'MODERATE_VULNERABILITY_SEVERITY' })],
      },
      {
        // The .NET runtime of the base image, named and located as StackRox's scanner reports it.
        name: 'microsoft.netcore.app',
        version: '3.1.2',
        license: null,
        layerIndex: 0,
        priority: '0',
        source: 'DOTNETCORERUNTIME',
        location: 'usr/share/dotnet/shared/Microsoft.NETCore.App/3.1.2/',
        topCvss: 7.5,
        riskScore: 1.2,
        fixedBy: '3.1.4',
        executables: [],
        vulns: [
          vuln({
            cve: 'CVE-2020-1108',
            cvss: 7.5,
            summary: "A denial of service vulnerability exists when .NET Core or .NET Framework improperly handles web requests, aka '.NET Core & .NET Framework Denial of Service Vulnerability'.",
            link: 'https://nvd.nist.gov/vuln/detail/CVE-2020-1108',
            fixedBy: '3.1.4',
            cvssV3,
            publishedOn: '2020-05-21T23:15:00Z',
            severity: 'IMPORTANT_VULNERABILITY_SEVERITY',
          }),
        ],
      },
    ],
  },
  signatureVerificationData: {
    results: [{ verificationTime: '2024-11-27T18:16:31Z', verifierId: 'io.stackrox.signatureintegration.1', status: 'FAILED_VERIFICATION', description: 'no matching signature', verifiedImageReferences: [] }],
  },
  signature: { signatures: [], fetched: '2024-11-27T18:16:31Z' },
  components: 3,
  cves: 4,
  fixableCves: 3,
  lastUpdated: '2024-11-27T18:16:31Z',
  notPullable: false,
  isClusterLocal: false,
  priority: '0',
  riskScore: 1.5,
  topCvss: 7.5,
  notes: ['MISSING_SIGNATURE'],
}

export const LIST_IMAGE = { id: STACKROX_DIGEST, name: `${STACKROX_IMAGE_NAME}:1.4`, components: 3, cves: 4, fixableCves: 3, created: '2024-10-30T08:00:00Z', lastUpdated: '2024-11-27T18:16:31Z', priority: '0' }
