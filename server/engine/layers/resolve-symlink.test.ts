import { describe, expect, it } from 'vitest'
import type { FileType } from './layer-result'
import { resolveInIndex } from './resolve-symlink'

type Entry = { type: FileType; linkTarget?: string }
const indexOf = (entries: Record<string, Entry>) => {
  const map = new Map(Object.entries(entries))
  return (p: string) => map.get(p)
}
const file: Entry = { type: 'file' }
const dir: Entry = { type: 'dir' }

describe('resolveInIndex', () => {
  it("follows Ubuntu's relative etc/os-release link", () => {
    const lookup = indexOf({ etc: dir, 'etc/os-release': { type: 'symlink', linkTarget: '../usr/lib/os-release' }, 'usr/lib/os-release': file })
    expect(resolveInIndex(lookup, 'etc/os-release')).toEqual({ ok: true, path: 'usr/lib/os-release' })
  })

  it('starts absolute targets at the image root and clamps .. there', () => {
    const lookup = indexOf({
      'etc/os-release': { type: 'symlink', linkTarget: '/usr/lib/os-release' },
      'etc/escape': { type: 'symlink', linkTarget: '../../../../usr/lib/os-release' },
      'etc/abs-escape': { type: 'symlink', linkTarget: '/../../usr/lib/os-release' },
      'usr/lib/os-release': file,
    })
    for (const p of ['etc/os-release', 'etc/escape', 'etc/abs-escape']) expect(resolveInIndex(lookup, p)).toEqual({ ok: true, path: 'usr/lib/os-release' })
  })

  it('follows directory links in the middle of a path (usrmerge lib -> usr/lib)', () => {
    const lookup = indexOf({ lib: { type: 'symlink', linkTarget: 'usr/lib' }, 'usr/lib/os-release': file })
    expect(resolveInIndex(lookup, 'lib/os-release')).toEqual({ ok: true, path: 'usr/lib/os-release' })
  })

  it('stops on loops and on chains deeper than the limit', () => {
    const loop = indexOf({ a: { type: 'symlink', linkTarget: 'b' }, b: { type: 'symlink', linkTarget: '/a' } })
    expect(resolveInIndex(loop, 'a')).toMatchObject({ ok: false, reason: 'loop' })
    const self = indexOf({ 'etc/x': { type: 'symlink', linkTarget: 'x' } })
    expect(resolveInIndex(self, 'etc/x')).toMatchObject({ ok: false, reason: 'loop' })
    const chain: Record<string, Entry> = { l9: file }
    for (let i = 0; i < 9; i++) chain[`l${i}`] = { type: 'symlink', linkTarget: `l${i + 1}` }
    expect(resolveInIndex(indexOf(chain), 'l0')).toMatchObject({ ok: false, reason: 'too-deep' })
    expect(resolveInIndex(indexOf(chain), 'l1')).toEqual({ ok: true, path: 'l9' })
  })

  it('reports dangling links as not found', () => {
    const lookup = indexOf({ 'etc/os-release': { type: 'symlink', linkTarget: '../usr/lib/os-release' } })
    expect(resolveInIndex(lookup, 'etc/os-release')).toEqual({ ok: false, reason: 'not-found', path: 'usr/lib/os-release' })
  })
})
