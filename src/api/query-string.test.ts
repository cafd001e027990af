import { describe, expect, it } from 'vitest'
import { toQueryString } from './query-string'

describe('toQueryString', () => {
  it('is empty for no input or only unset values', () => {
    expect(toQueryString(undefined)).toBe('')
    expect(toQueryString({})).toBe('')
    expect(toQueryString({ a: undefined, b: null, c: '', d: '   ', e: [] })).toBe('')
  })

  it('keeps key order and stringifies numbers and booleans', () => {
    expect(toQueryString({ instanceId: 'cri-1', pageNo: 2, pageSize: 30, insecure: false })).toBe(
      '?instanceId=cri-1&pageNo=2&pageSize=30&insecure=false',
    )
  })

  it('repeats keys for arrays and drops empty entries', () => {
    expect(toQueryString({ severity: ['HIGH', '', 'LOW'], pageNo: 1 })).toBe('?severity=HIGH&severity=LOW&pageNo=1')
  })

  it('encodes reserved characters', () => {
    expect(toQueryString({ repoName: 'team/app & co', tag: 'v1.0+build' })).toBe(
      '?repoName=team%2Fapp+%26+co&tag=v1.0%2Bbuild',
    )
  })

  it('keeps zero', () => {
    expect(toQueryString({ n: 0 })).toBe('?n=0')
  })

  it('refuses nested objects instead of sending [object Object]', () => {
    expect(() => toQueryString({ filter: { a: 1 } })).toThrow(/filter/)
  })
})
