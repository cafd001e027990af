import type { OsInfo, ScanNote } from '@contract/findings'
import type { FileBaselineFinding, FileMaliciousFinding, PackageRecord } from '../inventory/analyzer'

/**
 * What one layer contains, as the walker saw it. Everything here is plain JSON (arrays,
 * not path-keyed objects, so a hostile name such as `__proto__` is just data), because
 * it is cached per diffID and reused by every image that shares the layer.
 *
 * Notes carry no `layerIndex`: the same layer sits at different indexes in different
 * images, so the merge stamps the index when it builds one image's view.
 */

/**
 * Bump whenever the walker's output for the same layer changes: it is part of the cache key.
 * 2: own tar reader (reads ambiguous headers as containerd does), file index packed on disk.
 * 3: file analyses carry baseline and malicious findings.
 */
export const LAYER_SCHEMA_VERSION = 3

export type FileType = 'file' | 'dir' | 'symlink' | 'hardlink' | 'chardev' | 'blockdev' | 'fifo'

/** One entry of a layer's file index. Defaults are left out to keep big layers small. */
export interface FileRecord {
  /** Normalised: relative to the root, no `.`/`..` segments, no trailing slash. */
  path: string
  type: FileType
  /** Bytes of content; a hard link has its target's size, other non-files 0. */
  size: number
  /** Permission bits including setuid/setgid/sticky (tar header `mode & 0o7777`). */
  mode: number
  /** Omitted when 0 (root). */
  uid?: number
  gid?: number
  /** A symlink's target exactly as stored (may be absolute); a hard link's normalised target path. */
  linkTarget?: string
}

/** What the analyzers said about one file of the layer, merged over analyzers. */
export interface FileAnalysis {
  path: string
  os?: OsInfo
  packages: PackageRecord[]
  /** Baseline risks in this file (the merge keeps them only while the file is in the image). */
  baseline?: FileBaselineFinding[]
  /** Malicious content (kept even when a later layer deletes the file: it still ships). */
  malicious?: FileMaliciousFinding[]
  notes?: ScanNote[]
}

export interface LayerResult {
  schemaVersion: number
  /** sha256 of the uncompressed tar, as verified while streaming. */
  diffId: string
  /** Entries in the file index (whiteouts and the root directory excluded). */
  fileCount: number
  uncompressedBytes: number
  /** In tar order; a path the tar repeats appears once, with its last entry. */
  files: FileRecord[]
  /** Paths this layer deletes from the layers below (`dir/.wh.name` → `dir/name`). */
  whiteouts: string[]
  /** Directories whose lower-layer children this layer hides (`dir/.wh..wh..opq`). */
  opaqueDirs: string[]
  /** Only files some analyzer wanted and produced output for. */
  analyses: FileAnalysis[]
  notes: ScanNote[]
}

/**
 * A cheap structural check for a LayerResult that came from outside this process
 * (a cache file): enough to tell a valid entry from a corrupt or foreign one.
 *
 * @example
 * if (!isLayerResult(JSON.parse(text))) return undefined // treat as a cache miss
 */
export function isLayerResult(value: unknown): value is LayerResult {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  return (
    v.schemaVersion === LAYER_SCHEMA_VERSION &&
    typeof v.diffId === 'string' &&
    typeof v.fileCount === 'number' &&
    typeof v.uncompressedBytes === 'number' &&
    Array.isArray(v.files) &&
    Array.isArray(v.whiteouts) &&
    Array.isArray(v.opaqueDirs) &&
    Array.isArray(v.analyses) &&
    Array.isArray(v.notes)
  )
}
