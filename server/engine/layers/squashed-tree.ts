import type { FileRecord } from './layer-result'

/** A file of the merged (squashed) image, with the layer its current version comes from. */
export interface MergedFile extends FileRecord {
  layerIndex: number
}

/** The squashed file index: what `docker run` would see, path → entry. */
export type FileIndex = ReadonlyMap<string, MergedFile>

interface Node {
  /** The last path segment (the key in the parent's `children`). */
  name: string
  parent: Node | undefined
  children?: Map<string, Node>
  file?: MergedFile
}

/**
 * The merged file system as a tree of path segments, so deleting a directory (a
 * whiteout, an opaque marker, a file replacing a directory) is one detach, not a scan
 * of every path. Every node is also indexed by its full path, so adding a file to a
 * known directory, or looking one up, is a single map lookup rather than a walk.
 *
 * @example
 * const tree = new SquashedTree()
 * tree.put({ path: 'etc/passwd', type: 'file', size: 10, mode: 0o644, layerIndex: 0 })
 * tree.remove('etc') // a later layer's `.wh.etc`
 */
export class SquashedTree {
  private readonly root: Node = { name: '', parent: undefined }
  private readonly byPath = new Map<string, Node>()

  get(path: string): MergedFile | undefined {
    return this.byPath.get(path)?.file
  }

  /** Deletes a path and everything under it. */
  remove(path: string): void {
    const node = this.byPath.get(path)
    if (!node) return
    node.parent?.children?.delete(node.name)
    this.forget(node, path)
  }

  /** Deletes everything under a directory but keeps the directory ('' is the root). */
  clearChildren(dir: string): void {
    const node = dir === '' ? this.root : this.byPath.get(dir)
    if (node) this.dropChildren(node, dir)
  }

  /**
   * Adds or replaces an entry. Anything but a directory replaces the whole subtree; a
   * directory over a directory keeps the lower children (that is how layers stack).
   * Returns true when children were deleted.
   */
  put(file: MergedFile): boolean {
    const node = this.byPath.get(file.path) ?? this.create(file.path)
    const dropped = file.type !== 'dir' && node.children !== undefined && node.children.size > 0
    if (file.type !== 'dir' && node.children) this.dropChildren(node, file.path)
    node.file = file
    return dropped
  }

  /** Every entry, parents before children (depth first, each directory's entries in the order they were added). */
  toIndex(): Map<string, MergedFile> {
    const out = new Map<string, MergedFile>()
    const stack: Node[] = [this.root]
    for (let node = stack.pop(); node; node = stack.pop()) {
      if (node.file) out.set(node.file.path, node.file)
      if (node.children) for (const child of [...node.children.values()].reverse()) stack.push(child)
    }
    return out
  }

  private create(path: string): Node {
    const slash = path.lastIndexOf('/')
    const parent = slash < 0 ? this.root : (this.byPath.get(path.slice(0, slash)) ?? this.create(path.slice(0, slash)))
    const name = slash < 0 ? path : path.slice(slash + 1)
    const node: Node = { name, parent }
    parent.children ??= new Map()
    parent.children.set(name, node)
    this.byPath.set(path, node)
    return node
  }

  private dropChildren(node: Node, path: string): void {
    if (!node.children) return
    const prefix = path === '' ? '' : `${path}/`
    for (const [name, child] of node.children) this.forget(child, prefix + name)
    delete node.children
  }

  /** Removes a detached subtree from the path index (each node is forgotten once: the cost is the subtree's size). */
  private forget(node: Node, path: string): void {
    this.byPath.delete(path)
    if (node.children) {
      for (const [name, child] of node.children) this.forget(child, `${path}/${name}`)
    }
  }
}
