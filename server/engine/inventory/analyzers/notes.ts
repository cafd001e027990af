import type { ScanNote } from '@contract/findings'

/**
 * The note codes the package analyzers emit. Analyzers never throw on what an image
 * contains: a file they cannot read becomes one of these, shown in the report.
 */
export type AnalyzerNoteCode =
  /** A package database (dpkg status, apk installed, rpmdb) that could not be read. */
  | 'unparsable-package-db'
  /** A language package's metadata (package.json, METADATA, pom.properties, deps.json) that could not be read. */
  | 'unparsable-package-metadata'
  /** A zip/jar that is not a readable archive, or an entry that could not be inflated. */
  | 'unparsable-archive'
  /** An executable whose headers are inconsistent (ELF offsets outside the file, bad Go build info). */
  | 'unparsable-binary'
  /** An rpm database in a format this engine does not read (BerkeleyDB, ndb). */
  | 'unsupported-rpmdb'
  /** A zip entry with an absolute or `..` name (zip-slip). */
  | 'path-traversal'
  /** An archive past a size, entry-count or nesting budget: a zip bomb or simply too big. */
  | 'archive-limit'

/**
 * @example
 * analyzerNote('warning', 'unparsable-package-db', 'var/lib/dpkg/status', 'no stanza has a Package field')
 */
export function analyzerNote(level: ScanNote['level'], code: AnalyzerNoteCode, path: string, message: string): ScanNote {
  return { level, code, path, message }
}

/** The message of anything thrown, for a note. */
export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}
