import { describe, expect, it } from 'vitest'
import { tagPath } from './tag-url-state'

describe('tagPath', () => {
  it('escapes the tag', () => {
    expect(tagPath('cri-1', 'crr-2', 'v1.0+build')).toBe('/instances/cri-1/repositories/crr-2/tags/v1.0%2Bbuild')
  })
})
