import fs from 'node:fs/promises'
import path from 'node:path'
import type { Readable } from 'node:stream'
import { openDockerArchiveSource } from './docker-archive-source'
import { AcquireError, isAcquireError } from './errors'
import type { Descriptor, ImageSource, Platform, RawManifest, ResolvedImage, SignalOption } from './image-source'
import { toRepositoryName } from './layout-names'
import type { LocalImageSource } from './local-source'
import { isInside, openOciLayoutSource } from './oci-layout-source'
import { assertRepositoryName, assertTagOrDigest } from './reference'

const MAX_DEPTH = 2
const MAX_SOURCES = 1000

export interface DirectorySource extends ImageSource {
  /** Parts that could not be read, relative to the directory, with the reason. */
  readonly skipped: { path: string; reason: string }[]
}

/**
 * An instance directory: every OCI layout in it (the directory itself or subdirectories
 * up to two levels down) and every `*.tar` docker archive, merged into one source.
 * Symlinks that lead out of the directory are refused, as are paths with `..`. A part
 * that cannot be read is skipped and listed in `skipped` rather than failing the rest.
 * When two parts name the same tag, the first in path order wins.
 *
 * @example
 * const source = await openDirectorySource(instanceDir)
 * for (const repo of await source.listRepositories()) console.log(repo, await source.listTags(repo))
 */
export async function openDirectorySource(dir: string): Promise<DirectorySource> {
  if (dir.split(/[\\/]+/).includes('..')) throw new AcquireError('INVALID_REFERENCE', 'Directory paths may not contain "..".')
  const root = await fs.realpath(dir).catch(() => {
    throw new AcquireError('NOT_FOUND', `Directory ${path.basename(dir)} does not exist.`)
  })
  if (!(await fs.stat(root)).isDirectory()) throw new AcquireError('NOT_FOUND', `${path.basename(dir)} is not a directory.`)
  const found: { rel: string; kind: 'layout' | 'archive'; real: string }[] = []
  await walk(root, root, 0, found)
  const parts: LocalImageSource[] = []
  const skipped: { path: string; reason: string }[] = []
  for (const f of found.slice(0, MAX_SOURCES)) {
    try {
      const name = toRepositoryName(f.kind === 'archive' ? f.rel.replace(/\.tar$/i, '') : f.rel || path.basename(root))
      parts.push(f.kind === 'layout' ? await openOciLayoutSource(f.real, { name }) : await openDockerArchiveSource(f.real, { name }))
    } catch (err) {
      if (!isAcquireError(err)) throw err
      skipped.push({ path: f.rel || '.', reason: err.message })
    }
  }
  return new MergedSource(parts, skipped).init()
}

/** Finds layouts and archives, in name order so merging is deterministic. */
async function walk(root: string, dir: string, depth: number, out: { rel: string; kind: 'layout' | 'archive'; real: string }[]) {
  const rel = path.relative(root, dir).split(path.sep).join('/')
  const entries = (await fs.readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  if (entries.some((e) => e.name === 'oci-layout' && (e.isFile() || e.isSymbolicLink()))) {
    out.push({ rel, kind: 'layout', real: dir })
    return
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue
    const full = path.join(dir, entry.name)
    let real = full
    if (entry.isSymbolicLink()) {
      const target = await fs.realpath(full).catch(() => undefined)
      if (!target || !isInside(root, target)) continue // leads outside the instance directory: refused
      real = target
    }
    const stat = await fs.stat(real).catch(() => undefined)
    const childRel = rel ? `${rel}/${entry.name}` : entry.name
    if (stat?.isFile() && entry.name.toLowerCase().endsWith('.tar')) out.push({ rel: childRel, kind: 'archive', real })
    else if (stat?.isDirectory() && depth < MAX_DEPTH) await walk(root, real, depth + 1, out)
  }
}

class MergedSource implements DirectorySource {
  private owners = new Map<string, Map<string, LocalImageSource>>()
  private holders = new Map<string, LocalImageSource[]>()

  constructor(
    private parts: LocalImageSource[],
    readonly skipped: { path: string; reason: string }[],
  ) {}

  async init(): Promise<this> {
    for (const part of this.parts) {
      for (const repo of await part.listRepositories()) {
        this.holders.set(repo, [...(this.holders.get(repo) ?? []), part])
        const tags = this.owners.get(repo) ?? new Map<string, LocalImageSource>()
        for (const tag of await part.listTags(repo)) if (!tags.has(tag)) tags.set(tag, part)
        this.owners.set(repo, tags)
      }
    }
    return this
  }

  listRepositories(): Promise<string[]> {
    return Promise.resolve([...this.owners.keys()].sort())
  }

  listTags(repository: string): Promise<string[]> {
    return Promise.resolve([...this.tagsOf(repository).keys()].sort())
  }

  resolve(repository: string, reference: string, opts: { platform?: Platform | string; signal?: AbortSignal } = {}): Promise<ResolvedImage> {
    return this.first(repository, reference, (part) => part.resolve(repository, reference, opts))
  }

  readManifest(repository: string, reference: string, opts: SignalOption = {}): Promise<RawManifest> {
    return this.first(repository, reference, (part) => part.readManifest(repository, reference, opts))
  }

  async openBlob(repository: string, descriptor: Descriptor, opts: SignalOption = {}): Promise<Readable> {
    this.tagsOf(repository)
    for (const part of this.holders.get(repository) ?? []) {
      if (await part.hasBlob(descriptor.digest)) return part.openBlob(repository, descriptor, opts)
    }
    throw new AcquireError('NOT_FOUND', `${repository}: blob ${descriptor.digest} is not in this directory.`)
  }

  async close(): Promise<void> {
    await Promise.all(this.parts.map((p) => p.close()))
  }

  private tagsOf(repository: string): Map<string, LocalImageSource> {
    assertRepositoryName(repository)
    const tags = this.owners.get(repository)
    if (!tags) throw new AcquireError('NOT_FOUND', `No repository ${repository} in this directory.`)
    return tags
  }

  /** A tag goes to the part that owns it; a digest to the first part holding the repository that has it. */
  private async first<T>(repository: string, reference: string, run: (part: LocalImageSource) => Promise<T>): Promise<T> {
    assertTagOrDigest(reference)
    const tags = this.tagsOf(repository)
    const owner = tags.get(reference)
    if (owner) return run(owner)
    if (!reference.includes(':')) throw new AcquireError('NOT_FOUND', `${repository} has no tag ${reference}.`)
    for (const part of this.holders.get(repository) ?? []) {
      if (await part.hasBlob(reference)) return run(part)
    }
    throw new AcquireError('NOT_FOUND', `${repository} has no manifest ${reference}.`)
  }
}
