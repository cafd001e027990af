import { describe, expect, it } from 'vitest'
import type { RepoTag } from '@contract/repositories'
import { findTagInPage } from './find-tag'
import { tagPath } from './tag-url-state'

const tag = (name: string): RepoTag => ({
  instanceId: 'cri-2j88dtld8yel0a1b',
  repoId: 'crr-uf082u9dg8do1c2d',
  tag: name,
  digest: 'sha256:815386ebbe9a3490f38785ab11bda34ec8dacf4634af77b8912832d4f85dca04',
  mediaType: 'application/vnd.oci.image.manifest.v1+json',
  imageSize: 1,
  platforms: ['linux/amd64'],
  layerCount: 1,
  imageCreate: null,
  pushTime: 1,
  status: 'NORMAL',
})

describe('findTagInPage', () => {
  it('finds the exact tag among substring matches', () => {
    const page = { items: [tag('v1.1'), tag('v1'), tag('xv1')], totalCount: 3, pageNo: 1, pageSize: 100 }
    expect(findTagInPage(page, 'v1')).toEqual({ found: page.items[1] })
  })
  it('is case-sensitive, as tags are', () => {
    const page = { items: [tag('V1')], totalCount: 1, pageNo: 1, pageSize: 100 }
    expect(findTagInPage(page, 'v1')).toEqual({ found: null, hasMore: false })
  })
  it('asks for the next page only while rows remain', () => {
    const items = [tag('a-v1')]
    expect(findTagInPage({ items, totalCount: 250, pageNo: 1, pageSize: 100 }, 'v1')).toEqual({ found: null, hasMore: true })
    expect(findTagInPage({ items, totalCount: 250, pageNo: 3, pageSize: 100 }, 'v1')).toEqual({ found: null, hasMore: false })
    expect(findTagInPage({ items: [], totalCount: 250, pageNo: 4, pageSize: 100 }, 'v1')).toEqual({ found: null, hasMore: false })
  })
})

describe('tagPath', () => {
  it('escapes the tag', () => {
    expect(tagPath('cri-1', 'crr-2', 'v1.0+build')).toBe('/instances/cri-1/repositories/crr-2/tags/v1.0%2Bbuild')
  })
})
