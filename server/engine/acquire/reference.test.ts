import { describe, expect, it } from 'vitest'
import { AcquireError } from './errors'
import { choosePlatform, isAttestation, parsePlatform, platformMatches } from './platform'
import { assertTagOrDigest, formatReference, isValidDigest, isValidRepositoryName, isValidTag, parseReference } from './reference'

const D = `sha256:${'e'.repeat(64)}`

describe('parseReference', () => {
  it.each([
    ['nginx', { registry: 'docker.io', repository: 'library/nginx', tag: 'latest' }],
    ['bitnami/redis:7.2', { registry: 'docker.io', repository: 'bitnami/redis', tag: '7.2' }],
    ['localhost/app', { registry: 'localhost', repository: 'app', tag: 'latest' }],
    ['localhost:5000/team/app:1.2', { registry: 'localhost:5000', repository: 'team/app', tag: '1.2' }],
    ['registry.example.com/a/b/c@' + D, { registry: 'registry.example.com', repository: 'a/b/c', digest: D }],
    ['r.example.com:443/app:v1@' + D, { registry: 'r.example.com:443', repository: 'app', tag: 'v1', digest: D }],
    ['[::1]:5000/app', { registry: '[::1]:5000', repository: 'app', tag: 'latest' }],
  ])('%s', (input, expected) => {
    expect(parseReference(input)).toEqual(expected)
  })

  it('keeps the first component as a path when it is not a host', () => {
    expect(parseReference('team/app', { defaultRegistry: 'registry.internal' })).toEqual({ registry: 'registry.internal', repository: 'team/app', tag: 'latest' })
    expect(parseReference('team/app', { defaultTag: false })).toEqual({ registry: 'docker.io', repository: 'team/app' })
    expect(formatReference(parseReference('nginx'))).toBe('docker.io/library/nginx:latest')
  })

  it.each(['', 'UPPER/case', 'app:', 'app:.bad', 'app@sha256:abc', 'app@md5:' + 'a'.repeat(32), 'a//b', '-app', 'app:' + 'x'.repeat(129), 'x'.repeat(256)])('rejects %j', (input) => {
    expect(() => parseReference(input)).toThrow(AcquireError)
  })
})

describe('name grammar', () => {
  it('follows the distribution spec', () => {
    expect(isValidRepositoryName('a.b_c__d---e/f')).toBe(true)
    expect(isValidRepositoryName('a/')).toBe(false)
    expect(isValidRepositoryName('a..b')).toBe(false)
    expect(isValidTag('_ok.1-2')).toBe(true)
    expect(isValidTag('-no')).toBe(false)
    expect(isValidDigest(D)).toBe(true)
    expect(isValidDigest(`sha512:${'a'.repeat(128)}`)).toBe(true)
    expect(isValidDigest(`sha256:${'E'.repeat(64)}`)).toBe(false)
    expect(() => assertTagOrDigest('../x')).toThrow(/Invalid tag/)
  })
})

describe('platforms', () => {
  it('parses and matches with arm64 meaning v8', () => {
    expect(parsePlatform('linux/arm64/v8')).toEqual({ os: 'linux', architecture: 'arm64', variant: 'v8' })
    expect(() => parsePlatform('linux')).toThrow(AcquireError)
    expect(platformMatches(parsePlatform('linux/arm64/v8'), { os: 'linux', architecture: 'arm64' })).toBe(true)
    expect(platformMatches(parsePlatform('linux/arm/v6'), { os: 'linux', architecture: 'arm', variant: 'v7' })).toBe(false)
    expect(platformMatches(parsePlatform('linux/arm'), { os: 'linux', architecture: 'arm', variant: 'v7' })).toBe(true)
  })

  it('prefers an exact variant and skips attestations', () => {
    const candidates = [{ os: 'linux', architecture: 'arm', variant: 'v6' }, { os: 'linux', architecture: 'arm', variant: 'v7' }, undefined]
    expect(choosePlatform(parsePlatform('linux/arm/v7'), candidates)).toBe(1)
    expect(choosePlatform(parsePlatform('linux/arm'), candidates)).toBe(0)
    expect(choosePlatform(parsePlatform('windows/amd64'), candidates)).toBe(-1)
    expect(isAttestation({ platform: { os: 'unknown', architecture: 'unknown' } })).toBe(true)
    expect(isAttestation({ annotations: { 'vnd.docker.reference.type': 'attestation-manifest' } })).toBe(true)
  })
})
