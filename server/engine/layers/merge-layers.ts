import { createHash } from 'node:crypto'
import type { Component, OsInfo, ScanNote } from '@contract/findings'
import type { PackageRecord } from '../inventory/analyzer'
import type { FileAnalysis, LayerResult } from './layer-result'
import { DEFAULT_SYMLINK_DEPTH, resolveInIndex } from './resolve-symlink'
import { type FileIndex, SquashedTree } from './squashed-tree'

export interface MergeInput {
  result: LayerResult
  /** The layer's digest as the manifest names it (a component's `layerDigest`). */
  digest: string
}

export interface MergedImage {
  /** From the merged view's os-release (symlinks followed); null for scratch/static images. */
  os: OsInfo | null
  components: Component[]
  /** Every layer's notes and the surviving files' analyzer notes, with `layerIndex` set. */
  notes: ScanNote[]
  fileIndex: FileIndex
}

/** A file whose analysis is part of the merged view so far. */
interface Tracked {
  layerIndex: number
  analysis: FileAnalysis
  /** Package key → the lowest layer since which it has existed without a break. */
  since: Map<string, number>
}

/** Bump whenever mergeLayers' output for the same layers changes: it is part of the image cache key. */
export const MERGE_SCHEMA_VERSION = 1

/** The os-release files, most authoritative first (os-release(5)). */
const OS_RELEASE = ['etc/os-release', 'usr/lib/os-release']

/**
 * Squashes per-layer results bottom to top (scanner.md §1.7): opaque directories, then
 * whiteouts, then the layer's own entries. A package is reported only if the file that
 * declared it survives to the top, from the topmost layer that wrote that file, and is
 * attributed to the lowest layer from which the same package (format, name, version,
 * location) has existed at that path without a break: the layer that "added" it.
 *
 * @example
 * const merged = mergeLayers(results.map((result, i) => ({ result, digest: image.layers[i].digest })))
 * merged.components // [{ name: 'musl', layerIndex: 0, … }]
 */
export function mergeLayers(layers: readonly MergeInput[], opts: { maxSymlinkDepth?: number } = {}): MergedImage {
  const tree = new SquashedTree()
  const tracked = new Map<string, Tracked>()
  const notes: ScanNote[] = []
  // A tracked analysis stands while the file it came from is still the one at its path: a
  // later whiteout, opaque directory, or anything written over it (or over a parent) ends
  // it. Checked when needed, so a deletion never scans the tracked files.
  const alive = (path: string, t: Tracked) => tree.get(path)?.layerIndex === t.layerIndex

  layers.forEach(({ result }, layerIndex) => {
    for (const n of result.notes) notes.push({ ...n, layerIndex })
    const analyses = new Map<string, FileAnalysis>()
    // Continuity is judged on the view before this layer, whatever this layer deletes first.
    const before = new Map<string, Tracked>()
    for (const a of result.analyses) {
      analyses.set(a.path, a)
      const t = tracked.get(a.path)
      if (t && alive(a.path, t)) before.set(a.path, t)
    }

    for (const dir of result.opaqueDirs) tree.clearChildren(dir)
    for (const path of result.whiteouts) tree.remove(path)
    for (const file of result.files) {
      tree.put({ ...file, layerIndex })
      const analysis = analyses.get(file.path)
      if (!analysis) {
        // Rewritten without anything for the analyzers: what the old file declared is gone.
        tracked.delete(file.path)
        continue
      }
      const prev = before.get(file.path)
      const since = new Map<string, number>()
      for (const pkg of analysis.packages) {
        const key = packageKey(pkg)
        since.set(key, prev?.since.get(key) ?? layerIndex)
      }
      tracked.set(file.path, { layerIndex, analysis, since })
    }
  })
  for (const [path, t] of tracked) if (!alive(path, t)) tracked.delete(path)

  const fileIndex = tree.toIndex()
  const components = new Map<string, Component>()
  for (const path of [...tracked.keys()].sort()) {
    const t = tracked.get(path)
    if (!t) continue
    for (const n of t.analysis.notes ?? []) notes.push({ ...n, layerIndex: t.layerIndex })
    for (const pkg of t.analysis.packages) {
      const key = packageKey(pkg)
      const layerIndex = t.since.get(key) ?? t.layerIndex
      const component = toComponent(pkg, key, layerIndex, layers[layerIndex]?.digest ?? '')
      const seen = components.get(component.componentId)
      if (!seen || seen.layerIndex > layerIndex) components.set(component.componentId, component)
    }
  }
  const os = detectOs(fileIndex, tracked, opts.maxSymlinkDepth ?? DEFAULT_SYMLINK_DEPTH, notes)
  return { os, components: [...components.values()].sort(byComponent), notes, fileIndex }
}

function detectOs(index: FileIndex, tracked: Map<string, Tracked>, maxLinks: number, notes: ScanNote[]): OsInfo | null {
  const osAt = (path: string): { os: OsInfo; layerIndex: number } | undefined => {
    const t = tracked.get(path)
    if (t?.analysis.os) return { os: t.analysis.os, layerIndex: t.layerIndex }
    // A hard link is analysed once, at its target's path (same content).
    const entry = index.get(path)
    const target = entry?.type === 'hardlink' && entry.linkTarget ? tracked.get(entry.linkTarget) : undefined
    return target?.analysis.os ? { os: target.analysis.os, layerIndex: target.layerIndex } : undefined
  }
  let found: OsInfo | undefined
  for (const path of OS_RELEASE) {
    const r = resolveInIndex((p) => index.get(p), path, maxLinks)
    if (!r.ok) {
      if (r.reason !== 'not-found') {
        const layerIndex = index.get(r.path)?.layerIndex
        notes.push({ level: 'warning', code: r.reason === 'loop' ? 'symlink-loop' : 'symlink-too-deep', message: `"${path}" could not be resolved: symlinks ${r.reason === 'loop' ? 'loop' : `nest deeper than ${maxLinks}`} at "${r.path}".`, path, ...(layerIndex === undefined ? {} : { layerIndex }) })
      }
      continue
    }
    found = osAt(r.path)?.os
    if (found) break
  }
  // Other release files (alpine-release, debian_version) only when no os-release names the OS.
  const others = [...tracked.keys()].filter((p) => !OS_RELEASE.includes(p) && tracked.get(p)?.analysis.os).sort()
  found ??= others.length ? osAt(others[0] ?? '')?.os : undefined
  if (!found) return null
  if (!found.ecosystem) {
    // os-release of a distribution without VERSION_ID can leave the ecosystem open; another release file of the same OS may say it.
    const ecosystem = others.map((p) => tracked.get(p)?.analysis.os).find((o) => o?.id === found?.id && o.ecosystem)?.ecosystem
    if (ecosystem) return { ...found, ecosystem }
  }
  return found
}

function packageKey(pkg: PackageRecord): string {
  return JSON.stringify([pkg.format, pkg.group ?? '', pkg.name, pkg.version, pkg.location])
}

/**
 * A component id stable across scans and images: the same package at the same place
 * gets the same id, so reports can be compared.
 */
function componentIdOf(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16)
}

function toComponent(pkg: PackageRecord, key: string, layerIndex: number, layerDigest: string): Component {
  return {
    componentId: componentIdOf(key),
    name: pkg.name,
    version: pkg.version,
    format: pkg.format,
    source: pkg.source,
    ...(pkg.sourceName === undefined ? {} : { sourceName: pkg.sourceName }),
    ...(pkg.sourceVersion === undefined ? {} : { sourceVersion: pkg.sourceVersion }),
    ...(pkg.group === undefined ? {} : { group: pkg.group }),
    purl: pkg.purl,
    layerIndex,
    layerDigest,
    location: pkg.location,
    licenses: pkg.licenses,
  }
}

/** The same order as `localeCompare` with no arguments, without building a collator per call. */
const collator = new Intl.Collator()

function byComponent(a: Component, b: Component): number {
  return collator.compare(a.source, b.source) || collator.compare(a.name, b.name) || collator.compare(a.version, b.version) || collator.compare(a.location, b.location)
}
