import { describe, expect, it } from 'vitest'
import type { FileRecord } from './layer-result'
import { packFiles, unpackFiles } from './packed-files'
import type { MergedFile } from './squashed-tree'

const files: FileRecord[] = [
  { path: 'etc', type: 'dir', size: 0, mode: 0o755 },
  { path: 'etc/shadow', type: 'file', size: 10, mode: 0o640, gid: 42 },
  { path: 'home/u/.profile', type: 'file', size: 3, mode: 0o644, uid: 1000, gid: 1000 },
  { path: 'etc/os-release', type: 'symlink', size: 0, mode: 0o777, linkTarget: '../usr/lib/os-release' },
  { path: 'bin/sh', type: 'hardlink', size: 9, mode: 0o755, linkTarget: 'bin/bash' },
  { path: 'dev/null', type: 'chardev', size: 0, mode: 0o666 },
  { path: 'dev/sda', type: 'blockdev', size: 0, mode: 0o660 },
  { path: 'run/fifo', type: 'fifo', size: 0, mode: 0o600 },
  { path: '__proto__', type: 'file', size: 0, mode: 0 },
]

describe('packFiles / unpackFiles', () => {
  it('round-trips every type and optional field through JSON, fields in the order the walker writes them', () => {
    const back = unpackFiles(JSON.parse(JSON.stringify(packFiles(files))))
    expect(back).toEqual(files)
    expect(back.map((f) => Object.keys(f))).toEqual(files.map((f) => Object.keys(f)))
    const merged: MergedFile[] = files.map((f, i) => ({ ...f, layerIndex: i % 3 }))
    expect(unpackFiles(JSON.parse(JSON.stringify(packFiles(merged, true))), true)).toEqual(merged)
  })

  it('throws on malformed input instead of returning a partial index', () => {
    const good = packFiles(files)
    const bad: unknown[] = [null, {}, { ...good, types: `${good.types}f` }, { ...good, sizes: good.sizes.slice(1) }, { ...good, types: good.types.replace('f', 'z') }, { ...good, uids: [1] }, { ...good, links: [99, 'x'] }, { ...good, paths: good.paths.map((_, i) => i) }]
    for (const value of bad) expect(() => unpackFiles(value), JSON.stringify(value).slice(0, 80)).toThrow(TypeError)
    expect(() => unpackFiles(good, true)).toThrow(TypeError)
  })
})
