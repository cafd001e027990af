import { describe, expect, it } from 'vitest'
import { isWithin, normaliseEntryPath, whiteoutOf } from './entry-path'

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
