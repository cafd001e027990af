import { describe, expect, it } from 'vitest'
import { type MergedFile, SquashedTree } from './squashed-tree'

const file = (path: string, layerIndex = 0): MergedFile => ({ path, type: 'file', size: 1, mode: 0o644, layerIndex })
const dir = (path: string, layerIndex = 0): MergedFile => ({ path, type: 'dir', size: 0, mode: 0o755, layerIndex })

describe('SquashedTree', () => {
  it('lists entries parents first, each directory in the order its entries came, without implicit parents', () => {
    const tree = new SquashedTree()
    tree.put(file('b/y'))
    tree.put(dir('a'))
    tree.put(file('a/x'))
    tree.put(file('b/z'))
    tree.put(file('a/w'))
    tree.put(dir('b'))
    expect([...tree.toIndex().keys()]).toEqual(['b', 'b/y', 'b/z', 'a', 'a/x', 'a/w'])
  })

  it('removes a whole subtree, and forgets every path in it', () => {
    const tree = new SquashedTree()
    for (const p of ['a', 'a/b', 'a/b/c', 'a/d', 'ab']) tree.put(p.includes('/') && p !== 'a/b' ? file(p) : dir(p))
    tree.remove('a')
    expect(tree.get('a/b/c')).toBeUndefined()
    expect(tree.get('a')).toBeUndefined()
    expect([...tree.toIndex().keys()]).toEqual(['ab'])
    // Re-adding under a removed directory starts from nothing.
    tree.put(file('a/b/new', 2))
    expect([...tree.toIndex().keys()]).toEqual(['ab', 'a/b/new'])
    expect(tree.get('a/b/c')).toBeUndefined()
  })

  it('clears a directory (or the root) but keeps it, and replaces a directory by a file with its children', () => {
    const tree = new SquashedTree()
    for (const p of ['etc', 'etc/conf.d', 'usr']) tree.put(dir(p))
    tree.put(file('etc/conf.d/a'))
    tree.put(file('etc/passwd'))
    tree.clearChildren('etc')
    expect([...tree.toIndex().keys()]).toEqual(['etc', 'usr'])
    expect(tree.get('etc/conf.d/a')).toBeUndefined()
    tree.put(file('usr/lib/x'))
    expect(tree.put(dir('usr', 1))).toBe(false)
    expect(tree.get('usr/lib/x')).toBeDefined()
    expect(tree.put(file('usr', 2))).toBe(true)
    expect(tree.get('usr/lib/x')).toBeUndefined()
    expect(tree.get('usr')?.layerIndex).toBe(2)
    tree.clearChildren('')
    expect(tree.toIndex().size).toBe(0)
  })
})
