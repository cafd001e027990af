import { describe, expect, it } from 'vitest'
import type { Instance } from '@contract/instances'
import type { RepoTag, Repository } from '@contract/repositories'
import { statusFilterExcludes } from './acr-action'
import { getInstanceAction, listNamespaceAction, listRepoTagAction, toAcrImage, toAcrInstanceListItem, toAcrRepository } from './browse-actions'

/** The fields the mapping reads; the rest of Instance is not the wire's business. */
const instance = {
  instanceId: 'cri-0123456789abcdef',
  instanceName: 'demo',
  provider: 'local',
  kind: 'DIRECTORY',
  endpoint: '/srv/images',
  username: null,
  hasPassword: false,
  insecureTls: false,
  syncStatus: 'READY',
  syncError: null,
  lastSyncTime: 1_700_000_100_000,
  namespaceCount: 1,
  repoCount: 2,
  tagCount: 3,
  createTime: 1_700_000_000_000,
  modifiedTime: 1_700_000_050_000,
} as Instance

describe('instances', () => {
  it('types times as epoch-ms strings in ListInstance and as numbers in GetInstance, and never sends the endpoint or user', () => {
    expect(toAcrInstanceListItem(instance)).toEqual({
      InstanceId: 'cri-0123456789abcdef',
      InstanceName: 'demo',
      InstanceStatus: 'RUNNING',
      Tags: [],
      CreateTime: '1700000000000',
      ModifiedTime: '1700000050000',
    })
    const get = getInstanceAction.response.parse(getInstanceAction.toResponse(instance))
    expect(get).toMatchObject({ CreateTime: 1_700_000_000_000, ModifiedTime: 1_700_000_050_000 })
    expect(JSON.stringify(get)).not.toContain('/srv/images')
  })

  it('a status filter naming another state matches nothing; RUNNING or none matches all', () => {
    const w = (v?: string) => new Map(v === undefined ? [] : [['InstanceStatus', v]])
    expect(statusFilterExcludes(w('STOPPED'), 'InstanceStatus', ['RUNNING'])).toBe(true)
    expect(statusFilterExcludes(w('running'), 'InstanceStatus', ['RUNNING'])).toBe(false)
    expect(statusFilterExcludes(w(''), 'InstanceStatus', ['RUNNING'])).toBe(false)
    expect(statusFilterExcludes(w(), 'InstanceStatus', ['RUNNING'])).toBe(false)
  })
})

describe('namespaces, repositories and tags', () => {
  it('sends TotalCount as a string where the SDK types it so', () => {
    const page = { items: [{ instanceId: instance.instanceId, namespaceName: 'demo', repoCount: 2, tagCount: 3, lastPushTime: null }], totalCount: 1, pageNo: 1, pageSize: 30 }
    expect(listNamespaceAction.response.parse(listNamespaceAction.toResponse(page))).toEqual({
      Namespaces: [{ NamespaceName: 'demo', NamespaceStatus: 'NORMAL', InstanceId: instance.instanceId }],
      TotalCount: '1',
      PageNo: 1,
      PageSize: 30,
    })
  })

  it('maps a repository with ACR’s names', () => {
    const repo: Repository = {
      repoId: 'crr-0123456789abcdef',
      instanceId: instance.instanceId,
      repoNamespaceName: 'demo',
      repoName: 'shop-app',
      fullName: 'demo/shop-app',
      repoStatus: 'NORMAL',
      tagCount: 2,
      lastPushTime: null,
      createTime: 1,
      modifiedTime: 2,
    }
    expect(toAcrRepository(repo)).toEqual({ RepoId: repo.repoId, RepoName: 'shop-app', RepoNamespaceName: 'demo', InstanceId: instance.instanceId, RepoStatus: 'NORMAL', CreateTime: 1, ModifiedTime: 2 })
  })

  it('writes a tag’s digest without sha256: and its times as strings; ImageCreate falls back to the push time', () => {
    const tag: RepoTag = {
      instanceId: instance.instanceId,
      repoId: 'crr-0123456789abcdef',
      tag: '1.0.0',
      digest: `sha256:${'b'.repeat(64)}`,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      imageSize: 12345,
      platforms: ['linux/amd64'],
      layerCount: 3,
      imageCreate: null,
      pushTime: 1_700_000_000_000,
      status: 'NORMAL',
    }
    expect(toAcrImage(tag)).toEqual({ Tag: '1.0.0', Digest: 'b'.repeat(64), ImageSize: 12345, Status: 'NORMAL', ImageCreate: '1700000000000', ImageUpdate: '1700000000000' })
    expect(toAcrImage({ ...tag, imageCreate: 1_600_000_000_000 }).ImageCreate).toBe('1600000000000')
    const body = listRepoTagAction.response.parse(listRepoTagAction.toResponse({ items: [tag], totalCount: 7, pageNo: 2, pageSize: 5 }))
    expect(body.TotalCount).toBe('7')
  })
})
