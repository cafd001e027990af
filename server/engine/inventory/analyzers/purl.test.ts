import { describe, expect, it } from 'vitest'
import { purl, splitGoModule, splitNpmName } from './purl'

describe('purl', () => {
  it('encodes a scoped npm name as the spec requires', () => {
    expect(purl({ type: 'npm', ...splitNpmName('@babel/core'), version: '7.23.2' })).toBe('pkg:npm/%40babel/core@7.23.2')
    expect(purl({ type: 'npm', ...splitNpmName('lodash'), version: '4.17.20' })).toBe('pkg:npm/lodash@4.17.20')
  })

  it('keeps epoch colons, encodes plus signs and sorts qualifiers', () => {
    expect(purl({ type: 'deb', namespace: 'ubuntu', name: 'zlib1g', version: '1:1.2.11.dfsg-2ubuntu9', qualifiers: { upstream: 'zlib', arch: 'amd64', distro: undefined } })).toBe(
      'pkg:deb/ubuntu/zlib1g@1:1.2.11.dfsg-2ubuntu9?arch=amd64&upstream=zlib',
    )
    expect(purl({ type: 'deb', namespace: 'ubuntu', name: 'tar', version: '1.34+dfsg-1ubuntu0.1.22.04.1' })).toBe('pkg:deb/ubuntu/tar@1.34%2Bdfsg-1ubuntu0.1.22.04.1')
  })

  it('writes each Go module path segment as a namespace segment and drops an empty version', () => {
    expect(purl({ type: 'golang', ...splitGoModule('github.com/google/uuid'), version: 'v1.3.0' })).toBe('pkg:golang/github.com/google/uuid@v1.3.0')
    expect(purl({ type: 'golang', ...splitGoModule('stdlib'), version: '1.21.3' })).toBe('pkg:golang/stdlib@1.21.3')
    expect(purl({ type: 'golang', ...splitGoModule('example.com/app') })).toBe('pkg:golang/example.com/app')
  })
})
