import type { Instance } from '@contract/instances'
import type { Repository } from '@contract/repositories'
import type { Db } from '../../db/database'
import { ApiError } from '../../errors'
import { listInstances } from '../../instances/instance-store'
import { getRepoTag, getRepository, listRepoTags } from '../../providers/local/browse'
import { splitRepoPath } from '../../providers/local/repo-path'
import { candidatePaths, type ImageName } from './image-name'
import { StackRoxError } from './stackrox-errors'
import type { RequestedName } from './to-storage-image'

/** An imageName pinned to one indexed image: the repository, a tag pointing to the digest, and how to name it back. */
export interface ResolvedImage {
  instanceId: string
  repoId: string
  tag: string
  digest: string
  requested: RequestedName
}

const PAGE = 100
const DOCKER_HUB_HOSTS = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io'])

/** The registry host an instance is known by; a directory instance has none, so its id stands in. */
export function registryOf(instance: Pick<Instance, 'kind' | 'endpoint' | 'instanceId'>): string {
  if (instance.kind !== 'REGISTRY') return instance.instanceId
  try {
    return new URL(instance.endpoint).host.toLowerCase()
  } catch {
    return instance.instanceId
  }
}

function sameRegistry(wanted: string, instance: Instance): boolean {
  const host = registryOf(instance)
  return host === wanted || (DOCKER_HUB_HOSTS.has(wanted) && DOCKER_HUB_HOSTS.has(host))
}

async function allInstances(db: Db): Promise<Instance[]> {
  const all: Instance[] = []
  for (let pageNo = 1; ; pageNo++) {
    const page = await listInstances(db, { pageNo, pageSize: PAGE })
    all.push(...page.items)
    if (all.length >= page.totalCount || !page.items.length) return all
  }
}

async function findRepository(db: Db, instanceId: string, path: string): Promise<Repository | undefined> {
  const { namespace, name } = splitRepoPath(path)
  try {
    return await getRepository(db, { instanceId, repoNamespaceName: namespace, repoName: name })
  } catch (err) {
    if (err instanceof ApiError && err.code === 'REPO_NOT_EXIST') return undefined
    throw err
  }
}

/** A tag of the repository that points to `digest` (the one asked for when it does). */
async function tagOfDigest(db: Db, q: { instanceId: string; repoId: string }, digest: string, preferred: string | undefined): Promise<string | undefined> {
  let found: string | undefined
  for (let pageNo = 1; ; pageNo++) {
    const page = await listRepoTags(db, { ...q, pageNo, pageSize: PAGE })
    for (const t of page.items) {
      if (t.digest !== digest) continue
      if (t.tag === preferred) return t.tag
      found ??= t.tag
    }
    if (pageNo * PAGE >= page.totalCount || !page.items.length) return found
  }
}

/**
 * Finds the indexed image an imageName means. Registry given: the instances with that
 * host (or that id); none given: every instance, and more than one match is refused as
 * ambiguous, naming the registries to choose from.
 */
export async function resolveImage(db: Db, name: ImageName): Promise<ResolvedImage> {
  const instances = (await allInstances(db)).filter((i) =>
    name.instanceId ? i.instanceId === name.instanceId && (!name.registry || sameRegistry(name.registry, i)) : !name.registry || sameRegistry(name.registry, i),
  )
  const label = `${name.instanceId ? `${name.instanceId}/` : ''}${name.registry ? `${name.registry}/` : ''}${name.repository}`
  if (!instances.length) throw new StackRoxError('NOT_FOUND', `No instance serves registry ${name.instanceId ?? name.registry ?? ''}; add it as an instance first.`)
  const matches: { instance: Instance; repo: Repository }[] = []
  for (const instance of instances) {
    const seen = new Set<string>()
    for (const path of candidatePaths(name)) {
      const repo = await findRepository(db, instance.instanceId, path)
      if (repo && !seen.has(repo.repoId)) {
        seen.add(repo.repoId)
        matches.push({ instance, repo })
      }
    }
  }
  const [match, ...others] = matches
  if (!match) throw new StackRoxError('NOT_FOUND', `Image ${label} is not in the index of any instance (sync the instance if it was pushed recently).`)
  if (others.length) {
    const registries = matches.map((m) => registryOf(m.instance)).join(', ')
    throw new StackRoxError('INVALID_ARGUMENT', `imageName ${label} is ambiguous: prefix it with one of ${registries}.`)
  }
  const { instance, repo } = match
  const q = { instanceId: instance.instanceId, repoId: repo.repoId }
  let tag: string
  let digest: string
  if (name.digest) {
    const pointing = await tagOfDigest(db, q, name.digest, name.tag)
    if (!pointing) throw new StackRoxError('NOT_FOUND', `No tag of ${repo.fullName} points to ${name.digest} in the index.`)
    tag = pointing
    digest = name.digest
  } else {
    tag = name.tag ?? 'latest'
    try {
      digest = (await getRepoTag(db, { ...q, tag })).digest
    } catch (err) {
      if (err instanceof ApiError && err.code === 'TAG_NOT_EXIST') throw new StackRoxError('NOT_FOUND', `Image ${label}:${tag} is not in the index (no such tag).`)
      throw err
    }
  }
  return {
    ...q,
    tag,
    digest,
    // Named back as asked: by digest, the tag is the one given (or none), not the one found.
    requested: { registry: name.instanceId ?? name.registry ?? registryOf(instance), remote: repo.fullName, tag: name.digest ? (name.tag ?? '') : tag, ...(name.digest ? { digest: name.digest } : {}) },
  }
}
