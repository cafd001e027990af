import type { ScanNote } from '@contract/findings'
import type { Analyzer, AnalysisOutput, AnalyzerFile, PackageRecord } from '../analyzer'
import { bundleLicenses, fileNameCoordinates, manifestCoordinates, type MavenCoordinates, parseManifest, parseProperties, pomCoordinates } from './jar-metadata'
import { analyzerNote, errorMessage } from './notes'
import { purl } from './purl'
import { readZipDirectory, readZipEntry, ZipLimitError, type ZipEntry } from './zip-reader'

/** Java archive kinds (`rar` is left out: the name is far more often a RAR archive). */
const JAVA_ARCHIVE = /\.(jar|war|ear|par|sar|nar|jpi|hpi|kar)$/i
const POM_PROPERTIES = /^META-INF\/maven\/.+\/pom\.properties$/
const MANIFEST = 'META-INF/MANIFEST.MF'

/** The spec's limits (8.3): nesting depth and bytes read across one outer archive. */
export const JAR_LIMITS = { maxDepth: 4, maxTotalBytes: 512 * 1024 * 1024, maxManifestBytes: 10 * 1024 * 1024, maxPomPropertiesBytes: 1024 * 1024, maxEntries: 1_000_000 }

/** Zip-slip: entry names are only ever keys here, but such a name marks a crafted archive. */
const unsafeName = (name: string): boolean => /^([/\\]|[A-Za-z]:)/.test(name) || name.split(/[/\\]/).includes('..')

/** State shared by an outer archive and everything nested in it. */
interface Scan {
  bytesLeft: number
  packages: PackageRecord[]
  notes: ScanNote[]
  depthNoted: boolean
}

function toRecord(c: MavenCoordinates, location: string, licenses: string[]): PackageRecord {
  return {
    name: c.artifactId,
    version: c.version,
    format: 'maven',
    source: 'JAVA',
    ...(c.groupId ? { group: c.groupId } : {}),
    purl: purl({ type: 'maven', namespace: c.groupId, name: c.artifactId, version: c.version }),
    licenses,
    location,
  }
}

function readEntry(bytes: Uint8Array, e: ZipEntry, cap: number, scan: Scan): Uint8Array {
  const data = readZipEntry(bytes, e, Math.min(cap, scan.bytesLeft))
  scan.bytesLeft -= data.length
  return data
}

/** Reads one entry, turning failures into notes: one bad entry does not hide the rest. */
function tryRead(bytes: Uint8Array, e: ZipEntry, cap: number, location: string, scan: Scan): Uint8Array | undefined {
  try {
    return readEntry(bytes, e, cap, scan)
  } catch (err) {
    const limit = err instanceof ZipLimitError
    scan.notes.push(analyzerNote('warning', limit ? 'archive-limit' : 'unparsable-archive', `${location}!/${e.name}`, errorMessage(err)))
    return undefined
  }
}

/**
 * The packages an archive declares: every pom.properties (shaded jars carry several); when
 * none of them is the archive's own (by the artifact in its file name), the manifest's
 * coordinates, else the file name's. Bundle-License belongs to the archive's own artifact.
 */
function identify(poms: MavenCoordinates[], manifest: Map<string, string>, fileName: string, location: string): PackageRecord[] {
  const fromName = fileNameCoordinates(fileName)
  const licenses = bundleLicenses(manifest.get('Bundle-License'))
  const own = poms.find((p) => (fromName ? p.artifactId === fromName.artifactId : poms.length === 1))
  const records = poms.map((p) => toRecord(p, location, p === own ? licenses : []))
  if (own || (poms.length > 0 && !fromName)) return records
  const fallback = manifestCoordinates(manifest, fromName) ?? fromName
  if (fallback && !poms.some((p) => p.artifactId === fallback.artifactId && p.version === fallback.version)) records.push(toRecord(fallback, location, licenses))
  return records
}

function scanArchive(bytes: Uint8Array, location: string, fileName: string, depth: number, scan: Scan): void {
  let entries: ZipEntry[]
  try {
    entries = readZipDirectory(bytes, JAR_LIMITS.maxEntries)
  } catch (err) {
    scan.notes.push(analyzerNote('warning', err instanceof ZipLimitError ? 'archive-limit' : 'unparsable-archive', location, `not a readable Java archive: ${errorMessage(err)}`))
    return
  }
  const unsafe = entries.filter((e) => unsafeName(e.name))
  if (unsafe.length > 0) scan.notes.push(analyzerNote('warning', 'path-traversal', location, `${unsafe.length} entr${unsafe.length === 1 ? 'y has' : 'ies have'} an absolute or '..' name, skipped (first: ${unsafe[0]?.name})`))
  const files = entries.filter((e) => !unsafeName(e.name) && !e.name.endsWith('/'))

  const text = (e: ZipEntry, cap: number) => {
    const data = tryRead(bytes, e, cap, location, scan)
    return data ? Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('utf8') : undefined
  }
  const poms = files.filter((e) => POM_PROPERTIES.test(e.name)).flatMap((e) => {
    const props = text(e, JAR_LIMITS.maxPomPropertiesBytes)
    const c = props === undefined ? undefined : pomCoordinates(parseProperties(props))
    return c ? [c] : []
  })
  const manifestEntry = files.find((e) => e.name.toUpperCase() === MANIFEST)
  const manifestText = manifestEntry ? text(manifestEntry, JAR_LIMITS.maxManifestBytes) : undefined
  scan.packages.push(...identify(poms, parseManifest(manifestText ?? ''), fileName, location))

  for (const e of files.filter((f) => JAVA_ARCHIVE.test(f.name))) {
    if (depth + 1 > JAR_LIMITS.maxDepth) {
      if (!scan.depthNoted) scan.notes.push(analyzerNote('info', 'archive-limit', `${location}!/${e.name}`, `archives nested deeper than ${JAR_LIMITS.maxDepth} levels are not opened`))
      scan.depthNoted = true
      continue
    }
    const inner = tryRead(bytes, e, Infinity, location, scan)
    if (inner) scanArchive(inner, `${location}!/${e.name}`, e.name, depth + 1, scan)
  }
}

export const mavenAnalyzer: Analyzer = {
  name: 'maven',
  version: 1,
  // 22 bytes is the smallest zip there is (an empty one).
  wants: (path, size) => size >= 22 && JAVA_ARCHIVE.test(path),
  analyze({ path, bytes }: AnalyzerFile): AnalysisOutput {
    const scan: Scan = { bytesLeft: JAR_LIMITS.maxTotalBytes, packages: [], notes: [], depthNoted: false }
    scanArchive(bytes, path, path, 0, scan)
    return { packages: scan.packages, ...(scan.notes.length ? { notes: scan.notes } : {}) }
  },
}
