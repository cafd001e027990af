import type { BaselineFinding, ComponentSource, MaliciousFile, OsInfo, PackageFormat, ScanNote } from '@contract/findings'

/**
 * The seam between the layer walker and the package analyzers.
 *
 * The walker streams each layer's tar once and never writes it to disk. For every
 * regular file it asks each analyzer `wants(path, size)`; wanted files are read into
 * memory (up to `maxFileBytes`) and handed to `analyze`. Analyzers are pure: bytes in,
 * packages out, so one layer's results can be cached by its diffID and merged later.
 *
 * Paths are image paths without a leading slash (`var/lib/dpkg/status`), already
 * normalised by the walker: no `.`/`..` segments, no traversal outside the root.
 */
export interface AnalyzerFile {
  path: string
  bytes: Buffer
  /** Unix mode bits from the tar header (permissions, setuid, …). */
  mode: number
}

/**
 * A package as one file of one layer declares it. Which layer it ends up attributed to,
 * and whether it survives later layers, is decided by the merge step.
 */
export interface PackageRecord {
  name: string
  version: string
  format: PackageFormat
  source: ComponentSource
  /** dpkg `Source:` name/version, apk origin, rpm source RPM: what distro advisories name. */
  sourceName?: string
  sourceVersion?: string
  /** Maven groupId. */
  group?: string
  purl: string
  licenses: string[]
  /**
   * Where it was found, for display: the database file, or a nested archive path
   * (`app/lib/outer.jar!/BOOT-INF/lib/inner.jar`).
   */
  location: string
}

/** A baseline risk found in one file; the merge adds the layer, and drops it when a later layer removes the file. */
export type FileBaselineFinding = Omit<BaselineFinding, 'layerIndex' | 'layerDigest'>

/** A malicious file; the merge adds the layer and keeps it even when a later layer deletes the file. */
export type FileMaliciousFinding = Omit<MaliciousFile, 'layerIndex' | 'layerDigest' | 'deletedInLayer'>

export interface AnalysisOutput {
  os?: OsInfo
  packages?: PackageRecord[]
  baseline?: FileBaselineFinding[]
  malicious?: FileMaliciousFinding[]
  notes?: ScanNote[]
}

export interface Analyzer {
  /** Stable name, part of the layer cache key. */
  readonly name: string
  /** Bump when the output for the same input changes: invalidates cached layers. */
  readonly version: number
  /**
   * Cheap test run on every regular file of every layer, before its bytes are read:
   * path, size and mode only (Go binaries are found by the executable bit).
   */
  wants(path: string, size: number, mode: number): boolean
  /**
   * Called once per wanted file. Must not throw on malformed content: return a note
   * (`unparsable-package-db`, …) instead. May be async (zip reading, sqlite).
   */
  analyze(file: AnalyzerFile): AnalysisOutput | Promise<AnalysisOutput>
}
