import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { loadEnv } from '../env'
import { DOCS_STYLE, DOCS_STYLE_HASH } from './docs-page'
import { buildCsp, parseFrameAncestors, parseOrigin, securityHeaderValues } from './security-headers'

const directives = (csp: string): Record<string, string> => Object.fromEntries(csp.split('; ').map((d) => [d.split(' ')[0] ?? '', d.split(' ').slice(1).join(' ')]))

describe('buildCsp', () => {
  it('is strict by default and frames only from the same origin', () => {
    const csp = buildCsp({ frameAncestors: ["'self'"] })
    expect(directives(csp)).toEqual({
      'default-src': "'self'",
      'script-src': "'self'",
      'style-src': "'self'",
      'style-src-attr': "'unsafe-inline'",
      'img-src': "'self' data:",
      'connect-src': "'self'",
      'object-src': "'none'",
      'base-uri': "'none'",
      'form-action': "'self'",
      'frame-ancestors': "'self'",
    })
    expect(csp).not.toContain('unsafe-eval')
    expect(directives(csp)['script-src']).not.toContain('unsafe-inline')
  })

  it("lists the allowed origins, or 'none' when embedding is off", () => {
    expect(directives(buildCsp({ frameAncestors: ["'self'", 'https://portal.example.com'] }))['frame-ancestors']).toBe("'self' https://portal.example.com")
    expect(directives(buildCsp({ frameAncestors: 'none' }))['frame-ancestors']).toBe("'none'")
  })

  it('adds style hashes to style-src only', () => {
    const d = directives(buildCsp({ frameAncestors: ["'self'"] }, { styleHashes: ["'sha256-abc='"] }))
    expect(d['style-src']).toBe("'self' 'sha256-abc='")
    expect(d['script-src']).toBe("'self'")
  })
})

describe('securityHeaderValues', () => {
  it('sends X-Frame-Options DENY only when embedding is off', () => {
    expect(securityHeaderValues({ frameAncestors: 'none' }, '/')['X-Frame-Options']).toBe('DENY')
    expect(securityHeaderValues({ frameAncestors: ["'self'"] }, '/')['X-Frame-Options']).toBeUndefined()
    expect(securityHeaderValues({ frameAncestors: ['https://portal.example.com'] }, '/')['X-Frame-Options']).toBeUndefined()
  })

  it('sets the other headers on every response', () => {
    expect(securityHeaderValues({ frameAncestors: ["'self'"] }, '/api/v1/listInstance')).toMatchObject({
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'same-origin',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
    })
  })

  it("allows the docs page's inline style by its hash, and only there", () => {
    const expected = `'sha256-${createHash('sha256').update(DOCS_STYLE).digest('base64')}'`
    expect(DOCS_STYLE_HASH).toBe(expected)
    expect(securityHeaderValues({ frameAncestors: ["'self'"] }, '/api/docs')['Content-Security-Policy']).toContain(`style-src 'self' ${expected};`)
    expect(securityHeaderValues({ frameAncestors: ["'self'"] }, '/')['Content-Security-Policy']).not.toContain('sha256-')
  })
})

describe('parseOrigin', () => {
  it.each([
    ['https://portal.example.com', 'https://portal.example.com'],
    ['HTTPS://Portal.Example.com', 'https://portal.example.com'],
    ['http://localhost:3000', 'http://localhost:3000'],
    ['https://*.example.com', 'https://*.example.com'],
    ['https://10.0.0.5:8443', 'https://10.0.0.5:8443'],
    ['https://[::1]:8443', 'https://[::1]:8443'],
    ["'self'", "'self'"],
    ['self', "'self'"],
  ])('accepts %s', (input, origin) => {
    expect(parseOrigin(input)).toEqual({ origin })
  })

  it.each([
    ['https://portal.example.com/path', /path/],
    ['https://portal.example.com/', /path/],
    ['*', /wildcard/],
    ['https://*', /wildcard/],
    ['https://portal.*.com', /wildcard/],
    ['*.example.com', /wildcard/],
    ['portal.example.com', /not an origin/],
    ['javascript:alert(1)', /not an origin/],
    ['ftp://files.example.com', /not an origin/],
    ['https://portal.example.com:99999', /port/],
    ['https://portal.example.com:0', /port/],
    ['https://user@portal.example.com', /not an origin/],
    ["https://a.example.com;script-src", /not an origin/],
    ["'unsafe-inline'", /not an origin/],
  ])('rejects %s', (input, message) => {
    const r = parseOrigin(input)
    expect(r).toHaveProperty('error')
    expect('error' in r && r.error).toMatch(message)
  })
})

describe('parseFrameAncestors', () => {
  it("defaults to 'self'", () => {
    expect(parseFrameAncestors('')).toEqual({ value: ["'self'"] })
    expect(parseFrameAncestors("'self'")).toEqual({ value: ["'self'"] })
  })

  it('reads none as embedding off', () => {
    expect(parseFrameAncestors('none')).toEqual({ value: 'none' })
    expect(parseFrameAncestors("'none'")).toEqual({ value: 'none' })
    expect(parseFrameAncestors('none https://a.example.com')).toHaveProperty('errors')
  })

  it('splits on spaces and commas and drops duplicates', () => {
    expect(parseFrameAncestors("'self', https://portal.example.com  https://*.corp.example.com,https://portal.example.com")).toEqual({
      value: ["'self'", 'https://portal.example.com', 'https://*.corp.example.com'],
    })
  })

  it('reports every invalid entry', () => {
    expect(parseFrameAncestors('https://ok.example.com https://bad.example.com/x *')).toEqual({ errors: [expect.stringMatching(/bad\.example\.com\/x/), expect.stringMatching(/\*/)] })
  })
})

describe('EMBED_ALLOWED_ORIGINS in loadEnv', () => {
  it("defaults to 'self' and parses a list", () => {
    expect(loadEnv({}).EMBED_ALLOWED_ORIGINS).toEqual(["'self'"])
    expect(loadEnv({ EMBED_ALLOWED_ORIGINS: 'none' }).EMBED_ALLOWED_ORIGINS).toBe('none')
    expect(loadEnv({ EMBED_ALLOWED_ORIGINS: 'https://portal.example.com' }).EMBED_ALLOWED_ORIGINS).toEqual(['https://portal.example.com'])
  })

  it('fails start with a message naming the variable', () => {
    expect(() => loadEnv({ EMBED_ALLOWED_ORIGINS: 'https://portal.example.com/embed' })).toThrow(/EMBED_ALLOWED_ORIGINS: .*path/)
  })
})
