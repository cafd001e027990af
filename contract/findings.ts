import { z } from 'zod'

/**
 * What the scan engine finds in one image, as the report pages and the API show it.
 * The engine produces these objects and the SPA renders them: one definition for both.
 * Names follow the seeds where they have one (ACR's scanType `cve`/`sca`, StackRox's
 * component `source`, `layerIndex`, `location`, `fixedBy`).
 */

/** ACR's bands plus Critical (CVSS v3 ≥ 9.0), which ACR folds into High. */
export const severity = z.enum(['Critical', 'High', 'Medium', 'Low', 'Unknown'])
export type Severity = z.infer<typeof severity>
export const SEVERITIES: readonly Severity[] = severity.options

/**
 * StackRox's VulnerabilityState of a finding: OBSERVED unless an approved exception defers
 * it or marks it a false positive. Defined here, once, because both the scan results
 * (contract/scans.ts) and the exceptions (contract/exceptions.ts, which imports scans.ts)
 * carry it.
 */
export const vulnerabilityState = z.enum(['OBSERVED', 'DEFERRED', 'FALSE_POSITIVE'])
export type VulnerabilityState = z.infer<typeof vulnerabilityState>

/** `cve`: an OS package (dpkg, apk, rpm); `sca`: an application dependency. */
export const scanType = z.enum(['cve', 'sca'])
export type ScanType = z.infer<typeof scanType>

/** The StackRox model's component source, extended with nothing it lacks. */
export const componentSource = z.enum(['OS', 'PYTHON', 'JAVA', 'RUBY', 'NODEJS', 'GO', 'DOTNET', 'BINARY', 'INFRASTRUCTURE'])
export type ComponentSource = z.infer<typeof componentSource>

/** The package format: ACR's `VersionFormat`, and the key of the version comparator used. */
export const packageFormat = z.enum(['dpkg', 'apk', 'rpm', 'npm', 'pypi', 'maven', 'go', 'gem', 'nuget'])
export type PackageFormat = z.infer<typeof packageFormat>

export const osInfo = z
  .object({
    /** os-release ID: `ubuntu`, `debian`, `alpine`, `rhel`, … */
    id: z.string(),
    /** os-release VERSION_ID: `22.04`, `3.18.4`, `12`. */
    versionId: z.string(),
    prettyName: z.string().optional(),
    versionCodename: z.string().optional(),
    /** The OSV ecosystem its packages' advisories live in: `Ubuntu:22.04:LTS`, `Alpine:v3.18`, `Debian:12`. */
    ecosystem: z.string().optional(),
  })
  .meta({ id: 'OsInfo' })
export type OsInfo = z.infer<typeof osInfo>

export const component = z
  .object({
    /** Stable within a report: format, name, version and location hashed. */
    componentId: z.string(),
    name: z.string(),
    version: z.string(),
    format: packageFormat,
    source: componentSource,
    /** dpkg `Source:`, apk origin, rpm source RPM name: what distribution advisories name. */
    sourceName: z.string().optional(),
    sourceVersion: z.string().optional(),
    /** Maven groupId. */
    group: z.string().optional(),
    purl: z.string(),
    /** Index into the image's layers (bottom = 0) of the layer that added this version. */
    layerIndex: z.number().int().min(0),
    /** That layer's digest as the manifest names it (ACR's `AddedBy`). */
    layerDigest: z.string(),
    /** Where in the image it was found: the package database, or the file (`outer.jar!/inner.jar`). */
    location: z.string(),
    licenses: z.array(z.string()),
  })
  .meta({ id: 'Component' })
export type Component = z.infer<typeof component>

export const cvssV3 = z
  .object({
    vector: z.string(),
    version: z.enum(['3.0', '3.1']),
    baseScore: z.number(),
    exploitabilityScore: z.number(),
    impactScore: z.number(),
    attackVector: z.enum(['NETWORK', 'ADJACENT_NETWORK', 'LOCAL', 'PHYSICAL']),
    attackComplexity: z.enum(['LOW', 'HIGH']),
    privilegesRequired: z.enum(['NONE', 'LOW', 'HIGH']),
    userInteraction: z.enum(['NONE', 'REQUIRED']),
    scope: z.enum(['UNCHANGED', 'CHANGED']),
    confidentiality: z.enum(['NONE', 'LOW', 'HIGH']),
    integrity: z.enum(['NONE', 'LOW', 'HIGH']),
    availability: z.enum(['NONE', 'LOW', 'HIGH']),
  })
  .meta({ id: 'CvssV3' })
export type CvssV3 = z.infer<typeof cvssV3>

export const cvssV2 = z
  .object({
    vector: z.string(),
    baseScore: z.number(),
    exploitabilityScore: z.number(),
    impactScore: z.number(),
    accessVector: z.enum(['LOCAL', 'ADJACENT_NETWORK', 'NETWORK']),
    accessComplexity: z.enum(['HIGH', 'MEDIUM', 'LOW']),
    authentication: z.enum(['MULTIPLE', 'SINGLE', 'NONE']),
    confidentiality: z.enum(['NONE', 'PARTIAL', 'COMPLETE']),
    integrity: z.enum(['NONE', 'PARTIAL', 'COMPLETE']),
    availability: z.enum(['NONE', 'PARTIAL', 'COMPLETE']),
  })
  .meta({ id: 'CvssV2' })
export type CvssV2 = z.infer<typeof cvssV2>

/** CVSS v4 has no subscores; its base score is kept so a v4-only record still has a severity. */
export const cvssV4 = z.object({ vector: z.string(), baseScore: z.number() }).meta({ id: 'CvssV4' })
export type CvssV4 = z.infer<typeof cvssV4>

export const finding = z
  .object({
    /** The CVE when there is one, else the advisory id (GHSA-…, GO-…). */
    vulnerabilityId: z.string(),
    /** Every id this finding is known by, the advisories merged into it included. */
    aliases: z.array(z.string()),
    /** The OSV records this finding was built from. */
    advisoryIds: z.array(z.string()),
    summary: z.string(),
    description: z.string(),
    link: z.string(),
    severity,
    /** Where the severity came from: `cvss_v3`, `cvss_v4`, `ubuntu_priority`, `alias`, … */
    severitySource: z.string(),
    cvssV2: cvssV2.optional(),
    cvssV3: cvssV3.optional(),
    cvssV4: cvssV4.optional(),
    /** The version that fixes it, when any advisory names one. */
    fixedBy: z.string().optional(),
    /** Set when the merged advisories disagree on the fixed version: the later one is kept. */
    fixedByNote: z.string().optional(),
    fixCmd: z.string().optional(),
    publishedAt: z.string().optional(),
    modifiedAt: z.string().optional(),
    scanType,
    componentId: z.string(),
  })
  .meta({ id: 'Finding' })
export type Finding = z.infer<typeof finding>

/** Per component, what its findings add up to. */
export const componentRisk = z
  .object({
    componentId: z.string(),
    topCvss: z.number().nullable(),
    /** Sum over findings of the best CVSS base score (Unknown counts 5.0): a sort key, not a probability. */
    riskScore: z.number(),
    /** The lowest version that fixes every finding with a fix, in the package's own ordering. */
    fixedByAll: z.string().optional(),
    findingCount: z.number().int(),
  })
  .meta({ id: 'ComponentRisk' })
export type ComponentRisk = z.infer<typeof componentRisk>

/** Something the scan could not do or chose to skip, shown in the report instead of failing it. */
export const scanNote = z
  .object({
    level: z.enum(['info', 'warning', 'error']),
    /** A short machine key: `layer-truncated`, `path-traversal`, `symlink-loop`, `unparsable-package-db`, … */
    code: z.string(),
    message: z.string(),
    layerIndex: z.number().int().optional(),
    path: z.string().optional(),
  })
  .meta({ id: 'ScanNote' })
export type ScanNote = z.infer<typeof scanNote>

/** Baseline (configuration) check levels, as ACR's `baselineNameLevel` (which writes them lower-case). */
export const baselineLevel = z.enum(['High', 'Medium', 'Low'])
export type BaselineLevel = z.infer<typeof baselineLevel>

/**
 * One baseline risk: a configuration or file-system check that failed. Maps to ACR's
 * ScanBaselines item: checkId = BaselineNameKey, category = BaselineClassAlias,
 * title = BaselineNameAlias, level = BaselineNameLevel, evidence = BaselineDetailPrompt,
 * remediation = BaselineDetailAdvice, description = BaselineDetailDescription.
 */
export const baselineFinding = z
  .object({
    checkId: z.string(),
    category: z.string(),
    title: z.string(),
    level: baselineLevel,
    description: z.string(),
    /** What triggered it: a path, an ENV name, a history line; secret values are masked. */
    evidence: z.string(),
    path: z.string().optional(),
    remediation: z.string(),
    /** The layer the offending file or instruction came from, when there is one. */
    layerIndex: z.number().int().min(0).optional(),
    layerDigest: z.string().optional(),
  })
  .meta({ id: 'BaselineFinding' })
export type BaselineFinding = z.infer<typeof baselineFinding>

/** ACR's malicious-file levels (`serious` ≈ high, `suspicious` ≈ medium, `remind` ≈ low). */
export const maliciousLevel = z.enum(['serious', 'suspicious', 'remind'])
export type MaliciousLevel = z.infer<typeof maliciousLevel>

/** What kind of malware a file is, by the rule that matched it. */
export const maliciousType = z.enum(['test-file', 'miner', 'webshell', 'reverse-shell', 'backdoor', 'rootkit', 'packed', 'hash-match', 'malware'])
export type MaliciousType = z.infer<typeof maliciousType>

export const maliciousFile = z
  .object({
    filePath: z.string(),
    layerIndex: z.number().int().min(0),
    layerDigest: z.string(),
    /** Set when a later layer deletes the file: it still ships in the image's blobs. */
    deletedInLayer: z.number().int().min(0).optional(),
    type: maliciousType,
    /** ACR's MaliciousName: the signature's malware name, e.g. `Eicar-Test-Signature`. */
    maliciousName: z.string(),
    /** Which rule matched: a signature name from a database file, or a built-in rule id. */
    signature: z.string(),
    engine: z.enum(['hash', 'ndb', 'heuristic', 'clamd']),
    md5: z.string(),
    sha256: z.string(),
    size: z.number().int().min(0),
    level: maliciousLevel,
    /** The matched text, truncated and made printable. */
    evidence: z.string().optional(),
  })
  .meta({ id: 'MaliciousFile' })
export type MaliciousFile = z.infer<typeof maliciousFile>

export const imageLayer = z
  .object({
    index: z.number().int().min(0),
    /** The compressed blob's digest, as the manifest names it. */
    digest: z.string(),
    /** The uncompressed tar's digest (config rootfs.diff_ids): the layer cache key. */
    diffId: z.string(),
    size: z.number().int().min(0),
    mediaType: z.string(),
    /** The Dockerfile step that made it, from the config history, when known. */
    createdBy: z.string().optional(),
    /** Whether this scan reused the cached analysis instead of reading the layer. */
    cached: z.boolean(),
    fileCount: z.number().int().min(0),
  })
  .meta({ id: 'ImageLayer' })
export type ImageLayer = z.infer<typeof imageLayer>

export const advisoryDbInfo = z
  .object({
    recordCount: z.number().int().min(0),
    /** When the store was last imported into (epoch ms), null when it is empty. */
    importedAt: z.number().nullable(),
    /** The newest `modified` date among the records (ISO), null when empty. */
    newestModified: z.string().nullable(),
  })
  .meta({ id: 'AdvisoryDbInfo' })
export type AdvisoryDbInfo = z.infer<typeof advisoryDbInfo>

/** Everything one scan of one image produced: what the report pages, the CLI and the SBOM read. */
export const imageReport = z
  .object({
    image: z.object({
      repository: z.string(),
      reference: z.string(),
      /** What the reference points to: an index or a manifest. */
      digest: z.string(),
      /** The scanned platform's image manifest. */
      manifestDigest: z.string(),
      configDigest: z.string(),
      platform: z.string(),
      size: z.number().int(),
      createdAt: z.string().optional(),
    }),
    os: osInfo.nullable(),
    layers: z.array(imageLayer),
    components: z.array(component),
    findings: z.array(finding),
    componentRisks: z.array(componentRisk),
    baseline: z.array(baselineFinding),
    maliciousFiles: z.array(maliciousFile),
    notes: z.array(scanNote),
    advisoryDb: advisoryDbInfo,
    scannedAt: z.number(),
    durationMs: z.number(),
  })
  .meta({ id: 'ImageReport' })
export type ImageReport = z.infer<typeof imageReport>
