import type { FileRecord } from './layer-result'

/** A file of the merged (squashed) image, with the layer its current version comes from. */
export interface MergedFile extends FileRecord {
  layerIndex: number
}

/** The squashed file index: what `docker run` would see, path → entry. */
export type FileIndex = ReadonlyMap<string, MergedFile>

interface Node {
  children?: Map<string, Node>
  file?: MergedFile
}

/**
 * The merged file system as a tree of path segments, so deleting a directory (a
 * whiteout, an opaque marker, a file replacing a directory) is one detach, not a scan
 * of every path.
 *
 * @example
 * const tree = new SquashedTree()
 * tree.put({ path: 'etc/passwd', type: 'file', size: 10, mode: 0o644, layerIndex: 0 })
 * tree.remove('etc') // a later layer's `.wh.etc`
 */
export class SquashedTree {
  private readonly root: Node = {}

  get(path: string): MergedFile | undefined {
    return this.node(path, false)?.file
  }

  /** Deletes a path and everything under it. */
  remove(path: string): void {
    const slash = path.lastIndexOf('/')
    const parent = slash < 0 ? this.root : this.node(path.slice(0, slash), false)
    parent?.children?.delete(path.slice(slash + 1))
  }

  /** Deletes everything under a directory but keeps the directory ('' is the root). */
  clearChildren(dir: string): void {
    const node = dir === '' ? this.root : this.node(dir, false)
    if (node) delete node.children
  }

  /**
   * Adds or replaces an entry. Anything but a directory replaces the whole subtree; a
   * directory over a directory keeps the lower children (that is how layers stack).
   * Returns true when children were deleted.
   */
  put(file: MergedFile): boolean {
    const node = this.node(file.path, true)
    if (!node) return false
    const dropped = file.type !== 'dir' && node.children !== undefined && node.children.size > 0
    if (file.type !== 'dir') delete node.children
    node.file = file
    return dropped
  }

  /** Every entry, parents before children. */
  toIndex(): Map<string, MergedFile> {
    const out = new Map<string, MergedFile>()
    const stack: Node[] = [this.root]
    for (let node = stack.pop(); node; node = stack.pop()) {
      if (node.file) out.set(node.file.path, node.file)
      if (node.children) for (const child of [...node.children.values()].reverse()) stack.push(child)
    }
    return out
  }

  private node(path: string, create: boolean): Node | undefined {
    let node = this.root
    for (const seg of path.split('/')) {
      let next = node.children?.get(seg)
      if (!next) {
        if (!create) return undefined
        next = {}
        node.children ??= new Map()
        node.children.set(seg, next)
      }
      node = next
    }
    return node
  }
}
