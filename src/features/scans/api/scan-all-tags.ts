import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { ScanService } from '@contract/scans'
import { callOperation } from '@/api/client'
import { describeError } from '@/components/ui/error-state'
import { toast } from '@/lib/toast'
import { summarizeScanAll, type ScanAllOutcome } from '../lib/scan-all'
import { scanKeys } from './keys'

export interface ScanAllTagsInput {
  instanceId: string
  repoId: string
  scanService: ScanService
}

/** Requests in flight at once: enough to be quick, few enough not to flood the server. */
const CONCURRENCY = 4

async function allTags(instanceId: string, repoId: string): Promise<string[]> {
  const tags: string[] = []
  for (let pageNo = 1; ; pageNo += 1) {
    const page = await callOperation('listRepoTag', { instanceId, repoId, pageNo, pageSize: 100, sortBy: 'tag', sortOrder: 'asc' })
    tags.push(...page.items.map((t) => t.tag))
    if (pageNo * page.pageSize >= page.totalCount || page.items.length === 0) return tags
  }
}

/**
 * One createRepoTagScanTask per tag of the repository. A tag that shares its digest with
 * an earlier one (or whose image is being scanned) gets the running task back, so it
 * counts as "already running", not as a second scan.
 */
export async function scanAllTags(input: ScanAllTagsInput): Promise<ScanAllOutcome[]> {
  const tags = await allTags(input.instanceId, input.repoId)
  const outcomes: ScanAllOutcome[] = []
  let next = 0
  const worker = async () => {
    while (next < tags.length) {
      const tag = tags[next++] as string
      try {
        const res = await callOperation('createRepoTagScanTask', { instanceId: input.instanceId, repoId: input.repoId, tag, scanService: input.scanService })
        outcomes.push({ tag, scanTaskId: res.scanTaskId, existing: res.existing })
      } catch (error) {
        outcomes.push({ tag, error: describeError(error).message })
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, tags.length) }, worker))
  return outcomes
}

/** "Scan all tags": the result says how many scans were queued; the task lists are refetched. */
export function useScanAllTags({ onQueued }: { onQueued?: () => void } = {}) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: scanAllTags,
    onSuccess: async (outcomes) => {
      const summary = summarizeScanAll(outcomes)
      if (summary.failed > 0) toast.error(summary.title, summary.description)
      else toast.success(summary.title, summary.description)
      onQueued?.()
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: scanKeys.statuses() }),
        queryClient.invalidateQueries({ queryKey: scanKeys.tasks() }),
      ])
    },
    onError: (error) => {
      toast.error('Could not scan the tags', error.message)
    },
  })
}
