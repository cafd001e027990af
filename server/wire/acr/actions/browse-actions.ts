import { z } from 'zod'
import type { Page } from '@contract/common'
import type { Instance } from '@contract/instances'
import { operations } from '@contract/operations'
import type { Namespace, RepoTag, Repository } from '@contract/repositories'
import { getInstance, listInstances } from '../../../instances/instance-store'
import { getRepository, getRepoTag, listNamespaces, listRepoTags, listRepositories } from '../../../providers/local/browse'
import { bareDigest, camelParams, defineAcrAction, pageFields, statusFilterExcludes } from './acr-action'

/**
 * ListInstance, GetInstance, ListNamespace, ListRepository, GetRepository and ListRepoTag
 * (acr-api.md §5) over the local index. Only fields we can fill truthfully are sent:
 * there are no resource groups, specifications, namespace ids or repository types here,
 * and the Go SDK's models leave absent fields nil. Every instance, namespace and
 * repository we index is usable, so it reads RUNNING / NORMAL.
 */

const emptyPage = <T>(q: { pageNo: number; pageSize: number }): Page<T> => ({ items: [], totalCount: 0, pageNo: q.pageNo, pageSize: q.pageSize })

// ─── Instances ───────────────────────────────────────────────────────────────

const acrInstanceFields = {
  InstanceId: z.string(),
  InstanceName: z.string(),
  InstanceStatus: z.literal('RUNNING'),
  Tags: z.array(z.object({ TagKey: z.string(), TagValue: z.string() })),
}

export const acrInstanceListItem = z.object({ ...acrInstanceFields, CreateTime: z.string(), ModifiedTime: z.string() })

/** In ListInstance, CreateTime and ModifiedTime are epoch-ms strings; in GetInstance numbers. */
export function toAcrInstanceListItem(i: Instance): z.input<typeof acrInstanceListItem> {
  return { InstanceId: i.instanceId, InstanceName: i.instanceName, InstanceStatus: 'RUNNING', Tags: [], CreateTime: String(i.createTime), ModifiedTime: String(i.modifiedTime) }
}

export const listInstanceAction = defineAcrAction({
  input: operations.listInstance.input,
  toInput: (wire) => camelParams(wire, ['InstanceName', 'PageNo', 'PageSize']),
  // No instance here is in a resource group, so asking for one matches nothing.
  run: async (s, q, wire) =>
    statusFilterExcludes(wire, 'InstanceStatus', ['RUNNING']) || (wire.get('ResourceGroupId') ?? '') !== '' ? emptyPage<Instance>(q) : listInstances(s.db, q),
  response: z.object({ Instances: z.array(acrInstanceListItem), TotalCount: z.number().int(), PageNo: z.number().int(), PageSize: z.number().int() }),
  toResponse: (page) => ({ Instances: page.items.map(toAcrInstanceListItem), ...pageFields(page) }),
  code: 'string',
  isSuccess: true,
})

export const getInstanceAction = defineAcrAction({
  input: operations.getInstance.input,
  toInput: (wire) => camelParams(wire, ['InstanceId']),
  run: (s, q) => getInstance(s.db, q.instanceId),
  response: z.object({ ...acrInstanceFields, CreateTime: z.number().int(), ModifiedTime: z.number().int() }),
  toResponse: (i) => ({ InstanceId: i.instanceId, InstanceName: i.instanceName, InstanceStatus: 'RUNNING' as const, Tags: [], CreateTime: i.createTime, ModifiedTime: i.modifiedTime }),
  code: 'string',
  isSuccess: true,
})

// ─── Namespaces ──────────────────────────────────────────────────────────────

export const acrNamespace = z.object({ NamespaceName: z.string(), NamespaceStatus: z.literal('NORMAL'), InstanceId: z.string() })

export const toAcrNamespace = (n: Namespace): z.input<typeof acrNamespace> => ({ NamespaceName: n.namespaceName, NamespaceStatus: 'NORMAL', InstanceId: n.instanceId })

export const listNamespaceAction = defineAcrAction({
  input: operations.listNamespace.input,
  toInput: (wire) => camelParams(wire, ['InstanceId', 'NamespaceName', 'PageNo', 'PageSize']),
  run: async (s, q, wire) => (statusFilterExcludes(wire, 'NamespaceStatus', ['NORMAL']) ? emptyPage<Namespace>(q) : listNamespaces(s.db, q)),
  // TotalCount is a string in ListNamespace, ListRepository and ListRepoTag (acr-api.md §5).
  response: z.object({ Namespaces: z.array(acrNamespace), TotalCount: z.string(), PageNo: z.number().int(), PageSize: z.number().int() }),
  toResponse: (page) => ({ Namespaces: page.items.map(toAcrNamespace), ...pageFields(page), TotalCount: String(page.totalCount) }),
  code: 'string',
  isSuccess: true,
})

// ─── Repositories ────────────────────────────────────────────────────────────

export const acrRepository = z.object({
  RepoId: z.string(),
  RepoName: z.string(),
  RepoNamespaceName: z.string(),
  InstanceId: z.string(),
  RepoStatus: z.literal('NORMAL'),
  CreateTime: z.number().int(),
  ModifiedTime: z.number().int(),
})

export const toAcrRepository = (r: Repository): z.input<typeof acrRepository> => ({
  RepoId: r.repoId,
  RepoName: r.repoName,
  RepoNamespaceName: r.repoNamespaceName,
  InstanceId: r.instanceId,
  RepoStatus: 'NORMAL',
  CreateTime: r.createTime,
  ModifiedTime: r.modifiedTime,
})

export const listRepositoryAction = defineAcrAction({
  input: operations.listRepository.input,
  toInput: (wire) => camelParams(wire, ['InstanceId', 'RepoNamespaceName', 'RepoName', 'PageNo', 'PageSize']),
  run: async (s, q, wire) => (statusFilterExcludes(wire, 'RepoStatus', ['NORMAL', 'ALL']) ? emptyPage<Repository>(q) : listRepositories(s.db, q)),
  response: z.object({ Repositories: z.array(acrRepository), TotalCount: z.string(), PageNo: z.number().int(), PageSize: z.number().int() }),
  toResponse: (page) => ({ Repositories: page.items.map(toAcrRepository), ...pageFields(page), TotalCount: String(page.totalCount) }),
  code: 'string',
  isSuccess: true,
})

export const getRepositoryAction = defineAcrAction({
  input: operations.getRepository.input,
  toInput: (wire) => camelParams(wire, ['InstanceId', 'RepoId', 'RepoNamespaceName', 'RepoName']),
  run: (s, q) => getRepository(s.db, q),
  response: acrRepository,
  toResponse: toAcrRepository,
  code: 'string',
  isSuccess: true,
})

// ─── Tags ────────────────────────────────────────────────────────────────────

export const acrImage = z.object({
  Tag: z.string(),
  Digest: z.string(),
  ImageSize: z.number().int(),
  Status: z.literal('NORMAL'),
  ImageCreate: z.string(),
  ImageUpdate: z.string(),
})

/**
 * One tag as ListRepoTag's Images item. ImageUpdate is when the tag got its current
 * digest; ImageCreate when the image was built (its config says), else that same time.
 */
export const toAcrImage = (t: RepoTag): z.input<typeof acrImage> => ({
  Tag: t.tag,
  Digest: bareDigest(t.digest),
  ImageSize: t.imageSize,
  Status: 'NORMAL',
  ImageCreate: String(t.imageCreate ?? t.pushTime),
  ImageUpdate: String(t.pushTime),
})

export const listRepoTagAction = defineAcrAction({
  input: operations.listRepoTag.input,
  toInput: (wire) => camelParams(wire, ['InstanceId', 'RepoId', 'PageNo', 'PageSize']),
  run: (s, q) => listRepoTags(s.db, q),
  response: z.object({ Images: z.array(acrImage), TotalCount: z.string(), PageNo: z.number().int(), PageSize: z.number().int() }),
  toResponse: (page: Page<RepoTag>) => ({ Images: page.items.map(toAcrImage), ...pageFields(page), TotalCount: String(page.totalCount) }),
  code: 'string',
  isSuccess: true,
})

/** GetRepoTag's answer is flat, with ListRepoTag's item fields but its times as numbers (acr-api.md §5.5). */
export const acrImageDetail = acrImage.extend({ ImageCreate: z.number().int(), ImageUpdate: z.number().int() })

export const toAcrImageDetail = (t: RepoTag): z.input<typeof acrImageDetail> => ({ ...toAcrImage(t), ImageCreate: t.imageCreate ?? t.pushTime, ImageUpdate: t.pushTime })

export const getRepoTagAction = defineAcrAction({
  input: operations.getRepoTag.input,
  toInput: (wire) => camelParams(wire, ['InstanceId', 'RepoId', 'Tag']),
  run: (s, q) => getRepoTag(s.db, q),
  response: acrImageDetail,
  toResponse: toAcrImageDetail,
  code: 'string',
  isSuccess: true,
})
