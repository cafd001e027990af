import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { listInstanceQuery } from '@contract/instances'
import { listRepoTagQuery, listRepositoryQuery } from '@contract/repositories'
import { applyUrlStatePatch, hasActiveFilters, parseUrlState, pickShape, serializeUrlState, urlStateDefaults } from './url-state'

const repoSchema = listRepositoryQuery.omit({ instanceId: true })
const tagSchema = listRepoTagQuery.omit({ instanceId: true, repoId: true })
const tagDefaults = { sortBy: 'pushTime', sortOrder: 'desc' } as const
const qs = (s: string) => new URLSearchParams(s)

describe('parseUrlState', () => {
  it('fills the contract defaults for an empty query string', () => {
    expect(parseUrlState(listInstanceQuery, qs(''))).toEqual({ pageNo: 1, pageSize: 30 })
  })

  it('parses with the contract schema (coercion, trimming)', () => {
    expect(parseUrlState(repoSchema, qs('pageNo=3&pageSize=50&repoName=%20app%20&repoNamespaceName=team'))).toEqual({
      pageNo: 3,
      pageSize: 50,
      repoName: 'app',
      repoNamespaceName: 'team',
    })
  })

  it('applies page defaults such as the initial sort', () => {
    expect(parseUrlState(tagSchema, qs(''), tagDefaults)).toMatchObject({ sortBy: 'pushTime', sortOrder: 'desc' })
    expect(parseUrlState(tagSchema, qs('sortBy=tag&sortOrder=asc'), tagDefaults)).toMatchObject({
      sortBy: 'tag',
      sortOrder: 'asc',
    })
  })

  it('drops only the keys the schema rejects', () => {
    expect(parseUrlState(tagSchema, qs('pageSize=500&sortBy=bogus&tag=v1&pageNo=0'), tagDefaults)).toEqual({
      pageNo: 1,
      pageSize: 30,
      tag: 'v1',
      sortBy: 'pushTime',
      sortOrder: 'desc',
    })
  })

  it('ignores keys the schema does not own', () => {
    expect(parseUrlState(listInstanceQuery, qs('embed=1&instanceName=prod'))).toEqual({
      pageNo: 1,
      pageSize: 30,
      instanceName: 'prod',
    })
  })

  it('reads repeated keys as arrays', () => {
    const schema = z.object({ severity: z.array(z.enum(['HIGH', 'LOW'])).optional() })
    expect(parseUrlState(schema, qs('severity=HIGH&severity=LOW'))).toEqual({ severity: ['HIGH', 'LOW'] })
  })
})

describe('serializeUrlState', () => {
  it('leaves defaults and unset values out of the URL', () => {
    const out = serializeUrlState(tagSchema, { pageNo: 1, pageSize: 30, tag: '', sortBy: 'pushTime', sortOrder: 'desc' }, qs(''), tagDefaults)
    expect(out.toString()).toBe('')
  })

  it('writes what differs from the defaults, in schema order', () => {
    const out = serializeUrlState(repoSchema, { pageNo: 2, pageSize: 50, repoName: 'app', sortBy: 'tagCount', sortOrder: 'desc' }, qs(''))
    expect(out.toString()).toBe('pageNo=2&pageSize=50&repoName=app&sortBy=tagCount&sortOrder=desc')
  })

  it('keeps keys it does not own and replaces the ones it does', () => {
    const out = serializeUrlState(listInstanceQuery, { pageNo: 1, pageSize: 30, instanceName: 'b' }, qs('embed=1&instanceName=a&pageNo=4'))
    expect(out.toString()).toBe('embed=1&instanceName=b')
  })

  it('writes arrays as repeated keys', () => {
    const schema = z.object({ severity: z.array(z.string()).optional() })
    expect(serializeUrlState(schema, { severity: ['HIGH', 'LOW'] }, qs('')).toString()).toBe('severity=HIGH&severity=LOW')
  })

  it('round-trips through parse', () => {
    const state = { pageNo: 3, pageSize: 10, tag: 'v1', sortBy: 'imageSize' as const, sortOrder: 'asc' as const }
    const url = serializeUrlState(tagSchema, state, qs(''), tagDefaults)
    expect(parseUrlState(tagSchema, url, tagDefaults)).toEqual(state)
  })
})

describe('applyUrlStatePatch', () => {
  const current = { pageNo: 4, pageSize: 30, repoName: 'app', sortBy: 'repoName', sortOrder: 'asc' }

  it('keeps the page when only the page changes', () => {
    expect(applyUrlStatePatch(current, { pageNo: 5 })).toMatchObject({ pageNo: 5 })
  })

  it.each([
    ['a filter', { repoName: 'web' }],
    ['the sort', { sortBy: 'tagCount', sortOrder: 'desc' }],
    ['the page size', { pageSize: 50 }],
  ])('goes back to page 1 when %s changes', (_what, patch) => {
    expect(applyUrlStatePatch(current, patch)).toMatchObject({ ...patch, pageNo: 1 })
  })

  it('keeps the page when a patch repeats current values', () => {
    expect(applyUrlStatePatch(current, { repoName: 'app' }).pageNo).toBe(4)
  })

  it('resets to page 1 even when the patch also names a page', () => {
    expect(applyUrlStatePatch(current, { pageSize: 10, pageNo: 3 }).pageNo).toBe(1)
  })
})

describe('urlStateDefaults', () => {
  it('merges schema and page defaults', () => {
    expect(urlStateDefaults(tagSchema, tagDefaults)).toEqual({ pageNo: 1, pageSize: 30, sortBy: 'pushTime', sortOrder: 'desc' })
  })
})

describe('hasActiveFilters', () => {
  it('ignores paging and sort', () => {
    expect(hasActiveFilters(repoSchema, { pageNo: 3, pageSize: 50, sortBy: 'tagCount', sortOrder: 'desc' })).toBe(false)
  })
  it('sees a search or a namespace filter', () => {
    expect(hasActiveFilters(repoSchema, { pageNo: 1, pageSize: 30, repoName: 'app' })).toBe(true)
    expect(hasActiveFilters(repoSchema, { pageNo: 1, pageSize: 30, repoNamespaceName: 'team' })).toBe(true)
  })
  it('treats an empty search as no filter', () => {
    expect(hasActiveFilters(repoSchema, { pageNo: 1, pageSize: 30, repoName: '' })).toBe(false)
  })
})

describe('pickShape', () => {
  it('takes the named fields of a refined contract schema, which zod 4 cannot .pick()', () => {
    const refined = z.object({ a: z.string().optional(), b: z.coerce.number().default(1), c: z.string() }).refine((v) => v.a !== 'x')
    const schema = z.object(pickShape(refined.shape, ['a', 'b']))
    expect(Object.keys(schema.shape)).toEqual(['a', 'b'])
    expect(parseUrlState(schema, qs('a=hi&c=ignored'))).toEqual({ a: 'hi', b: 1 })
  })
})
