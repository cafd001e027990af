import { describe, expect, it } from 'vitest'
import { retryAfterMs } from './http-transport'
import { isPrivateHost } from './registry-auth'
import { normalizeRegistryUrl } from './registry-client'
import { parseChallenges } from './www-authenticate'

describe('WWW-Authenticate', () => {
  it('parses several challenges with quoted and escaped values', () => {
    const header = 'Basic realm="a, b", Bearer realm="https://auth.example.com/token",service="reg",scope="repository:x/y:pull,push repository:z:pull", error=insufficient_scope'
    expect(parseChallenges(header)).toEqual([
      { scheme: 'basic', params: { realm: 'a, b' } },
      { scheme: 'bearer', params: { realm: 'https://auth.example.com/token', service: 'reg', scope: 'repository:x/y:pull,push repository:z:pull', error: 'insufficient_scope' } },
    ])
    expect(parseChallenges('Bearer realm="say \\"hi\\""')[0]?.params.realm).toBe('say "hi"')
    expect(parseChallenges('Negotiate')).toEqual([{ scheme: 'negotiate', params: {} }])
    expect(parseChallenges(null)).toEqual([])
  })
})

describe('registry URLs and hosts', () => {
  it('normalises URLs and moves credentials out', () => {
    const { base, credentials } = normalizeRegistryUrl('https://bob:p%40ss@registry.example.com:8443/v2/')
    expect(base.href).toBe('https://registry.example.com:8443/')
    expect(credentials).toEqual({ username: 'bob', password: 'p@ss' })
    expect(normalizeRegistryUrl('docker.io').base.host).toBe('registry-1.docker.io')
    expect(normalizeRegistryUrl('localhost:5000').base.href).toBe('https://localhost:5000/')
    expect(() => normalizeRegistryUrl('ftp://x')).toThrow(/http or https/)
  })

  it('recognises private and loopback addresses for token realms', () => {
    for (const host of ['127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.169.254', '[::1]', '[fd00::1]', '[::ffff:10.0.0.1]', 'localhost', '0.0.0.0']) expect(isPrivateHost(host), host).toBe(true)
    for (const host of ['8.8.8.8', 'auth.docker.io', '172.32.0.1', '[2001:db8::1]']) expect(isPrivateHost(host), host).toBe(false)
  })

  it('reads Retry-After as seconds or a date', () => {
    expect(retryAfterMs('3')).toBe(3000)
    expect(retryAfterMs(new Date(Date.now() + 5000).toUTCString())).toBeGreaterThan(3000)
    expect(retryAfterMs('soon')).toBeNull()
  })
})
