/**
 * An ACR Enterprise Edition instance as the fake OpenAPI serves it, built from the
 * examples of the ACR reference (ids, digests, the eglibc CVE-2009-5155 item, the
 * ak_leak baseline key, the webshell malicious-file example), plus an npm and a .NET
 * (Newtonsoft.Json) finding with the package-type words ACR's Trivy-based scanner writes.
 */
export const ACR_INSTANCE_ID = 'cri-2j88dtld8yel0a1b'
export const ACR_REGION = 'cn-hangzhou'
export const ACR_REPO = { RepoId: 'crr-uf082u9dg8do1c2d', RepoName: 'app', RepoNamespaceName: 'team', InstanceId: ACR_INSTANCE_ID, RepoType: 'PRIVATE', RepoStatus: 'NORMAL', RepoBuildType: 'MANUAL', Summary: 'demo', TagImmutability: false, CreateTime: 1571926439000, ModifiedTime: 1571926439000 }
/** Hex without `sha256:`, as GetRepoTagScanStatus's example writes it. */
export const ACR_DIGEST_HEX = '67bfbcc12b67936ec7f867927817cbb071832b873dbcaed312a1930ba5f1d529'
export const ACR_IMAGE = {
  Tag: '1',
  Digest: ACR_DIGEST_HEX,
  ImageId: '815386ebbe9a3490f38785ab11bda34ec8dacf4634af77b8912832d4f85dca04',
  ImageSize: 2_815_000,
  Status: 'NORMAL',
  // Numeric strings in ListRepoTag, as the SDK types them.
  ImageCreate: '1562849679000',
  ImageUpdate: '1571926439000',
}
export const ACR_LAYER = 'sha256:c9f370a4eb1c00d0b0d7212a0a9fa4a7697756c90f0f680afaf9737a25725f4c'

export const ACR_VULNERABILITIES = [
  {
    CveName: 'CVE-2009-5155',
    CveLink: 'https://security-tracker.debian.org/tracker/CVE-2009-5155',
    Severity: 'Medium',
    Feature: 'eglibc',
    Version: '2.19-6.9',
    VersionFixed: '2.19-18+deb8u5',
    VersionFormat: 'dpkg',
    AddedBy: ACR_LAYER,
    FixCmd: 'apt-get install --only-upgrade -y eglibc',
    Description: 'In the GNU C Library (aka glibc or libc6) before 2.28, parse_reg_exp in posix/regcomp.c misparses alternatives.',
    CveLocation: '/var/lib/dpkg/status',
    ScanType: 'cve',
  },
  {
    CveName: 'CVE-2021-23337',
    CveLink: 'https://nvd.nist.gov/vuln/detail/CVE-2021-23337',
    Severity: 'High',
    Feature: 'lodash',
    Version: '4.17.20',
    VersionFixed: '4.17.21',
    VersionFormat: 'npm',
    AddedBy: ACR_LAYER,
    FixCmd: 'npm install lodash@4.17.21',
    Description: 'Lodash versions prior to 4.17.21 are vulnerable to Command Injection via the template function.',
    CveLocation: '/app/node_modules/lodash/package.json',
    ScanType: 'sca',
  },
  {
    // A published .NET app: Trivy reads its *.deps.json, so the package type is dotnet-core.
    CveName: 'GHSA-5crp-9r3c-p9vr',
    CveLink: 'https://github.com/advisories/GHSA-5crp-9r3c-p9vr',
    Severity: 'High',
    Feature: 'Newtonsoft.Json',
    Version: '12.0.3',
    VersionFixed: '13.0.1',
    VersionFormat: 'dotnet-core',
    AddedBy: ACR_LAYER,
    FixCmd: 'dotnet add package Newtonsoft.Json --version 13.0.1',
    Description: 'Newtonsoft.Json prior to version 13.0.1 is vulnerable to Insecure Defaults due to improper handling of expressions with high nesting level that lead to StackOverFlow exception or high CPU and RAM usage.',
    CveLocation: '/app/WebApp.deps.json',
    ScanType: 'sca',
  },
]

export const ACR_BASELINES = [
  {
    ScanTaskId: '3e526d7e-4b45-4703-b046-6c0c2a0c1b2d',
    BaselineClassAlias: 'Service configuration',
    BaselineNameAlias: 'AccessKey leak',
    BaselineNameKey: 'ak_leak',
    BaselineNameLevel: 'high',
    BaselineItemCount: 1,
    HighRiskItemCount: 1,
    MiddleRiskItemCount: 0,
    LowRiskItemCount: 0,
    BaselineDetailDescription: 'An AccessKey is stored in a file of the image.',
    BaselineDetailPrompt: '/app/config.yaml',
    BaselineDetailAdvice: 'Remove the AccessKey from the image and rotate it.',
    FirstScanTime: 1712734406000,
    CreateTime: 1712734406000,
    UpdateTime: 1712734406000,
  },
]

export const ACR_MALICIOUS = [
  {
    ScanTaskId: '79ee6bc2-3288-4c56-b967-0a5e4d3c2b1a',
    MaliciousName: 'Suspected to contain Webshell code',
    MaliciousMd5: '44d88612fea8a8f36de82e1278abb02f',
    FilePath: '/var/www/html/shell.php',
    Level: 'remind',
    FirstScanTime: 1681098126000,
    CreateTime: 1681098126000,
    UpdateTime: 1681098126000,
  },
]
