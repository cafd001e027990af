import { describe, expect, it } from 'vitest'
import { parseUrlState } from '@/hooks/url-state'
import { compareChoiceOf, compareScanPath, compareStateFor, compareUrlSchema } from './compare-url-state'

const digest = `sha256:${'a'.repeat(64)}`

describe('compare URL state', () => {
  it('round-trips every kind of other scan through the picker value', () => {
    for (const state of [{ baseTag: '1.0' }, { baseDigest: digest }, { baseScanTaskId: '6b0b094f-8a90-4f8f-b660-2427aed0a1b2' }]) {
      const choice = compareChoiceOf(state)
      expect(compareStateFor(choice)).toEqual({ baseTag: undefined, baseDigest: undefined, baseScanTaskId: undefined, ...state })
    }
    expect(compareChoiceOf({})).toBe('')
    expect(compareStateFor('')).toEqual({ baseTag: undefined, baseDigest: undefined, baseScanTaskId: undefined })
  })

  it('parses the query string with the operation’s schema (a digest without its prefix gets it)', () => {
    expect(parseUrlState(compareUrlSchema, new URLSearchParams(`baseDigest=${'a'.repeat(64)}`)).baseDigest).toBe(digest)
    expect(parseUrlState(compareUrlSchema, new URLSearchParams('baseTag=..bad')).baseTag).toBeUndefined()
  })

  it('links to the compare view', () => {
    expect(compareScanPath('/instances/i/scans/t')).toBe('/instances/i/scans/t/compare')
    expect(compareScanPath('/instances/i/scans/t', { baseTag: '1.0' })).toBe('/instances/i/scans/t/compare?baseTag=1.0')
  })
})
