import { describe, expect, it } from 'vitest'
import { allowedParentOrigin, isAllowedOrigin, parentOriginOf, parseAllowedOrigins, type FramedWindow } from './parent-origin'

const SELF = 'https://ls.example.com'

describe('parseAllowedOrigins', () => {
  it('splits the sources and reads none as nobody', () => {
    expect(parseAllowedOrigins("'self' https://portal.example.com")).toEqual(["'self'", 'https://portal.example.com'])
    expect(parseAllowedOrigins('none')).toEqual([])
    expect(parseAllowedOrigins("'none'")).toEqual([])
    expect(parseAllowedOrigins('')).toEqual([])
    expect(parseAllowedOrigins(null)).toEqual([])
  })
})

describe('isAllowedOrigin', () => {
  it.each([
    ['https://portal.example.com', ['https://portal.example.com']],
    ['https://portal.example.com', ['https://portal.example.com:443']],
    ['http://127.0.0.1:9097', ['http://127.0.0.1:9097']],
    ['https://a.corp.example.com', ['https://*.corp.example.com']],
    ['https://a.b.corp.example.com', ['https://*.corp.example.com']],
    ['https://[::1]:8443', ['https://[::1]:8443']],
    [SELF, ["'self'"]],
  ])('allows %s by %j', (origin, allowed) => {
    expect(isAllowedOrigin(origin, allowed, SELF)).toBe(true)
  })

  it.each([
    ['https://evil.example.com', ['https://portal.example.com']],
    ['https://portal.example.com.evil.test', ['https://portal.example.com']],
    ['http://portal.example.com', ['https://portal.example.com']],
    ['https://portal.example.com', ['http://portal.example.com']],
    ['https://portal.example.com:8443', ['https://portal.example.com']],
    ['http://127.0.0.1:9098', ['http://127.0.0.1:9097']],
    ['https://corp.example.com', ['https://*.corp.example.com']],
    ['https://xcorp.example.com', ['https://*.corp.example.com']],
    ['https://portal.example.com', ["'self'"]],
    ['https://portal.example.com', []],
    ['null', ["'self'", 'https://portal.example.com']],
    ['https://portal.example.com/path', ['https://portal.example.com']],
  ])('refuses %s by %j', (origin, allowed) => {
    expect(isAllowedOrigin(origin, allowed, SELF)).toBe(false)
  })
})

function framed(opts: { ancestor?: string; referrer?: string; top?: boolean }): FramedWindow {
  const ancestors = opts.ancestor ? [opts.ancestor] : []
  const win: FramedWindow = {
    parent: {},
    location: { origin: SELF, ancestorOrigins: { length: ancestors.length, item: (i) => ancestors[i] ?? null } },
    document: { referrer: opts.referrer ?? '' },
  }
  if (opts.top) win.parent = win
  return win
}

describe('parentOriginOf', () => {
  it('is null at the top level', () => {
    expect(parentOriginOf(framed({ top: true, ancestor: 'https://portal.example.com' }))).toBeNull()
  })

  it('prefers ancestorOrigins and falls back to the referrer origin', () => {
    expect(parentOriginOf(framed({ ancestor: 'https://portal.example.com', referrer: 'https://other.example.com/x' }))).toBe('https://portal.example.com')
    expect(parentOriginOf(framed({ referrer: 'https://portal.example.com/reports?id=1' }))).toBe('https://portal.example.com')
    expect(parentOriginOf(framed({}))).toBeNull()
  })
})

describe('allowedParentOrigin', () => {
  it('returns the parent origin only when it is allowed', () => {
    const allowed = ["'self'", 'https://portal.example.com']
    expect(allowedParentOrigin(framed({ ancestor: 'https://portal.example.com' }), allowed)).toBe('https://portal.example.com')
    expect(allowedParentOrigin(framed({ ancestor: SELF }), allowed)).toBe(SELF)
    expect(allowedParentOrigin(framed({ ancestor: 'https://evil.example.com' }), allowed)).toBeNull()
    expect(allowedParentOrigin(framed({ ancestor: 'https://portal.example.com' }), [])).toBeNull()
  })
})
