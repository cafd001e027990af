import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { isWithin, type NormalisedPath, normaliseEntryPath, whiteoutOf } from './entry-path'

const norm = (name: string) => normaliseEntryPath(name, 4096, 256)

describe('normaliseEntryPath', () => {
  it('strips ./, leading slashes and trailing slashes, and resolves . and ..', () => {
    expect(norm('./usr/bin/')).toEqual({ ok: true, path: 'usr/bin', absolute: false })
    expect(norm('/etc/passwd')).toEqual({ ok: true, path: 'etc/passwd', absolute: true })
    expect(norm('//usr/./lib/../lib64//x')).toEqual({ ok: true, path: 'usr/lib64/x', absolute: true })
  })

  it('refuses names whose .. climbs out of the root, absolute or not', () => {
    for (const name of ['../../etc/passwd', '..', 'a/../../etc/shadow', '/../etc/passwd', './../x']) {
      expect(norm(name)).toEqual({ ok: false, reason: 'traversal' })
    }
  })

  it('calls the root itself empty', () => {
    expect(norm('./')).toEqual({ ok: false, reason: 'empty' })
    expect(norm('/')).toEqual({ ok: false, reason: 'empty' })
    expect(norm('a/..')).toEqual({ ok: false, reason: 'empty' })
  })

  it('caps length in bytes and depth in segments, and refuses NUL', () => {
    expect(norm(`${'é'.repeat(2048)}x`)).toEqual({ ok: false, reason: 'too-long' })
    expect(norm(Array(257).fill('a').join('/'))).toEqual({ ok: false, reason: 'too-deep' })
    expect(norm(Array(256).fill('a').join('/')).ok).toBe(true)
    expect(norm('etc/pass\0wd')).toEqual({ ok: false, reason: 'nul' })
  })
})

/** The normaliser as it was before its fast path for clean names: the reference it must agree with. */
function reference(name: string, maxLength: number, maxDepth: number): NormalisedPath {
  if (name.includes('\0')) return { ok: false, reason: 'nul' }
  const absolute = name.startsWith('/')
  const relative = name.replace(/^\/+/, '')
  if (relative === '') return { ok: false, reason: 'empty' }
  const normal = path.posix.normalize(relative).replace(/\/+$/, '')
  if (normal === '..' || normal.startsWith('../')) return { ok: false, reason: 'traversal' }
  if (normal === '.' || normal === '') return { ok: false, reason: 'empty' }
  if (Buffer.byteLength(normal) > maxLength) return { ok: false, reason: 'too-long' }
  if (normal.split('/').length > maxDepth) return { ok: false, reason: 'too-deep' }
  return { ok: true, path: normal, absolute }
}

describe('normaliseEntryPath against the plain path.posix.normalize version', () => {
  it('agrees on generated names of every awkward kind', () => {
    const pieces = ['a', 'usr', 'lib', '.', '..', '', '...', '.wh.x', 'é', '日本', '\0', ' ', '.hidden', 'x'.repeat(40)]
    let seed = 42
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      return seed % n
    }
    for (let i = 0; i < 5_000; i++) {
      const segments = Array.from({ length: 1 + rand(8) }, () => pieces[rand(pieces.length)] ?? '')
      const name = `${['', '/', './', '//', '././'][rand(5)] ?? ''}${segments.join('/')}${['', '/', '//'][rand(3)] ?? ''}`
      // Small limits too, so the length and depth checks are crossed both ways.
      for (const [len, depth] of [[4096, 256], [60, 4]] as const) expect(normaliseEntryPath(name, len, depth), JSON.stringify(name)).toEqual(reference(name, len, depth))
    }
  })
})

describe('whiteoutOf', () => {
  it('reads plain and opaque whiteouts', () => {
    expect(whiteoutOf('app/node_modules/.wh.minimist')).toEqual({ kind: 'whiteout', target: 'app/node_modules/minimist' })
    expect(whiteoutOf('.wh.tmp')).toEqual({ kind: 'whiteout', target: 'tmp' })
    expect(whiteoutOf('app/config/.wh..wh..opq')).toEqual({ kind: 'opaque', dir: 'app/config' })
    expect(whiteoutOf('.wh..wh..opq')).toEqual({ kind: 'opaque', dir: '' })
    expect(whiteoutOf('usr/bin/env')).toEqual({ kind: 'none' })
  })

  it('rejects whiteouts that name nothing or a parent, and skips aufs metadata', () => {
    expect(whiteoutOf('a/.wh.')).toEqual({ kind: 'invalid' })
    expect(whiteoutOf('a/.wh..')).toEqual({ kind: 'invalid' })
    expect(whiteoutOf('a/.wh...')).toEqual({ kind: 'invalid' })
    expect(whiteoutOf('.wh..wh.plnk')).toEqual({ kind: 'aufs-meta' })
  })
})

describe('isWithin', () => {
  it('matches the directory and what is under it, not siblings with the same prefix', () => {
    expect(isWithin('usr/lib', 'usr/lib')).toBe(true)
    expect(isWithin('usr/lib/x', 'usr/lib')).toBe(true)
    expect(isWithin('usr/libexec', 'usr/lib')).toBe(false)
    expect(isWithin('anything', '')).toBe(true)
  })
})
