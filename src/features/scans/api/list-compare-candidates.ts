import { queryOptions, useQuery } from '@tanstack/react-query'
import { callOperation, type CallOptions } from '@/api/client'
import { scanKeys } from './keys'

export interface CompareCandidates {
  tags: string[]
  /** Digests of the repository with a COMPLETE scan, newest scan first, with the tag each was scanned as. */
  digests: { digest: string; tag: string; scanTime: number }[]
}

/** What a scan can be compared with in its repository: its tags, and every digest scanned (the first 100 of each). */
export async function listCompareCandidates(q: { instanceId: string; repoId: string }, options?: CallOptions): Promise<CompareCandidates> {
  const [tags, tasks] = await Promise.all([
    callOperation('listRepoTag', { instanceId: q.instanceId, repoId: q.repoId, pageSize: 100, sortBy: 'tag', sortOrder: 'asc' }, options),
    callOperation('listScanTask', { instanceId: q.instanceId, repoId: q.repoId, status: ['COMPLETE'], pageSize: 100 }, options),
  ])
  const digests = new Map<string, CompareCandidates['digests'][number]>()
  for (const t of tasks.items) if (!digests.has(t.digest)) digests.set(t.digest, { digest: t.digest, tag: t.tag, scanTime: t.finishTime ?? t.createTime })
  return { tags: tags.items.map((t) => t.tag), digests: [...digests.values()] }
}

export function compareCandidatesOptions(q: { instanceId: string; repoId: string }) {
  return queryOptions({
    queryKey: [...scanKeys.all, 'compare-candidates', q] as const,
    queryFn: ({ signal }) => listCompareCandidates(q, { signal }),
    staleTime: 30_000,
  })
}

export function useCompareCandidates(q: { instanceId: string; repoId: string }) {
  return useQuery(compareCandidatesOptions(q))
}
