import { describe, expect, it } from 'vitest'
import type { FrameAncestors } from '../http/security-headers'
import { checkWriteOrigin, isEmbedOrigin, isOwnOrigin, originOfUrl, type WriteRequest } from './csrf'

const req = (over: Partial<WriteRequest>): WriteRequest => ({
  csrfToken: undefined,
  secFetchSite: undefined,
  origin: undefined,
  referer: undefined,
  host: 'scan.example.com',
  ...over,
})
const refused = (over: Partial<WriteRequest>, ancestors: FrameAncestors = ["'self'"]) =>
  expect(() => checkWriteOrigin(req(over), ancestors), JSON.stringify(over)).toThrow(/another site/)
const allowed = (over: Partial<WriteRequest>, ancestors: FrameAncestors = ["'self'"]) =>
  expect(() => checkWriteOrigin(req(over), ancestors), JSON.stringify(over)).not.toThrow()

describe('the origin checks of writes without a CSRF token', () => {
  it('trust Sec-Fetch-Site first: same-origin and none pass, cross-site and same-site only from an allowed portal', () => {
    allowed({ secFetchSite: 'same-origin' })
    allowed({ secFetchSite: 'none' })
    refused({ secFetchSite: 'cross-site', origin: 'https://scan.example.com' })
    refused({ secFetchSite: 'same-site', origin: 'https://other.example.com' })
    allowed({ secFetchSite: 'cross-site', origin: 'https://portal.example.org' }, [
      "'self'",
      'https://portal.example.org',
    ])
    refused({ secFetchSite: 'cross-site', origin: 'https://portal.example.org' }, 'none')
  })

  it('fall back to Origin, then Referer, and let requests with neither through', () => {
    allowed({ origin: 'https://scan.example.com' })
    allowed({ referer: 'https://scan.example.com/instances' })
    refused({ origin: 'https://evil.example' })
    refused({ origin: 'null' })
    refused({ referer: 'https://evil.example/' })
    allowed({})
    refused({ origin: 'https://scan.example.com', host: undefined })
  })
})

describe('origin matching', () => {
  it('compares host and port with the Host header, not the scheme', () => {
    expect(isOwnOrigin('https://scan.example.com', 'scan.example.com')).toBe(true)
    expect(isOwnOrigin('https://scan.example.com', 'scan.example.com:443')).toBe(true)
    expect(isOwnOrigin('http://127.0.0.1:8080', '127.0.0.1:8080')).toBe(true)
    expect(isOwnOrigin('http://127.0.0.1:8081', '127.0.0.1:8080')).toBe(false)
    expect(isOwnOrigin('https://scan.example.com.evil.example', 'scan.example.com')).toBe(false)
  })

  it('matches embed origins as CSP frame-ancestors does', () => {
    const list = [
      "'self'",
      'https://portal.example.com',
      'https://*.partner.example',
      'http://127.0.0.1:9097',
    ]
    expect(isEmbedOrigin('https://portal.example.com', list)).toBe(true)
    expect(isEmbedOrigin('https://portal.example.com:443', list)).toBe(true)
    expect(isEmbedOrigin('https://a.b.partner.example', list)).toBe(true)
    expect(isEmbedOrigin('https://partner.example', list)).toBe(false)
    expect(isEmbedOrigin('https://evilpartner.example', list)).toBe(false)
    expect(isEmbedOrigin('http://127.0.0.1:9097', list)).toBe(true)
    expect(isEmbedOrigin('http://127.0.0.1:9098', list)).toBe(false)
    expect(isEmbedOrigin('http://portal.example.com', list)).toBe(false)
    expect(isEmbedOrigin('https://portal.example.com', 'none')).toBe(false)
  })

  it('reads an origin only from http(s) URLs', () => {
    expect(originOfUrl('https://a.example:8443/x?y')).toBe('https://a.example:8443')
    expect(originOfUrl('null')).toBeUndefined()
    expect(originOfUrl('javascript:alert(1)')).toBeUndefined()
  })
})
